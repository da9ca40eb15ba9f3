package dev.guestbench.asm.assembler;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.guestbench.isa.Csr;
import dev.guestbench.isa.Csrs;
import dev.guestbench.isa.Instruction;
import dev.guestbench.isa.Operand;
import dev.guestbench.isa.OperandKind;
import dev.guestbench.isa.Registers;
import dev.guestbench.isa.RoundingMode;
import dev.guestbench.isa.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every instruction of the ISA table with random operands (fixed seed), written from its template
 * the way a person would, assembled by GNU as + ld and by us: the bytes must be the same, which
 * checks operand parsing, encoding and GNU as's choice of compressed forms.
 */
class RandomInstructionsTest {
    private static final int PER_INSTRUCTION = 12;

    @Test
    void randomOperandsOfEveryInstruction() throws Exception {
        Random random = new Random(20261123);
        List<Csr> csrs = Csrs.rv64().stream().filter(Csr::isRv64Current).toList();
        StringBuilder src = new StringBuilder("\t.text\n\t.globl _start\n_start:\n");
        for (Instruction insn : Instruction.values()) {
            if (!insn.isExecutable() || insn == Instruction.C_UNIMP) {
                continue;
            }
            int made = 0;
            for (int attempt = 0; attempt < 400 && made < 2 * PER_INSTRUCTION; attempt++) {
                // Half of the lines lean towards operands that have compressed forms.
                String line = line(insn, random, csrs, made >= PER_INSTRUCTION);
                if (line != null) {
                    src.append('\t').append(line).append('\n');
                    made++;
                }
            }
        }
        Path dir = GnuTools.workDirectory("random");
        Path file = dir.resolve("random.s");
        Files.writeString(file, src);
        Path gnu = GnuTools.gnuBuild(List.of(file), dir, true);
        AssemblyResult ours = new Assembler(AssemblerOptions.defaults()).assemble(GnuTools.sources(List.of(file)));
        assertTrue(ours.ok(), () -> ours.diagnostics().subList(0, Math.min(10, ours.diagnostics().size())).toString());
        Path ourElf = dir.resolve("ours.elf");
        Files.write(ourElf, ours.elf());
        String diff = DifferentialTest.firstDifference(GnuTools.binary(gnu), GnuTools.binary(ourElf), gnu, ourElf);
        if (diff != null) {
            fail("random instructions differ from GNU as (source " + file + ")\n" + diff);
        }
    }

    /** One instruction with random valid operands, or null if the values drawn are not valid. */
    private static final int[] COMPRESSIBLE = {0, 1, 2, 8, 9, 10, 11, 12, 13, 14, 15};

    private static String line(Instruction insn, Random random, List<Csr> csrs, boolean bias) {
        List<Operand> ops = insn.operands();
        long[] values = new long[ops.size()];
        String[] text = new String[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            Operand op = ops.get(i);
            OperandKind k = op.kind();
            long v;
            switch (k) {
                case GPR, GPR_COMPRESSED, FPR, FPR_COMPRESSED -> {
                    v = op.min() + random.nextInt((int) (op.max() - op.min() + 1));
                    if (bias && op.min() == 0) {
                        v = COMPRESSIBLE[random.nextInt(COMPRESSIBLE.length)];
                    }
                    if (bias && op.name().equals("rs1") && i > 0 && ops.get(0).kind() == k && random.nextBoolean()) {
                        v = values[0];
                    }
                    boolean fp = k.isFloatRegister();
                    text[i] = random.nextBoolean() ? Registers.name(fp, (int) v) : (fp ? "f" : "x") + v;
                }
                case CSR -> {
                    Csr c = csrs.get(random.nextInt(csrs.size()));
                    v = c.number();
                    text[i] = random.nextInt(4) == 0 ? "0x" + Integer.toHexString(c.number()) : c.name();
                }
                case ROUNDING_MODE -> {
                    int[] modes = {0, 1, 2, 3, 4, 7};
                    v = modes[random.nextInt(modes.length)];
                    text[i] = RoundingMode.of((int) v).asmName();
                }
                case FENCE_SET -> {
                    v = 1 + random.nextInt(15);
                    text[i] = dev.guestbench.isa.FenceSet.name((int) v);
                }
                case ACQUIRE, RELEASE -> {
                    v = random.nextInt(2);
                    text[i] = null;
                }
                default -> {
                    long min = op.min();
                    long max = op.max();
                    long align = op.alignment();
                    long span = (max - min) / align + 1;
                    long pick = random.nextInt(4) == 0 ? 0 : (long) (random.nextDouble() * span);
                    v = min + pick * align;
                    if (random.nextInt(bias ? 2 : 5) == 0) {
                        v = Math.max(min, Math.min(max, (random.nextInt(64) - 32) * align));
                    }
                    text[i] = Long.toString(v);
                }
            }
            values[i] = v;
            if (op.check(v, insn.mnemonic()) != null) {
                return null;
            }
        }
        if (insn.operands().stream().anyMatch(o -> o.kind() == OperandKind.PC_OFFSET)) {
            return null; // branches to numbers are GNU as's own business; labels are in the corpus
        }
        StringBuilder sb = new StringBuilder(insn.mnemonic());
        if (insn.hasOrderingSuffix()) {
            int aq = insn.operandIndex("aq");
            int rl = insn.operandIndex("rl");
            sb.append(values[aq] == 1 ? ".aq" : "").append(values[rl] == 1 ? ".rl" : "");
            if (values[aq] == 1 && values[rl] == 1) {
                sb.setLength(sb.length() - 6);
                sb.append(".aqrl");
            }
        }
        sb.append(' ');
        boolean optionalDropped = false;
        for (Template.Part p : insn.template().parts()) {
            if (p.optional() && (optionalDropped || (p.operand() >= 0 && values[p.operand()] == 7
                    && ops.get(p.operand()).kind() == OperandKind.ROUNDING_MODE && random.nextBoolean()))) {
                optionalDropped = true;
                if (sb.charAt(sb.length() - 1) == ',') {
                    sb.setLength(sb.length() - 1);
                }
                continue;
            }
            if (p.isLiteral()) {
                sb.append(p.literal());
                if (p.literal().equals(",")) {
                    sb.append(' ');
                }
            } else {
                sb.append(text[p.operand()]);
            }
        }
        return sb.toString().strip().replaceAll(",\\s*$", "");
    }
}
