package dev.guestbench.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The encoder's messages name the value, the allowed range and the instruction. */
class EncoderErrorTest {

    private static String message(Instruction insn, long... values) {
        return assertThrows(EncodingException.class, () -> Encoder.encode(insn, values)).getMessage();
    }

    @Test
    void immediateOutOfRange() {
        assertEquals("immediate 5000 out of range -2048..2047 for addi", message(Instruction.ADDI, 10, 11, 5000));
        assertEquals("immediate -2049 out of range -2048..2047 for addi", message(Instruction.ADDI, 10, 11, -2049));
        assertEquals("immediate 32 out of range -32..31 for c.addi", message(Instruction.C_ADDI, 10, 32));
        assertEquals("immediate 0x100000 out of range 0x0..0xfffff for lui", message(Instruction.LUI, 10, 0x100000));
    }

    @Test
    void offsetsAndAlignment() {
        assertEquals("offset 3 is not a multiple of 2 for beq", message(Instruction.BEQ, 1, 2, 3));
        assertEquals("offset 4096 out of range -4096..4094 for beq", message(Instruction.BEQ, 1, 2, 4096));
        assertEquals("offset 6 is not a multiple of 4 for c.lwsp", message(Instruction.C_LWSP, 10, 6));
        assertEquals("offset 256 out of range 0..252 for c.lwsp", message(Instruction.C_LWSP, 10, 256));
        assertEquals("offset -2050 out of range -2048..2046 for c.j", message(Instruction.C_J, -2050));
        assertEquals("offset 1048576 out of range -1048576..1048574 for jal", message(Instruction.JAL, 1, 1048576));
        assertEquals("offset 2048 out of range -2048..2047 for sd", message(Instruction.SD, 1, 2048, 2));
    }

    @Test
    void nonzeroAndReservedValues() {
        assertEquals("immediate 0 is not allowed for c.addi4spn (it must be nonzero)",
                message(Instruction.C_ADDI4SPN, 8, 0));
        assertEquals("immediate 0 is not allowed for c.addi16sp (it must be nonzero)",
                message(Instruction.C_ADDI16SP, 0));
        assertEquals("shift amount 0 is not allowed for c.slli (it must be nonzero)", message(Instruction.C_SLLI, 10, 0));
        assertEquals("register zero (x0) is not allowed as rd of c.lwsp", message(Instruction.C_LWSP, 0, 4));
        assertEquals("register zero (x0) is not allowed as rs1 of c.jr", message(Instruction.C_JR, 0));
        assertEquals("register sp (x2) is not allowed as rd of c.lui", message(Instruction.C_LUI, 2, 1));
        assertEquals("immediate 0x20 out of range 0x1..0x1f or 0xfffe0..0xfffff for c.lui",
                message(Instruction.C_LUI, 10, 0x20));
        assertEquals("rounding mode 5 is reserved (use 0..4 or 7) for fadd.d", message(Instruction.FADD_D, 1, 2, 3, 5));
        assertEquals("rounding mode 8 out of range 0..7 for fadd.d", message(Instruction.FADD_D, 1, 2, 3, 8));
    }

    @Test
    void registers() {
        assertEquals("register number 32 out of range 0..31 for add (rd)", message(Instruction.ADD, 32, 1, 2));
        assertEquals("register a6 (x16) is not one of x8..x15 for c.lw (rd)", message(Instruction.C_LW, 16, 8, 0));
        assertEquals("register ft0 (f0) is not one of f8..f15 for c.fld (rd)", message(Instruction.C_FLD, 0, 8, 0));
    }

    @Test
    void otherKinds() {
        assertEquals("shift amount 64 out of range 0..63 for slli", message(Instruction.SLLI, 1, 1, 64));
        assertEquals("shift amount 32 out of range 0..31 for slliw", message(Instruction.SLLIW, 1, 1, 32));
        assertEquals("CSR number 0x1000 out of range 0x0..0xfff for csrrw", message(Instruction.CSRRW, 1, 0x1000, 2));
        assertEquals("immediate 32 out of range 0..31 for csrrwi", message(Instruction.CSRRWI, 1, 0x300, 32));
        assertEquals("fence set 16 out of range 0..15 for fence", message(Instruction.FENCE, 16, 3));
        assertEquals("aq bit 2 out of range 0..1 for amoadd.w", message(Instruction.AMOADD_W, 1, 2, 3, 2, 0));
    }

    @Test
    void operandCount() {
        assertEquals("addi takes 3 operands (rd, rs1, imm), got 2", message(Instruction.ADDI, 1, 2));
        assertEquals("ecall takes 0 operands, got 1", message(Instruction.ECALL, 1));
    }

    @Test
    void exceptionNamesInstructionAndOperand() {
        EncodingException e = assertThrows(EncodingException.class, () -> Encoder.encode(Instruction.SW, 1, 5000, 2));
        assertSame(Instruction.SW, e.instruction());
        assertEquals(1, e.operandIndex());
    }
}
