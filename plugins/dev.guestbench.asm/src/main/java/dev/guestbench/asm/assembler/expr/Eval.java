package dev.guestbench.asm.assembler.expr;

import java.util.function.Predicate;

/** Evaluates expressions as 64-bit integers, the way GNU as does for absolute values. */
public final class Eval {
    private Eval() {
    }

    /** The value of an expression; relocation modifiers %hi and %lo are applied, %pcrel_* refused. */
    public static long eval(Expr e, Env env) {
        return switch (e) {
            case Expr.Num n -> n.value();
            case Expr.Sym s -> env.symbol(s.name(), s.column());
            case Expr.Dot d -> env.dot(d.column());
            case Expr.Unary u -> {
                long v = eval(u.operand(), env);
                yield switch (u.op()) {
                    case '-' -> -v;
                    case '~' -> ~v;
                    case '!' -> v == 0 ? 1 : 0;
                    default -> v;
                };
            }
            case Expr.Binary b -> binary(b, eval(b.left(), env), eval(b.right(), env));
            case Expr.Call c -> {
                long[] args = new long[c.args().size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = eval(c.args().get(i), env);
                }
                yield env.call(c.name(), args, c.column());
            }
            case Expr.Modifier m -> switch (m.name()) {
                case "hi" -> hi20(eval(m.operand(), env));
                case "lo" -> lo12(eval(m.operand(), env));
                default -> throw new ExprException(m.column(), "%" + m.name() + " is not allowed here");
            };
        };
    }

    /** The upper 20 bits for lui/auipc, rounded so that adding {@link #lo12} gives the value back. */
    public static long hi20(long v) {
        return ((v + 0x800) >> 12) & 0xfffff;
    }

    /** The sign-extended low 12 bits. */
    public static long lo12(long v) {
        return (v << 52) >> 52;
    }

    private static long binary(Expr.Binary b, long l, long r) {
        return switch (b.op()) {
            case "+" -> l + r;
            case "-" -> l - r;
            case "*" -> l * r;
            case "/" -> {
                if (r == 0) {
                    throw new ExprException(b.column(), "division by zero");
                }
                yield l / r;
            }
            case "%" -> {
                if (r == 0) {
                    throw new ExprException(b.column(), "division by zero");
                }
                yield l % r;
            }
            case "<<" -> l << r;
            case ">>" -> l >> r;
            case "&" -> l & r;
            case "|" -> l | r;
            case "^" -> l ^ r;
            case "!" -> l | ~r;
            case "&&" -> (l != 0 && r != 0) ? 1 : 0;
            case "||" -> (l != 0 || r != 0) ? 1 : 0;
            // GNU as gives -1 for true comparisons.
            case "==" -> l == r ? -1 : 0;
            case "!=", "<>" -> l != r ? -1 : 0;
            case "<" -> l < r ? -1 : 0;
            case ">" -> l > r ? -1 : 0;
            case "<=" -> l <= r ? -1 : 0;
            case ">=" -> l >= r ? -1 : 0;
            default -> throw new ExprException(b.column(), "unknown operator " + b.op());
        };
    }

    /** True if any node of the expression satisfies the test. */
    public static boolean any(Expr e, Predicate<Expr> test) {
        if (test.test(e)) {
            return true;
        }
        return switch (e) {
            case Expr.Unary u -> any(u.operand(), test);
            case Expr.Binary b -> any(b.left(), test) || any(b.right(), test);
            case Expr.Modifier m -> any(m.operand(), test);
            default -> false;
        };
    }
}
