package dev.guestbench.asm.ide.formatting;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out one line of assembly in columns, the way the examples are written: labels at the margin, the
 * mnemonic or directive at column 4 padded to 8 characters, operands separated by ", ", a trailing comment
 * at column 32. Lines it cannot safely take apart (several statements, continuations) stay as they are.
 */
public final class ColumnLayout {

    /** Column of the mnemonic. */
    public static final int MNEMONIC_COLUMN = 4;
    /** Width the mnemonic is padded to. */
    public static final int MNEMONIC_WIDTH = 8;
    /** Column of a trailing comment. */
    public static final int COMMENT_COLUMN = 32;

    private ColumnLayout() {
    }

    /** The line laid out in columns (without its line break). */
    public static String format(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        int commentStart = commentStart(trimmed);
        String code = commentStart < 0 ? trimmed : trimmed.substring(0, commentStart).strip();
        String comment = commentStart < 0 ? null : trimmed.substring(commentStart).stripTrailing();
        if (code.isEmpty()) {
            // A comment alone keeps its indentation: it may belong to the code below it or start a block.
            return line.stripTrailing();
        }
        if (hasOutside(code, ';') || code.endsWith("\\")) {
            return line.stripTrailing();
        }
        StringBuilder out = new StringBuilder();
        // Labels: name ':' at the start.
        int i = 0;
        while (true) {
            int j = i;
            while (j < code.length() && isNameChar(code.charAt(j))) {
                j++;
            }
            if (j > i && j < code.length() && code.charAt(j) == ':') {
                out.append(code, i, j + 1);
                i = j + 1;
                while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
                    i++;
                }
                if (i < code.length()) {
                    out.append(' ');
                }
                continue;
            }
            break;
        }
        String statement = code.substring(i);
        if (!statement.isEmpty()) {
            pad(out, MNEMONIC_COLUMN);
            int end = 0;
            while (end < statement.length() && !Character.isWhitespace(statement.charAt(end))) {
                end++;
            }
            String mnemonic = statement.substring(0, end);
            String operands = statement.substring(end).strip();
            int mnemonicStart = out.length();
            out.append(mnemonic);
            if (!operands.isEmpty()) {
                out.append(" ".repeat(Math.max(mnemonicStart + MNEMONIC_WIDTH - out.length(), 1)));
                out.append(String.join(", ", splitOperands(operands)));
            }
        }
        if (comment != null) {
            int column = out.length();
            out.append(" ".repeat(Math.max(COMMENT_COLUMN - column, 1)));
            out.append(comment);
        }
        return out.toString();
    }

    /** Formats every line of a text, keeping its line breaks. */
    public static String formatText(String text) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            boolean cr = line.endsWith("\r");
            out.append(format(cr ? line.substring(0, line.length() - 1) : line));
            if (nl < 0) {
                break;
            }
            out.append(cr ? "\r\n" : "\n");
            start = nl + 1;
        }
        return out.toString();
    }

    /** Pads {@code out} with spaces to {@code column} (at least one space after a label). */
    private static void pad(StringBuilder out, int column) {
        if (out.length() < column) {
            out.append(" ".repeat(column - out.length()));
        }
    }

    private static List<String> splitOperands(String operands) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < operands.length(); i++) {
            char c = operands.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipQuoted(operands, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(operands.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(operands.substring(start).strip());
        return out;
    }

    /** Where a comment starts (# or //) outside strings, or -1. */
    static int commentStart(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipQuoted(s, i);
            } else if (c == '#' || (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/')) {
                return i;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasOutside(String s, char wanted) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipQuoted(s, i);
            } else if (c == wanted) {
                return true;
            }
        }
        return false;
    }

    /** The index of the quote that closes the string or character constant opened at {@code i}. */
    private static int skipQuoted(String s, int i) {
        if (s.charAt(i) == '\'') {
            int end = i + 1 < s.length() && s.charAt(i + 1) == '\\' ? i + 3 : i + 2;
            return end < s.length() && s.charAt(end) == '\'' ? end : Math.min(end - 1, s.length() - 1);
        }
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '"') {
                return j;
            }
            j++;
        }
        return s.length() - 1;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }
}
