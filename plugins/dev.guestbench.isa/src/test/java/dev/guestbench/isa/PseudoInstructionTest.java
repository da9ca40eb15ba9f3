package dev.guestbench.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pseudo-instruction table: completeness, and aliases whose conditions can be met. */
class PseudoInstructionTest {

    @Test
    void theUsualPseudoInstructionsExist() {
        String[] names = {"nop", "li", "la", "lla", "mv", "not", "neg", "negw", "sext.w", "seqz", "snez", "sltz", "sgtz",
            "beqz", "bnez", "blez", "bgez", "bltz", "bgtz", "bgt", "ble", "bgtu", "bleu", "j", "jal", "jr", "jalr", "ret",
            "call", "tail", "fence", "csrr", "csrw", "csrs", "csrc", "csrwi", "csrsi", "csrci", "rdcycle", "rdtime",
            "rdinstret", "frcsr", "fscsr", "frrm", "fsrm", "frflags", "fsflags", "fsrmi", "fsflagsi", "fmv.s", "fmv.d",
            "fabs.s", "fabs.d", "fneg.s", "fneg.d", "fgt.s", "fge.d", "zext.b", "sext.b", "zext.w", "unimp"};
        for (String name : names) {
            assertFalse(PseudoInstructions.byMnemonic(name).isEmpty(), name + " missing");
        }
    }

    @Test
    void everyAliasCanMatchItsTarget() {
        SplittableRandom random = new SplittableRandom(3);
        for (PseudoInstruction p : PseudoInstructions.all()) {
            assertTrue(p.description().endsWith("."), p.syntax());
            assertFalse(p.expansion().isEmpty());
            if (p.isMacro()) {
                continue;
            }
            Instruction t = p.target();
            long[] values = new long[t.operandCount()];
            boolean matched = false;
            for (int attempt = 0; attempt < 2000 && !matched; attempt++) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = RoundTripTest.randomLegalValue(t.operands().get(i), random);
                }
                for (PseudoInstruction.Condition c : p.conditions()) {
                    if (c.relation() == PseudoInstruction.Relation.EQUALS) {
                        values[c.operand()] = c.value();
                    } else if (c.relation() == PseudoInstruction.Relation.SAME_AS) {
                        values[c.operand()] = values[(int) c.value()];
                    }
                }
                int bits;
                try {
                    bits = Encoder.encode(t, values);
                } catch (EncodingException e) {
                    continue;
                }
                matched = p.matches(bits);
            }
            assertTrue(matched, "no encoding of " + t.mnemonic() + " satisfies " + p.syntax());
        }
    }

    @Test
    void expansionsSpellOutTheRealInstruction() {
        assertEquals("addi rd, rs1, 0", PseudoInstructions.byMnemonic("mv").get(1).expansion());
        assertEquals("csrrs rd, cycle, zero", PseudoInstructions.byMnemonic("rdcycle").get(0).expansion());
        assertEquals("fsgnj.d rd, rs1, rs1", PseudoInstructions.byMnemonic("fmv.d").get(0).expansion());
        assertEquals("fence iorw, iorw", PseudoInstructions.byMnemonic("fence").get(0).expansion());
        assertEquals("jalr zero, 0(ra)", PseudoInstructions.byMnemonic("ret").get(1).expansion());
    }

    @Test
    void disassemblerPreferenceOrder() {
        // addi x0, x0, 0 is nop before it is li or mv; addi a0, x0, 0 is li before mv.
        assertEquals("nop", PseudoInstructions.shownFor(Instruction.ADDI).get(0).mnemonic());
        assertEquals("li", PseudoInstructions.shownFor(Instruction.ADDI).get(1).mnemonic());
        assertEquals("unimp", PseudoInstructions.shownFor(Instruction.CSRRW).get(0).mnemonic());
        assertEquals(PseudoInstruction.Display.ALWAYS, PseudoInstructions.shownFor(Instruction.CSRRW).get(0).display());
    }
}
