package dev.guestbench.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Encodes every instruction with random legal operands and decodes it back. */
class RoundTripTest {

    /** A random value the encoder must accept for this operand. */
    static long randomLegalValue(Operand op, SplittableRandom random) {
        if (op.kind() == OperandKind.UPPER_IMMEDIATE && op.field().valueBits() == 6) {
            // c.lui: nonzero 6-bit signed value written as a 20-bit upper immediate.
            long v = random.nextInt(1, 32);
            return random.nextBoolean() ? v : 0x100000 - v;
        }
        while (true) {
            long span = op.max() - op.min() + 1;
            long v = op.min() + (span <= 0 ? random.nextLong() : random.nextLong(span));
            v -= Math.floorMod(v, op.alignment());
            if (v >= op.min() && op.check(v, "test") == null) {
                return v;
            }
        }
    }

    @Test
    void everyInstructionRoundTripsWithRandomOperands() {
        SplittableRandom random = new SplittableRandom(42);
        for (Instruction insn : Instruction.values()) {
            Decoder decoder = insn.isExecutable() ? Decoder.standard() : Decoder.lenient();
            for (int round = 0; round < 500; round++) {
                long[] values = new long[insn.operandCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = randomLegalValue(insn.operands().get(i), random);
                }
                int bits = Encoder.encode(insn, values);
                assertSame(insn, decoder.decode(bits), insn.mnemonic() + " " + java.util.Arrays.toString(values));
                for (int i = 0; i < values.length; i++) {
                    assertEquals(values[i], insn.operand(bits, i), insn.mnemonic() + " operand " + i);
                    assertEquals(values[i], insn.operands().get(i).extract(bits));
                }
                if (!insn.isExecutable()) {
                    assertNull(Decoder.standard().decode(bits), insn.mnemonic() + " must not execute");
                }
            }
        }
    }

    @Test
    void extremeValuesRoundTrip() {
        for (Instruction insn : Instruction.values()) {
            Decoder decoder = insn.isExecutable() ? Decoder.standard() : Decoder.lenient();
            for (int i = 0; i < insn.operandCount(); i++) {
                Operand op = insn.operands().get(i);
                for (long edge : new long[] {op.min(), op.max(), op.min() + op.alignment(), op.max() - op.alignment()}) {
                    if (op.check(edge, insn.mnemonic()) != null) {
                        continue;
                    }
                    long[] values = new long[insn.operandCount()];
                    SplittableRandom random = new SplittableRandom(i);
                    for (int k = 0; k < values.length; k++) {
                        values[k] = k == i ? edge : randomLegalValue(insn.operands().get(k), random);
                    }
                    int bits = Encoder.encode(insn, values);
                    assertSame(insn, decoder.decode(bits));
                    assertEquals(edge, insn.operand(bits, i), insn.mnemonic() + " " + op.name() + " = " + edge);
                }
            }
        }
    }

    @Test
    void knownEncodings() {
        assertEquals(0x00558513, Encoder.encode(Instruction.ADDI, 10, 11, 5));
        assertEquals(0x1141, Encoder.encode(Instruction.C_ADDI, 2, -16));
        assertEquals(0x02c58553, Encoder.encode(Instruction.FADD_D, 10, 11, 12, 0));
        assertEquals(0x00000013, Encoder.encode(Instruction.ADDI, 0, 0, 0));
        assertEquals(0x8330000f, Encoder.encode(Instruction.FENCE_TSO));
        assertEquals(0x0ff0000f, Encoder.encode(Instruction.FENCE, 15, 15));
        assertEquals(0x30200073, Encoder.encode(Instruction.MRET));
        assertEquals(0x12000073, Encoder.encode(Instruction.SFENCE_VMA, 0, 0));
        // Operand order of atomics: rd, rs2, rs1, aq, rl.
        assertEquals(0xe41027af, Encoder.encode(Instruction.AMOMAXU_W, 15, 1, 0, 1, 0));
        assertEquals(0x1605b52f, Encoder.encode(Instruction.LR_D, 10, 11, 1, 1));
        assertEquals(0x00c000ef, Encoder.encode(Instruction.JAL, 1, 12));
        assertEquals(0xfe000ee3, Encoder.encode(Instruction.BEQ, 0, 0, -4));
        assertEquals(0x6505, Encoder.encode(Instruction.C_LUI, 10, 1));
        assertEquals(0x757d, Encoder.encode(Instruction.C_LUI, 10, 0xfffff));
    }
}
