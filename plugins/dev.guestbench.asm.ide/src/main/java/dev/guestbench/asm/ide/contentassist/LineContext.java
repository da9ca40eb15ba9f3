package dev.guestbench.asm.ide.contentassist;

/**
 * Where the cursor is within one line of assembly, found from the text alone so that it works on lines
 * the parser cannot read yet: in the mnemonic, in operand {@code n}, inside a base register's parentheses,
 * or in a comment.
 */
public record LineContext(Position position, String mnemonic, int operandIndex, boolean inParentheses,
        String prefix, int prefixOffset) {

    /** What the cursor is on. */
    public enum Position {
        /** Where a label, mnemonic or directive starts. */
        MNEMONIC,
        /** In an operand of {@link LineContext#mnemonic()}. */
        OPERAND,
        /** In a comment or string: nothing to propose. */
        NONE
    }

    /** Reads the line of {@code text} that holds {@code offset}. */
    public static LineContext at(String text, int offset) {
        int lineStart = offset;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int prefixStart = offset;
        while (prefixStart > lineStart && isNameChar(text.charAt(prefixStart - 1))) {
            prefixStart--;
        }
        String prefix = text.substring(prefixStart, offset);
        // Scan the line up to the cursor: strip labels, find the mnemonic, count commas.
        String before = text.substring(lineStart, offset);
        int i = 0;
        int n = before.length();
        String mnemonic = null;
        int operandIndex = 0;
        int depth = 0;
        while (i < n) {
            char c = before.charAt(i);
            if (c == '#' || (c == '/' && i + 1 < n && before.charAt(i + 1) == '/')) {
                return new LineContext(Position.NONE, mnemonic, 0, false, prefix, prefixStart);
            }
            if (c == '"') {
                int close = before.indexOf('"', i + 1);
                if (close < 0) {
                    return new LineContext(Position.NONE, mnemonic, 0, false, prefix, prefixStart);
                }
                i = close + 1;
                continue;
            }
            if (c == ';') {
                mnemonic = null;
                operandIndex = 0;
                depth = 0;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (mnemonic == null) {
                int start = i;
                while (i < n && isNameChar(before.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    return new LineContext(Position.MNEMONIC, null, 0, false, prefix, prefixStart);
                }
                if (before.charAt(i) == ':') {
                    i++; // a label; the mnemonic may follow
                    continue;
                }
                mnemonic = before.substring(start, i);
                if (i == start) {
                    i++;
                }
                continue;
            }
            if (c == ',' && depth == 0) {
                operandIndex++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            i++;
        }
        if (mnemonic == null) {
            return new LineContext(Position.MNEMONIC, null, 0, false, prefix, prefixStart);
        }
        return new LineContext(Position.OPERAND, mnemonic, operandIndex, depth > 0, prefix, prefixStart);
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }
}
