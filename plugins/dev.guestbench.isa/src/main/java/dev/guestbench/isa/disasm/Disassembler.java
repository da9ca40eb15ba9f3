package dev.guestbench.isa.disasm;

import dev.guestbench.isa.Csr;
import dev.guestbench.isa.Csrs;
import dev.guestbench.isa.Decoder;
import dev.guestbench.isa.FenceSet;
import dev.guestbench.isa.Instruction;
import dev.guestbench.isa.IsaSubset;
import dev.guestbench.isa.Operand;
import dev.guestbench.isa.OperandKind;
import dev.guestbench.isa.PrivSpec;
import dev.guestbench.isa.PseudoInstruction;
import dev.guestbench.isa.PseudoInstructions;
import dev.guestbench.isa.Registers;
import dev.guestbench.isa.RoundingMode;
import dev.guestbench.isa.Template;
import java.util.Arrays;
import java.util.List;

/**
 * Turns instruction words into text the way GNU objdump 2.40 writes them: mnemonic, a tab, the
 * operands, aliases when enabled, and a {@code # address} comment where an auipc/lui is followed
 * by an instruction that completes the address.
 *
 * <p>It keeps the little state objdump keeps (the pending upper address per register), so feed it
 * the instructions of one file in address order; {@link #reset()} forgets that state.
 */
public final class Disassembler {

    /** Writes a branch target or referenced address, e.g. {@code 80000010 <loop>}. */
    @FunctionalInterface
    public interface AddressFormatter {
        /** Appends the text for an address. */
        void append(StringBuilder out, long address);
    }

    /** Writes addresses as plain hexadecimal numbers with a 0x prefix (objdump's way without symbols). */
    public static final AddressFormatter HEX = (out, address) -> out.append("0x").append(Long.toHexString(address));

    private static final long NONE = -1L;

    private final boolean aliases;
    private final AddressFormatter addresses;
    private final PrivSpec privSpec;
    private final boolean hasGlobalPointer;
    private final long globalPointer;
    private final long[] pendingHigh = new long[32];
    private IsaSubset isa;
    private long commentAddress;
    private boolean comment;

    /** A disassembler for RV64GC with plain hexadecimal addresses. */
    public Disassembler(boolean aliases) {
        this(aliases, IsaSubset.rv64gc(), PrivSpec.latest(), HEX, null);
    }

    /**
     * A disassembler with every setting.
     *
     * @param aliases show pseudo-instructions (objdump's default) rather than only real instructions
     * @param isa the extensions whose instructions are shown; others become {@code .4byte}
     * @param privSpec the privileged specification that decides CSR names
     * @param addresses how to write branch targets and address comments
     * @param globalPointer the value of {@code __global_pointer$}, or null if there is none
     */
    public Disassembler(boolean aliases, IsaSubset isa, PrivSpec privSpec, AddressFormatter addresses,
            Long globalPointer) {
        this.aliases = aliases;
        this.isa = isa;
        this.privSpec = privSpec;
        this.addresses = addresses;
        this.hasGlobalPointer = globalPointer != null;
        this.globalPointer = globalPointer == null ? 0 : globalPointer;
        reset();
    }

    /** Forgets the pending upper addresses of auipc/lui. */
    public void reset() {
        Arrays.fill(pendingHigh, NONE);
        comment = false;
    }

    /** Changes the extensions in use (mapping symbols can switch them mid-section). */
    public void setIsa(IsaSubset subset) {
        this.isa = subset;
    }

    /** The extensions in use. */
    public IsaSubset isa() {
        return isa;
    }

    /**
     * The length objdump assumes for the instruction starting with these 16 bits: 2, 4, 6, 8 or
     * 10..22 bytes.
     */
    public static int instructionLength(int first16) {
        if ((first16 & 3) != 3) {
            return 2;
        }
        if ((first16 & 0x1f) != 0x1f) {
            return 4;
        }
        if ((first16 & 0x3f) == 0x1f) {
            return 6;
        }
        if ((first16 & 0x7f) == 0x3f) {
            return 8;
        }
        if ((first16 & 0x7f) == 0x7f && (first16 & 0x7000) != 0x7000) {
            return 10 + ((first16 >>> 11) & 0xe);
        }
        return 2;
    }

    /** Disassembles one 16- or 32-bit instruction at address {@code pc}. */
    public String disassemble(long pc, int bits) {
        StringBuilder out = new StringBuilder();
        int length = instructionLength(bits & 0xffff);
        if (length == 2) {
            bits &= 0xffff;
        }
        if (length > 4) {
            length = 4;
        }
        appendInstruction(out, pc, bits, length);
        return out.toString();
    }

    /**
     * Disassembles the instruction at {@code code[offset]} (address {@code pc}) into {@code out}.
     *
     * @param limit index one past the last byte that may be read
     * @return the number of bytes used, or -1 if the instruction does not fit before {@code limit}
     */
    public int disassemble(long pc, byte[] code, int offset, int limit, StringBuilder out) {
        if (offset + 2 > limit) {
            return -1;
        }
        int first = (code[offset] & 0xff) | (code[offset + 1] & 0xff) << 8;
        int length = instructionLength(first);
        if (offset + length > limit) {
            return -1;
        }
        if (length <= 4) {
            int bits = first;
            if (length == 4) {
                bits |= (code[offset + 2] & 0xff) << 16 | (code[offset + 3] & 0xff) << 24;
            }
            appendInstruction(out, pc, bits, length);
        } else if (length == 8) {
            long v = 0;
            for (int i = 7; i >= 0; i--) {
                v = v << 8 | (code[offset + i] & 0xff);
            }
            out.append(".8byte\t0x").append(Long.toHexString(v));
        } else {
            out.append(".byte\t");
            for (int i = 0; i < length; i++) {
                out.append(i == 0 ? "" : ", ").append(String.format("0x%02x", code[offset + i] & 0xff));
            }
        }
        return length;
    }

    /**
     * The alias this disassembler would show for a 16- or 32-bit word, or null if it shows the real
     * instruction (or the word is no instruction).
     */
    public PseudoInstruction aliasFor(int bits) {
        Instruction insn = Decoder.lenient().decode(bits);
        return insn == null ? null : chooseAlias(insn, bits);
    }

    private PseudoInstruction chooseAlias(Instruction insn, int bits) {
        for (PseudoInstruction alias : PseudoInstructions.shownFor(insn)) {
            if ((aliases || alias.display() == PseudoInstruction.Display.ALWAYS) && isa.supports(alias)
                    && alias.matches(bits)) {
                return alias;
            }
        }
        return null;
    }

    private void appendInstruction(StringBuilder out, long pc, int bits, int length) {
        Instruction insn = Decoder.lenient().decode(bits);
        if (insn != null && insn.length() == length) {
            PseudoInstruction alias = chooseAlias(insn, bits);
            if (alias != null) {
                render(out, pc, bits, insn, alias.mnemonic(), alias.template());
                return;
            }
            if (isa.supports(insn)) {
                String mnemonic = insn.mnemonic();
                if (insn.hasOrderingSuffix()) {
                    boolean aq = insn.operand(bits, insn.operandIndex("aq")) != 0;
                    boolean rl = insn.operand(bits, insn.operandIndex("rl")) != 0;
                    mnemonic += aq && rl ? ".aqrl" : aq ? ".aq" : rl ? ".rl" : "";
                }
                render(out, pc, bits, insn, mnemonic, insn.template());
                return;
            }
        }
        out.append('.').append(length).append("byte\t0x")
                .append(Long.toHexString(length == 2 ? bits & 0xffffL : bits & 0xffffffffL));
    }

    private void render(StringBuilder out, long pc, int bits, Instruction insn, String mnemonic, Template template) {
        out.append(mnemonic);
        if (!template.isEmpty()) {
            out.append('\t');
        }
        List<Template.Part> parts = template.parts();
        boolean skipOptional = false;
        for (Template.Part p : parts) {
            if (p.optional() && !p.isLiteral()
                    && insn.operands().get(p.operand()).kind() == OperandKind.ROUNDING_MODE
                    && insn.operand(bits, p.operand()) == RoundingMode.DYN.encoding()) {
                skipOptional = true;
            }
        }
        for (Template.Part p : parts) {
            if (p.optional() && skipOptional) {
                continue;
            }
            if (p.isLiteral()) {
                out.append(p.literal());
            } else {
                Operand op = insn.operands().get(p.operand());
                long value = op.extract(bits);
                trackAddress(insn, op, bits, pc);
                appendOperand(out, op, value, pc);
            }
        }
        if (comment) {
            out.append(" # ");
            addresses.append(out, commentAddress);
            comment = false;
        }
    }

    private void appendOperand(StringBuilder out, Operand op, long value, long pc) {
        switch (op.kind()) {
            case GPR, GPR_COMPRESSED -> out.append(Registers.gpr((int) value));
            case FPR, FPR_COMPRESSED -> out.append(Registers.fpr((int) value));
            case UPPER_IMMEDIATE, SHIFT_AMOUNT -> out.append("0x").append(Long.toHexString(value));
            case PC_OFFSET -> addresses.append(out, pc + value);
            case CSR -> {
                Csr csr = Csrs.byNumber((int) value, privSpec);
                out.append(csr != null ? csr.name() : "0x" + Long.toHexString(value));
            }
            case ROUNDING_MODE -> {
                RoundingMode rm = RoundingMode.of((int) value);
                out.append(rm != null ? rm.asmName() : "unknown");
            }
            case FENCE_SET -> out.append(value == 0 ? "unknown" : FenceSet.name((int) value));
            default -> out.append(value);
        }
    }

    /** Follows objdump's pairing of auipc/lui with the instruction that adds the low part. */
    private void trackAddress(Instruction insn, Operand op, int bits, long pc) {
        switch (op.token()) {
            case "rd", "crd" -> {
                int rd = (int) op.extract(bits);
                if (insn == Instruction.AUIPC) {
                    pendingHigh[rd] = pc + upper(bits);
                } else if (insn == Instruction.LUI) {
                    pendingHigh[rd] = upper(bits);
                } else if (insn == Instruction.C_LUI) {
                    pendingHigh[rd] = (long) (((bits >>> 2) & 0x1f) | ((bits >>> 12) & 1) << 5) << 58 >> 46;
                }
            }
            case "off12" -> {
                maybeComment(rs1(bits), itype(bits), false);
                lowPart(insn, bits);
            }
            case "imm12" -> lowPart(insn, bits);
            case "rs1" -> {
                if (insn == Instruction.JALR) {
                    maybeComment(rs1(bits), itype(bits), false);
                }
            }
            case "soff12" -> maybeComment(rs1(bits), ((bits >> 25) << 5) | ((bits >>> 7) & 0x1f), false);
            case "cimm6" -> {
                int rd = (bits >>> 7) & 0x1f;
                long imm = op.extract(bits);
                if (insn == Instruction.C_ADDI && rd != 0) {
                    maybeComment(rd, imm, false);
                }
                if (insn == Instruction.C_ADDIW && rd != 0) {
                    maybeComment(rd, imm, true);
                }
            }
            default -> {
            }
        }
    }

    private void lowPart(Instruction insn, int bits) {
        int rs1 = rs1(bits);
        if ((insn == Instruction.ADDI && rs1 != 0) || insn == Instruction.JALR) {
            maybeComment(rs1, itype(bits), false);
        }
        if (insn == Instruction.ADDIW && rs1 != 0) {
            maybeComment(rs1, itype(bits), true);
        }
    }

    private void maybeComment(int base, long offset, boolean wide) {
        if (pendingHigh[base] != NONE) {
            commentAddress = (base != 0 ? pendingHigh[base] : 0) + offset;
            pendingHigh[base] = NONE;
        } else if (base == Registers.GP && hasGlobalPointer) {
            commentAddress = globalPointer + offset;
        } else if (base == Registers.TP || base == 0) {
            commentAddress = offset;
        } else {
            return;
        }
        comment = true;
        if (wide) {
            commentAddress = (int) commentAddress;
        }
    }

    private static int rs1(int bits) {
        return (bits >>> 15) & 0x1f;
    }

    private static long itype(int bits) {
        return bits >> 20;
    }

    private static long upper(int bits) {
        return bits & 0xfffff000;
    }
}
