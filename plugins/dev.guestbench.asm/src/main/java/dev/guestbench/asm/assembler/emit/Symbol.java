package dev.guestbench.asm.assembler.emit;

import dev.guestbench.asm.assembler.expr.Expr;
import dev.guestbench.asm.assembler.source.SourceLine;

/** A symbol: a label (a place in a piece), or a value set by .equ/.set/=. */
public final class Symbol {
    public final String name;
    public Frag frag;
    public int offset;
    public Expr value;
    /** File index of the object file that defines it (locals are per file). */
    public int fileIndex;
    public boolean global;
    public boolean local;
    public String type;
    public Expr sizeExpr;
    public SourceLine definedAt;
    public boolean evaluating;

    /** A new, not yet defined symbol. */
    public Symbol(String name, int fileIndex) {
        this.name = name;
        this.fileIndex = fileIndex;
    }

    /** True if defined as a label or by an assignment. */
    public boolean isDefined() {
        return frag != null || value != null;
    }
}
