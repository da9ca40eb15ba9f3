package dev.guestbench.asm.assembler.expr;

import java.util.function.BiFunction;

/**
 * Parses GNU as expressions: numbers (decimal, 0x, 0b, octal, 'c'), symbols, {@code .}, numeric
 * local references like {@code 1b}/{@code 2f}, unary - ~ !, the binary operators in GNU as
 * precedence (* / % << >> above | & ^ ! above + - and comparisons above && ||), parentheses and
 * the modifiers %hi %lo %pcrel_hi %pcrel_lo.
 */
public final class ExprParser {
    private final String s;
    private final int end;
    private final int columnBase;
    private final BiFunction<String, Integer, String> localRefs;
    private int pos;
    private boolean calls;

    /**
     * A parser over {@code text[start, end)}; {@code columnBase} is the 1-based column of index 0,
     * {@code localRefs} renames "1b"/"1f" references (given the text and column).
     */
    public ExprParser(String text, int start, int end, int columnBase, BiFunction<String, Integer, String> localRefs) {
        this.s = text;
        this.pos = start;
        this.end = end;
        this.columnBase = columnBase;
        this.localRefs = localRefs;
    }

    /** Lets NAME(args) be parsed as a function call (linker scripts). */
    public ExprParser withCalls() {
        calls = true;
        return this;
    }

    /** Parses the whole range as one expression. */
    public Expr parseAll() {
        skipSpace();
        if (pos >= end) {
            throw new ExprException(col(pos), "missing expression");
        }
        Expr e = parseLogical();
        skipSpace();
        if (pos < end) {
            throw new ExprException(col(pos), "junk '" + s.substring(pos, end).strip() + "' after expression");
        }
        return e;
    }

    private int col(int index) {
        return columnBase + index;
    }

    private void skipSpace() {
        while (pos < end && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private boolean take(String op) {
        skipSpace();
        if (s.startsWith(op, pos) && pos + op.length() <= end) {
            pos += op.length();
            return true;
        }
        return false;
    }

    private Expr parseLogical() {
        Expr left = parseAdditive();
        while (true) {
            int at = pos;
            if (take("&&")) {
                left = new Expr.Binary("&&", left, parseAdditive(), col(at));
            } else if (take("||")) {
                left = new Expr.Binary("||", left, parseAdditive(), col(at));
            } else {
                return left;
            }
        }
    }

    private Expr parseAdditive() {
        Expr left = parseBitwise();
        while (true) {
            skipSpace();
            int at = pos;
            String op = null;
            for (String candidate : new String[] {"==", "!=", "<>", "<=", ">=", "+", "-"}) {
                if (s.startsWith(candidate, pos) && pos + candidate.length() <= end) {
                    op = candidate;
                    break;
                }
            }
            if (op == null && pos < end && (s.charAt(pos) == '<' || s.charAt(pos) == '>')
                    && !(pos + 1 < end && s.charAt(pos + 1) == s.charAt(pos))) {
                op = String.valueOf(s.charAt(pos));
            }
            if (op == null) {
                return left;
            }
            pos += op.length();
            left = new Expr.Binary(op, left, parseBitwise(), col(at));
        }
    }

    private Expr parseBitwise() {
        Expr left = parseMultiplicative();
        while (true) {
            skipSpace();
            int at = pos;
            if (pos < end && (s.charAt(pos) == '|' || s.charAt(pos) == '&' || s.charAt(pos) == '^'
                    || s.charAt(pos) == '!')
                    && !(pos + 1 < end && (s.startsWith("||", pos) || s.startsWith("&&", pos)
                            || s.startsWith("!=", pos)))) {
                String op = String.valueOf(s.charAt(pos++));
                left = new Expr.Binary(op, left, parseMultiplicative(), col(at));
            } else {
                return left;
            }
        }
    }

    private Expr parseMultiplicative() {
        Expr left = parseUnary();
        while (true) {
            skipSpace();
            int at = pos;
            String op = null;
            if (s.startsWith("<<", pos) || s.startsWith(">>", pos)) {
                op = s.substring(pos, pos + 2);
            } else if (pos < end && (s.charAt(pos) == '*' || s.charAt(pos) == '/' || s.charAt(pos) == '%')) {
                op = String.valueOf(s.charAt(pos));
            }
            if (op == null) {
                return left;
            }
            pos += op.length();
            left = new Expr.Binary(op, left, parseUnary(), col(at));
        }
    }

    private Expr parseUnary() {
        skipSpace();
        int at = pos;
        if (pos < end) {
            char c = s.charAt(pos);
            if (c == '-' || c == '~' || c == '!' || c == '+') {
                pos++;
                return new Expr.Unary(c, parseUnary(), col(at));
            }
        }
        return parsePrimary();
    }

    private Expr parsePrimary() {
        skipSpace();
        int at = pos;
        if (pos >= end) {
            throw new ExprException(col(pos), "missing operand");
        }
        char c = s.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = parseLogical();
            if (!take(")")) {
                throw new ExprException(col(pos), "missing ')'");
            }
            return inner;
        }
        if (c == '%') {
            pos++;
            int nameStart = pos;
            while (pos < end && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String name = s.substring(nameStart, pos);
            if (!name.equals("hi") && !name.equals("lo") && !name.equals("pcrel_hi") && !name.equals("pcrel_lo")) {
                throw new ExprException(col(at), "unknown relocation modifier %" + name);
            }
            if (!take("(")) {
                throw new ExprException(col(pos), "expected '(' after %" + name);
            }
            Expr inner = parseLogical();
            if (!take(")")) {
                throw new ExprException(col(pos), "missing ')'");
            }
            return new Expr.Modifier(name, inner, col(at));
        }
        if (c == '"') {
            // A quoted symbol name.
            int close = s.indexOf('"', pos + 1);
            if (close < 0 || close >= end) {
                throw new ExprException(col(at), "missing closing quote");
            }
            String name = s.substring(pos + 1, close);
            pos = close + 1;
            return new Expr.Sym(name, col(at));
        }
        if (c == '\'') {
            if (pos + 1 >= end) {
                throw new ExprException(col(at), "unterminated character constant");
            }
            char v = s.charAt(pos + 1);
            int len = 2;
            if (v == '\\' && pos + 2 < end) {
                v = escape(s.charAt(pos + 2));
                len = 3;
            }
            pos += len;
            if (pos < end && s.charAt(pos) == '\'') {
                pos++;
            }
            return new Expr.Num(v, col(at));
        }
        if (Character.isDigit(c)) {
            int start = pos;
            while (pos < end && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String word = s.substring(start, pos);
            if (isLocalRef(word)) {
                return new Expr.Sym(localRefs.apply(word, col(at)), col(at));
            }
            return new Expr.Num(number(word, col(at)), col(at));
        }
        if (isSymbolStart(c)) {
            int start = pos;
            while (pos < end && isSymbolChar(s.charAt(pos))) {
                pos++;
            }
            String name = s.substring(start, pos);
            if (name.equals(".")) {
                return new Expr.Dot(col(at));
            }
            if (calls && pos < end && s.charAt(pos) == '(') {
                pos++;
                java.util.List<Expr> args = new java.util.ArrayList<>();
                skipSpace();
                if (!take(")")) {
                    do {
                        args.add(parseLogical());
                    } while (take(","));
                    if (!take(")")) {
                        throw new ExprException(col(pos), "missing ')'");
                    }
                }
                return new Expr.Call(name, args, col(at));
            }
            return new Expr.Sym(name, col(at));
        }
        throw new ExprException(col(at), "unexpected '" + c + "' in expression");
    }

    private static boolean isLocalRef(String w) {
        char last = w.charAt(w.length() - 1);
        if (w.length() < 2 || (last != 'b' && last != 'f')) {
            return false;
        }
        for (int i = 0; i < w.length() - 1; i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static char escape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '0' -> '\0';
            case 'b' -> '\b';
            case 'f' -> '\f';
            default -> c;
        };
    }

    /** Parses an integer literal the way GNU as reads it. */
    public static long number(String word, int column) {
        String w = word.replace("_", "");
        try {
            if (w.startsWith("0x") || w.startsWith("0X")) {
                return Long.parseUnsignedLong(w.substring(2), 16);
            }
            if (w.startsWith("0b") || w.startsWith("0B")) {
                return Long.parseUnsignedLong(w.substring(2), 2);
            }
            if (w.length() > 1 && w.startsWith("0")) {
                return Long.parseUnsignedLong(w.substring(1), 8);
            }
            return Long.parseUnsignedLong(w);
        } catch (NumberFormatException e) {
            throw new ExprException(column, "bad number '" + word + "'");
        }
    }

    /** True for a character that can start a symbol name. */
    public static boolean isSymbolStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '.' || c == '$';
    }

    /** True for a character that can continue a symbol name. */
    public static boolean isSymbolChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }
}
