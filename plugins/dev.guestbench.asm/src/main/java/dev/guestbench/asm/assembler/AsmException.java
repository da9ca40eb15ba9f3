package dev.guestbench.asm.assembler;

import dev.guestbench.asm.assembler.source.SourceLine;

/** An error at a place in the source; the assembler turns it into a diagnostic and goes on. */
public class AsmException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SourceLine line;
    private final int column;
    private final int length;

    /** An error at a column (1-based; 0 for the whole line) of a line. */
    public AsmException(SourceLine line, int column, int length, String message) {
        super(message);
        this.line = line;
        this.column = column;
        this.length = length;
    }

    /** An error about a whole line. */
    public AsmException(SourceLine line, String message) {
        this(line, 0, 0, message);
    }

    /** The line, or null if not known yet. */
    public SourceLine line() {
        return line;
    }

    /** The 1-based column, 0 if unknown. */
    public int column() {
        return column;
    }

    /** Length of the offending text, 0 if unknown. */
    public int length() {
        return length;
    }

    /** The same error placed at a line, if it has none yet. */
    public AsmException at(SourceLine where) {
        return line != null ? this : new AsmException(where, column, length, getMessage());
    }
}
