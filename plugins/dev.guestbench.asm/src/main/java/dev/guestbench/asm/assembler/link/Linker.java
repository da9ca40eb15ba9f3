package dev.guestbench.asm.assembler.link;

import static dev.guestbench.isa.Instruction.*;

import dev.guestbench.asm.assembler.AsmException;
import dev.guestbench.asm.assembler.LineEntry;
import dev.guestbench.asm.assembler.emit.AsLayout;
import dev.guestbench.asm.assembler.emit.Fixup;
import dev.guestbench.asm.assembler.emit.Frag;
import dev.guestbench.asm.assembler.emit.ObjectFile;
import dev.guestbench.asm.assembler.emit.Section;
import dev.guestbench.asm.assembler.emit.Symbol;
import dev.guestbench.asm.assembler.expr.Env;
import dev.guestbench.asm.assembler.expr.Eval;
import dev.guestbench.asm.assembler.expr.Expr;
import dev.guestbench.asm.assembler.expr.ExprException;
import dev.guestbench.asm.assembler.source.SourceLine;
import dev.guestbench.isa.Encoder;
import dev.guestbench.isa.EncodingException;
import dev.guestbench.isa.Instruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays object files out the way GNU as and then GNU ld with its default RISC-V script and
 * {@code -Ttext=BASE} do: GNU as's branch relaxation per section, then ld's placement of .text,
 * .rodata, the data segment (.data, .sdata, .sbss, .bss), its relaxation of calls and of
 * pc-relative and %hi/%lo addresses to gp, its trimming of alignment padding, and finally fills in
 * every value.
 */
public final class Linker {
    private static final int GP = 3;
    private final List<ObjectFile> files;
    private final long base;
    private final boolean relax;
    private final List<AsmException> errors;
    private final Map<String, Symbol> globals = new HashMap<>();
    private final List<OutputSection> outputs = new ArrayList<>();
    private final Map<String, Long> linkerSymbols = new LinkedHashMap<>();
    private final LinkerScript script;
    private boolean rvc;
    private long gp;
    private int maxAlignment = 1;

    /** A linker for files assembled with the given relaxation setting, .text at {@code base}. */
    public Linker(List<ObjectFile> files, long base, boolean relax, List<AsmException> errors) {
        this(files, base, relax, null, errors);
    }

    /** A linker that places sections as a linker script says (null: ld's default script). */
    public Linker(List<ObjectFile> files, long base, boolean relax, LinkerScript script, List<AsmException> errors) {
        this.script = script;
        this.files = files;
        this.base = base;
        this.relax = relax;
        this.errors = errors;
    }

    /** The output sections in address order. */
    public List<OutputSection> outputs() {
        return outputs;
    }

    /** Only GNU as's part: decides the size of every piece of every section (for -c). */
    public void assembleOnly() {
        collectGlobals();
        for (ObjectFile f : files) {
            for (Section s : f.sections.values()) {
                assemblerLayout(f, s);
            }
        }
    }

    /** The symbol a name means in a file (its own, else a global), or null. */
    public Symbol resolve(int fileIndex, String name) {
        return find(fileIndex, name);
    }

    private void collectGlobals() {
        for (ObjectFile f : files) {
            rvc |= f.rvcUsed;
            for (Symbol s : f.symbols.values()) {
                if (s.global && s.isDefined()) {
                    Symbol old = globals.putIfAbsent(s.name, s);
                    if (old != null && old != s) {
                        errors.add(new AsmException(s.definedAt, "symbol '" + s.name + "' is defined in "
                                + old.definedAt.path() + " too"));
                    }
                }
            }
        }
    }

    /** Links; errors are added to the list given to the constructor. */
    public void link() {
        collectGlobals();
        for (ObjectFile f : files) {
            for (Section s : f.sections.values()) {
                assemblerLayout(f, s);
            }
        }
        place();
        if (relax) {
            relaxCode();
        }
        layout();
        fill();
    }

    // ------------------------------------------------------------------ symbols

    private Symbol find(int fileIndex, String name) {
        Symbol s = files.get(fileIndex).symbols.get(name);
        if (s != null && s.isDefined()) {
            return s;
        }
        return globals.get(name);
    }

    private Env env(int fileIndex, long dot) {
        return new Env() {
            @Override
            public long symbol(String name, int column) {
                Symbol s = find(fileIndex, name);
                if (s == null) {
                    Long l = linkerSymbols.get(name);
                    if (l != null) {
                        return l;
                    }
                    throw new ExprException(column, "undefined symbol '" + display(name) + "'");
                }
                return value(s, column);
            }

            @Override
            public long dot(int column) {
                return dot;
            }
        };
    }

    private long value(Symbol s, int column) {
        if (s.frag != null) {
            return s.frag.address + s.offset;
        }
        if (s.evaluating) {
            throw new ExprException(column, "symbol '" + s.name + "' is defined in terms of itself");
        }
        s.evaluating = true;
        try {
            Long difference = asDifference(s.fileIndex, s.value);
            return difference != null ? difference : Eval.eval(s.value, env(s.fileIndex, 0));
        } finally {
            s.evaluating = false;
        }
    }

    /**
     * GNU as fixes ".equ x, end - start" when it assembles, with its own offsets (before the
     * linker shrinks anything): the value of an expression in which labels cancel out, computed
     * with GNU as's offsets, or null if labels do not cancel or there are none.
     */
    public Long asDifference(int fileIndex, Expr e) {
        if (!Eval.any(e, y -> y instanceof Expr.Sym z && find(fileIndex, z.name()) != null
                && find(fileIndex, z.name()).frag != null)) {
            return null;
        }
        try {
            long a = Eval.eval(e, asEnv(fileIndex, 0));
            long b = Eval.eval(e, asEnv(fileIndex, 1L << 36));
            return a == b ? a : null;
        } catch (ExprException ex) {
            return null;
        }
    }

    private Env asEnv(int fileIndex, long shift) {
        return new Env() {
            @Override
            public long symbol(String name, int column) {
                Symbol s = find(fileIndex, name);
                if (s == null) {
                    throw new ExprException(column, "undefined");
                }
                if (s.frag != null) {
                    // Each section its own far-apart base: only differences within a section survive.
                    long sectionBase = (shift + 1) * (1 + files.indexOf(files.get(s.frag.section.fileIndex)) * 64L
                            + new ArrayList<>(files.get(s.frag.section.fileIndex).sections.values())
                                    .indexOf(s.frag.section));
                    return sectionBase + s.frag.asOffset + s.offset;
                }
                if (s.value == null || s.evaluating) {
                    throw new ExprException(column, "undefined");
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
                throw new ExprException(column, "no dot");
            }
        };
    }

    private static String display(String name) {
        int i = name.indexOf('\u0002');
        return i < 0 ? name : name.substring(2, i) + " (numeric label)";
    }

    // ------------------------------------------------------------------ GNU as layout

    private AsLayout asLayout() {
        return new AsLayout(this::find, (fileIndex, e) -> Eval.eval(e, env(fileIndex, 0)));
    }

    private void assemblerLayout(ObjectFile f, Section s) {
        asLayout().layout(f, s);
    }

    private AsLayout.Target target(int fileIndex, Expr e) {
        return asLayout().target(fileIndex, e);
    }

    private static boolean fits(long v, int bits) {
        return v >= -(1L << (bits - 1)) && v < (1L << (bits - 1));
    }

    static long alignUp(long v, long a) {
        return (v + a - 1) & -a;
    }

    // ------------------------------------------------------------------ placement (the default script)

    private static String outputName(Section s) {
        String n = s.name;
        if (n.equals(".srodata") || n.startsWith(".srodata.") || n.equals(".sdata") || n.startsWith(".sdata.")) {
            return ".sdata";
        }
        if (n.equals(".sbss") || n.startsWith(".sbss.")) {
            return ".sbss";
        }
        if (n.equals(".bss") || n.startsWith(".bss.") || s.nobits) {
            return ".bss";
        }
        if (n.equals(".rodata") || n.startsWith(".rodata.")) {
            return ".rodata";
        }
        if (n.equals(".data") || n.startsWith(".data.")) {
            return ".data";
        }
        if (s.code || n.equals(".text") || n.startsWith(".text.")) {
            return ".text";
        }
        return s.writable ? ".data" : ".rodata";
    }

    private void place() {
        if (script != null) {
            scriptPlace();
            return;
        }
        Map<String, OutputSection> byName = new LinkedHashMap<>();
        for (String n : List.of(".text", ".rodata", ".data", ".sdata", ".sbss", ".bss")) {
            byName.put(n, new OutputSection(n));
        }
        // .srodata input sections come first in .sdata.
        for (boolean srodataPass : new boolean[] {true, false}) {
            for (ObjectFile f : files) {
                for (Section s : f.sections.values()) {
                    String out = outputName(s);
                    boolean srodata = s.name.startsWith(".srodata");
                    if (out.equals(".sdata") && srodata != srodataPass) {
                        continue;
                    }
                    if (!out.equals(".sdata") && srodataPass) {
                        continue;
                    }
                    OutputSection o = byName.get(out);
                    o.inputs.add(s);
                    o.code |= s.code;
                    o.writable |= s.writable;
                }
            }
        }
        for (OutputSection o : byName.values()) {
            o.nobits = o.name.equals(".bss") || o.name.equals(".sbss");
            for (Section s : o.inputs) {
                o.alignment = Math.max(o.alignment, s.alignment);
            }
            outputs.add(o);
        }
        for (OutputSection o : outputs) {
            if (o.inputs.stream().anyMatch(s -> s.asSize > 0)) {
                maxAlignment = Math.max(maxAlignment, o.alignment);
            }
        }
        for (ObjectFile f : files) {
            for (Section s : f.sections.values()) {
                for (Frag x : s.frags) {
                    x.size = x.asSize;
                }
            }
        }
    }

    private final Map<Section, Long> tails = new HashMap<>();

    private long tail(Section s) {
        return tails.computeIfAbsent(s, k -> {
            long sum = 0;
            for (Frag x : k.frags) {
                sum += x.asSize;
            }
            return k.asSize - sum;
        });
    }

    /** Assigns addresses with the current piece sizes. */
    private boolean pageAlignedData;

    /** Assigns addresses with the current piece sizes, as ld's DATA_SEGMENT_ALIGN/END decide. */
    private void layout() {
        if (script != null) {
            scriptLayout();
            return;
        }
        pageAlignedData = false;
        layoutOnce();
        long dataStart = outputs.get(2).address;
        long end = linkerSymbols.get("_end");
        long first = -dataStart & 0xfff;
        long last = end & 0xfff;
        // ld moves the data segment to a page boundary when that saves a page of memory.
        if (first != 0 && last != 0 && (dataStart & ~0xfffL) != (end & ~0xfffL) && first + last <= 0x1000) {
            pageAlignedData = true;
            layoutOnce();
        }
    }

    private void layoutOnce() {
        long dot = base;
        long dataBegin = 0;
        long sdataBegin = 0;
        for (OutputSection o : outputs) {
            if (o.name.equals(".data")) {
                dot = alignUp(dot, 0x1000) + (pageAlignedData ? 0 : (dot & 0xfff));
            }
            Map<Section, Long> sizes = new HashMap<>();
            for (Section s : o.inputs) {
                sizes.put(s, sizeOf(s));
            }
            boolean empty = o.inputs.stream().allMatch(s -> sizes.get(s) == 0) && !o.name.equals(".data")
                    && !o.name.equals(".sdata");
            if (!o.name.equals(".text") && !empty) {
                dot = alignUp(dot, o.alignment);
            } else if (o.name.equals(".data") || o.name.equals(".sdata")) {
                if (!empty && o.inputs.stream().anyMatch(s -> sizes.get(s) > 0)) {
                    dot = alignUp(dot, o.alignment);
                }
            }
            o.address = dot;
            if (o.name.equals(".data")) {
                dataBegin = dot;
            }
            if (o.name.equals(".sdata")) {
                sdataBegin = dot;
                linkerSymbols.put("_edata", dot);
            }
            for (Section s : o.inputs) {
                if (sizes.get(s) > 0 || !empty) {
                    dot = alignUp(dot, s.alignment);
                }
                s.address = dot;
                long a = dot;
                for (Frag x : s.frags) {
                    x.address = a;
                    a += x.size;
                }
                s.size = a - dot + tail(s);
                dot += s.size;
            }
            o.size = dot - o.address;
            if (o.name.equals(".sdata")) {
                linkerSymbols.put("_edata", dot);
                linkerSymbols.put("__bss_start", dot);
            }
            if (o.name.equals(".bss")) {
                dot = alignUp(dot, dot != 0 ? 8 : 1);
                o.size = dot - o.address;
            }
        }
        dot = alignUp(dot, 8);
        long bssEnd = dot;
        linkerSymbols.put("__DATA_BEGIN__", dataBegin);
        linkerSymbols.put("__SDATA_BEGIN__", sdataBegin);
        linkerSymbols.put("__BSS_END__", bssEnd);
        linkerSymbols.put("_end", bssEnd);
        gp = Math.min(sdataBegin + 0x800, Math.max(dataBegin + 0x800, bssEnd - 0x800));
        linkerSymbols.put("__global_pointer$", gp);
    }

    private long sizeOf(Section s) {
        long sum = 0;
        for (Frag x : s.frags) {
            sum += x.size;
        }
        return sum + tail(s);
    }

    // ------------------------------------------------------------------ ld relaxation

    private void relaxCode() {
        for (int round = 0; round < 1000; round++) {
            layout();
            boolean changed = false;
            for (ObjectFile f : files) {
                for (Section s : f.sections.values()) {
                    for (Frag x : s.frags) {
                        if (x.relaxable && x.relaxedTo == 0) {
                            changed |= relaxOne(f, x);
                        }
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        // Last pass: alignment padding becomes exactly what is needed, in address order. Each output
        // section is swept once; the sections after it move when the layout is redone.
        for (OutputSection o : outputs) {
            for (Section s : o.inputs) {
                if (s.frags.stream().noneMatch(x -> x.kind == Frag.Kind.ALIGN && x.relaxAlign)) {
                    continue;
                }
                layout();
                long dot = s.address;
                for (Frag x : s.frags) {
                    if (x.kind == Frag.Kind.ALIGN && x.relaxAlign) {
                        x.size = (int) (alignUp(dot, x.align) - dot);
                        if (x.size > x.asSize) {
                            errors.add(new AsmException(x.line, "cannot reach the alignment of " + x.align
                                    + " bytes"));
                            x.size = x.asSize;
                        }
                    }
                    dot += x.size;
                }
            }
        }
    }

    // ------------------------------------------------------------------ placement by a linker script

    private void scriptPlace() {
        java.util.Set<Section> used = new java.util.HashSet<>();
        for (LinkerScript.Item item : script.items()) {
            if (!(item instanceof LinkerScript.Output o)) {
                continue;
            }
            OutputSection out = new OutputSection(o.name());
            out.plan = new ArrayList<>();
            for (LinkerScript.Item b : o.body()) {
                if (b instanceof LinkerScript.Assign a) {
                    out.plan.add(a);
                } else if (b instanceof LinkerScript.Input in) {
                    for (ObjectFile f : files) {
                        for (Section s : f.sections.values()) {
                            if (used.contains(s) || in.patterns().stream().noneMatch(p -> LinkerScript.matches(p, s.name))) {
                                continue;
                            }
                            used.add(s);
                            out.inputs.add(s);
                            out.plan.add(s);
                            out.code |= s.code;
                            out.writable |= s.writable;
                            out.alignment = Math.max(out.alignment, s.alignment);
                        }
                    }
                }
            }
            out.nobits = !out.inputs.isEmpty() && out.inputs.stream().allMatch(s -> s.nobits);
            outputs.add(out);
        }
        for (ObjectFile f : files) {
            for (Section s : f.sections.values()) {
                if (!used.contains(s) && s.asSize > 0) {
                    errors.add(new AsmException(new dev.guestbench.asm.assembler.source.SourceLine(f.path, 1, ""),
                            "section " + s.name + " is not placed by the linker script"));
                }
            }
        }
        for (OutputSection o : outputs) {
            if (o.inputs.stream().anyMatch(s -> s.asSize > 0)) {
                maxAlignment = Math.max(maxAlignment, o.alignment);
            }
        }
        for (ObjectFile f : files) {
            for (Section s : f.sections.values()) {
                for (Frag x : s.frags) {
                    x.size = x.asSize;
                }
            }
        }
    }

    private final long[] scriptDot = new long[1];

    private Env scriptEnv() {
        return new Env() {
            @Override
            public long symbol(String name, int column) {
                Long l = linkerSymbols.get(name);
                if (l != null) {
                    return l;
                }
                Symbol s = globals.get(name);
                if (s == null) {
                    throw new ExprException(column, "undefined symbol '" + name + "' in the linker script");
                }
                return value(s, column);
            }

            @Override
            public long dot(int column) {
                return scriptDot[0];
            }

            @Override
            public long call(String name, long[] args, int column) {
                if (name.equals("ALIGN") && args.length == 1) {
                    return alignUp(scriptDot[0], args[0]);
                }
                if (name.equals("ALIGN") && args.length == 2) {
                    return alignUp(args[0], args[1]);
                }
                throw new ExprException(column, "linker script function " + name + "() is not supported");
            }
        };
    }

    private java.util.Set<String> referencedNames;

    private boolean referenced(String name) {
        if (globals.containsKey(name)) {
            return false;
        }
        if (referencedNames == null) {
            referencedNames = new java.util.HashSet<>();
            for (ObjectFile f : files) {
                for (Section s : f.sections.values()) {
                    for (Frag x : s.frags) {
                        if (x.target != null) {
                            Eval.any(x.target, y -> y instanceof Expr.Sym z && referencedNames.add(z.name()) && false);
                        }
                        for (Fixup fx : x.fixups) {
                            Eval.any(fx.expr(), y -> y instanceof Expr.Sym z && referencedNames.add(z.name()) && false);
                        }
                    }
                }
                for (Symbol sym : f.symbols.values()) {
                    if (sym.value != null) {
                        Eval.any(sym.value, y -> y instanceof Expr.Sym z && referencedNames.add(z.name()) && false);
                    }
                }
            }
        }
        return referencedNames.contains(name);
    }

    private long scriptEval(Expr e) {
        try {
            return Eval.eval(e, scriptEnv());
        } catch (ExprException ex) {
            throw new AsmException(new dev.guestbench.asm.assembler.source.SourceLine("<linker script>", 1, ""),
                    ex.getMessage());
        }
    }

    private void scriptLayout() {
        scriptDot[0] = 0;
        Map<String, OutputSection> byName = new HashMap<>();
        for (OutputSection o : outputs) {
            byName.put(o.name, o);
        }
        for (LinkerScript.Item item : script.items()) {
            if (item instanceof LinkerScript.Assign a) {
                assign(a, 0, false);
            } else if (item instanceof LinkerScript.Output o) {
                OutputSection out = byName.get(o.name());
                boolean empty = out.inputs.stream().allMatch(s -> sizeOf(s) == 0);
                if (o.address() != null) {
                    scriptDot[0] = scriptEval(o.address());
                } else if (!empty) {
                    scriptDot[0] = alignUp(scriptDot[0], out.alignment);
                }
                out.address = scriptDot[0];
                for (Object p : out.plan) {
                    if (p instanceof LinkerScript.Assign a) {
                        assign(a, out.address, true);
                    } else {
                        Section s = (Section) p;
                        long dot = alignUp(scriptDot[0], s.alignment);
                        s.address = dot;
                        long at = dot;
                        for (Frag x : s.frags) {
                            x.address = at;
                            at += x.size;
                        }
                        s.size = at - dot + tail(s);
                        scriptDot[0] = dot + s.size;
                    }
                }
                out.size = scriptDot[0] - out.address;
            }
        }
        gp = linkerSymbols.getOrDefault("__global_pointer$", 0L);
    }

    private void assign(LinkerScript.Assign a, long sectionStart, boolean inSection) {
        if (a.provide() && !referenced(a.symbol())) {
            return; // ld defines a PROVIDEd symbol only if something refers to it
        }
        long v = scriptEval(a.expr());
        if (a.symbol().equals(".")) {
            // Inside an output section a plain number is an offset from the section's start.
            boolean relative = inSection && !Eval.any(a.expr(), x -> x instanceof Expr.Dot || x instanceof Expr.Call
                    || x instanceof Expr.Sym);
            scriptDot[0] = relative ? sectionStart + v : v;
        } else {
            linkerSymbols.put(a.symbol(), v);
        }
    }

    private boolean relaxOne(ObjectFile f, Frag x) {
        long target;
        try {
            target = Eval.eval(x.target, env(f.index, x.address));
        } catch (ExprException e) {
            return false; // reported when the values are filled in
        }
        if (x.kind == Frag.Kind.CALL) {
            long foff = target - x.address;
            if (!fits(foff, 21)) {
                return false;
            }
            AsLayout.Target t = target(f.index, x.target);
            long align = maxAlignment;
            if (t != null && outputOf(t.symbol().frag.section) == outputOf(x.section)) {
                align = outputOf(x.section).alignment;
            }
            foff += foff < 0 ? -align : align;
            if (!fits(foff, 21)) {
                return false;
            }
            if (rvc && x.reg1 == 0 && fits(foff, 12)) {
                x.relaxedTo = 2;
                x.size = 2;
            } else {
                x.relaxedTo = 4;
                x.size = 4;
            }
            return true;
        }
        if (x.kind == Frag.Kind.HI && gpReachable(target)) {
            x.relaxedTo = -1;
            x.size = 0;
            return true;
        }
        return false;
    }

    private OutputSection outputOf(Section s) {
        for (OutputSection o : outputs) {
            if (o.inputs.contains(s)) {
                return o;
            }
        }
        return null;
    }

    private boolean gpReachable(long symval) {
        if (fits(symval, 12)) {
            return true;
        }
        if (gp == 0) {
            return false;
        }
        return symval >= gp ? fits(symval - gp + maxAlignment, 12) : fits(symval - gp - maxAlignment, 12);
    }

    // ------------------------------------------------------------------ values

    private void fill() {
        for (OutputSection o : outputs) {
            if (o.nobits) {
                continue;
            }
            o.bytes = new byte[(int) o.size];
            for (Section s : o.inputs) {
                ObjectFile f = files.get(s.fileIndex);
                long tail = tail(s);
                if (s.code && tail > 0 && !relax) {
                    // Without relaxation GNU as pads the end of a code section with nops.
                    Frag last = s.frags.get(s.frags.size() - 1);
                    nops(o.bytes, (int) (last.address + last.size - o.address), (int) tail, true, false);
                }
                for (Frag x : s.frags) {
                    int at = (int) (x.address - o.address);
                    try {
                        write(f, x, o.bytes, at);
                    } catch (AsmException e) {
                        errors.add(e);
                    } catch (ExprException e) {
                        errors.add(new AsmException(x.line, e.column(), 1, e.getMessage()));
                    }
                }
            }
        }
    }

    private void write(ObjectFile f, Frag x, byte[] out, int at) {
        switch (x.kind) {
            case DATA -> {
                System.arraycopy(x.bytes, 0, out, at, x.length);
                for (Fixup fx : x.fixups) {
                    try {
                        fixup(f, x, fx, out, at);
                    } catch (ExprException e) {
                        errors.add(new AsmException(fx.line(), e.column(), 1, e.getMessage()));
                    } catch (EncodingException e) {
                        errors.add(new AsmException(fx.line(), fx.column(), 1, e.getMessage()));
                    }
                }
            }
            case ALIGN -> {
                if (x.fill >= 0) {
                    for (int i = 0; i < x.size; i++) {
                        out[at + i] = (byte) x.fill;
                    }
                } else {
                    // ld rewrites the padding only where it deleted some of it.
                    nops(out, at, x.size, x.rvc, x.relaxAlign && x.size != x.asSize, x.relaxAlign ? x.asSize : x.size);
                }
            }
            case BRANCH -> branch(f, x, out, at);
            case CALL -> call(f, x, out, at);
            case HI -> {
                if (x.size == 0) {
                    return;
                }
                long target = eval(f, x, x.target);
                long v = x.insn == AUIPC ? target - x.address : target;
                put32(out, at, encode(x, x.insn, x.reg1, Eval.hi20(v)));
            }
        }
    }

    private long eval(ObjectFile f, Frag x, Expr e) {
        try {
            return Eval.eval(e, env(f.index, x.address));
        } catch (ExprException ex) {
            throw new AsmException(x.line, ex.column(), 1, ex.getMessage());
        }
    }

    private static void nops(byte[] out, int at, int n, boolean rvc, boolean linkerTrimmed) {
        nops(out, at, n, rvc, linkerTrimmed, n);
    }

    /**
     * Code padding. GNU as writes {@code asSize} bytes: a zero byte if odd, a c.nop if 2 mod 4, then
     * nops. Where ld trims it to {@code n} bytes it rewrites them: nops, then one c.nop (of which
     * only what fits stays), over what GNU as had written.
     */
    private static void nops(byte[] out, int at, int n, boolean rvc, boolean linkerTrimmed, int asSize) {
        byte[] as = new byte[Math.max(n, asSize)];
        int i = asSize & 1;
        if ((asSize - i) % 4 == 2) {
            if (rvc) {
                as[i] = 1;
            }
            i += 2;
        }
        for (; i + 4 <= asSize; i += 4) {
            as[i] = 0x13;
        }
        if (linkerTrimmed) {
            int pos = 0;
            for (; pos + 4 <= n; pos += 4) {
                as[pos] = 0x13;
                as[pos + 1] = 0;
                as[pos + 2] = 0;
                as[pos + 3] = 0;
            }
            if (pos < n) {
                as[pos] = 1;
                if (pos + 1 < n) {
                    as[pos + 1] = 0;
                }
            }
        }
        System.arraycopy(as, 0, out, at, n);
    }

    private int encode(Frag x, Instruction insn, long... values) {
        try {
            return Encoder.encode(insn, values);
        } catch (EncodingException e) {
            throw new AsmException(x.line, e.getMessage() + " (the target is too far away)");
        }
    }

    private void branch(ObjectFile f, Frag x, byte[] out, int at) {
        long target = eval(f, x, x.target);
        long off = target - x.address;
        boolean jump = x.insn == JAL;
        switch (x.size) {
            case 2 -> put16(out, at, jump ? encode(x, C_J, off)
                    : encode(x, x.insn == BEQ ? C_BEQZ : C_BNEZ, x.reg1, off));
            case 4 -> put32(out, at, jump ? encode(x, JAL, x.reg1, off) : encode(x, x.insn, x.reg1, x.reg2, off));
            case 6 -> {
                put16(out, at, encode(x, x.insn == BEQ ? C_BNEZ : C_BEQZ, x.reg1, 6));
                put32(out, at + 2, encode(x, JAL, 0, off - 2));
            }
            default -> {
                put32(out, at, encode(x, invert(x.insn), x.reg1, x.reg2, 8));
                put32(out, at + 4, encode(x, JAL, 0, off - 4));
            }
        }
    }

    private static Instruction invert(Instruction i) {
        return switch (i) {
            case BEQ -> BNE;
            case BNE -> BEQ;
            case BLT -> BGE;
            case BGE -> BLT;
            case BLTU -> BGEU;
            default -> BLTU;
        };
    }

    private void call(ObjectFile f, Frag x, byte[] out, int at) {
        long target = eval(f, x, x.target);
        long off = target - x.address;
        if (x.relaxedTo == 2) {
            put16(out, at, encode(x, C_J, off));
        } else if (x.relaxedTo == 4) {
            put32(out, at, encode(x, JAL, x.reg1, off));
        } else {
            if (!fits(off + 0x800, 32)) {
                throw new AsmException(x.line, "call target is more than 2 GiB away");
            }
            put32(out, at, encode(x, AUIPC, x.reg2, Eval.hi20(off)));
            put32(out, at + 4, encode(x, JALR, x.reg1, Eval.lo12(off), x.reg2));
        }
    }

    private Frag hiAt(long address, SourceLine line, int column) {
        for (ObjectFile f : files) {
            for (Section s : f.sections.values()) {
                for (Frag x : s.frags) {
                    if (x.kind == Frag.Kind.HI && x.insn == AUIPC && x.address == address
                            && (x.size > 0 || x.relaxedTo == -1)) {
                        return x;
                    }
                }
            }
        }
        throw new AsmException(line, column, 1, "%pcrel_lo must name the label of an auipc with %pcrel_hi");
    }

    private void fixup(ObjectFile f, Frag x, Fixup fx, byte[] out, int at) {
        long here = x.address + fx.offset();
        if (fx.insn() == null) {
            long v = Eval.eval(fx.expr(), env(f.index, here));
            for (int i = 0; i < fx.width(); i++) {
                out[at + fx.offset() + i] = (byte) (v >>> (8 * i));
            }
            return;
        }
        long[] values = fx.values().clone();
        int rs1 = fx.insn().operandIndex("rs1");
        long v;
        if ("pcrel_lo".equals(fx.modifier())) {
            Frag hi = fx.hi();
            if (hi == null) {
                hi = hiAt(Eval.eval(fx.expr(), env(f.index, here)), fx.line(), fx.column());
            }
            long target = Eval.eval(hi.target, env(hi.section.fileIndex, hi.address));
            if (hi.relaxedTo == -1) {
                boolean small = fits(target, 12);
                values[rs1] = small ? 0 : GP;
                v = small ? target : target - gp;
            } else {
                v = Eval.lo12(target - hi.address);
            }
        } else if ("lo".equals(fx.modifier())) {
            long target = Eval.eval(fx.expr(), env(f.index, here));
            if (relax && fx.relax() && rs1 >= 0 && gpReachable(target)) {
                boolean small = fits(target, 12);
                values[rs1] = small ? 0 : GP;
                v = small ? target : target - gp;
            } else {
                v = Eval.lo12(target);
            }
        } else {
            v = Eval.eval(fx.expr(), env(f.index, here));
            if (fx.insn().operands().get(fx.operand()).kind() == dev.guestbench.isa.OperandKind.PC_OFFSET) {
                v -= here;
            }
        }
        values[fx.operand()] = v;
        put32(out, at + fx.offset(), Encoder.encode(fx.insn(), values));
    }

    private static void put16(byte[] out, int at, int v) {
        out[at] = (byte) v;
        out[at + 1] = (byte) (v >>> 8);
    }

    private static void put32(byte[] out, int at, int v) {
        put16(out, at, v);
        put16(out, at + 2, v >>> 16);
    }

    // ------------------------------------------------------------------ results

    /** Symbol values: every named symbol of the sources (not .L locals), then the linker's own. */
    public Map<String, Long> symbols() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (ObjectFile f : files) {
            for (Symbol s : f.symbols.values()) {
                if (!s.isDefined() || s.name.startsWith(".L") || s.name.contains("\u0002")) {
                    continue;
                }
                try {
                    long v = value(s, 0);
                    if (s.global || !out.containsKey(s.name)) {
                        out.put(s.name, v);
                    }
                } catch (ExprException e) {
                    errors.add(new AsmException(s.definedAt, e.getMessage()));
                }
            }
        }
        return out;
    }

    /** Symbols the default linker script defines (__global_pointer$, _end, ...). */
    public Map<String, Long> linkerSymbols() {
        return linkerSymbols;
    }

    /** Global symbol names. */
    public boolean isGlobal(String name) {
        return globals.containsKey(name);
    }

    /** The global symbol with this name, or null. */
    public Symbol symbol(String name) {
        return globals.get(name);
    }

    /** The line table, sorted by address. */
    public List<LineEntry> lineTable() {
        if (lines != null) {
            return lines;
        }
        List<LineEntry> out = new ArrayList<>();
        for (ObjectFile f : files) {
            for (ObjectFile.LineRow r : f.lines) {
                out.add(r.entry());
            }
        }
        out.sort((a, b) -> Long.compare(a.address(), b.address()));
        lines = List.copyOf(out);
        return lines;
    }

    private List<LineEntry> lines;
}
