package dev.guestbench.isa;

import static dev.guestbench.isa.BitField.signed;
import static dev.guestbench.isa.BitField.unsigned;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operand fields of RV64GC, by the token the instruction table's syntax strings use.
 * The token names the bit layout; the operand's display name is what people see.
 */
final class Operands {
    private static final Map<String, Operand> BY_TOKEN = new LinkedHashMap<>();

    static {
        // 32-bit formats.
        reg("rd", "rd", OperandKind.GPR, "11:7>0", "destination integer register");
        reg("rs1", "rs1", OperandKind.GPR, "19:15>0", "first source integer register");
        reg("rs2", "rs2", OperandKind.GPR, "24:20>0", "second source integer register");
        reg("frd", "rd", OperandKind.FPR, "11:7>0", "destination floating-point register");
        reg("frs1", "rs1", OperandKind.FPR, "19:15>0", "first source floating-point register");
        reg("frs2", "rs2", OperandKind.FPR, "24:20>0", "second source floating-point register");
        reg("frs3", "rs3", OperandKind.FPR, "31:27>0", "third source floating-point register");
        add("imm12", "imm", OperandKind.SIGNED_IMMEDIATE, signed("31:20>0"), "12-bit signed immediate");
        add("off12", "offset", OperandKind.MEMORY_OFFSET, signed("31:20>0"), "12-bit signed offset from rs1");
        add("soff12", "offset", OperandKind.MEMORY_OFFSET, signed("31:25>5 11:7>0"),
                "12-bit signed offset from rs1, split over the S-type fields");
        add("boff", "offset", OperandKind.PC_OFFSET, signed("31>12 30:25>5 11:8>1 7>11"),
                "13-bit signed even offset from this instruction to the branch target");
        add("joff", "offset", OperandKind.PC_OFFSET, signed("31>20 30:21>1 20>11 19:12>12"),
                "21-bit signed even offset from this instruction to the jump target");
        add("uimm20", "imm", OperandKind.UPPER_IMMEDIATE, unsigned("31:12>0"),
                "20-bit value placed in bits 31..12 of the result");
        add("shamt6", "shamt", OperandKind.SHIFT_AMOUNT, unsigned("25:20>0"), "shift amount 0..63");
        add("shamt5", "shamt", OperandKind.SHIFT_AMOUNT, unsigned("24:20>0"), "shift amount 0..31");
        add("csr", "csr", OperandKind.CSR, unsigned("31:20>0"), "control and status register number");
        add("zimm", "uimm", OperandKind.CSR_IMMEDIATE, unsigned("19:15>0"),
                "5-bit unsigned immediate, zero-extended");
        add("rm", "rm", OperandKind.ROUNDING_MODE, unsigned("14:12>0"),
                "rounding mode (rne, rtz, rdn, rup, rmm or dyn for the frm CSR)");
        add("pred", "pred", OperandKind.FENCE_SET, unsigned("27:24>0"),
                "accesses before the fence that are ordered (i, o, r, w)");
        add("succ", "succ", OperandKind.FENCE_SET, unsigned("23:20>0"),
                "accesses after the fence that are ordered (i, o, r, w)");
        add("aq", "aq", OperandKind.ACQUIRE, unsigned("26>0"),
                "acquire: later memory accesses may not be seen before this one");
        add("rl", "rl", OperandKind.RELEASE, unsigned("25>0"),
                "release: earlier memory accesses must be seen before this one");

        // 16-bit (compressed) formats.
        reg("crd", "rd", OperandKind.GPR, "11:7>0", "integer register, both source and destination");
        reg("crs1", "rs1", OperandKind.GPR, "11:7>0", "source integer register");
        reg("crs2", "rs2", OperandKind.GPR, "6:2>0", "second source integer register");
        reg("cfrd", "rd", OperandKind.FPR, "11:7>0", "destination floating-point register");
        reg("cfrs2", "rs2", OperandKind.FPR, "6:2>0", "source floating-point register");
        creg("crdq", "rd", OperandKind.GPR_COMPRESSED, "4:2>0", "destination register, one of x8..x15");
        creg("crs1q", "rs1", OperandKind.GPR_COMPRESSED, "9:7>0", "register x8..x15 (source, and destination"
                + " where the instruction writes it)");
        creg("cdq", "rd", OperandKind.GPR_COMPRESSED, "9:7>0", "register x8..x15, both source and destination");
        creg("crs2q", "rs2", OperandKind.GPR_COMPRESSED, "4:2>0", "source register, one of x8..x15");
        creg("cfrdq", "rd", OperandKind.FPR_COMPRESSED, "4:2>0", "destination register, one of f8..f15");
        creg("cfrs2q", "rs2", OperandKind.FPR_COMPRESSED, "4:2>0", "source register, one of f8..f15");
        add("cimm6", "imm", OperandKind.SIGNED_IMMEDIATE, signed("12>5 6:2>0"), "6-bit signed immediate");
        add("cshamt", "shamt", OperandKind.SHIFT_AMOUNT, unsigned("12>5 6:2>0"), "shift amount 1..63");
        BY_TOKEN.put("clui", new Operand("clui", "imm", OperandKind.UPPER_IMMEDIATE, signed("12>5 6:2>0"), 0,
                Operand.ZeroRule.ALLOWED, Operand.NO_EXCLUSION, true,
                "nonzero 6-bit signed value for bits 17..12, written as a 20-bit upper immediate"));
        add("caddi16sp", "imm", OperandKind.SIGNED_IMMEDIATE, signed("12>9 6>4 5>6 4:3>7 2>5"),
                "nonzero signed multiple of 16 added to sp");
        add("caddi4spn", "imm", OperandKind.UNSIGNED_IMMEDIATE, unsigned("12:11>4 10:7>6 6>2 5>3"),
                "nonzero unsigned multiple of 4 added to sp");
        add("clwsp", "offset", OperandKind.UNSIGNED_MEMORY_OFFSET, unsigned("12>5 6:4>2 3:2>6"),
                "unsigned multiple of 4 added to sp");
        add("cldsp", "offset", OperandKind.UNSIGNED_MEMORY_OFFSET, unsigned("12>5 6:5>3 4:2>6"),
                "unsigned multiple of 8 added to sp");
        add("cswsp", "offset", OperandKind.UNSIGNED_MEMORY_OFFSET, unsigned("12:9>2 8:7>6"),
                "unsigned multiple of 4 added to sp");
        add("csdsp", "offset", OperandKind.UNSIGNED_MEMORY_OFFSET, unsigned("12:10>3 9:7>6"),
                "unsigned multiple of 8 added to sp");
        add("clw", "offset", OperandKind.UNSIGNED_MEMORY_OFFSET, unsigned("12:10>3 6>2 5>6"),
                "unsigned multiple of 4 added to rs1");
        add("cld", "offset", OperandKind.UNSIGNED_MEMORY_OFFSET, unsigned("12:10>3 6:5>6"),
                "unsigned multiple of 8 added to rs1");
        add("cjoff", "offset", OperandKind.PC_OFFSET, signed("12>11 11>4 10:9>8 8>10 7>6 6>7 5:3>1 2>5"),
                "12-bit signed even offset to the jump target");
        add("cboff", "offset", OperandKind.PC_OFFSET, signed("12>8 11:10>3 6:5>6 4:3>1 2>5"),
                "9-bit signed even offset to the branch target");
    }

    private Operands() {
    }

    private static void reg(String token, String name, OperandKind kind, String bits, String description) {
        add(token, name, kind, unsigned(bits), description);
    }

    private static void creg(String token, String name, OperandKind kind, String bits, String description) {
        BY_TOKEN.put(token, new Operand(token, name, kind, unsigned(bits), 8, Operand.ZeroRule.ALLOWED, Operand.NO_EXCLUSION, false,
                description));
    }

    private static void add(String token, String name, OperandKind kind, BitField field, String description) {
        BY_TOKEN.put(token, new Operand(token, name, kind, field, 0, Operand.ZeroRule.ALLOWED, Operand.NO_EXCLUSION, false,
                description));
    }

    /** The operand for a syntax token, or null. */
    static Operand byToken(String token) {
        return BY_TOKEN.get(token);
    }
}
