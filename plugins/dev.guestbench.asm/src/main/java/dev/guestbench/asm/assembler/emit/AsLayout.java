package dev.guestbench.asm.assembler.emit;

import static dev.guestbench.isa.Instruction.JAL;

import dev.guestbench.asm.assembler.expr.Expr;
import dev.guestbench.asm.assembler.expr.ExprException;
import java.util.function.BiFunction;

/**
 * GNU as's own layout of a section: the size of every piece, growing branches to symbols in the
 * section until they reach (c.beqz/c.bnez/c.j, then the 4-byte forms, then an inverted branch
 * over a jal), worst-case alignment padding where the linker will trim it, and the section's
 * size rounded up to its alignment for code sections.
 */
public final class AsLayout {
    private final BiFunction<Integer, String, Symbol> symbols;
    private final BiFunction<Integer, Expr, Long> constants;

    /** The symbol and addend of an expression "sym", "sym + c" or "sym - c". */
    public record Target(Symbol symbol, long addend) {
    }

    /**
     * A layout that finds symbols with {@code symbols.apply(fileIndex, name)} and evaluates
     * constant expressions with {@code constants} (which throws {@link ExprException} otherwise).
     */
    public AsLayout(BiFunction<Integer, String, Symbol> symbols, BiFunction<Integer, Expr, Long> constants) {
        this.symbols = symbols;
        this.constants = constants;
    }

    /** The label and addend an expression names, or null if it is not label + constant. */
    public Target target(int fileIndex, Expr e) {
        if (e instanceof Expr.Sym s) {
            Symbol sym = symbols.apply(fileIndex, s.name());
            return sym == null || sym.frag == null ? null : new Target(sym, 0);
        }
        if (e instanceof Expr.Binary b && (b.op().equals("+") || b.op().equals("-"))) {
            Target t = target(fileIndex, b.left());
            if (t == null) {
                return null;
            }
            try {
                long c = constants.apply(fileIndex, b.right());
                return new Target(t.symbol, t.addend + (b.op().equals("+") ? c : -c));
            } catch (ExprException ex) {
                return null;
            }
        }
        return null;
    }

    /** Sets {@code asSize} and {@code asOffset} of every piece and the section's {@code asSize}. */
    public void layout(ObjectFile f, Section s) {
        for (Frag x : s.frags) {
            switch (x.kind) {
                case DATA -> x.asSize = x.length;
                case BRANCH -> x.asSize = x.compressible ? 2 : 4;
                case CALL -> x.asSize = 8;
                case HI -> x.asSize = 4;
                case ALIGN -> x.asSize = 0;
            }
        }
        for (int round = 0; round < 100; round++) {
            long off = 0;
            for (Frag x : s.frags) {
                x.asOffset = off;
                if (x.kind == Frag.Kind.ALIGN) {
                    x.asSize = x.relaxAlign ? x.align - (x.rvc ? 2 : 4) : (int) padding(off, x);
                }
                off += x.asSize;
            }
            boolean changed = false;
            for (Frag x : s.frags) {
                if (x.kind != Frag.Kind.BRANCH) {
                    continue;
                }
                int size = branchLength(f, s, x);
                if (size > x.asSize) {
                    x.asSize = size;
                    changed = true;
                }
            }
            if (!changed) {
                // GNU as pads code sections (only) to their alignment, with zeros.
                s.asSize = s.code ? alignUp(off, s.alignment) : off;
                return;
            }
        }
        long sum = s.frags.stream().mapToLong(x -> x.asSize).sum();
        s.asSize = s.code ? alignUp(sum, s.alignment) : sum;
    }

    private static long padding(long off, Frag x) {
        long pad = alignUp(off, x.align) - off;
        if (x.maxSkip >= 0 && pad > x.maxSkip) {
            return 0;
        }
        return pad;
    }

    private int branchLength(ObjectFile f, Section s, Frag x) {
        boolean jump = x.insn == JAL;
        Target t = target(f.index, x.target);
        if (t == null || t.symbol.frag.section != s) {
            // Not in this section: GNU as keeps jal (the linker checks the range) and makes a
            // conditional branch an inverted branch over a jal.
            return jump ? 4 : 8;
        }
        long val = t.symbol.frag.asOffset + t.symbol.offset + t.addend - x.asOffset;
        if (x.compressible && (jump ? fits(val, 12) : fits(val, 9))) {
            return 2;
        }
        if (jump ? fits(val, 21) : fits(val, 13)) {
            return 4;
        }
        if (jump) {
            return 4;
        }
        return x.compressible ? 6 : 8;
    }

    private static boolean fits(long v, int bits) {
        return v >= -(1L << (bits - 1)) && v < (1L << (bits - 1));
    }

    private static long alignUp(long v, long a) {
        return (v + a - 1) & -a;
    }
}
