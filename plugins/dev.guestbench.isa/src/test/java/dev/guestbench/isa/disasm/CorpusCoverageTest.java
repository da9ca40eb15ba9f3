package dev.guestbench.isa.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestbench.isa.Decoder;
import dev.guestbench.isa.Instruction;
import dev.guestbench.isa.PseudoInstruction;
import dev.guestbench.isa.PseudoInstructions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks that the corpus exercises the whole table: every instruction appears (and so is shown in
 * its real form by the no-aliases listing) and every alias the disassembler can choose is chosen
 * somewhere.
 */
class CorpusCoverageTest {
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\t([0-9a-f]{4}|[0-9a-f]{8}) +\\t(\\S+)");

    /** An instruction line of a listing: its address, bits and printed mnemonic. */
    private record Line(String address, int bits, String mnemonic) {
    }

    private static List<Line> instructionLines(String listing) {
        List<Line> out = new ArrayList<>();
        for (String l : listing.split("\n")) {
            Matcher m = LINE.matcher(l);
            if (m.find() && !m.group(3).startsWith(".")) {
                out.add(new Line(m.group(1), (int) Long.parseLong(m.group(2), 16), m.group(3)));
            }
        }
        return out;
    }

    @Test
    void corpusCoversEveryInstructionAndEveryReachableAlias() throws IOException {
        Set<Instruction> seen = EnumSet.noneOf(Instruction.class);
        Set<PseudoInstruction> aliasesSeen = new HashSet<>();
        Disassembler withAliases = new Disassembler(true);
        Disassembler withoutAliases = new Disassembler(false);
        for (Path file : ObjdumpCorpusTest.buildCorpus()) {
            for (Line line : instructionLines(ObjdumpListing.of(file, true))) {
                Instruction insn = Decoder.lenient().decode(line.bits);
                if (insn == null) {
                    continue;
                }
                seen.add(insn);
                PseudoInstruction alias = withAliases.aliasFor(line.bits);
                if (alias != null && alias.mnemonic().equals(line.mnemonic)) {
                    aliasesSeen.add(alias);
                }
            }
            for (Line line : instructionLines(ObjdumpListing.of(file, false))) {
                PseudoInstruction alias = withoutAliases.aliasFor(line.bits);
                if (alias != null && alias.mnemonic().equals(line.mnemonic)) {
                    aliasesSeen.add(alias);
                }
            }
        }
        Set<Instruction> missing = EnumSet.allOf(Instruction.class);
        missing.removeAll(seen);
        assertTrue(missing.isEmpty(), "instructions missing from the corpus: " + missing);

        // Compressed aliases that no 16-bit word can select (an earlier alias always wins) are not required.
        Set<PseudoInstruction> reachable16 = new HashSet<>();
        for (int w = 0; w < 0x10000; w++) {
            if ((w & 3) != 3) {
                PseudoInstruction a = withAliases.aliasFor(w);
                if (a != null) {
                    reachable16.add(a);
                }
                a = withoutAliases.aliasFor(w);
                if (a != null) {
                    reachable16.add(a);
                }
            }
        }
        List<String> missingAliases = new ArrayList<>();
        for (PseudoInstruction p : PseudoInstructions.all()) {
            if (p.isMacro() || p.display() == PseudoInstruction.Display.NEVER) {
                continue;
            }
            if (p.target().isCompressed() && !reachable16.contains(p)) {
                continue;
            }
            if (!aliasesSeen.contains(p)) {
                missingAliases.add(p.syntax() + " (" + p.target().mnemonic() + ")");
            }
        }
        assertEquals(List.of(), missingAliases, "aliases the corpus never shows");
    }
}
