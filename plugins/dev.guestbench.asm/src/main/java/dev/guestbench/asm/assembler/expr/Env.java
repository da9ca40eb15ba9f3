package dev.guestbench.asm.assembler.expr;

/** What an expression's symbols and location counter mean where it is evaluated. */
public interface Env {

    /** The value of a symbol; throws {@link ExprException} if it has none (yet). */
    long symbol(String name, int column);

    /** The value of the location counter. */
    long dot(int column);

    /** A linker script function; none are known outside linker scripts. */
    default long call(String name, long[] args, int column) {
        throw new ExprException(column, "unknown function " + name + "()");
    }
}
