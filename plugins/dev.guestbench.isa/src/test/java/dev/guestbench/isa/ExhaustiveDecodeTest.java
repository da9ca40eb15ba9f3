package dev.guestbench.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Decodes every 16-bit and every 32-bit word and re-encodes every one that decodes. */
class ExhaustiveDecodeTest {

    /** Brute force: every table instruction whose encoding and operand rules accept the word. */
    private static List<Instruction> matching(int bits, boolean lenient) {
        List<Instruction> out = new ArrayList<>();
        boolean compressed = (bits & 3) != 3;
        for (Instruction insn : Instruction.values()) {
            if (insn.isCompressed() != compressed || (!lenient && !insn.isExecutable())) {
                continue;
            }
            int word = compressed ? bits & 0xffff : bits;
            if ((word & insn.mask()) != insn.match()) {
                continue;
            }
            boolean ok = true;
            for (Operand op : insn.operands()) {
                long v = op.extract(word);
                if (op.check(v, insn.mnemonic()) != null) {
                    ok = false;
                }
            }
            if (ok || lenient && lenientOnly(insn, word)) {
                out.add(insn);
            }
        }
        return out;
    }

    /** Words the lenient decoder accepts that the encoder refuses: reserved zero / rounding modes. */
    private static boolean lenientOnly(Instruction insn, int word) {
        for (Operand op : insn.operands()) {
            long v = op.extract(word);
            String problem = op.check(v, insn.mnemonic());
            boolean reservedZero = v == 0 && op.zeroRule() == Operand.ZeroRule.RESERVED;
            boolean reservedRm = op.kind() == OperandKind.ROUNDING_MODE && (v == 5 || v == 6);
            if (problem != null && !reservedZero && !reservedRm) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everySixteenBitWordAgreesWithBruteForceAndReencodes() {
        for (boolean lenient : new boolean[] {false, true}) {
            Decoder decoder = lenient ? Decoder.lenient() : Decoder.standard();
            int legal = 0;
            for (int w = 0; w < 0x10000; w++) {
                if ((w & 3) == 3) {
                    continue;
                }
                Instruction got = decoder.decode(w);
                List<Instruction> expected = matching(w, lenient);
                assertTrue(expected.size() <= 1, "encodings overlap at " + Integer.toHexString(w) + ": " + expected);
                assertEquals(expected.isEmpty() ? null : expected.get(0), got, "word 0x" + Integer.toHexString(w));
                if (got != null && !lenient) {
                    legal++;
                    assertEquals(w, reencode(got, w), "re-encoding " + got.mnemonic() + " 0x" + Integer.toHexString(w));
                }
                // Upper bits of a 32-bit fetch do not matter for a compressed instruction.
                assertEquals(got, decoder.decode(w | 0xabcd0000));
            }
            assertTrue(legal > 40000 || lenient, "too few legal compressed words: " + legal);
        }
    }

    @Test
    void specificReservedEncodingsAreIllegal() {
        Decoder d = Decoder.standard();
        int[] reserved = {
            0x0000, // all-zero word
            0x0004, // c.addi4spn with a zero immediate
            0x6101, // c.addi16sp with a zero immediate
            0x6501, // c.lui a0, 0 (zero immediate)
            0x8002, // c.jr x0
            0x4002, // c.lwsp x0
            0x6002, // c.ldsp x0
            0x2001, // c.addiw x0 (on RV32 this slot would be c.jal)
            0x9c41, // reserved CA encoding (funct2 10 with bit 12 set)
            0x9c61, // reserved CA encoding (funct2 11 with bit 12 set)
            0x8000, // quadrant 0, funct3 100: reserved
            0x9c01 | 0x40, // c.subw slot with funct2 10: reserved
        };
        for (int w : reserved) {
            assertNull(d.decode(w), "0x" + Integer.toHexString(w) + " should be illegal");
        }
        // The 32-bit shifts of RV64 have only five shift-amount bits; bit 25 set is reserved.
        assertNull(d.decode(0x0000101b | (1 << 25)), "slliw with shamt bit 5");
        assertNull(d.decode(0x02c58553 | (5 << 12)), "fadd.d with reserved rounding mode 5");
        assertNull(d.decode(0x00200073), "uret is not an RV64GC instruction");
        assertNull(d.decode(0x7b200073), "dret is illegal outside debug mode");
        assertNull(Decoder.lenient().decode(0xd20575d3), "objdump shows fcvt.d.w with a non-zero rm field as data");
        assertNull(d.decode(0xd20555d3), "fcvt.d.w with the reserved rounding mode 5");
        assertNull(d.decode(0xffffffff));
        assertNull(d.decode(0x0000007f), "64-bit and longer encodings are not instructions");
        assertEquals(Instruction.C_ADDI16SP, Decoder.lenient().decode(0x6101), "lenient decoder shows reserved forms");
    }

    @Test
    void reservedFieldsTheSpecSaysToIgnoreRunAsTheInstruction() {
        Decoder d = Decoder.standard();
        // fence iorw,iorw with rd = x5 and rs1 = x6: a plain fence, rd and rs1 ignored.
        assertEquals(Instruction.FENCE, d.decode(0x0ff3028f));
        assertEquals(0x0ff0000f, Decoder.canonical(0x0ff3028f));
        // Reserved fm = 1111: a normal fence.
        assertEquals(Instruction.FENCE, d.decode(0xf330000f));
        assertEquals(Instruction.FENCE_TSO, d.decode(0x8330000f));
        // fence.i with a non-zero immediate, rs1 and rd.
        assertEquals(Instruction.FENCE_I, d.decode(0x0015950f));
        assertEquals(0x0000100f, Decoder.canonical(0x0015950f));
        // fcvt.d.w fa1, a0 with rm = dyn: exact whatever the mode.
        assertEquals(Instruction.FCVT_D_W, d.decode(0xd20575d3));
        // None of these is an instruction for a listing: objdump shows them as data.
        assertNull(Decoder.lenient().decode(0x0ff3028f));
        assertNull(Decoder.lenient().decode(0x0015950f));
        // Words without ignored fields stay as they are.
        assertEquals(0x00000013, Decoder.canonical(0x00000013));
        assertEquals(Instruction.C_UNIMP, Decoder.lenient().decode(0x0000));
    }

    @Test
    void everyThirtyTwoBitWordDecodesWithoutExceptionAndReencodes() {
        Decoder decoder = Decoder.standard();
        AtomicLong legal = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        // 2^30 words with low bits 11, in 1024 chunks spread over the available cores.
        IntStream.range(0, 1024).parallel().forEach(chunk -> {
            // One reusable operand array per instruction keeps the loop free of allocation.
            long[][] operandArrays = new long[Instruction.count()][];
            for (Instruction insn : Instruction.values()) {
                operandArrays[insn.id()] = new long[insn.operandCount()];
            }
            long count = 0;
            int base = chunk << 22;
            for (int i = 0; i < (1 << 20); i++) {
                int bits = base | i << 2 | 3;
                int id = decoder.decodeId(bits);
                if (id < 0) {
                    continue;
                }
                count++;
                Instruction insn = Instruction.byId(id);
                long[] values = operandArrays[id];
                for (int k = 0; k < values.length; k++) {
                    values[k] = insn.operand(bits, k);
                }
                int again;
                try {
                    again = Encoder.encode(insn, values);
                } catch (EncodingException e) {
                    failure.compareAndSet(null, Integer.toHexString(bits) + " " + insn.mnemonic() + ": " + e.getMessage());
                    continue;
                }
                // Words with ignored reserved fields re-encode to the form the hart runs.
                if (again != Decoder.canonical(bits)) {
                    failure.compareAndSet(null, Integer.toHexString(bits) + " re-encodes to " + Integer.toHexString(again));
                }
            }
            legal.addAndGet(count);
        });
        if (failure.get() != null) {
            fail(failure.get());
        }
        // Roughly a third of all 32-bit words are RV64GC instructions; a broken table gives far fewer.
        assertTrue(legal.get() > 250_000_000L, "only " + legal.get() + " legal 32-bit words");
    }

    @Test
    void sampledThirtyTwoBitWordsAgreeWithBruteForce() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20240601);
        for (int i = 0; i < 300_000; i++) {
            int bits = random.nextInt() | 3;
            for (boolean lenient : new boolean[] {false, true}) {
                List<Instruction> expected = matching(bits, lenient);
                assertTrue(expected.size() <= 1, "encodings overlap at " + Integer.toHexString(bits) + ": " + expected);
                Decoder d = lenient ? Decoder.lenient() : Decoder.standard();
                if (!lenient) {
                    expected = matching(Decoder.canonical(bits), false);
                }
                assertEquals(expected.isEmpty() ? null : expected.get(0), d.decode(bits),
                        "word 0x" + Integer.toHexString(bits));
            }
        }
    }

    @Test
    void noTwoThirtyTwoBitEncodingsOverlap() {
        for (Instruction a : Instruction.values()) {
            for (Instruction b : Instruction.values()) {
                if (a.ordinal() < b.ordinal() && !a.isCompressed() && !b.isCompressed()) {
                    boolean overlap = ((a.match() ^ b.match()) & a.mask() & b.mask()) == 0;
                    assertTrue(!overlap, a.mnemonic() + " and " + b.mnemonic() + " share encodings");
                }
            }
        }
    }

    private static int reencode(Instruction insn, int bits) {
        long[] v = new long[insn.operandCount()];
        for (int k = 0; k < v.length; k++) {
            v[k] = insn.operand(bits, k);
        }
        return Encoder.encode(insn, v);
    }
}
