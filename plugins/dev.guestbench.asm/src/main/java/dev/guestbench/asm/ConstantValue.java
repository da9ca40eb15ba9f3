package dev.guestbench.asm;

import dev.guestbench.asm.model.BinaryExpression;
import dev.guestbench.asm.model.CharLiteral;
import dev.guestbench.asm.model.Expression;
import dev.guestbench.asm.model.NumberLiteral;
import dev.guestbench.asm.model.UnaryExpression;

/**
 * The value of an expression made only of numbers and operators, as GNU as computes it (64-bit), or null
 * when it names a symbol, a label or a relocation and only the assembler can tell.
 */
public final class ConstantValue {

    private ConstantValue() {
    }

    /** The value, or null if the expression is not a plain constant. */
    public static Long of(Expression expression) {
        if (expression instanceof NumberLiteral number) {
            return parseNumber(number.getValue());
        }
        if (expression instanceof CharLiteral c) {
            return parseChar(c.getValue());
        }
        if (expression instanceof UnaryExpression unary) {
            Long v = of(unary.getOperand());
            if (v == null) {
                return null;
            }
            return switch (unary.getOperator()) {
                case "-" -> -v;
                case "~" -> ~v;
                default -> v;
            };
        }
        if (expression instanceof BinaryExpression binary) {
            Long l = of(binary.getLeft());
            Long r = of(binary.getRight());
            if (l == null || r == null) {
                return null;
            }
            return switch (binary.getOperator()) {
                case "+" -> l + r;
                case "-" -> l - r;
                case "|" -> l | r;
                case "&" -> l & r;
                case "^" -> l ^ r;
                case "*" -> l * r;
                case "/" -> r == 0 ? null : l / r;
                case "<<" -> l << r;
                case ">>" -> l >> r;
                default -> null;
            };
        }
        return null;
    }

    /** A NUMBER token's value: 0x hex, 0b binary, a leading 0 octal (as in GNU as), else decimal. */
    public static Long parseNumber(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() > 2 && (text.startsWith("0x") || text.startsWith("0X"))) {
                return Long.parseUnsignedLong(text.substring(2), 16);
            }
            if (text.length() > 2 && (text.startsWith("0b") || text.startsWith("0B"))) {
                return Long.parseUnsignedLong(text.substring(2), 2);
            }
            if (text.length() > 1 && text.startsWith("0")) {
                return Long.parseUnsignedLong(text.substring(1), 8);
            }
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseChar(String text) {
        if (text == null || text.length() < 2) {
            return null;
        }
        char c = text.charAt(1);
        if (c != '\\') {
            return (long) c;
        }
        if (text.length() < 3) {
            return null;
        }
        return switch (text.charAt(2)) {
            case 'n' -> 10L;
            case 't' -> 9L;
            case 'r' -> 13L;
            case '0' -> 0L;
            case 'b' -> 8L;
            case 'f' -> 12L;
            default -> (long) text.charAt(2);
        };
    }
}
