package dev.guestbench.asm.assembler.emit;

import static dev.guestbench.isa.Instruction.*;

import dev.guestbench.asm.assembler.AsmException;
import dev.guestbench.asm.assembler.expr.Eval;
import dev.guestbench.asm.assembler.expr.Expr;
import dev.guestbench.asm.assembler.expr.ExprException;
import dev.guestbench.asm.assembler.source.Statement;
import dev.guestbench.isa.Csr;
import dev.guestbench.isa.Csrs;
import dev.guestbench.isa.Encoder;
import dev.guestbench.isa.EncodingException;
import dev.guestbench.isa.FenceSet;
import dev.guestbench.isa.Instruction;
import dev.guestbench.isa.Operand;
import dev.guestbench.isa.OperandKind;
import dev.guestbench.isa.Registers;
import dev.guestbench.isa.RoundingMode;
import dev.guestbench.isa.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles one instruction statement: the pseudo-instructions GNU as knows, then any instruction
 * of the ISA table by its template. Emits into the current section, compressing where GNU as would.
 */
final class InstructionAssembler {
    private static final int ZERO = 0;
    private static final int RA = 1;
    private static final int T1 = 6;

    private final SourceAssembler src;
    private Statement st;
    private boolean compressJalr;
    private boolean noCompress;
    private List<Statement.Part> ops;

    InstructionAssembler(SourceAssembler src) {
        this.src = src;
    }

    /** An operand value: a number now, or an expression for later. */
    private record Value(long number, Expr expr, int column) {
        boolean known() {
            return expr == null;
        }
    }

    void assemble(Statement statement, String m) {
        this.st = statement;
        this.ops = Statement.operands(st.operands(), st.operandsColumn());
        if (m.equals("call") || m.equals("tail") || m.equals("jump")) {
            // "call foo@plt" is the same call for a static executable.
            List<Statement.Part> plain = new ArrayList<>();
            for (Statement.Part p : ops) {
                plain.add(p.text().endsWith("@plt")
                        ? new Statement.Part(p.text().substring(0, p.text().length() - 4), p.column()) : p);
            }
            ops = plain;
        }
        if (!pseudo(m)) {
            generic(m);
        }
    }

    // ------------------------------------------------------------------ errors and operands

    private AsmException err(int column, int length, String message) {
        return new AsmException(st.line(), column, length, message);
    }

    /** Length of the operand that starts at a column (for underlining), at least 1. */
    private int lengthAt(int column) {
        for (Statement.Part p : ops) {
            if (p.column() == column) {
                return Math.max(1, p.text().length());
            }
        }
        return 1;
    }

    private void count(int... allowed) {
        for (int a : allowed) {
            if (ops.size() == a) {
                return;
            }
        }
        String want = allowed.length == 1 ? String.valueOf(allowed[0]) : allowed[0] + " or " + allowed[allowed.length - 1];
        throw err(st.wordColumn(), st.word().length(), st.word() + " takes " + want + " operand"
                + (allowed[allowed.length - 1] == 1 ? "" : "s") + ", got " + ops.size());
    }

    private int gpr(int i) {
        Statement.Part p = ops.get(i);
        int r = Registers.parseGpr(p.text());
        if (r < 0) {
            throw err(p.column(), Math.max(1, p.text().length()), "expected an integer register for " + st.word()
                    + ", got '" + p.text() + "'");
        }
        return r;
    }

    private int fpr(int i) {
        Statement.Part p = ops.get(i);
        int r = Registers.parseFpr(p.text());
        if (r < 0) {
            throw err(p.column(), Math.max(1, p.text().length()), "expected a floating-point register for "
                    + st.word() + ", got '" + p.text() + "'");
        }
        return r;
    }

    private boolean isGpr(int i) {
        return Registers.parseGpr(ops.get(i).text()) >= 0;
    }

    private Value value(String text, int column) {
        if (text.isEmpty()) {
            throw err(column, 1, "missing operand of " + st.word());
        }
        Expr e = src.parse(text, column);
        if (Eval.any(e, x -> x instanceof Expr.Dot)) {
            // '.' is the address of this instruction: a label here stands for it.
            e = src.replaceDotHere(e);
        }
        try {
            return new Value(Eval.eval(e, src.constantEnv()), null, column);
        } catch (ExprException notConstant) {
            if (Eval.any(e, x -> x instanceof Expr.Sym s && src.object().symbols.containsKey(s.name())
                    && src.object().symbols.get(s.name()).evaluating)) {
                throw notConstant;
            }
            return new Value(0, e, column);
        }
    }

    private Value value(int i) {
        return value(ops.get(i).text(), ops.get(i).column());
    }

    private long constant(int i) {
        Value v = value(i);
        if (!v.known()) {
            throw err(v.column(), ops.get(i).text().length(), "expected a constant for " + st.word() + ", got '"
                    + ops.get(i).text() + "'");
        }
        return v.number();
    }

    private long constantText(String text, int column) {
        Value v = value(text, column);
        if (!v.known()) {
            throw err(column, text.length(), "expected a constant offset for " + st.word() + ", got '" + text + "'");
        }
        return v.number();
    }

    private int csr(int i) {
        Statement.Part p = ops.get(i);
        Csr c = Csrs.byName(p.text());
        if (c != null) {
            return c.number();
        }
        Value v = value(i);
        if (!v.known()) {
            throw err(p.column(), p.text().length(), "unknown CSR '" + p.text() + "'");
        }
        if (v.number() < 0 || v.number() > 0xfff) {
            throw err(p.column(), p.text().length(), "CSR number " + v.number() + " out of range 0..4095");
        }
        return (int) v.number();
    }

    /** Splits "expr(reg)" into the expression text (maybe empty) and the base register. */
    private record Mem(String offset, int offsetColumn, int base, boolean hasBase) {
    }

    private Mem mem(int i) {
        Statement.Part p = ops.get(i);
        String t = p.text();
        if (t.endsWith(")")) {
            int depth = 0;
            for (int k = t.length() - 1; k >= 0; k--) {
                char c = t.charAt(k);
                if (c == ')') {
                    depth++;
                } else if (c == '(' && --depth == 0) {
                    String reg = t.substring(k + 1, t.length() - 1).strip();
                    int r = Registers.parseGpr(reg);
                    if (r >= 0) {
                        return new Mem(t.substring(0, k).strip(), p.column(), r, true);
                    }
                    break;
                }
            }
        }
        return new Mem(t, p.column(), -1, false);
    }

    // ------------------------------------------------------------------ emitting

    /** Encodes and emits an instruction whose operands are all known, compressing it if allowed. */
    private void emit(Instruction insn, long[] values, int[] columns) {
        int word;
        try {
            word = Encoder.encode(insn, values);
        } catch (EncodingException e) {
            int col = e.operandIndex() >= 0 && columns != null && e.operandIndex() < columns.length
                    ? columns[e.operandIndex()] : st.wordColumn();
            throw err(col, lengthAt(col), e.getMessage());
        }
        emitWord(insn, word);
    }

    private void emitWord(Instruction insn, int word) {
        Frag f = src.current().data();
        src.lineRow(st, f, f.length);
        if (insn.isCompressed()) {
            requireRvc();
            f.put(word & 0xffff, 2);
            return;
        }
        // GNU as compresses jalr only from its one-register forms (jr rs, jalr rs, ret).
        boolean allowed = (insn != JALR || compressJalr) && !noCompress;
        compressJalr = false;
        noCompress = false;
        int c = src.rvc && allowed ? Compressor.compress(word, src.isa().has("d")) : -1;
        if (c >= 0) {
            f.put(c, 2);
        } else {
            f.put(word & 0xffffffffL, 4);
        }
    }

    private void requireRvc() {
        if (!src.rvc) {
            throw err(st.wordColumn(), st.word().length(), st.word() + " needs the C extension (.option rvc or -march with c)");
        }
    }

    private void emit(Instruction insn, long... values) {
        emit(insn, values, null);
    }

    /** Emits an instruction with one operand that needs final addresses. */
    private void emitFixup(Instruction insn, long[] values, int operand, Expr expr, String modifier, int column) {
        Frag f = src.current().data();
        src.lineRow(st, f, f.length);
        long[] copy = values.clone();
        copy[operand] = 0;
        int word;
        try {
            Operand op = insn.operands().get(operand);
            if (op.kind() == OperandKind.UPPER_IMMEDIATE) {
                copy[operand] = 0;
            }
            word = Encoder.encode(insn, copy);
        } catch (EncodingException e) {
            int col = e.operandIndex() == operand ? column : st.wordColumn();
            throw err(col, 1, e.getMessage());
        }
        f.fixups.add(new Fixup(f.length, 4, insn, copy, operand, expr, modifier, st.line(), column, null, src.relax));
        f.put(word & 0xffffffffL, 4);
    }

    private Frag variable(Frag.Kind kind) {
        Frag d = src.current().data();
        src.lineRow(st, d, d.length);
        return src.current().add(kind, st.line());
    }

    private void branch(Instruction insn, int r1, int r2, Value target, int[] columns) {
        if (target.known()) {
            emit(insn, insn == JAL ? new long[] {r1, target.number()} : new long[] {r1, r2, target.number()},
                    columns);
            return;
        }
        Frag f = variable(Frag.Kind.BRANCH);
        f.insn = insn;
        f.reg1 = r1;
        f.reg2 = r2;
        f.target = target.expr();
        boolean cReg = r1 >= 8 && r1 <= 15 && r2 == 0;
        f.compressible = src.rvc && (insn == JAL ? r1 == 0 : (insn == BEQ || insn == BNE) && cReg);
    }

    private void call(int link, int scratch, Value target) {
        if (target.known()) {
            throw err(target.column(), 1, st.word() + " needs a symbol, not a number");
        }
        Frag f = variable(Frag.Kind.CALL);
        f.reg1 = link;
        f.reg2 = scratch;
        f.target = target.expr();
        f.relaxable = src.relax;
    }

    /** auipc rd, %pcrel_hi(target) as a piece the linker may delete; returns the label expression. */
    private Frag hi(Instruction insn, int rd, Expr target) {
        Frag f = variable(insn == AUIPC ? Frag.Kind.HI : Frag.Kind.HI);
        f.insn = insn;
        f.reg1 = rd;
        f.target = target;
        f.relaxable = src.relax;
        return f;
    }

    /** lla/la and symbol loads/stores: auipc scratch, %pcrel_hi(sym) then the instruction with %pcrel_lo. */
    private void pcrelPair(int scratch, Value target, Instruction second, long[] values, int operand) {
        if (target.known()) {
            throw err(target.column(), 1, "expected a symbol for " + st.word());
        }
        Frag h = hi(AUIPC, scratch, target.expr());
        Frag d = src.current().data();
        long[] copy = values.clone();
        copy[operand] = 0;
        int word = Encoder.encode(second, copy);
        d.fixups.add(new Fixup(d.length, 4, second, copy, operand, target.expr(), "pcrel_lo", st.line(),
                target.column(), h, src.relax));
        d.put(word & 0xffffffffL, 4);
    }

    // ------------------------------------------------------------------ li

    private void li(int rd, long value, int[] cols) {
        if (value >= -2048 && value <= 2047) {
            // GNU as matches li rd, imm12 as addi before it expands the li macro.
            emit(ADDI, rd, 0, value);
            return;
        }
        loadConst(rd, value);
    }

    private void loadConst(int rd, long value) {
        long lower = ((value & 0xfff) ^ 0x800) - 0x800;
        long upper = value - lower;
        if (value != (int) value) {
            int shift = 12;
            while (((upper >> shift) & 1) == 0) {
                shift++;
            }
            loadConst(rd, upper >> shift);
            emit(SLLI, rd, rd, shift);
            if (lower != 0) {
                emit(ADDI, rd, rd, lower);
            }
            return;
        }
        int hiReg = 0;
        if (upper != 0) {
            emit(LUI, rd, (upper >>> 12) & 0xfffff);
            hiReg = rd;
        }
        if (lower != 0 || hiReg == 0) {
            emit(ADDIW, rd, hiReg, lower);
        }
    }

    // ------------------------------------------------------------------ pseudo-instructions

    private boolean pseudo(String m) {
        switch (m) {
            case "nop" -> {
                count(0);
                emit(ADDI, 0, 0, 0);
            }
            case "c.nop" -> {
                count(0, 1);
                long imm = ops.isEmpty() ? 0 : constant(0);
                if (imm < -32 || imm > 31) {
                    throw err(ops.get(0).column(), ops.get(0).text().length(), "immediate " + imm
                            + " out of range -32..31 for c.nop");
                }
                emitWord(C_ADDI, (int) (1 | (imm & 0x20) << 7 | (imm & 0x1f) << 2));
            }
            case "li" -> {
                count(2);
                int rd = gpr(0);
                Value v = value(1);
                if (!v.known()) {
                    throw err(v.column(), ops.get(1).text().length(), "li needs a constant; use la for the address"
                            + " of a symbol ('" + ops.get(1).text() + "' is not a constant here)");
                }
                li(rd, v.number(), null);
            }
            case "la", "lla" -> {
                count(2);
                int rd = gpr(0);
                Value v = value(1);
                if (v.known()) {
                    li(rd, v.number(), null);
                } else {
                    pcrelPair(rd, v, ADDI, new long[] {rd, rd, 0}, 2);
                }
            }
            case "call", "tail", "jump" -> {
                if (m.equals("call")) {
                    count(1, 2);
                    if (ops.size() == 2) {
                        // GNU as: call rd, symbol uses t1 for the auipc.
                        call(gpr(0), T1, value(1));
                    } else {
                        call(RA, RA, value(0));
                    }
                } else if (m.equals("tail")) {
                    count(1);
                    call(ZERO, T1, value(0));
                } else {
                    count(2);
                    call(ZERO, gpr(1), value(0));
                }
            }
            case "mv", "move" -> {
                count(2);
                // mv rd, zero has no compressed form in GNU as (c.mv needs a nonzero source).
                noCompress = gpr(1) == 0;
                emit(ADDI, new long[] {gpr(0), gpr(1), 0}, cols(0, 1));
            }
            case "not" -> {
                count(2);
                emit(XORI, gpr(0), gpr(1), -1);
            }
            case "neg" -> {
                count(2);
                emit(SUB, gpr(0), 0, gpr(1));
            }
            case "negw" -> {
                count(2);
                emit(SUBW, gpr(0), 0, gpr(1));
            }
            case "sext.w" -> {
                count(2);
                emit(ADDIW, gpr(0), gpr(1), 0);
            }
            case "zext.b" -> {
                count(2);
                emit(ANDI, gpr(0), gpr(1), 255);
            }
            case "seqz" -> {
                count(2);
                emit(SLTIU, gpr(0), gpr(1), 1);
            }
            case "snez" -> {
                count(2);
                emit(SLTU, gpr(0), 0, gpr(1));
            }
            case "sltz" -> {
                count(2);
                emit(SLT, gpr(0), gpr(1), 0);
            }
            case "sgt", "sgtu" -> {
                count(3);
                emit(m.equals("sgt") ? SLT : SLTU, gpr(0), gpr(2), gpr(1));
            }
            case "c.unimp" -> {
                count(0);
                emitWord(C_UNIMP, 0);
            }
            case "sgtz" -> {
                count(2);
                emit(SLT, gpr(0), 0, gpr(1));
            }
            case "beqz", "bnez", "blez", "bgez", "bltz", "bgtz" -> {
                count(2);
                int r = gpr(0);
                Value t = value(1);
                int[] c = cols(0, 0, 1);
                switch (m) {
                    case "beqz" -> branch(BEQ, r, 0, t, c);
                    case "bnez" -> branch(BNE, r, 0, t, c);
                    case "blez" -> branch(BGE, 0, r, t, c);
                    case "bgez" -> branch(BGE, r, 0, t, c);
                    case "bltz" -> branch(BLT, r, 0, t, c);
                    default -> branch(BLT, 0, r, t, c);
                }
            }
            case "bgt", "ble", "bgtu", "bleu" -> {
                count(3);
                int a = gpr(0);
                int b = gpr(1);
                Value t = value(2);
                int[] c = cols(1, 0, 2);
                switch (m) {
                    case "bgt" -> branch(BLT, b, a, t, c);
                    case "ble" -> branch(BGE, b, a, t, c);
                    case "bgtu" -> branch(BLTU, b, a, t, c);
                    default -> branch(BGEU, b, a, t, c);
                }
            }
            case "j" -> {
                count(1);
                branch(JAL, 0, 0, value(0), cols(0, 0));
            }
            case "jal" -> {
                if (ops.size() == 1) {
                    branch(JAL, RA, 0, value(0), cols(0, 0));
                    return true;
                }
                return false;
            }
            case "jr" -> {
                count(1, 2);
                if (ops.size() == 2) {
                    emit(JALR, 0, constant(1), gpr(0));
                } else {
                    Mem mm = mem(0);
                    if (mm.hasBase()) {
                        emit(JALR, 0, mm.offset().isEmpty() ? 0 : constantText(mm.offset(), mm.offsetColumn()), mm.base());
                    } else {
                        compressJalr = true;
                        emit(JALR, 0, 0, gpr(0));
                    }
                }
            }
            case "jalr" -> {
                if (ops.size() == 1) {
                    Mem mm = mem(0);
                    if (mm.hasBase()) {
                        emit(JALR, RA, mm.offset().isEmpty() ? 0 : constantText(mm.offset(), mm.offsetColumn()), mm.base());
                    } else {
                        compressJalr = true;
                        emit(JALR, RA, 0, gpr(0));
                    }
                    return true;
                }
                if (ops.size() == 2 && isGpr(1)) {
                    emit(JALR, gpr(0), 0, gpr(1));
                    return true;
                }
                if (ops.size() == 3) {
                    emit(JALR, gpr(0), constant(2), gpr(1));
                    return true;
                }
                return false;
            }
            case "ret" -> {
                count(0);
                compressJalr = true;
                emit(JALR, 0, 0, RA);
            }
            case "csrr" -> {
                count(2);
                emit(CSRRS, gpr(0), csr(1), 0);
            }
            case "csrw", "csrs", "csrc" -> {
                count(2);
                int c = csr(0);
                if (isGpr(1)) {
                    emit(m.equals("csrw") ? CSRRW : m.equals("csrs") ? CSRRS : CSRRC, new long[] {0, c, gpr(1)},
                            cols(0, 0, 1));
                } else {
                    emit(m.equals("csrw") ? CSRRWI : m.equals("csrs") ? CSRRSI : CSRRCI,
                            new long[] {0, c, constant(1)}, cols(0, 0, 1));
                }
            }
            case "csrwi", "csrsi", "csrci" -> {
                count(2);
                emit(m.equals("csrwi") ? CSRRWI : m.equals("csrsi") ? CSRRSI : CSRRCI,
                        new long[] {0, csr(0), constant(1)}, cols(0, 0, 1));
            }
            case "csrrw", "csrrs", "csrrc" -> {
                count(3);
                if (isGpr(2)) {
                    return false;
                }
                emit(m.equals("csrrw") ? CSRRWI : m.equals("csrrs") ? CSRRSI : CSRRCI,
                        new long[] {gpr(0), csr(1), constant(2)}, cols(0, 1, 2));
            }
            case "rdcycle", "rdtime", "rdinstret" -> {
                count(1);
                emit(CSRRS, gpr(0), m.equals("rdcycle") ? 0xc00 : m.equals("rdtime") ? 0xc01 : 0xc02, 0);
            }
            case "frcsr", "frrm", "frflags" -> {
                count(1);
                emit(CSRRS, gpr(0), fcsrNumber(m), 0);
            }
            case "fscsr", "fsrm", "fsflags" -> {
                count(1, 2);
                int n = fcsrNumber(m);
                if (ops.size() == 1) {
                    emit(CSRRW, 0, n, gpr(0));
                } else {
                    emit(CSRRW, gpr(0), n, gpr(1));
                }
            }
            case "fsrmi", "fsflagsi" -> {
                count(1, 2);
                int n = m.equals("fsrmi") ? 2 : 1;
                if (ops.size() == 1) {
                    emit(CSRRWI, 0, n, constant(0));
                } else {
                    emit(CSRRWI, gpr(0), n, constant(1));
                }
            }
            case "fmv.s", "fabs.s", "fneg.s", "fmv.d", "fabs.d", "fneg.d" -> {
                count(2);
                boolean d = m.endsWith(".d");
                Instruction i = m.startsWith("fmv") ? (d ? FSGNJ_D : FSGNJ_S)
                        : m.startsWith("fabs") ? (d ? FSGNJX_D : FSGNJX_S) : (d ? FSGNJN_D : FSGNJN_S);
                int rs = fpr(1);
                emit(i, fpr(0), rs, rs);
            }
            case "frsr" -> {
                count(1);
                emit(CSRRS, gpr(0), 3, 0);
            }
            case "fssr" -> {
                count(1, 2);
                if (ops.size() == 1) {
                    emit(CSRRW, 0, 3, gpr(0));
                } else {
                    emit(CSRRW, gpr(0), 3, gpr(1));
                }
            }
            case "fgt.s", "fge.s", "fgt.d", "fge.d" -> {
                count(3);
                boolean d = m.endsWith(".d");
                Instruction i = m.startsWith("fgt") ? (d ? FLT_D : FLT_S) : (d ? FLE_D : FLE_S);
                emit(i, gpr(0), fpr(2), fpr(1));
            }
            case "sext.b", "sext.h", "zext.h", "zext.w" -> {
                // Without Zbb GNU as expands these into a pair of shifts.
                count(2);
                int rd = gpr(0);
                int shift = m.endsWith(".b") ? 56 : m.endsWith(".h") ? 48 : 32;
                emit(SLLI, rd, gpr(1), shift);
                emit(m.startsWith("sext") ? SRAI : SRLI, rd, rd, shift);
            }
            case "fmv.x.s" -> {
                count(2);
                emit(FMV_X_W, gpr(0), fpr(1));
            }
            case "fmv.s.x" -> {
                count(2);
                emit(FMV_W_X, fpr(0), gpr(1));
            }
            case "fence" -> {
                if (ops.isEmpty()) {
                    emit(FENCE, 15, 15);
                    return true;
                }
                return false;
            }
            case "unimp" -> {
                count(0);
                if (src.rvc) {
                    emitWord(C_UNIMP, 0);
                } else {
                    emit(CSRRW, 0, 0xc00, 0);
                }
            }
            case "scall" -> {
                count(0);
                emit(ECALL);
            }
            case "sbreak" -> {
                count(0);
                emit(EBREAK);
            }
            case "sfence.vm" -> {
                count(0, 1);
                emit(SFENCE_VM, ops.isEmpty() ? 0 : gpr(0));
            }
            case "sfence.vma" -> {
                count(0, 1, 2);
                if (ops.size() == 2) {
                    return false;
                }
                emit(SFENCE_VMA, ops.isEmpty() ? 0 : gpr(0), 0);
            }
            case "lb", "lh", "lw", "ld", "lbu", "lhu", "lwu", "flw", "fld", "sb", "sh", "sw", "sd", "fsw", "fsd" -> {
                return symbolAccess(m);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private int fcsrNumber(String m) {
        return m.contains("csr") ? 3 : m.contains("rm") ? 2 : 1;
    }

    private int[] cols(int... operandIndexes) {
        int[] c = new int[operandIndexes.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = operandIndexes[i] < ops.size() ? ops.get(operandIndexes[i]).column() : st.wordColumn();
        }
        return c;
    }

    /** Loads and stores of a symbol: "lw a0, sym" and "sw a0, sym, t0" as auipc + access. */
    private boolean symbolAccess(String m) {
        if (ops.size() < 2 || mem(1).hasBase() || ops.get(1).text().endsWith(")")) {
            return false;
        }
        Value v = value(1);
        if (v.known()) {
            return false;
        }
        Instruction insn = Instruction.byMnemonic(m);
        boolean store = m.startsWith("s") || m.startsWith("fs");
        boolean fp = m.startsWith("f");
        if (store || fp) {
            if (ops.size() != 3) {
                throw err(st.wordColumn(), m.length(), m + " of a symbol needs a scratch register: " + m
                        + " reg, symbol, scratch");
            }
            int scratch = gpr(2);
            int data = fp ? fpr(0) : gpr(0);
            pcrelPair(scratch, v, insn, new long[] {data, 0, scratch}, 1);
        } else {
            count(2);
            int rd = gpr(0);
            pcrelPair(rd, v, insn, new long[] {rd, 0, rd}, 1);
        }
        return true;
    }

    // ------------------------------------------------------------------ table instructions

    private void generic(String m) {
        String base = m;
        long aq = 0;
        long rl = 0;
        Instruction insn = Instruction.byMnemonic(m);
        if (insn == null) {
            for (String suffix : new String[] {".aqrl", ".aq", ".rl"}) {
                if (m.endsWith(suffix)) {
                    base = m.substring(0, m.length() - suffix.length());
                    insn = Instruction.byMnemonic(base);
                    aq = suffix.contains("aq") ? 1 : 0;
                    rl = suffix.contains("rl") ? 1 : 0;
                    if (insn != null && !insn.hasOrderingSuffix()) {
                        insn = null;
                    }
                    break;
                }
            }
        }
        if (insn == null) {
            throw err(st.wordColumn(), st.word().length(), "unknown instruction '" + st.word() + "'");
        }
        if (ops.size() == 3 && Registers.parseGpr(ops.get(2).text()) < 0 && immediateForm(insn) != null) {
            // GNU as takes "add a0, a1, 5" as addi (and so on for the other register-register ALU forms).
            insn = immediateForm(insn);
        }
        if (insn.isCompressed()) {
            requireRvc();
        }
        List<Operand> operands = insn.operands();
        long[] values = new long[operands.size()];
        int[] columns = new int[operands.size()];
        Expr[] pending = new Expr[operands.size()];
        boolean[] given = new boolean[operands.size()];
        for (int i = 0; i < operands.size(); i++) {
            OperandKind k = operands.get(i).kind();
            if (k == OperandKind.ACQUIRE) {
                values[i] = aq;
                given[i] = true;
            } else if (k == OperandKind.RELEASE) {
                values[i] = rl;
                given[i] = true;
            } else if (k == OperandKind.ROUNDING_MODE) {
                values[i] = 7;
            }
            columns[i] = st.wordColumn();
        }
        List<List<Template.Part>> groups = groups(insn.template());
        int required = 0;
        for (List<Template.Part> g : groups) {
            if (!g.get(0).optional()) {
                required++;
            }
        }
        if (ops.size() < required || ops.size() > groups.size()) {
            throw err(st.wordColumn(), st.word().length(), st.word() + " takes " + (required == groups.size()
                    ? String.valueOf(required) : required + " or " + groups.size()) + " operand"
                    + (groups.size() == 1 ? "" : "s") + " (" + insn.syntax() + "), got " + ops.size());
        }
        for (int g = 0; g < ops.size(); g++) {
            group(insn, groups.get(g), g, values, columns, pending);
        }
        boolean hasModifier = st.operands().contains("%");
        int symbolic = -1;
        for (int i = 0; i < pending.length; i++) {
            if (pending[i] != null) {
                if (symbolic >= 0) {
                    throw err(columns[i], 1, "only one operand of " + st.word() + " may use a symbol");
                }
                symbolic = i;
            }
        }
        if (symbolic < 0) {
            // An operand written with %hi/%lo is a relocation for GNU as even when constant: no compression.
            noCompress = hasModifier;
            emit(insn, values, columns);
            return;
        }
        Operand op = operands.get(symbolic);
        Expr e = pending[symbolic];
        String modifier = e instanceof Expr.Modifier mod ? mod.name() : null;
        if (op.kind() == OperandKind.PC_OFFSET && modifier == null && !insn.isCompressed()) {
            if (insn == JAL) {
                // GNU as turns only the j pseudo-instruction into c.j, not jal x0, label.
                branch(JAL, (int) values[0], 0, new Value(0, e, columns[symbolic]), columns);
                Frag last = src.current().frags.get(src.current().frags.size() - 1);
                last.compressible = false;
            } else {
                branch(insn, (int) values[0], (int) values[1], new Value(0, e, columns[symbolic]), columns);
            }
            return;
        }
        if (op.kind() == OperandKind.UPPER_IMMEDIATE && !insn.isCompressed()
                && (("pcrel_hi".equals(modifier) && insn == AUIPC) || ("hi".equals(modifier) && insn == LUI))) {
            Frag h = hi(insn, (int) values[0], ((Expr.Modifier) e).operand());
            h.relaxable = src.relax && insn == AUIPC || src.relax && insn == LUI;
            return;
        }
        if ("pcrel_hi".equals(modifier) || "hi".equals(modifier)) {
            throw err(columns[symbolic], 1, "%" + modifier + " is only allowed in "
                    + ("hi".equals(modifier) ? "lui" : "auipc"));
        }
        if (insn == C_J || insn == C_BEQZ || insn == C_BNEZ) {
            // GNU as treats these like j/beqz/bnez: a branch it may lengthen.
            Value target = new Value(0, e, columns[symbolic]);
            if (insn == C_J) {
                branch(JAL, 0, 0, target, columns);
            } else {
                branch(insn == C_BEQZ ? BEQ : BNE, (int) values[0], 0, target, columns);
            }
            return;
        }
        if (insn.isCompressed()) {
            throw err(columns[symbolic], 1, "the operand of " + st.word() + " must be a constant");
        }
        emitFixup(insn, values, symbolic, modifier != null ? ((Expr.Modifier) e).operand() : e, modifier,
                columns[symbolic]);
    }

    private static Instruction immediateForm(Instruction insn) {
        return switch (insn) {
            case ADD -> ADDI;
            case AND -> ANDI;
            case OR -> ORI;
            case XOR -> XORI;
            case SLT -> SLTI;
            case SLTU -> SLTIU;
            case SLL -> SLLI;
            case SRL -> SRLI;
            case SRA -> SRAI;
            case ADDW -> ADDIW;
            case SLLW -> SLLIW;
            case SRLW -> SRLIW;
            case SRAW -> SRAIW;
            default -> null;
        };
    }

    /** The template split at top-level commas. */
    private static List<List<Template.Part>> groups(Template t) {
        List<List<Template.Part>> out = new ArrayList<>();
        List<Template.Part> cur = new ArrayList<>();
        for (Template.Part p : t.parts()) {
            if (p.isLiteral() && p.literal().equals(",")) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                }
                cur = new ArrayList<>();
            } else if (p.isLiteral() && p.literal().isBlank()) {
                continue;
            } else {
                cur.add(p);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    private void group(Instruction insn, List<Template.Part> g, int index, long[] values, int[] columns,
            Expr[] pending) {
        Statement.Part p = ops.get(index);
        // Shapes: X | X(Y) | (Y)
        if (g.size() == 1) {
            Template.Part a = g.get(0);
            if (a.isLiteral()) {
                int r = Registers.parseGpr(p.text());
                int want = Registers.parseGpr(a.literal());
                if (r != want) {
                    throw err(p.column(), p.text().length(), st.word() + " needs " + a.literal() + " here, got '"
                            + p.text() + "'");
                }
                return;
            }
            single(insn, a.operand(), p.text(), p.column(), values, columns, pending);
            return;
        }
        int open = -1;
        for (int i = 0; i < g.size(); i++) {
            if (g.get(i).isLiteral() && g.get(i).literal().equals("(")) {
                open = i;
            }
        }
        Mem mm = mem(index);
        int paren = p.text().lastIndexOf('(');
        if (!mm.hasBase() && paren >= 0 && p.text().endsWith(")")) {
            String inner = p.text().substring(paren + 1, p.text().length() - 1).strip();
            throw err(p.column() + paren + 1, Math.max(1, inner.length()), "expected a base register in parentheses"
                    + " for " + st.word() + ", got '" + inner + "'");
        }
        if (!mm.hasBase()) {
            throw err(p.column(), p.text().length(), "expected offset(register) for " + st.word() + ", got '"
                    + p.text() + "'");
        }
        Template.Part baseOp = g.get(open + 1);
        if (baseOp.isLiteral()) {
            if (mm.base() != Registers.parseGpr(baseOp.literal())) {
                throw err(p.column(), p.text().length(), st.word() + " needs (" + baseOp.literal() + ") here");
            }
        } else {
            values[baseOp.operand()] = mm.base();
            columns[baseOp.operand()] = p.column() + mm.offset().length();
        }
        if (open == 0) {
            if (!mm.offset().isEmpty()) {
                Value v = value(mm.offset(), p.column());
                if (!v.known() || v.number() != 0) {
                    throw err(p.column(), p.text().length(), st.word() + " takes no offset, only (register)");
                }
            }
            return;
        }
        Template.Part off = g.get(0);
        String text = mm.offset().isEmpty() ? "0" : mm.offset();
        single(insn, off.operand(), text, p.column(), values, columns, pending);
    }

    private void single(Instruction insn, int operand, String text, int column, long[] values, int[] columns,
            Expr[] pending) {
        Operand op = insn.operands().get(operand);
        columns[operand] = column;
        switch (op.kind()) {
            case GPR, GPR_COMPRESSED -> {
                int r = Registers.parseGpr(text);
                if (r < 0) {
                    throw err(column, Math.max(1, text.length()), "expected an integer register for " + st.word()
                            + " (" + op.name() + "), got '" + text + "'");
                }
                values[operand] = r;
            }
            case FPR, FPR_COMPRESSED -> {
                int r = Registers.parseFpr(text);
                if (r < 0) {
                    throw err(column, Math.max(1, text.length()), "expected a floating-point register for "
                            + st.word() + " (" + op.name() + "), got '" + text + "'");
                }
                values[operand] = r;
            }
            case CSR -> {
                Csr c = Csrs.byName(text);
                if (c != null) {
                    values[operand] = c.number();
                } else {
                    Value v = value(text, column);
                    if (!v.known()) {
                        throw err(column, text.length(), "unknown CSR '" + text + "'");
                    }
                    values[operand] = v.number();
                }
            }
            case ROUNDING_MODE -> {
                RoundingMode rm = RoundingMode.parse(text);
                if (rm == null) {
                    throw err(column, text.length(), "unknown rounding mode '" + text
                            + "' (use rne, rtz, rdn, rup, rmm or dyn)");
                }
                values[operand] = rm.encoding();
            }
            case FENCE_SET -> {
                int set = FenceSet.parse(text);
                if (set < 0) {
                    Value v = value(text, column);
                    if (!v.known()) {
                        throw err(column, text.length(), "bad fence set '" + text + "' (use letters i, o, r, w)");
                    }
                    set = (int) v.number();
                }
                values[operand] = set;
            }
            default -> {
                Value v = value(text, column);
                if (v.known()) {
                    values[operand] = v.number();
                } else {
                    pending[operand] = v.expr();
                }
            }
        }
    }
}
