package dev.guestbench.asm.assembler.link;

import dev.guestbench.asm.assembler.expr.Expr;
import dev.guestbench.asm.assembler.expr.ExprException;
import dev.guestbench.asm.assembler.expr.ExprParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of GNU ld's script language kernels use: {@code ENTRY(sym)}, {@code OUTPUT_ARCH} and
 * {@code OUTPUT_FORMAT} (ignored), and {@code SECTIONS} with location counter and symbol assignments
 * ({@code . = 0x80000000;}, {@code . = ALIGN(8);}, {@code sym = .;}, {@code PROVIDE(sym = .);}) and
 * output sections {@code NAME [ADDRESS] : { *(PATTERN ...) KEEP(*(PATTERN)) assignments }}.
 */
public final class LinkerScript {

    /** A statement of SECTIONS or of an output section's body. */
    public sealed interface Item {
    }

    /** {@code . = expr;} (symbol "."), {@code sym = expr;} or PROVIDE(sym = expr) ({@code provide}). */
    public record Assign(String symbol, Expr expr, boolean provide) implements Item {
    }

    /** {@code *(.text .text.*)}: input sections whose names match one of the patterns. */
    public record Input(List<String> patterns) implements Item {
    }

    /** An output section with an optional address and its body. */
    public record Output(String name, Expr address, List<Item> body) implements Item {
    }

    /** A syntax error with its 1-based line and column. */
    public static final class ScriptException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        ScriptException(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }

        /** 1-based line. */
        public int line() {
            return line;
        }

        /** 1-based column. */
        public int column() {
            return column;
        }
    }

    private final String text;
    private int pos;
    private String entry;
    private final List<Item> items = new ArrayList<>();

    private LinkerScript(String text) {
        this.text = stripComments(text);
    }

    /** Parses a script. */
    public static LinkerScript parse(String text) {
        LinkerScript s = new LinkerScript(text);
        s.script();
        return s;
    }

    /** The ENTRY symbol, or null. */
    public String entry() {
        return entry;
    }

    /** The statements of SECTIONS (and top-level assignments) in order. */
    public List<Item> items() {
        return items;
    }

    private static String stripComments(String t) {
        StringBuilder sb = new StringBuilder(t);
        int i = t.indexOf("/*");
        while (i >= 0) {
            int e = t.indexOf("*/", i + 2);
            int stop = e < 0 ? t.length() : e + 2;
            for (int k = i; k < stop; k++) {
                if (sb.charAt(k) != '\n') {
                    sb.setCharAt(k, ' ');
                }
            }
            i = t.indexOf("/*", stop);
        }
        return sb.toString();
    }

    private ScriptException error(String message) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new ScriptException(line, col, message);
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(String s) {
        space();
        return text.startsWith(s, pos);
    }

    private void expect(String s) {
        if (!peek(s)) {
            throw error("expected '" + s + "'");
        }
        pos += s.length();
    }

    private String word() {
        space();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "._$*?[]-".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return text.substring(start, pos);
    }

    /** The text up to a stop character at nesting depth 0, parsed as an expression. */
    private Expr expression(char stop) {
        space();
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0 && stop == ')') {
                    break;
                }
                depth--;
            } else if (c == stop && depth == 0) {
                break;
            }
            pos++;
        }
        if (pos >= text.length()) {
            throw error("expected '" + stop + "'");
        }
        try {
            return new ExprParser(text, start, pos, 1 - start, (w, c) -> w).withCalls().parseAll();
        } catch (ExprException e) {
            int save = pos;
            pos = start;
            ScriptException ex = error(e.getMessage());
            pos = save;
            throw ex;
        }
    }

    private void script() {
        while (true) {
            space();
            if (pos >= text.length()) {
                return;
            }
            String w = word();
            switch (w) {
                case "ENTRY" -> {
                    expect("(");
                    entry = word();
                    expect(")");
                }
                case "OUTPUT_ARCH", "OUTPUT_FORMAT" -> {
                    expect("(");
                    while (!peek(")")) {
                        pos++;
                    }
                    expect(")");
                }
                case "SECTIONS" -> {
                    expect("{");
                    while (!peek("}")) {
                        items.add(sectionItem());
                    }
                    expect("}");
                }
                default -> {
                    pos -= w.length();
                    items.add(assignment());
                }
            }
        }
    }

    private Item sectionItem() {
        space();
        int save = pos;
        String w = word();
        if (w.equals("PROVIDE") || w.equals("PROVIDE_HIDDEN") || peek("=") || peek("+=")) {
            pos = save;
            return assignment();
        }
        // NAME [ADDRESS] : { ... }
        Expr address = null;
        if (!peek(":")) {
            address = expression(':');
        }
        expect(":");
        expect("{");
        List<Item> body = new ArrayList<>();
        while (!peek("}")) {
            body.add(bodyItem());
        }
        expect("}");
        if (peek(">")) {
            throw error("memory regions (> REGION) are not supported");
        }
        return new Output(w, address, body);
    }

    private Item bodyItem() {
        space();
        int save = pos;
        String w = word();
        if (w.equals("KEEP")) {
            expect("(");
            Item in = input();
            expect(")");
            return in;
        }
        if (w.equals("PROVIDE") || w.equals("PROVIDE_HIDDEN") || peek("=") || peek("+=")) {
            pos = save;
            return assignment();
        }
        pos = save;
        return input();
    }

    private Item input() {
        String file = word();
        if (!file.equals("*")) {
            throw error("only the file pattern * is supported");
        }
        expect("(");
        List<String> patterns = new ArrayList<>();
        while (!peek(")")) {
            String p = word();
            if (p.equals("SORT") || p.equals("SORT_BY_NAME") || p.equals("EXCLUDE_FILE")) {
                throw error(p + " is not supported");
            }
            patterns.add(p);
        }
        expect(")");
        return new Input(patterns);
    }

    private Item assignment() {
        space();
        boolean provide = false;
        int save = pos;
        String w = word();
        if (w.equals("PROVIDE") || w.equals("PROVIDE_HIDDEN")) {
            provide = true;
            expect("(");
            w = word();
        } else if (!w.equals(".") && w.isEmpty()) {
            pos = save;
            throw error("expected an assignment");
        }
        boolean plus = false;
        if (peek("+=")) {
            pos += 2;
            plus = true;
        } else {
            expect("=");
        }
        Expr e = expression(provide ? ')' : ';');
        if (provide) {
            expect(")");
            if (peek(";")) {
                pos++;
            }
        } else {
            expect(";");
        }
        if (plus) {
            e = new Expr.Binary("+", w.equals(".") ? new Expr.Dot(0) : new Expr.Sym(w, 0), e, 0);
        }
        return new Assign(w, e, provide);
    }

    /** True if a section name matches a pattern with * and ? wildcards. */
    static boolean matches(String pattern, String name) {
        return glob(pattern, 0, name, 0);
    }

    private static boolean glob(String p, int i, String n, int j) {
        if (i == p.length()) {
            return j == n.length();
        }
        char c = p.charAt(i);
        if (c == '*') {
            for (int k = j; k <= n.length(); k++) {
                if (glob(p, i + 1, n, k)) {
                    return true;
                }
            }
            return false;
        }
        return j < n.length() && (c == '?' || c == n.charAt(j)) && glob(p, i + 1, n, j + 1);
    }
}
