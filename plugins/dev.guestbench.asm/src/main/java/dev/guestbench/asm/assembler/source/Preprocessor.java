package dev.guestbench.asm.assembler.source;

import dev.guestbench.asm.assembler.AsmException;
import dev.guestbench.asm.assembler.expr.Env;
import dev.guestbench.asm.assembler.expr.Eval;
import dev.guestbench.asm.assembler.expr.ExprException;
import dev.guestbench.asm.assembler.expr.ExprParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns a source text into logical lines: removes block comments (keeping line numbers) and, for
 * {@code .S} files, does what the C preprocessor does for kernels: {@code #include "file"},
 * object-like {@code #define}/{@code #undef}, {@code #ifdef #ifndef #if #elif #else #endif}.
 * Errors are collected, never thrown out.
 */
public final class Preprocessor {
    private final BiFunction<String, String, IncludedFile> includes;
    private final List<AsmException> errors;
    private final Map<String, String> defines = new HashMap<>();
    private int depth;

    /** A file found by an include: its path and text. */
    public record IncludedFile(String path, String text) {
    }

    /**
     * A preprocessor that finds included files with {@code includes.apply(includingPath, name)}
     * (null if not found) and adds errors to {@code errors}.
     */
    public Preprocessor(BiFunction<String, String, IncludedFile> includes, List<AsmException> errors) {
        this.includes = includes;
        this.errors = errors;
    }

    /** The logical lines of a file. */
    public List<SourceLine> process(String path, String text) {
        List<SourceLine> out = new ArrayList<>();
        boolean cpp = path.endsWith(".S") || path.endsWith(".sx");
        run(path, text, cpp, out);
        return out;
    }

    private void run(String path, String text, boolean cpp, List<SourceLine> out) {
        if (++depth > 30) {
            errors.add(new AsmException(new SourceLine(path, 1, ""), "includes nested too deeply"));
            depth--;
            return;
        }
        String[] lines = stripBlockComments(text).split("\n", -1);
        Deque<boolean[]> conds = new ArrayDeque<>(); // {active, taken, parentActive}
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i];
            if (cpp) {
                while (line.endsWith("\\") && i + 1 < lines.length) {
                    line = line.substring(0, line.length() - 1) + lines[++i];
                    out.add(new SourceLine(path, number, ""));
                }
            }
            SourceLine here = new SourceLine(path, number, line);
            boolean active = conds.isEmpty() || conds.peek()[0];
            String stripped = line.stripLeading();
            if (cpp && stripped.startsWith("#")) {
                String body = stripped.substring(1).stripLeading();
                String word = body.split("[\\s(]", 2)[0];
                String rest = body.substring(word.length()).strip();
                int restCol = line.indexOf(rest.isEmpty() ? "#" : rest) + 1;
                switch (word) {
                    case "ifdef", "ifndef" -> {
                        boolean value = defines.containsKey(rest.split("\\s")[0]) == word.equals("ifdef");
                        conds.push(new boolean[] {active && value, value, active});
                        continue;
                    }
                    case "if" -> {
                        boolean value = active && evalCondition(here, rest, restCol);
                        conds.push(new boolean[] {active && value, value, active});
                        continue;
                    }
                    case "elif" -> {
                        if (conds.isEmpty()) {
                            errors.add(new AsmException(here, "#elif without #if"));
                            continue;
                        }
                        boolean[] c = conds.peek();
                        boolean value = !c[1] && c[2] && evalCondition(here, rest, restCol);
                        c[0] = c[2] && value;
                        c[1] |= value;
                        continue;
                    }
                    case "else" -> {
                        if (conds.isEmpty()) {
                            errors.add(new AsmException(here, "#else without #if"));
                            continue;
                        }
                        boolean[] c = conds.peek();
                        c[0] = c[2] && !c[1];
                        c[1] = true;
                        continue;
                    }
                    case "endif" -> {
                        if (conds.isEmpty()) {
                            errors.add(new AsmException(here, "#endif without #if"));
                        } else {
                            conds.pop();
                        }
                        continue;
                    }
                    default -> {
                    }
                }
                if (!active) {
                    continue;
                }
                switch (word) {
                    case "define" -> {
                        String[] parts = rest.split("\\s+", 2);
                        if (parts[0].isEmpty()) {
                            errors.add(new AsmException(here, "#define needs a name"));
                        } else if (parts[0].contains("(")) {
                            errors.add(new AsmException(here, restCol, parts[0].length(),
                                    "function-like macros are not supported; use .macro"));
                        } else {
                            defines.put(parts[0], parts.length > 1 ? stripLineComment(parts[1]).strip() : "");
                        }
                        continue;
                    }
                    case "undef" -> {
                        defines.remove(rest.split("\\s")[0]);
                        continue;
                    }
                    case "include" -> {
                        include(here, rest, restCol, true, out);
                        continue;
                    }
                    case "error" -> {
                        errors.add(new AsmException(here, "#error " + rest));
                        continue;
                    }
                    case "warning", "pragma", "line", "ident" -> {
                        continue;
                    }
                    default -> {
                        // Not a directive cpp knows: an assembler comment, kept as it is.
                    }
                }
            }
            if (!active) {
                continue;
            }
            out.add(cpp && !defines.isEmpty() ? new SourceLine(path, number, substitute(line, 0)) : here);
        }
        if (!conds.isEmpty()) {
            errors.add(new AsmException(new SourceLine(path, lines.length, ""), "#if without #endif"));
        }
        depth--;
    }

    /** Handles an include of {@code rest} ("file", <file> or, for .include, "file"). */
    public void include(SourceLine here, String rest, int col, boolean cpp, List<SourceLine> out) {
        String name = rest.strip();
        if (name.length() < 2 || !((name.startsWith("\"") && name.endsWith("\""))
                || (name.startsWith("<") && name.endsWith(">")))) {
            errors.add(new AsmException(here, col, rest.length(), "expected a file name in quotes"));
            return;
        }
        name = name.substring(1, name.length() - 1);
        IncludedFile file = includes.apply(here.path(), name);
        if (file == null) {
            errors.add(new AsmException(here, col, rest.length(), "cannot find include file '" + name + "'"));
            return;
        }
        run(file.path(), file.text(), cpp || file.path().endsWith(".S") || file.path().endsWith(".h"), out);
    }

    private boolean evalCondition(SourceLine here, String text, int col) {
        String expanded = expandDefined(text);
        expanded = substitute(expanded, 0);
        try {
            ExprParser p = new ExprParser(expanded, 0, expanded.length(), col, (w, c) -> w);
            return Eval.eval(p.parseAll(), new Env() {
                @Override
                public long symbol(String name, int column) {
                    return 0; // cpp: an unknown identifier is 0
                }

                @Override
                public long dot(int column) {
                    throw new ExprException(column, "'.' in #if");
                }
            }) != 0;
        } catch (ExprException e) {
            errors.add(new AsmException(here, col, text.length(), "bad #if expression: " + e.getMessage()));
            return false;
        }
    }

    private String expandDefined(String text) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("defined", i) && (i == 0 || !ExprParser.isSymbolChar(text.charAt(i - 1)))) {
                int j = i + 7;
                while (j < text.length() && text.charAt(j) == ' ') {
                    j++;
                }
                boolean paren = j < text.length() && text.charAt(j) == '(';
                if (paren) {
                    j++;
                }
                int start = j;
                while (j < text.length() && ExprParser.isSymbolChar(text.charAt(j))) {
                    j++;
                }
                String name = text.substring(start, j);
                if (paren && j < text.length() && text.charAt(j) == ')') {
                    j++;
                }
                sb.append(defines.containsKey(name) ? "1" : "0");
                i = j;
            } else {
                sb.append(text.charAt(i++));
            }
        }
        return sb.toString();
    }

    /** Replaces defined names outside strings and comments. */
    private String substitute(String line, int level) {
        if (level > 20) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length());
        boolean changed = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != '"') {
                    j += line.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, line.length());
                sb.append(line, i, j);
                i = j;
            } else if (c == '#' && (i == 0 || line.substring(0, i).isBlank())) {
                sb.append(line, i, line.length());
                break;
            } else if (ExprParser.isSymbolStart(c) && c != '.' || c == '_' ) {
                int j = i;
                while (j < line.length() && ExprParser.isSymbolChar(line.charAt(j)) && line.charAt(j) != '.') {
                    j++;
                }
                String word = line.substring(i, j);
                String value = (i > 0 && (line.charAt(i - 1) == '.' || line.charAt(i - 1) == '%'
                        || Character.isDigit(line.charAt(i - 1)))) ? null : defines.get(word);
                if (value != null) {
                    sb.append(value);
                    changed = true;
                } else {
                    sb.append(word);
                }
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < line.length() && Character.isLetterOrDigit(line.charAt(j))) {
                    j++;
                }
                sb.append(line, i, j);
                i = j;
            } else {
                sb.append(c);
                i++;
            }
        }
        return changed ? substitute(sb.toString(), level + 1) : line;
    }

    private static String stripLineComment(String s) {
        int i = s.indexOf("//");
        return i >= 0 ? s.substring(0, i) : s;
    }

    /** Replaces block comments by spaces, keeping newlines so that line numbers stay right. */
    static String stripBlockComments(String text) {
        int i = text.indexOf("/*");
        if (i < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int pos = 0;
        boolean inString = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (inString) {
                sb.append(c);
                if (c == '\\' && pos + 1 < text.length()) {
                    sb.append(text.charAt(++pos));
                } else if (c == '"' || c == '\n') {
                    inString = false;
                }
                pos++;
            } else if (c == '"') {
                inString = true;
                sb.append(c);
                pos++;
            } else if (c == '#' || (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/')) {
                int nl = text.indexOf('\n', pos);
                int stop = nl < 0 ? text.length() : nl;
                sb.append(text, pos, stop);
                pos = stop;
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
                int close = text.indexOf("*/", pos + 2);
                int stop = close < 0 ? text.length() : close + 2;
                for (int k = pos; k < stop; k++) {
                    sb.append(text.charAt(k) == '\n' ? '\n' : ' ');
                }
                pos = stop;
            } else {
                sb.append(c);
                pos++;
            }
        }
        return sb.toString();
    }

    /** The names #defined so far (for tests). */
    public Map<String, String> defines() {
        return defines;
    }
}
