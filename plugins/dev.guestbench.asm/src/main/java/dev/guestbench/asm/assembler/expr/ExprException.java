package dev.guestbench.asm.assembler.expr;

/** An expression that cannot be parsed or evaluated, with the 1-based column of the problem. */
public class ExprException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int column;

    /** A problem at a column. */
    public ExprException(int column, String message) {
        super(message);
        this.column = column;
    }

    /** 1-based column of the problem. */
    public int column() {
        return column;
    }
}
