package dev.guestbench.isa.elf;

import java.io.IOException;

/** A file that is not a well-formed ELF64 little-endian RISC-V file; the message says what is wrong. */
public final class ElfFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message. */
    public ElfFormatException(String message) {
        super(message);
    }
}
