package dev.guestbench.asm.assembler;

/** One assembly source: its path (for messages, the line table and includes) and its text. */
public record SourceFile(String path, String text) {
}
