package dev.guestbench.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Structural checks of the instruction table. */
class InstructionTableTest {

    @Test
    void idsAreDenseAndMnemonicsUnique() {
        Set<String> mnemonics = new HashSet<>();
        for (int id = 0; id < Instruction.count(); id++) {
            Instruction insn = Instruction.byId(id);
            assertEquals(id, insn.id());
            assertTrue(mnemonics.add(insn.mnemonic()), "duplicate mnemonic " + insn.mnemonic());
            assertSame(insn, Instruction.byMnemonic(insn.mnemonic()));
        }
    }

    @Test
    void everyInstructionIsDescribed() {
        for (Instruction insn : Instruction.values()) {
            String d = insn.description();
            assertTrue(d.length() > 30 && d.endsWith("."), insn + ": " + d);
            assertEquals(insn.isCompressed() ? 2 : 4, insn.length());
            assertTrue(insn.syntax().startsWith(insn.mnemonic()));
            for (Operand op : insn.operands()) {
                assertFalse(op.description().isEmpty());
            }
        }
    }

    @Test
    void extensionsHaveTheExpectedSizes() {
        Map<Extension, Integer> count = new EnumMap<>(Extension.class);
        for (Instruction insn : Instruction.values()) {
            count.merge(insn.extension(), 1, Integer::sum);
        }
        assertEquals(53, count.get(Extension.I), "RV64I without fence.i");
        assertEquals(13, count.get(Extension.M));
        assertEquals(22, count.get(Extension.A));
        assertEquals(30, count.get(Extension.F));
        assertEquals(32, count.get(Extension.D));
        assertEquals(39, count.get(Extension.C), "RV64C including the three shift-by-64 hints");
        assertEquals(6, count.get(Extension.ZICSR));
        assertEquals(1, count.get(Extension.ZIFENCEI));
        assertEquals(4, count.get(Extension.PRIVILEGED));
        assertEquals(5, count.get(Extension.RETIRED));
    }

    @Test
    void compressedFloatingPointNeedsD() {
        for (Instruction insn : new Instruction[] {Instruction.C_FLD, Instruction.C_FSD, Instruction.C_FLDSP,
            Instruction.C_FSDSP}) {
            assertEquals(java.util.List.of(Extension.D), insn.alsoRequires());
        }
        assertEquals(Extension.ZMMUL, Instruction.MULW.alternativeExtension());
    }

    @Test
    void isaSubsets() {
        IsaSubset gc = IsaSubset.rv64gc();
        for (Instruction insn : Instruction.values()) {
            assertTrue(gc.supports(insn), insn.mnemonic());
        }
        IsaSubset i = IsaSubset.parse("rv64i2p1");
        assertFalse(i.supports(Instruction.MUL));
        assertFalse(i.supports(Instruction.CSRRW));
        assertTrue(i.supports(Instruction.ADDI));
        assertTrue(i.supports(Instruction.MRET));
        IsaSubset zmmul = IsaSubset.parse("rv64i_zmmul1p0");
        assertTrue(zmmul.supports(Instruction.MUL));
        assertFalse(zmmul.supports(Instruction.DIV));
        IsaSubset noD = IsaSubset.parse("rv64imafc_zicsr");
        assertFalse(noD.supports(Instruction.C_FLD));
        assertTrue(noD.supports(Instruction.C_LD));
        IsaSubset attr = IsaSubset.parse("rv64i2p1_m2p0_a2p1_f2p2_d2p2_c2p0_zicsr2p0_zifencei2p0_zmmul1p0");
        assertTrue(attr.has("zifencei") && attr.has("c") && attr.has("d"));
        assertEquals(64, attr.xlen());
        assertTrue(IsaSubset.parse("rv64g").has("zicsr"));
    }

    @Test
    void operandsAreReadWithoutAllocation() {
        // Operand values come straight from the bits; an offset of -4 in a B-type word is found again.
        int beq = Encoder.encode(Instruction.BEQ, 10, 11, -4);
        assertEquals(-4, Instruction.BEQ.operand(beq, Instruction.BEQ.operandIndex("boff")));
        assertEquals(10, Instruction.BEQ.operand(beq, Instruction.BEQ.operandIndex("rs1")));
        assertNotNull(Instruction.BEQ.operands().get(2).field().spec());
    }
}
