package dev.guestbench.asm.assembler.expr;

/** An assembler expression tree; {@code column} is the 1-based column where it starts. */
public sealed interface Expr {

    /** Where the expression starts in its line (1-based). */
    int column();

    /** A number. */
    record Num(long value, int column) implements Expr {
    }

    /** A symbol reference (numeric local references are already renamed). */
    record Sym(String name, int column) implements Expr {
    }

    /** The location counter {@code .}. */
    record Dot(int column) implements Expr {
    }

    /** A unary operator: - ~ ! +. */
    record Unary(char op, Expr operand, int column) implements Expr {
    }

    /** A binary operator, e.g. "+", "<<", "&&". */
    record Binary(String op, Expr left, Expr right, int column) implements Expr {
    }

    /** A function of a linker script, e.g. ALIGN(8). */
    record Call(String name, java.util.List<Expr> args, int column) implements Expr {
    }

    /** A relocation modifier: %hi %lo %pcrel_hi %pcrel_lo applied to an expression. */
    record Modifier(String name, Expr operand, int column) implements Expr {
    }
}
