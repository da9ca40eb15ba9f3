package dev.guestbench.asm.ide.analysis;

/** A range of a document and the highlighting style it gets (one of {@code AsmHighlightingStyles}). */
public record Highlight(int offset, int length, String style) {
}
