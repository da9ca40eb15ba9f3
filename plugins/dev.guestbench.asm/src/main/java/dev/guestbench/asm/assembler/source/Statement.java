package dev.guestbench.asm.assembler.source;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a line, split the GNU as way: labels, then a directive or mnemonic and its
 * operand text. Columns are 1-based positions in the line.
 */
public record Statement(SourceLine line, List<Label> labels, String word, int wordColumn, String operands,
        int operandsColumn) {

    /** A label and its column. */
    public record Label(String name, int column) {
    }

    /** Splits a line into statements at ';' and drops comments ('#' and '//' outside strings). */
    public static List<Statement> split(SourceLine line) {
        List<Statement> out = new ArrayList<>(1);
        String t = line.text();
        int start = 0;
        int i = 0;
        int n = t.length();
        boolean str = false;
        while (i <= n) {
            char c = i < n ? t.charAt(i) : ';';
            if (str) {
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    str = false;
                }
                i++;
                continue;
            }
            if (c == '"') {
                str = true;
                if (t.indexOf('"', i + 1) < 0) {
                    throw new dev.guestbench.asm.assembler.AsmException(line, i + 1, n - i, "missing closing quote");
                }
            } else if (c == '\'' && i + 1 < n) {
                i += (t.charAt(i + 1) == '\\') ? 3 : 2;
                if (i < n && t.charAt(i) == '\'') {
                    i++;
                }
                continue;
            } else if (c == '#' || (c == '/' && i + 1 < n && t.charAt(i + 1) == '/')) {
                one(line, t, start, i, out);
                return out;
            } else if (c == ';') {
                one(line, t, start, i, out);
                start = i + 1;
            }
            i++;
        }
        return out;
    }

    private static void one(SourceLine line, String t, int start, int end, List<Statement> out) {
        int i = start;
        List<Label> labels = new ArrayList<>(0);
        while (true) {
            while (i < end && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            int s = i;
            if (i < end && t.charAt(i) == '"') {
                // A quoted symbol name used as a label: "name":
                int close = t.indexOf('"', i + 1);
                if (close > 0 && close + 1 < end && t.charAt(close + 1) == ':') {
                    labels.add(new Label(t.substring(i + 1, close), s + 1));
                    i = close + 2;
                    continue;
                }
            }
            while (i < end && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '_' || t.charAt(i) == '.'
                    || t.charAt(i) == '$')) {
                i++;
            }
            if (i > s && i < end && t.charAt(i) == ':' && !(i + 1 < end && t.charAt(i + 1) == ':')) {
                labels.add(new Label(t.substring(s, i), s + 1));
                i++;
                continue;
            }
            if (s == i && i < end) {
                // not a word: e.g. a stray character; take the rest as the "word" for an error
                i = s;
            }
            String word = t.substring(s, i);
            int j = i;
            while (j < end && Character.isWhitespace(t.charAt(j))) {
                j++;
            }
            if (word.isEmpty() && j < end) {
                word = t.substring(j, end).strip();
                out.add(new Statement(line, labels, word, j + 1, "", end + 1));
                return;
            }
            String ops = t.substring(j, end);
            int trimmedEnd = ops.length();
            while (trimmedEnd > 0 && Character.isWhitespace(ops.charAt(trimmedEnd - 1))) {
                trimmedEnd--;
            }
            if (!word.isEmpty() || !labels.isEmpty()) {
                out.add(new Statement(line, labels, word, s + 1, ops.substring(0, trimmedEnd), j + 1));
            }
            return;
        }
    }

    /** Splits operand text at top-level commas; each part with its 1-based column, trimmed. */
    public static List<Part> operands(String text, int column) {
        List<Part> parts = new ArrayList<>();
        if (text.isBlank()) {
            return parts;
        }
        int depth = 0;
        int start = 0;
        boolean str = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (str) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    str = false;
                }
                continue;
            }
            if (c == '"') {
                str = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && (depth <= 0 || i == text.length())) {
                String raw = text.substring(start, i);
                int lead = 0;
                while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
                    lead++;
                }
                parts.add(new Part(raw.strip(), column + start + lead));
                start = i + 1;
            }
        }
        return parts;
    }

    /** One operand's text and column. */
    public record Part(String text, int column) {
    }
}
