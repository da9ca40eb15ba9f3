package dev.guestbench.asm.assembler.source;

/** One logical line of source after preprocessing: where it came from and its text. */
public record SourceLine(String path, int line, String text) {
}
