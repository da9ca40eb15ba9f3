package dev.guestbench.asm.assembler;

/** One row of the line table: the instruction at {@code address} came from {@code path:line}. */
public record LineEntry(long address, String path, int line) {
}
