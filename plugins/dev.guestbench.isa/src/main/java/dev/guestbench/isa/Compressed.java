package dev.guestbench.isa;

import static dev.guestbench.isa.Instruction.*;

import java.util.EnumMap;
import java.util.Map;

/**
 * The 32-bit instruction each RV64C instruction stands for, so that an interpreter or translator
 * needs to implement only the base encodings. {@link #expand(int)} is a table lookup over all
 * 65536 16-bit words, computed once.
 */
public final class Compressed {
    private static final Map<Instruction, String> RULES = new EnumMap<>(Instruction.class);
    private static final int[] EXPANDED = new int[1 << 16];

    static {
        // Base operands in the base instruction's operand order: a compressed operand token or a number.
        rule(C_ADDI4SPN, ADDI, "crdq", "2", "caddi4spn");
        rule(C_FLD, FLD, "cfrdq", "cld", "crs1q");
        rule(C_LW, LW, "crdq", "clw", "crs1q");
        rule(C_LD, LD, "crdq", "cld", "crs1q");
        rule(C_FSD, FSD, "cfrs2q", "cld", "crs1q");
        rule(C_SW, SW, "crs2q", "clw", "crs1q");
        rule(C_SD, SD, "crs2q", "cld", "crs1q");
        rule(C_ADDI, ADDI, "crd", "crd", "cimm6");
        rule(C_ADDIW, ADDIW, "crd", "crd", "cimm6");
        rule(C_LI, ADDI, "crd", "0", "cimm6");
        rule(C_ADDI16SP, ADDI, "2", "2", "caddi16sp");
        rule(C_LUI, LUI, "crd", "clui");
        rule(C_SRLI, SRLI, "cdq", "cdq", "cshamt");
        rule(C_SRAI, SRAI, "cdq", "cdq", "cshamt");
        rule(C_ANDI, ANDI, "cdq", "cdq", "cimm6");
        rule(C_SUB, SUB, "cdq", "cdq", "crs2q");
        rule(C_XOR, XOR, "cdq", "cdq", "crs2q");
        rule(C_OR, OR, "cdq", "cdq", "crs2q");
        rule(C_AND, AND, "cdq", "cdq", "crs2q");
        rule(C_SUBW, SUBW, "cdq", "cdq", "crs2q");
        rule(C_ADDW, ADDW, "cdq", "cdq", "crs2q");
        rule(C_J, JAL, "0", "cjoff");
        rule(C_BEQZ, BEQ, "crs1q", "0", "cboff");
        rule(C_BNEZ, BNE, "crs1q", "0", "cboff");
        // The shift-by-64 hints do nothing on RV64: a shift by zero does the same.
        rule(C_SRLI64, SRLI, "cdq", "cdq", "0");
        rule(C_SRAI64, SRAI, "cdq", "cdq", "0");
        rule(C_SLLI64, SLLI, "crd", "crd", "0");
        rule(C_SLLI, SLLI, "crd", "crd", "cshamt");
        rule(C_FLDSP, FLD, "cfrd", "cldsp", "2");
        rule(C_LWSP, LW, "crd", "clwsp", "2");
        rule(C_LDSP, LD, "crd", "cldsp", "2");
        rule(C_JR, JALR, "0", "0", "crs1");
        rule(C_MV, ADD, "crd", "0", "crs2");
        rule(C_EBREAK, EBREAK);
        rule(C_JALR, JALR, "1", "0", "crs1");
        rule(C_ADD, ADD, "crd", "crd", "crs2");
        rule(C_FSDSP, FSD, "cfrs2", "csdsp", "2");
        rule(C_SWSP, SW, "crs2", "cswsp", "2");
        rule(C_SDSP, SD, "crs2", "csdsp", "2");
        Decoder decoder = Decoder.standard();
        for (int w = 0; w < (1 << 16); w++) {
            Instruction c = (w & 3) == 3 ? null : decoder.decode(w);
            EXPANDED[w] = c == null ? 0 : build(c, w);
        }
    }

    private Compressed() {
    }

    private static void rule(Instruction compressed, Instruction base, String... operands) {
        RULES.put(compressed, base.name() + (operands.length == 0 ? "" : " " + String.join(" ", operands)));
    }

    private static int build(Instruction c, int bits) {
        String rule = RULES.get(c);
        if (rule == null) {
            throw new IllegalStateException("no expansion for " + c.mnemonic());
        }
        String[] parts = rule.split(" ");
        Instruction base = Instruction.valueOf(parts[0]);
        long[] values = new long[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            int index = c.operandIndex(parts[i]);
            values[i - 1] = index >= 0 && c.operands().get(index).token().equals(parts[i]) ? c.operand(bits, index)
                    : Long.parseLong(parts[i]);
        }
        return Encoder.encode(base, values);
    }

    /**
     * The 32-bit instruction a legal 16-bit instruction stands for (the low 16 bits are used), or 0
     * if the word is not a legal compressed instruction. Allocates nothing.
     */
    public static int expand(int bits) {
        return EXPANDED[bits & 0xffff];
    }

    /** The base instruction a compressed instruction expands to, e.g. ADDI for C_ADDI4SPN. */
    public static Instruction baseOf(Instruction compressed) {
        String rule = RULES.get(compressed);
        return rule == null ? null : Instruction.valueOf(rule.split(" ")[0]);
    }
}
