package dev.guestbench.asm.assembler.emit;

import dev.guestbench.asm.assembler.AsmException;
import dev.guestbench.asm.assembler.expr.Env;
import dev.guestbench.asm.assembler.expr.Eval;
import dev.guestbench.asm.assembler.expr.Expr;
import dev.guestbench.asm.assembler.expr.ExprException;
import dev.guestbench.asm.assembler.expr.ExprParser;
import dev.guestbench.asm.assembler.source.Preprocessor;
import dev.guestbench.asm.assembler.source.SourceLine;
import dev.guestbench.asm.assembler.source.Statement;
import dev.guestbench.isa.IsaSubset;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the lines of one source file into an {@link ObjectFile}: labels, directives, macros,
 * .rept, conditionals and instructions (handed to {@link InstructionAssembler}). Every error is
 * collected with its place; assembly goes on with the next statement.
 */
public final class SourceAssembler {
    private final ObjectFile obj;
    private final List<AsmException> errors;
    private final Preprocessor preprocessor;
    private final InstructionAssembler insns;
    private final Deque<SourceLine> pending = new ArrayDeque<>();
    private final Map<String, Macro> macros = new HashMap<>();
    private final Map<String, Integer> localCounters = new HashMap<>();
    private final Deque<boolean[]> conds = new ArrayDeque<>();
    private final Deque<Section> sectionStack = new ArrayDeque<>();
    private final Deque<boolean[]> optionStack = new ArrayDeque<>();
    private Section current;
    private Section previous;
    boolean rvc;
    boolean relax;
    final boolean relaxOption;
    private IsaSubset isa;
    private int macroCounter;

    private record Macro(String name, List<String> params, List<String> defaults, List<SourceLine> body) {
    }

    /** An assembler for one file with the given ISA and relaxation setting. */
    public SourceAssembler(ObjectFile obj, IsaSubset isa, boolean relax, Preprocessor preprocessor,
            List<AsmException> errors) {
        this.obj = obj;
        this.errors = errors;
        this.preprocessor = preprocessor;
        this.isa = isa;
        this.rvc = isa.has("c");
        this.relax = relax;
        this.relaxOption = relax;
        this.insns = new InstructionAssembler(this);
        obj.rvcUsed = rvc;
        current = section(".text", null);
        current.alignment = rvc ? 2 : 4;
        section(".data", null);
        section(".bss", null);
    }

    /** Assembles the lines. */
    public void run(List<SourceLine> lines) {
        pending.addAll(lines);
        while (!pending.isEmpty()) {
            SourceLine line = pending.poll();
            List<Statement> statements;
            try {
                statements = Statement.split(line);
            } catch (AsmException e) {
                errors.add(e);
                continue;
            }
            for (Statement st : statements) {
                try {
                    statement(st);
                } catch (AsmException e) {
                    errors.add(e.at(line));
                } catch (ExprException e) {
                    errors.add(new AsmException(line, e.column(), 1, e.getMessage()));
                } catch (RuntimeException e) {
                    errors.add(new AsmException(line, st.wordColumn(), st.word().length(),
                            "internal error: " + e));
                }
            }
        }
        if (!conds.isEmpty()) {
            errors.add(new AsmException(new SourceLine(obj.path, 1, ""), ".if without .endif"));
        }
    }

    ObjectFile object() {
        return obj;
    }

    IsaSubset isa() {
        return isa;
    }

    Section current() {
        return current;
    }

    void error(SourceLine line, int column, int length, String message) {
        throw new AsmException(line, column, length, message);
    }

    private boolean active() {
        return conds.isEmpty() || conds.peek()[0];
    }

    private void statement(Statement st) {
        String word = st.word();
        String lower = word.toLowerCase();
        // Conditionals are seen even while skipping.
        switch (lower) {
            case ".if", ".ifdef", ".ifndef", ".ifnotdef", ".ifeq", ".ifne" -> {
                boolean parent = active();
                boolean value = false;
                if (parent) {
                    value = switch (lower) {
                        case ".ifdef" -> isDefined(st.operands().strip());
                        case ".ifndef", ".ifnotdef" -> !isDefined(st.operands().strip());
                        case ".ifeq" -> constant(st, st.operands(), st.operandsColumn()) == 0;
                        default -> constant(st, st.operands(), st.operandsColumn()) != 0;
                    };
                }
                conds.push(new boolean[] {parent && value, value, parent});
                return;
            }
            case ".elseif" -> {
                boolean[] c = requireIf(st);
                boolean value = !c[1] && c[2] && constant(st, st.operands(), st.operandsColumn()) != 0;
                c[0] = c[2] && value;
                c[1] |= value;
                return;
            }
            case ".else" -> {
                boolean[] c = requireIf(st);
                c[0] = c[2] && !c[1];
                c[1] = true;
                return;
            }
            case ".endif" -> {
                requireIf(st);
                conds.pop();
                return;
            }
            default -> {
            }
        }
        if (!active()) {
            return;
        }
        for (Statement.Label l : st.labels()) {
            defineLabel(st.line(), l.name(), l.column());
        }
        if (word.isEmpty()) {
            return;
        }
        String ops = st.operands();
        if (ops.startsWith("=") && !ops.startsWith("==")) {
            assign(st, word, st.wordColumn(), ops.substring(1), st.operandsColumn() + 1);
            return;
        }
        if (word.startsWith(".")) {
            directive(st, lower);
            return;
        }
        Macro m = macros.get(word);
        if (m != null) {
            expand(st, m);
            return;
        }
        insns.assemble(st, lower);
    }

    private boolean[] requireIf(Statement st) {
        if (conds.isEmpty()) {
            error(st.line(), st.wordColumn(), st.word().length(), st.word() + " without .if");
        }
        return conds.peek();
    }

    private boolean isDefined(String name) {
        Symbol s = obj.symbols.get(name);
        return s != null && s.isDefined();
    }

    // ------------------------------------------------------------------ symbols and labels

    private void defineLabel(SourceLine line, String name, int column) {
        String real = name;
        if (name.chars().allMatch(Character::isDigit)) {
            int n = localCounters.merge(name, 1, Integer::sum);
            real = localName(name, n);
        } else if (!ExprParser.isSymbolStart(name.charAt(0)) && !line.text().contains("\"" + name + "\"")) {
            error(line, column, name.length(), "bad label name '" + name + "'");
        }
        Symbol s = obj.symbol(real);
        if (s.isDefined()) {
            error(line, column, name.length(), "symbol '" + name + "' is already defined at line "
                    + (s.definedAt == null ? "?" : s.definedAt.line()));
        }
        Frag f = current.data();
        s.frag = f;
        s.offset = f.length;
        s.definedAt = line;
    }

    private static String localName(String digits, int instance) {
        return ".L" + digits + "\u0002" + instance;
    }

    /** Renames a "1b"/"1f" reference to the instance it means here. */
    String localRef(String ref, int column) {
        String digits = ref.substring(0, ref.length() - 1);
        int n = localCounters.getOrDefault(digits, 0);
        return localName(digits, ref.endsWith("b") ? n : n + 1);
    }

    /** Parses an expression from operand text. */
    Expr parse(String text, int column) {
        return new ExprParser(text, 0, text.length(), column, this::localRef).parseAll();
    }

    /** Evaluates an expression that must be known now (only constants and .equ of constants). */
    long constant(Statement st, String text, int column) {
        return Eval.eval(parse(text, column), constantEnv());
    }

    /** True if the expression is a constant now. */
    boolean isConstant(Expr e) {
        try {
            Eval.eval(e, constantEnv());
            return true;
        } catch (ExprException ex) {
            return false;
        }
    }

    Env constantEnv() {
        return new Env() {
            @Override
            public long symbol(String name, int column) {
                Symbol s = obj.symbols.get(name);
                if (s == null || s.value == null) {
                    throw new ExprException(column, "'" + name + "' is not a constant here");
                }
                if (s.evaluating) {
                    throw new ExprException(column, "'" + name + "' is defined in terms of itself");
                }
                s.evaluating = true;
                try {
                    return Eval.eval(s.value, this);
                } finally {
                    s.evaluating = false;
                }
            }

            @Override
            public long dot(int column) {
                throw new ExprException(column, "'.' is not a constant here");
            }
        };
    }

    private void assign(Statement st, String name, int nameColumn, String text, int column) {
        Expr e = parse(text.strip(), column + leading(text));
        if (Eval.any(e, x -> x instanceof Expr.Dot)) {
            // "sym = ." : a label here plus an offset.
            Frag f = current.data();
            Symbol label = obj.symbol(".Ldot\u0002" + (++macroCounter));
            label.frag = f;
            label.offset = f.length;
            e = replaceDot(e, new Expr.Sym(label.name, column));
        }
        Symbol s = obj.symbol(name);
        if (s.frag != null) {
            error(st.line(), nameColumn, name.length(), "symbol '" + name + "' is already defined as a label");
        }
        try {
            // A value known now is kept as a number, so that ".set i, i + 1" counts as in GNU as.
            e = new Expr.Num(Eval.eval(e, constantEnv()), e.column());
        } catch (ExprException notYet) {
            // defined in terms of labels or later symbols: evaluated when addresses are known
        }
        s.value = e;
        s.definedAt = st.line();
    }

    /** The expression with '.' replaced by a label at the current position. */
    Expr replaceDotHere(Expr e) {
        Frag f = current.data();
        Symbol label = obj.symbol(".Ldot\u0002" + (++macroCounter));
        label.frag = f;
        label.offset = f.length;
        return replaceDot(e, new Expr.Sym(label.name, e.column()));
    }

    private static Expr replaceDot(Expr e, Expr with) {
        return switch (e) {
            case Expr.Dot d -> with;
            case Expr.Unary u -> new Expr.Unary(u.op(), replaceDot(u.operand(), with), u.column());
            case Expr.Binary b -> new Expr.Binary(b.op(), replaceDot(b.left(), with), replaceDot(b.right(), with),
                    b.column());
            case Expr.Modifier m -> new Expr.Modifier(m.name(), replaceDot(m.operand(), with), m.column());
            default -> e;
        };
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    // ------------------------------------------------------------------ sections

    private Section section(String name, String flags) {
        Section s = obj.sections.get(name);
        if (s == null) {
            boolean code = flags != null ? flags.contains("x") : name.equals(".text") || name.startsWith(".text.")
                    || name.equals(".init") || name.equals(".fini");
            boolean nobits = name.equals(".bss") || name.startsWith(".bss.") || name.equals(".sbss")
                    || name.startsWith(".sbss.") || (flags != null && flags.contains("@nobits"));
            boolean write = flags != null ? flags.contains("w") : nobits || name.startsWith(".data")
                    || name.startsWith(".sdata");
            s = new Section(name, obj.index, code, write, nobits);
            obj.sections.put(name, s);
        }
        return s;
    }

    private void switchTo(Section s) {
        if (s != current) {
            previous = current;
            current = s;
        }
    }

    // ------------------------------------------------------------------ directives

    private void directive(Statement st, String d) {
        List<Statement.Part> ops = Statement.operands(st.operands(), st.operandsColumn());
        switch (d) {
            case ".text" -> switchTo(section(".text", null));
            case ".data" -> switchTo(section(".data", null));
            case ".bss" -> switchTo(section(".bss", null));
            case ".rodata" -> switchTo(section(".rodata", null));
            case ".section", ".pushsection" -> {
                if (ops.isEmpty()) {
                    error(st.line(), st.wordColumn(), d.length(), d + " needs a section name");
                }
                String name = unquote(ops.get(0).text());
                String flags = ops.size() > 1 ? unquote(ops.get(1).text()) : null;
                if (ops.size() > 2) {
                    flags = (flags == null ? "" : flags) + ops.get(2).text();
                }
                if (d.equals(".pushsection")) {
                    sectionStack.push(current);
                }
                switchTo(section(name, flags));
            }
            case ".popsection" -> {
                if (sectionStack.isEmpty()) {
                    error(st.line(), st.wordColumn(), d.length(), ".popsection without .pushsection");
                }
                switchTo(sectionStack.pop());
            }
            case ".previous" -> {
                if (previous != null) {
                    switchTo(previous);
                }
            }
            case ".globl", ".global", ".weak" -> {
                for (Statement.Part p : ops) {
                    obj.symbol(p.text()).global = true;
                }
            }
            case ".local" -> {
                for (Statement.Part p : ops) {
                    obj.symbol(p.text()).local = true;
                }
            }
            case ".hidden", ".protected", ".internal", ".file", ".ident", ".attribute", ".size", ".end",
                    ".loc", ".addrsig", ".addrsig_sym" -> {
                if (d.equals(".size") && ops.size() == 2) {
                    obj.symbol(ops.get(0).text()).sizeExpr = parse(ops.get(1).text(), ops.get(1).column());
                }
            }
            case ".type" -> {
                if (ops.size() == 2) {
                    obj.symbol(ops.get(0).text()).type = ops.get(1).text();
                }
            }
            case ".align", ".p2align", ".balign" -> align(st, d, ops);
            case ".byte" -> data(st, ops, 1);
            case ".half", ".short", ".2byte" -> data(st, ops, 2);
            case ".word", ".long", ".4byte", ".int" -> data(st, ops, 4);
            case ".dword", ".quad", ".8byte" -> data(st, ops, 8);
            case ".float", ".single" -> floats(st, ops, false);
            case ".double" -> floats(st, ops, true);
            case ".uleb128", ".sleb128" -> {
                Frag f = current.data();
                for (Statement.Part p : ops) {
                    long v = constant(st, p.text(), p.column());
                    boolean signed = d.equals(".sleb128");
                    while (true) {
                        int b = (int) (v & 0x7f);
                        v = signed ? v >> 7 : v >>> 7;
                        boolean done = signed ? (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0) : v == 0;
                        f.put(done ? b : b | 0x80, 1);
                        if (done) {
                            break;
                        }
                    }
                }
            }
            case ".incbin" -> incbin(st, ops);
            case ".insn" -> insn(st, ops);
            case ".ascii" -> strings(st, ops, false);
            case ".asciz", ".string" -> strings(st, ops, true);
            case ".zero" -> {
                requireOps(st, ops, 1, 1);
                space(st, constant(st, ops.get(0).text(), ops.get(0).column()), 0, ops.get(0));
            }
            case ".space", ".skip" -> {
                requireOps(st, ops, 1, 2);
                long fill = ops.size() > 1 ? constant(st, ops.get(1).text(), ops.get(1).column()) : 0;
                space(st, constant(st, ops.get(0).text(), ops.get(0).column()), fill, ops.get(0));
            }
            case ".fill" -> {
                requireOps(st, ops, 1, 3);
                long repeat = constant(st, ops.get(0).text(), ops.get(0).column());
                long size = ops.size() > 1 ? constant(st, ops.get(1).text(), ops.get(1).column()) : 1;
                long value = ops.size() > 2 ? constant(st, ops.get(2).text(), ops.get(2).column()) : 0;
                if (size < 0 || size > 8) {
                    error(st.line(), ops.get(1).column(), ops.get(1).text().length(),
                            ".fill size " + size + " out of range 0..8");
                }
                if (repeat < 0 || repeat * size > (1 << 28)) {
                    error(st.line(), ops.get(0).column(), ops.get(0).text().length(), ".fill repeat count " + repeat
                            + " out of range");
                }
                Frag f = current.data();
                for (long i = 0; i < repeat; i++) {
                    // GNU as writes at most 4 bytes of the value; the rest are zero.
                    f.put(size > 4 ? value & 0xffffffffL : value, (int) size);
                }
            }
            case ".equ", ".set", ".equiv" -> {
                requireOps(st, ops, 2, 2);
                if (d.equals(".equiv") && isDefined(ops.get(0).text())) {
                    error(st.line(), ops.get(0).column(), ops.get(0).text().length(),
                            "symbol '" + ops.get(0).text() + "' is already defined");
                }
                assign(st, ops.get(0).text(), ops.get(0).column(), ops.get(1).text(), ops.get(1).column());
            }
            case ".option" -> option(st, ops);
            case ".macro" -> defineMacro(st, ops);
            case ".endm", ".endr", ".exitm" -> error(st.line(), st.wordColumn(), d.length(),
                    d + " without a matching .macro or .rept");
            case ".rept" -> {
                requireOps(st, ops, 1, 1);
                long n = constant(st, ops.get(0).text(), ops.get(0).column());
                if (n < 0 || n > 1_000_000) {
                    error(st.line(), ops.get(0).column(), ops.get(0).text().length(), ".rept count " + n
                            + " out of range 0..1000000");
                }
                List<SourceLine> body = collect(st, ".rept", ".endr");
                List<SourceLine> all = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    all.addAll(body);
                }
                pushFront(all);
            }
            case ".irp" -> {
                if (ops.isEmpty()) {
                    error(st.line(), st.wordColumn(), d.length(), ".irp needs a symbol");
                }
                List<SourceLine> body = collect(st, ".irp", ".endr");
                List<SourceLine> all = new ArrayList<>();
                for (int i = 1; i < ops.size(); i++) {
                    for (SourceLine l : body) {
                        all.add(new SourceLine(l.path(), l.line(), l.text().replace("\\" + ops.get(0).text(),
                                ops.get(i).text())));
                    }
                }
                pushFront(all);
            }
            case ".include" -> {
                List<SourceLine> included = new ArrayList<>();
                int before = errors.size();
                preprocessor.include(st.line(), st.operands(), st.operandsColumn(), false, included);
                if (errors.size() == before) {
                    pushFront(included);
                }
            }
            case ".cfi_startproc", ".cfi_endproc", ".cfi_def_cfa_offset", ".cfi_offset", ".cfi_restore",
                    ".cfi_def_cfa", ".cfi_sections" -> {
                // Call frame information is not needed to run a kernel.
            }
            case ".error" -> error(st.line(), st.wordColumn(), d.length(), unquote(st.operands()));
            case ".warning" -> errors.add(new AsmException(st.line(), st.wordColumn(), d.length(),
                    "\u0001" + unquote(st.operands())));
            default -> error(st.line(), st.wordColumn(), d.length(), "unknown directive " + st.word());
        }
    }

    private void requireOps(Statement st, List<Statement.Part> ops, int min, int max) {
        if (ops.size() < min || ops.size() > max) {
            error(st.line(), st.wordColumn(), st.word().length(), st.word() + " takes "
                    + (min == max ? String.valueOf(min) : min + " to " + max) + " operand"
                    + (max == 1 ? "" : "s") + ", got " + ops.size());
        }
    }

    private void space(Statement st, long n, long fill, Statement.Part where) {
        if (n < 0 || n > (1 << 28)) {
            error(st.line(), where.column(), where.text().length(), "size " + n + " out of range 0..268435456");
        }
        Frag f = current.data();
        byte[] b = new byte[(int) n];
        java.util.Arrays.fill(b, (byte) fill);
        f.put(b);
    }

    private void align(Statement st, String d, List<Statement.Part> ops) {
        requireOps(st, ops, 1, 3);
        long n = constant(st, ops.get(0).text(), ops.get(0).column());
        long bytes;
        if (d.equals(".balign")) {
            bytes = n;
            if (n <= 0 || Long.bitCount(n) != 1) {
                error(st.line(), ops.get(0).column(), ops.get(0).text().length(), "alignment " + n
                        + " is not a power of 2");
            }
        } else {
            if (n < 0 || n > 30) {
                error(st.line(), ops.get(0).column(), ops.get(0).text().length(), "alignment " + n
                        + " out of range 0..30");
            }
            bytes = 1L << n;
        }
        boolean hasFill = ops.size() > 1 && !ops.get(1).text().isEmpty();
        long fill = hasFill ? constant(st, ops.get(1).text(), ops.get(1).column()) : 0;
        int max = ops.size() > 2 ? (int) constant(st, ops.get(2).text(), ops.get(2).column()) : -1;
        if (bytes <= 1) {
            return;
        }
        current.alignAtLeast((int) bytes);
        Frag f = current.add(Frag.Kind.ALIGN, st.line());
        f.align = (int) bytes;
        f.fill = current.code && !hasFill ? -1 : (int) (fill & 0xff);
        f.maxSkip = max;
        f.rvc = rvc;
        int minInsn = rvc ? 2 : 4;
        f.relaxAlign = f.fill == -1 && relax && bytes > minInsn && max < 0;
    }

    private void data(Statement st, List<Statement.Part> ops, int width) {
        Frag f = current.data();
        for (Statement.Part p : ops) {
            if (p.text().isEmpty()) {
                error(st.line(), p.column(), 1, "missing value");
            }
            Expr e = parse(p.text(), p.column());
            try {
                long v = Eval.eval(e, constantEnv());
                checkFits(st, p, v, width);
                f.put(v, width);
            } catch (ExprException notConstant) {
                f.fixups.add(new Fixup(f.length, width, null, null, -1, e, null, st.line(), p.column(), null, relax));
                f.put(0, width);
            }
        }
    }

    private void checkFits(Statement st, Statement.Part p, long v, int width) {
        if (width < 8) {
            long min = -(1L << (8 * width - 1));
            long max = (1L << (8 * width)) - 1;
            if (v < min || v > max) {
                error(st.line(), p.column(), p.text().length(), "value " + v + " does not fit in " + width
                        + " byte" + (width == 1 ? "" : "s"));
            }
        }
    }

    /** .insn with a raw value, or the r/i/s/u formats with opcode and function fields. */
    private void insn(Statement st, List<Statement.Part> ops) {
        if (ops.isEmpty()) {
            error(st.line(), st.wordColumn(), 5, ".insn needs a value or a format");
        }
        String first = ops.get(0).text();
        int space = first.indexOf(' ');
        String format = space > 0 ? first.substring(0, space) : null;
        Frag f = current.data();
        lineRow(st, f, f.length);
        if (format == null) {
            long v = constant(st, first, ops.get(0).column());
            int len;
            if ((v & 3) != 3) {
                len = 2;
            } else if ((v & 0x1c) != 0x1c) {
                len = 4;
            } else if ((v & 0x3f) == 0x1f) {
                len = 6;
            } else if ((v & 0x7f) == 0x3f) {
                len = 8;
            } else {
                len = 10 + 2 * (int) ((v >> 12) & 7);
            }
            for (int i = 0; i < len; i++) {
                f.put(i < 8 ? (v >>> (8 * i)) & 0xff : 0, 1);
            }
            return;
        }
        List<Statement.Part> args = new java.util.ArrayList<>();
        args.add(new Statement.Part(first.substring(space + 1).strip(), ops.get(0).column() + space + 1));
        args.addAll(ops.subList(1, ops.size()));
        java.util.function.IntFunction<Long> num = i -> constant(st, args.get(i).text(), args.get(i).column());
        java.util.function.IntFunction<Integer> reg = i -> {
            int r = dev.guestbench.isa.Registers.parseGpr(args.get(i).text());
            if (r < 0) {
                r = dev.guestbench.isa.Registers.parseFpr(args.get(i).text());
            }
            if (r < 0) {
                error(st.line(), args.get(i).column(), args.get(i).text().length(), "expected a register, got '"
                        + args.get(i).text() + "'");
            }
            return r;
        };
        long word;
        switch (format) {
            case "r" -> {
                requireOps(st, args, 6, 6);
                word = num.apply(0) | num.apply(1) << 12 | num.apply(2) << 25 | (long) reg.apply(3) << 7
                        | (long) reg.apply(4) << 15 | (long) reg.apply(5) << 20;
            }
            case "i" -> {
                requireOps(st, args, 5, 5);
                word = num.apply(0) | num.apply(1) << 12 | (long) reg.apply(2) << 7 | (long) reg.apply(3) << 15
                        | (num.apply(4) & 0xfff) << 20;
            }
            case "s" -> {
                requireOps(st, args, 5, 5);
                long imm = num.apply(4);
                word = num.apply(0) | num.apply(1) << 12 | (long) reg.apply(2) << 20 | (long) reg.apply(3) << 15
                        | (imm & 0x1f) << 7 | (imm >> 5 & 0x7f) << 25;
            }
            case "u" -> {
                requireOps(st, args, 3, 3);
                word = num.apply(0) | (long) reg.apply(1) << 7 | (num.apply(2) & 0xfffff) << 12;
            }
            default -> {
                error(st.line(), ops.get(0).column(), format.length(), ".insn format '" + format
                        + "' is not supported (use r, i, s, u or a raw value)");
                return;
            }
        }
        f.put(word & 0xffffffffL, 4);
    }

    private void floats(Statement st, List<Statement.Part> ops, boolean dbl) {
        Frag f = current.data();
        for (Statement.Part p : ops) {
            String t = p.text().replace("0f", "").replace("0d", "").strip();
            try {
                double v = Double.parseDouble(p.text().startsWith("0f") || p.text().startsWith("0d")
                        ? p.text().substring(2) : t);
                f.put(dbl ? Double.doubleToRawLongBits(v) : Float.floatToRawIntBits((float) v) & 0xffffffffL,
                        dbl ? 8 : 4);
            } catch (NumberFormatException e) {
                error(st.line(), p.column(), p.text().length(), "bad floating-point number '" + p.text() + "'");
            }
        }
    }

    private void incbin(Statement st, List<Statement.Part> ops) {
        requireOps(st, ops, 1, 3);
        String name = unquote(ops.get(0).text());
        java.nio.file.Path dir = java.nio.file.Path.of(st.line().path()).toAbsolutePath().getParent();
        java.nio.file.Path file = dir == null ? java.nio.file.Path.of(name) : dir.resolve(name);
        if (!java.nio.file.Files.isRegularFile(file)) {
            file = java.nio.file.Path.of(name);
        }
        byte[] data;
        try {
            data = java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            error(st.line(), ops.get(0).column(), ops.get(0).text().length(), "cannot read '" + name + "'");
            return;
        }
        long skip = ops.size() > 1 ? constant(st, ops.get(1).text(), ops.get(1).column()) : 0;
        long count = ops.size() > 2 ? constant(st, ops.get(2).text(), ops.get(2).column()) : data.length - skip;
        if (skip < 0 || count < 0 || skip + count > data.length) {
            error(st.line(), ops.get(0).column(), st.operands().length(), ".incbin range is outside the file ("
                    + data.length + " bytes)");
        }
        current.data().put(java.util.Arrays.copyOfRange(data, (int) skip, (int) (skip + count)));
    }

    private void strings(Statement st, List<Statement.Part> ops, boolean zero) {
        Frag f = current.data();
        for (Statement.Part p : ops) {
            String t = p.text();
            if (t.length() < 2 || !t.startsWith("\"") || !t.endsWith("\"")) {
                error(st.line(), p.column(), t.length(), "expected a string in double quotes");
            }
            f.put(unescape(st, t.substring(1, t.length() - 1), p.column() + 1));
            if (zero) {
                f.put(0, 1);
            }
        }
    }

    private byte[] unescape(Statement st, String s, int column) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                byte[] utf = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(utf, 0, utf.length);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'v' -> out.write(11);
                case 'a' -> out.write(7);
                case 'e' -> out.write(27);
                case 'x', 'X' -> {
                    int v = 0;
                    int j = i + 1;
                    while (j < s.length() && Character.digit(s.charAt(j), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(j), 16);
                        j++;
                    }
                    out.write(v);
                    i = j - 1;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = 0;
                        int j = i;
                        while (j < s.length() && j < i + 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                            v = v * 8 + (s.charAt(j) - '0');
                            j++;
                        }
                        out.write(v);
                        i = j - 1;
                    } else {
                        out.write(e);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private void option(Statement st, List<Statement.Part> ops) {
        if (ops.size() > 1 && ops.get(0).text().equals("arch")) {
            // .option arch, +c, -d or .option arch, rv64gc: the rest joined back
            StringBuilder sb = new StringBuilder("arch");
            for (int i = 1; i < ops.size(); i++) {
                sb.append(',').append(ops.get(i).text());
            }
            ops = List.of(new Statement.Part(sb.toString(), ops.get(0).column()));
        }
        requireOps(st, ops, 1, 1);
        String o = ops.get(0).text();
        switch (o) {
            case "rvc" -> {
                rvc = true;
                obj.rvcUsed = true;
            }
            case "norvc" -> rvc = false;
            case "relax" -> relax = relaxOption;
            case "norelax" -> relax = false;
            case "push" -> optionStack.push(new boolean[] {rvc, relax});
            case "pop" -> {
                if (optionStack.isEmpty()) {
                    error(st.line(), ops.get(0).column(), o.length(), ".option pop without .option push");
                }
                boolean[] saved = optionStack.pop();
                rvc = saved[0];
                relax = saved[1];
            }
            case "nopic", "csr-check", "no-csr-check" -> {
            }
            case "pic" -> error(st.line(), ops.get(0).column(), o.length(),
                    ".option pic (GOT-relative la) is not supported; kernels use .option nopic");
            default -> {
                if (o.startsWith("arch")) {
                    String rest = o.substring(4).strip();
                    if (rest.startsWith(",")) {
                        rest = rest.substring(1).strip();
                    }
                    for (String part : rest.split("\\s*,\\s*")) {
                        if (part.equals("+c")) {
                            rvc = true;
                            obj.rvcUsed = true;
                        } else if (part.equals("-c")) {
                            rvc = false;
                        } else if (part.startsWith("rv")) {
                            try {
                                isa = IsaSubset.parse(part);
                            } catch (IllegalArgumentException e) {
                                error(st.line(), ops.get(0).column(), o.length(), e.getMessage());
                            }
                            rvc = isa.has("c");
                            obj.rvcUsed |= rvc;
                        }
                    }
                } else {
                    error(st.line(), ops.get(0).column(), o.length(), "unknown .option '" + o + "'");
                }
            }
        }
    }

    // ------------------------------------------------------------------ macros and repetition

    private void pushFront(List<SourceLine> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            pending.push(lines.get(i));
        }
    }

    /** Takes the lines up to the matching end directive off the input. */
    private List<SourceLine> collect(Statement st, String open, String close) {
        List<SourceLine> body = new ArrayList<>();
        int depth = 1;
        while (!pending.isEmpty()) {
            SourceLine l = pending.poll();
            String w = firstWord(l.text());
            if (w.equals(open) || (open.equals(".rept") || open.equals(".irp")) && (w.equals(".rept")
                    || w.equals(".irp"))) {
                depth++;
            } else if (w.equals(close)) {
                if (--depth == 0) {
                    return body;
                }
            }
            body.add(l);
        }
        error(st.line(), st.wordColumn(), st.word().length(), st.word() + " without " + close);
        return body;
    }

    private static String firstWord(String text) {
        String t = text.strip();
        int i = 0;
        while (i < t.length() && !Character.isWhitespace(t.charAt(i)) && t.charAt(i) != ';' && t.charAt(i) != '#') {
            i++;
        }
        return t.substring(0, i).toLowerCase();
    }

    private void defineMacro(Statement st, List<Statement.Part> ops) {
        String spec = st.operands().strip();
        if (spec.isEmpty()) {
            error(st.line(), st.wordColumn(), 6, ".macro needs a name");
        }
        String[] words = spec.split("[\\s,]+");
        String name = words[0];
        List<String> params = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.isEmpty()) {
                continue;
            }
            int eq = w.indexOf('=');
            String p = eq >= 0 ? w.substring(0, eq) : w;
            int colon = p.indexOf(':');
            if (colon >= 0) {
                p = p.substring(0, colon);
            }
            params.add(p);
            defaults.add(eq >= 0 ? w.substring(eq + 1) : "");
        }
        macros.put(name, new Macro(name, params, defaults, collect(st, ".macro", ".endm")));
    }

    private void expand(Statement st, Macro m) {
        List<Statement.Part> args = Statement.operands(st.operands(), st.operandsColumn());
        if (args.size() == 1 && !st.operands().contains(",") && m.params.size() > 1) {
            // GNU as also separates macro arguments by blanks.
            args = new ArrayList<>();
            int col = st.operandsColumn();
            for (String a : st.operands().strip().split("\\s+")) {
                args.add(new Statement.Part(a, col));
                col += a.length() + 1;
            }
        }
        if (args.size() > m.params.size()) {
            error(st.line(), st.operandsColumn(), st.operands().length(), "macro " + m.name + " takes "
                    + m.params.size() + " arguments, got " + args.size());
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < m.params.size(); i++) {
            String v = i < args.size() ? args.get(i).text() : "";
            if (v.contains("=") && !v.contains("==")) {
                int eq = v.indexOf('=');
                String key = v.substring(0, eq).strip();
                if (m.params.contains(key)) {
                    values.put(key, v.substring(eq + 1).strip());
                    continue;
                }
            }
            values.put(m.params.get(i), v.isEmpty() ? m.defaults.get(i) : v);
        }
        int counter = macroCounter++;
        if (pending.size() > 5_000_000) {
            error(st.line(), st.wordColumn(), st.word().length(), "macro expansion too deep");
        }
        List<SourceLine> out = new ArrayList<>();
        for (SourceLine l : m.body) {
            String t = l.text();
            if (firstWord(t).equals(".exitm")) {
                break;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == '\\' && i + 1 < t.length()) {
                    if (t.charAt(i + 1) == '@') {
                        sb.append(counter);
                        i++;
                        continue;
                    }
                    if (t.charAt(i + 1) == '(' && i + 2 < t.length() && t.charAt(i + 2) == ')') {
                        i += 2;
                        continue;
                    }
                    int j = i + 1;
                    while (j < t.length() && ExprParser.isSymbolChar(t.charAt(j)) && t.charAt(j) != '.') {
                        j++;
                    }
                    String p = t.substring(i + 1, j);
                    if (values.containsKey(p)) {
                        sb.append(values.get(p));
                        i = j - 1;
                        continue;
                    }
                }
                sb.append(c);
            }
            // Errors inside the expansion are reported at the invocation line of the macro.
            out.add(new SourceLine(st.line().path(), st.line().line(), sb.toString()));
        }
        pushFront(out);
    }

    /** Records a line row for an instruction about to be appended to the current DATA piece. */
    void lineRow(Statement st, Frag f, int offset) {
        obj.lines.add(new ObjectFile.LineRow(f, offset, st.line().path(), st.line().line()));
    }
}
