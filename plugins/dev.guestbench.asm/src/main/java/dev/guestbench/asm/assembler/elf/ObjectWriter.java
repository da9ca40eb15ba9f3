package dev.guestbench.asm.assembler.elf;

import static dev.guestbench.isa.Instruction.*;

import dev.guestbench.asm.assembler.AsmException;
import dev.guestbench.asm.assembler.emit.Fixup;
import dev.guestbench.asm.assembler.emit.Frag;
import dev.guestbench.asm.assembler.emit.ObjectFile;
import dev.guestbench.asm.assembler.emit.Section;
import dev.guestbench.asm.assembler.emit.Symbol;
import dev.guestbench.asm.assembler.expr.Env;
import dev.guestbench.asm.assembler.expr.Eval;
import dev.guestbench.asm.assembler.expr.Expr;
import dev.guestbench.asm.assembler.expr.ExprException;
import dev.guestbench.asm.assembler.link.Linker;
import dev.guestbench.isa.Encoder;
import dev.guestbench.isa.EncodingException;
import dev.guestbench.isa.Instruction;
import dev.guestbench.isa.IsaSubset;
import dev.guestbench.isa.OperandKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one assembled file as an ELF64 relocatable object the way GNU as does: section contents
 * at GNU as's offsets, R_RISCV_* relocations (with R_RISCV_RELAX marks when relaxing and
 * R_RISCV_ALIGN for code alignment), local labels the relocations name, and the symbol table, so
 * that GNU ld links it to the same bytes as GNU as's object.
 */
public final class ObjectWriter {
    private static final int R_32 = 1;
    private static final int R_64 = 2;
    private static final int R_BRANCH = 16;
    private static final int R_JAL = 17;
    private static final int R_CALL_PLT = 19;
    private static final int R_PCREL_HI20 = 23;
    private static final int R_PCREL_LO12_I = 24;
    private static final int R_PCREL_LO12_S = 25;
    private static final int R_HI20 = 26;
    private static final int R_LO12_I = 27;
    private static final int R_LO12_S = 28;
    private static final int R_ADD8 = 33;
    private static final int R_SUB8 = 37;
    private static final int R_ALIGN = 43;
    private static final int R_RVC_BRANCH = 44;
    private static final int R_RVC_JUMP = 45;
    private static final int R_RELAX = 51;

    private final ObjectFile file;
    private final Linker linker;
    private final boolean relax;
    private final List<AsmException> errors;
    /** Symbol table order: the index of each symbol name (local labels too). */
    private final Map<String, Integer> symbolIndex = new LinkedHashMap<>();
    private final List<Object[]> symbols = new ArrayList<>(); // name, value, shndx, bind, type
    private final Map<Frag, String> hiLabels = new LinkedHashMap<>();
    private final Map<Section, List<long[]>> relocations = new LinkedHashMap<>(); // offset, type, symbol name idx, addend
    private final Map<Section, List<String>> relocSymbols = new LinkedHashMap<>();
    private final List<Section> sections;

    private ObjectWriter(ObjectFile file, Linker linker, boolean relax, List<AsmException> errors) {
        this.file = file;
        this.linker = linker;
        this.relax = relax;
        this.errors = errors;
        this.sections = new ArrayList<>(file.sections.values());
    }

    /** The object file's bytes; {@code linker} must have run {@link Linker#assembleOnly()}. */
    public static byte[] write(ObjectFile file, Linker linker, boolean relax, int eflags, IsaSubset isa,
            List<AsmException> errors) {
        ObjectWriter w = new ObjectWriter(file, linker, relax, errors);
        w.attributes = attributes(isa);
        return w.build(eflags);
    }

    private byte[] attributes;

    /** The .riscv.attributes contents GNU as writes: only Tag_RISCV_arch, in its normalized form. */
    static byte[] attributes(IsaSubset isa) {
        StringBuilder arch = new StringBuilder("rv" + isa.xlen() + "i2p1");
        String[][] parts = {{"m", "m2p0"}, {"a", "a2p1"}, {"f", "f2p2"}, {"d", "d2p2"}, {"c", "c2p0"}};
        for (String[] p : parts) {
            if (isa.has(p[0])) {
                arch.append('_').append(p[1]);
            }
        }
        if (isa.has("zicsr") || isa.has("f")) {
            arch.append("_zicsr2p0");
        }
        if (isa.has("zifencei")) {
            arch.append("_zifencei2p0");
        }
        if (isa.has("m") || isa.has("zmmul")) {
            arch.append("_zmmul1p0");
        }
        byte[] value = utf8(arch.toString());
        ByteArrayOutputStream sub = new ByteArrayOutputStream();
        sub.write(5); // Tag_RISCV_arch
        sub.writeBytes(value);
        sub.write(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('A');
        le(out, 4 + 6 + 1 + 4 + sub.size(), 4);
        out.writeBytes(utf8("riscv"));
        out.write(0);
        out.write(1); // Tag_File
        le(out, 1 + 4 + sub.size(), 4);
        out.writeBytes(sub.toByteArray());
        return out.toByteArray();
    }

    private int sectionIndex(Section s) {
        return 1 + sections.indexOf(s);
    }

    // ------------------------------------------------------------------ contents and relocations

    private record Ref(Symbol symbol, String name, long addend) {
    }

    /** An expression as symbol + addend (symbol null for a constant). */
    private Ref ref(Expr e) {
        if (e instanceof Expr.Sym s) {
            Symbol sym = linker.resolve(file.index, s.name());
            if (sym != null && sym.frag == null && sym.value != null) {
                Long difference = linker.asDifference(file.index, sym.value);
                return difference != null ? new Ref(null, null, difference) : ref(sym.value);
            }
            return new Ref(sym, s.name(), 0);
        }
        if (e instanceof Expr.Binary b && (b.op().equals("+") || b.op().equals("-"))) {
            Long c = constant(b.right());
            if (c != null) {
                Ref l = ref(b.left());
                return l == null ? null : new Ref(l.symbol, l.name, l.addend + (b.op().equals("+") ? c : -c));
            }
            Long lc = constant(b.left());
            if (lc != null && b.op().equals("+")) {
                Ref r = ref(b.right());
                return r == null ? null : new Ref(r.symbol, r.name, r.addend + lc);
            }
            return null;
        }
        Long c = constant(e);
        return c == null ? null : new Ref(null, null, c);
    }

    private Long constant(Expr e) {
        if (e instanceof Expr.Sym s) {
            Symbol sym = linker.resolve(file.index, s.name());
            if (sym != null && sym.frag == null && sym.value != null) {
                Long difference = linker.asDifference(file.index, sym.value);
                if (difference != null) {
                    return difference;
                }
            }
        }
        try {
            return Eval.eval(e, new Env() {
                @Override
                public long symbol(String name, int column) {
                    Symbol s = linker.resolve(file.index, name);
                    if (s == null || s.frag != null || s.value == null) {
                        throw new ExprException(column, "not constant");
                    }
                    return Eval.eval(s.value, this);
                }

                @Override
                public long dot(int column) {
                    throw new ExprException(column, "not constant");
                }
            });
        } catch (ExprException ex) {
            return null;
        }
    }

    private void reloc(Section s, long offset, int type, String symbol, long addend) {
        relocations.computeIfAbsent(s, k -> new ArrayList<>()).add(new long[] {offset, type, 0, addend});
        relocSymbols.computeIfAbsent(s, k -> new ArrayList<>()).add(symbol);
    }

    private void relaxMark(Section s, long offset) {
        relaxMark(s, offset, relax);
    }

    /** R_RISCV_RELAX where relaxation was on for the instruction (.option norelax turns it off). */
    private void relaxMark(Section s, long offset, boolean on) {
        if (on) {
            reloc(s, offset, R_RELAX, null, 0);
        }
    }

    private String target(Ref r, Frag where) {
        if (r == null || r.symbol == null && r.name == null) {
            throw new AsmException(where.line, "expression too complex for a relocation");
        }
        return r.name;
    }

    private byte[] contents(Section s) {
        byte[] out = new byte[(int) s.asSize];
        long used = 0;
        for (Frag x : s.frags) {
            used += x.asSize;
        }
        if (s.code && !relax && used < s.asSize) {
            // Without relaxation GNU as pads the end of a code section with nops.
            nops(out, (int) used, (int) (s.asSize - used));
        }
        for (Frag x : s.frags) {
            int at = (int) x.asOffset;
            try {
                frag(s, x, out, at);
            } catch (AsmException e) {
                errors.add(e);
            } catch (EncodingException e) {
                errors.add(new AsmException(x.line, e.getMessage()));
            }
        }
        return out;
    }

    private void frag(Section s, Frag x, byte[] out, int at) {
        switch (x.kind) {
            case DATA -> {
                System.arraycopy(x.bytes, 0, out, at, x.length);
                for (Fixup fx : x.fixups) {
                    fixup(s, x, fx, out, at + fx.offset());
                }
            }
            case ALIGN -> {
                if (x.fill >= 0) {
                    for (int i = 0; i < x.asSize; i++) {
                        out[at + i] = (byte) x.fill;
                    }
                } else {
                    nops(out, at, x.asSize);
                    if (x.relaxAlign) {
                        reloc(s, x.asOffset, R_ALIGN, null, x.asSize);
                    }
                }
            }
            case BRANCH -> branch(s, x, out, at);
            case CALL -> {
                Ref r = ref(x.target);
                reloc(s, x.asOffset, R_CALL_PLT, target(r, x), r.addend);
                relaxMark(s, x.asOffset, x.relaxable);
                put32(out, at, Encoder.encode(AUIPC, x.reg2, 0));
                put32(out, at + 4, Encoder.encode(JALR, x.reg1, 0, x.reg2));
            }
            case HI -> {
                Ref r = ref(x.target);
                if (r != null && r.symbol == null && r.name == null && x.insn == LUI) {
                    put32(out, at, Encoder.encode(LUI, x.reg1, Eval.hi20(r.addend)));
                    return;
                }
                reloc(s, x.asOffset, x.insn == AUIPC ? R_PCREL_HI20 : R_HI20, target(r, x), r.addend);
                relaxMark(s, x.asOffset, x.relaxable);
                put32(out, at, Encoder.encode(x.insn, x.reg1, 0));
            }
        }
    }

    private void branch(Section s, Frag x, byte[] out, int at) {
        Ref r = ref(x.target);
        String sym = target(r, x);
        boolean jump = x.insn == JAL;
        switch (x.asSize) {
            case 2 -> {
                reloc(s, x.asOffset, jump ? R_RVC_JUMP : R_RVC_BRANCH, sym, r.addend);
                put16(out, at, jump ? Encoder.encode(C_J, 0) : Encoder.encode(x.insn == BEQ ? C_BEQZ : C_BNEZ, x.reg1, 0));
            }
            case 4 -> {
                reloc(s, x.asOffset, jump ? R_JAL : R_BRANCH, sym, r.addend);
                put32(out, at, jump ? Encoder.encode(JAL, x.reg1, 0) : Encoder.encode(x.insn, x.reg1, x.reg2, 0));
            }
            case 6 -> {
                put16(out, at, Encoder.encode(x.insn == BEQ ? C_BNEZ : C_BEQZ, x.reg1, 6));
                reloc(s, x.asOffset + 2, R_JAL, sym, r.addend);
                put32(out, at + 2, Encoder.encode(JAL, 0, 0));
            }
            default -> {
                Instruction inv = switch (x.insn) {
                    case BEQ -> BNE;
                    case BNE -> BEQ;
                    case BLT -> BGE;
                    case BGE -> BLT;
                    case BLTU -> BGEU;
                    default -> BLTU;
                };
                put32(out, at, Encoder.encode(inv, x.reg1, x.reg2, 8));
                reloc(s, x.asOffset + 4, R_JAL, sym, r.addend);
                put32(out, at + 4, Encoder.encode(JAL, 0, 0));
            }
        }
    }

    private void fixup(Section s, Frag x, Fixup fx, byte[] out, int at) {
        long offset = x.asOffset + fx.offset();
        if (fx.insn() == null) {
            Long c = constant(fx.expr());
            if (c != null) {
                put(out, at, c, fx.width());
                return;
            }
            if (fx.expr() instanceof Expr.Binary b && b.op().equals("-")) {
                Ref l = ref(b.left());
                Ref r = ref(b.right());
                if (l != null && r != null && l.symbol != null && r.symbol != null && l.symbol.frag != null
                        && r.symbol.frag != null && l.symbol.frag.section == r.symbol.frag.section
                        && !l.symbol.frag.section.code) {
                    long v = l.symbol.frag.asOffset + l.symbol.offset + l.addend
                            - (r.symbol.frag.asOffset + r.symbol.offset + r.addend);
                    put(out, at, v, fx.width());
                    return;
                }
                if (l != null && r != null && l.name != null && r.name != null) {
                    int w = Integer.numberOfTrailingZeros(fx.width());
                    reloc(s, offset, R_ADD8 + w, l.name, l.addend);
                    reloc(s, offset, R_SUB8 + w, r.name, r.addend);
                    put(out, at, 0, fx.width());
                    return;
                }
            }
            Ref r = ref(fx.expr());
            if (fx.width() != 4 && fx.width() != 8) {
                throw new AsmException(fx.line(), fx.column(), 1, "a " + fx.width()
                        + "-byte value cannot hold an address");
            }
            reloc(s, offset, fx.width() == 8 ? R_64 : R_32, target(r, x), r.addend);
            put(out, at, 0, fx.width());
            return;
        }
        long[] values = fx.values().clone();
        boolean store = fx.insn().operands().get(fx.operand()).token().equals("soff12");
        if ("lo".equals(fx.modifier())) {
            Ref r = ref(fx.expr());
            if (r != null && r.symbol == null && r.name == null) {
                values[fx.operand()] = Eval.lo12(r.addend);
            } else {
                reloc(s, offset, store ? R_LO12_S : R_LO12_I, target(r, x), r.addend);
                relaxMark(s, offset, fx.relax());
                values[fx.operand()] = 0;
            }
        } else if ("pcrel_lo".equals(fx.modifier())) {
            String label;
            if (fx.hi() != null) {
                label = hiLabels.get(fx.hi());
            } else {
                Ref r = ref(fx.expr());
                label = target(r, x);
            }
            reloc(s, offset, store ? R_PCREL_LO12_S : R_PCREL_LO12_I, label, 0);
            relaxMark(s, offset, fx.hi() != null ? fx.hi().relaxable : fx.relax());
            values[fx.operand()] = 0;
        } else {
            Long c = constant(fx.expr());
            if (c == null) {
                throw new AsmException(fx.line(), fx.column(), 1, "this operand needs a constant in an object file");
            }
            values[fx.operand()] = c;
            if (fx.insn().operands().get(fx.operand()).kind() == OperandKind.PC_OFFSET) {
                throw new AsmException(fx.line(), fx.column(), 1, "branch to a constant address");
            }
        }
        put32(out, at, Encoder.encode(fx.insn(), values));
    }

    // ------------------------------------------------------------------ symbols and file

    private void addSymbol(String name, long value, int shndx, int bind, int type) {
        symbolIndex.put(name, symbols.size() + 1);
        symbols.add(new Object[] {name, value, shndx, bind, type});
    }

    private byte[] build(int eflags) {
        // Labels at the auipc of each la/lla/symbol access, for their %pcrel_lo relocations.
        int n = 0;
        for (Section s : sections) {
            for (Frag x : s.frags) {
                if (x.kind == Frag.Kind.HI && x.insn == AUIPC) {
                    hiLabels.put(x, ".Lpcrel_hi" + (n++));
                }
            }
        }
        List<byte[]> data = new ArrayList<>();
        for (Section s : sections) {
            data.add(s.nobits ? null : contents(s));
        }
        // Symbol table: section symbols, local labels, then globals (defined or referenced).
        for (Section s : sections) {
            addSymbol("\u0000" + s.name, 0, sectionIndex(s), 0, 3);
        }
        for (Map.Entry<Frag, String> e : hiLabels.entrySet()) {
            addSymbol(e.getValue(), e.getKey().asOffset, sectionIndex(e.getKey().section), 0, 0);
        }
        for (Symbol sym : file.symbols.values()) {
            if (sym.global || !sym.isDefined()) {
                continue;
            }
            if (sym.frag != null) {
                addSymbol(sym.name, sym.frag.asOffset + sym.offset, sectionIndex(sym.frag.section), 0, type(sym));
            } else {
                Long c = constant(sym.value);
                if (c != null) {
                    addSymbol(sym.name, c, 0xfff1, 0, 0);
                }
            }
        }
        int firstGlobal = symbols.size() + 1;
        for (Symbol sym : file.symbols.values()) {
            if (!sym.global) {
                continue;
            }
            if (sym.frag != null) {
                addSymbol(sym.name, sym.frag.asOffset + sym.offset, sectionIndex(sym.frag.section), 1, type(sym));
            } else if (sym.value != null) {
                Long c = constant(sym.value);
                addSymbol(sym.name, c == null ? 0 : c, 0xfff1, 1, 0);
            } else {
                addSymbol(sym.name, 0, 0, 1, 0);
            }
        }
        for (List<String> names : relocSymbols.values()) {
            for (String name : names) {
                if (name != null && !symbolIndex.containsKey(name)) {
                    addSymbol(name, 0, 0, 1, 0); // undefined, from another file
                }
            }
        }
        // Global symbols must follow locals: undefined ones added late are globals, so order holds.
        return ElfRelocatable.write(sections, data, relocations, relocSymbols, symbolIndex, symbols, firstGlobal,
                eflags, attributes);
    }

    private static int type(Symbol s) {
        if (s.type == null) {
            return 0;
        }
        return s.type.contains("function") ? 2 : s.type.contains("object") ? 1 : 0;
    }

    /** GNU as's code padding: a zero byte if odd, a c.nop if 2 mod 4, then nops. */
    private static void nops(byte[] out, int at, int n) {
        int i = n & 1;
        if ((n - i) % 4 == 2) {
            put16(out, at + i, 1);
            i += 2;
        }
        for (; i + 4 <= n; i += 4) {
            put32(out, at + i, 0x13);
        }
    }

    private static void put(byte[] out, int at, long v, int width) {
        for (int i = 0; i < width; i++) {
            out[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static void put16(byte[] out, int at, int v) {
        out[at] = (byte) v;
        out[at + 1] = (byte) (v >>> 8);
    }

    private static void put32(byte[] out, int at, int v) {
        put16(out, at, v);
        put16(out, at + 2, v >>> 16);
    }

    /** The name written for a symbol (section symbols have none). */
    static String displayName(String name) {
        return name.startsWith("\u0000") ? "" : name.replace('\u0002', '^');
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void le(ByteArrayOutputStream out, long v, int width) {
        ElfWriter.le(out, v, width);
    }
}
