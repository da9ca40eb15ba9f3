package dev.guestbench.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Every legal compressed word expands to a legal word of the base instruction it names. */
class CompressedTest {

    @Test
    void everyLegalCompressedWordExpands() {
        for (int w = 0; w < 0x10000; w++) {
            if ((w & 3) == 3) {
                continue;
            }
            Instruction c = Decoder.standard().decode(w);
            int expanded = Compressed.expand(w);
            if (c == null) {
                assertEquals(0, expanded, Integer.toHexString(w));
                continue;
            }
            Instruction base = Decoder.standard().decode(expanded);
            assertNotNull(base, c.mnemonic() + " " + Integer.toHexString(w));
            assertSame(Compressed.baseOf(c), base, c.mnemonic());
        }
    }

    @Test
    void knownExpansions() {
        // c.addi sp, -16 is addi sp, sp, -16
        assertEquals(Encoder.encode(Instruction.ADDI, 2, 2, -16), Compressed.expand(0x1141));
        // c.lw a5, 124(a4) is lw a5, 124(a4)
        assertEquals(Encoder.encode(Instruction.LW, 15, 124, 14),
                Compressed.expand(Encoder.encode(Instruction.C_LW, 15, 124, 14)));
        // c.j -2048 is jal x0, -2048
        assertEquals(Encoder.encode(Instruction.JAL, 0, -2048), Compressed.expand(Encoder.encode(Instruction.C_J, -2048)));
        // c.lui a0, 0xfffff is lui a0, 0xfffff
        assertEquals(Encoder.encode(Instruction.LUI, 10, 0xfffff), Compressed.expand(0x757d));
        // c.jalr t6 is jalr ra, 0(t6)
        assertEquals(Encoder.encode(Instruction.JALR, 1, 0, 31), Compressed.expand(Encoder.encode(Instruction.C_JALR, 31)));
        assertEquals(0x00100073, Compressed.expand(0x9002));
        assertEquals(0, Compressed.expand(0x0000));
    }
}
