package dev.guestbench.vmm.cpu.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.guestbench.isa.Encoder;
import dev.guestbench.isa.Instruction;
import dev.guestbench.vmm.RunResult;
import dev.guestbench.vmm.Vm;
import dev.guestbench.vmm.VmConfig;
import dev.guestbench.vmm.boot.BootSpec;
import dev.guestbench.vmm.device.ConsoleIo;
import dev.guestbench.vmm.memory.HostMemory;

/**
 * The block translator against the interpreter it must agree with: random loops of RV64IMC code (every
 * integer operation, loads and stores that hit, cross pages, reach a device or fault into a trap handler,
 * forward branches and jumps) run hundreds of times with translation on and off; registers, memory, the
 * trap history and the console must come out the same.
 */
class TranslationEquivalenceTest {

    private static final long CODE = 0x8000_0000L;
    private static final long DATA = 0x8001_0000L;
    private static final int ITERATIONS = 300;
    /** Registers a random instruction may write: not x0, nor the bases and counters the program relies on. */
    private static final int[] WRITABLE = { 1, 2, 3, 4, 5, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
        24, 25, 26, 27, 28, 29 };
    private static final int[] COMPRESSED_WRITABLE = { 9, 10, 11, 12, 13, 14, 15 };
    private static final int DATA_BASE = 8;
    private static final int DEVICE_BASE = 6;
    private static final int FAULT_BASE = 7;
    private static final int SCRATCH = 30;
    private static final int COUNTER = 31;

    private static final Instruction[] REGISTER_OPS = { Instruction.ADD, Instruction.SUB, Instruction.SLL,
        Instruction.SLT, Instruction.SLTU, Instruction.XOR, Instruction.SRL, Instruction.SRA, Instruction.OR,
        Instruction.AND, Instruction.ADDW, Instruction.SUBW, Instruction.SLLW, Instruction.SRLW, Instruction.SRAW,
        Instruction.MUL, Instruction.MULH, Instruction.MULHSU, Instruction.MULHU, Instruction.MULW, Instruction.DIV,
        Instruction.DIVU, Instruction.REM, Instruction.REMU, Instruction.DIVW, Instruction.DIVUW, Instruction.REMW,
        Instruction.REMUW };
    private static final Instruction[] IMMEDIATE_OPS = { Instruction.ADDI, Instruction.SLTI, Instruction.SLTIU,
        Instruction.XORI, Instruction.ORI, Instruction.ANDI, Instruction.ADDIW };
    private static final Instruction[] SHIFT_OPS = { Instruction.SLLI, Instruction.SRLI, Instruction.SRAI };
    private static final Instruction[] SHIFT_W_OPS = { Instruction.SLLIW, Instruction.SRLIW, Instruction.SRAIW };
    private static final Instruction[] LOADS = { Instruction.LB, Instruction.LH, Instruction.LW, Instruction.LD,
        Instruction.LBU, Instruction.LHU, Instruction.LWU };
    private static final Instruction[] STORES = { Instruction.SB, Instruction.SH, Instruction.SW, Instruction.SD };
    private static final Instruction[] BRANCHES = { Instruction.BEQ, Instruction.BNE, Instruction.BLT,
        Instruction.BGE, Instruction.BLTU, Instruction.BGEU };

    /** One instruction of a program under construction; branch targets are fixed once positions are known. */
    private static final class Item {
        int bits;
        final int length;
        final Instruction branch;
        final int skip;
        final int rs1;
        final int rs2;

        Item(int bits, int length) {
            this(bits, length, null, 0, 0, 0);
        }

        Item(int bits, int length, Instruction branch, int skip, int rs1, int rs2) {
            this.bits = bits;
            this.length = length;
            this.branch = branch;
            this.skip = skip;
            this.rs1 = rs1;
            this.rs2 = rs2;
        }
    }

    @Test
    void randomLoopsAgreeWithAndWithoutTranslation() {
        SplittableRandom seeds = new SplittableRandom(0x5eed_b10cL);
        int translatedRuns = 0;
        for (int p = 0; p < 120; p++) {
            long seed = seeds.nextLong();
            byte[] image = program(new SplittableRandom(seed));
            Outcome interpreted = run(image, false);
            Outcome translated = run(image, true);
            String where = "program " + p + " (seed " + seed + ")";
            assertEquals(interpreted.result().ending(), translated.result().ending(), where);
            assertEquals(interpreted.result().instructions(), translated.result().instructions(), where);
            assertArrayEquals(interpreted.registers(), translated.registers(), where + ": registers");
            assertArrayEquals(interpreted.memory(), translated.memory(), where + ": memory");
            assertEquals(interpreted.traps(), translated.traps(), where + ": trap history");
            assertEquals(interpreted.console(), translated.console(), where + ": console");
            assertEquals(RunResult.Ending.PASSED, interpreted.result().ending(), where);
            if (translated.blocks() > 0) {
                translatedRuns++;
            }
        }
        assertTrue(translatedRuns == 120, "every program's loop should have been translated, only " + translatedRuns
                + " were");
    }

    /** The state a run leaves. */
    private record Outcome(RunResult result, long[] registers, byte[] memory, long traps, String console,
            long blocks) {
    }

    private static Outcome run(byte[] image, boolean translate) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ConsoleIo io = new ConsoleIo() {
            @Override
            public void write(int b) {
                console.write(b);
            }

            @Override
            public int read() {
                return -1;
            }
        };
        try {
            Vm vm = new Vm(VmConfig.of(8L << 20, 1).withTranslation(translate),
                    new BootSpec(BootSpec.Firmware.NONE, null, new BootSpec.Image("random", image), null, null, null),
                    io, new HostMemory(64L << 20), () -> false);
            RunResult result = vm.run(50_000_000L);
            byte[] memory = new byte[0x3000];
            vm.ram().read(DATA - 0x1000, memory, 0, memory.length);
            long[] registers = vm.vcpus().get(0).state.x.clone();
            return new Outcome(result, registers, memory, vm.trapHistory().total(), console.toString(),
                    vm.translatedBlocks());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A random program: set-up, a loop of random instructions run ITERATIONS times, then pass. */
    private static byte[] program(SplittableRandom r) {
        List<Item> items = new ArrayList<>();
        // mtvec = handler (patched below: auipc + addi need the handler's offset).
        int mtvecIndex = items.size();
        items.add(new Item(0, 4));
        items.add(new Item(0, 4));
        items.add(item(Instruction.CSRRW, 0, 0x305, SCRATCH));
        // x8 = DATA (zero-extended), x6 = UART, x7 = 0.
        items.add(item(Instruction.LUI, DATA_BASE, DATA >>> 12 & 0xfffff));
        items.add(item(Instruction.SLLI, DATA_BASE, DATA_BASE, 32));
        items.add(item(Instruction.SRLI, DATA_BASE, DATA_BASE, 32));
        items.add(item(Instruction.LUI, DEVICE_BASE, 0x10000));
        items.add(item(Instruction.ADDI, FAULT_BASE, 0, 0));
        for (int reg : WRITABLE) {
            items.add(item(Instruction.LUI, reg, r.nextInt(1 << 20)));
            items.add(item(Instruction.ADDI, reg, reg, r.nextInt(-2048, 2048)));
            if (r.nextBoolean()) {
                items.add(item(Instruction.SLLI, reg, reg, r.nextInt(64)));
            }
        }
        items.add(item(Instruction.ADDI, COUNTER, 0, ITERATIONS));
        int loop = items.size();
        int body = r.nextInt(20, 60);
        for (int i = 0; i < body; i++) {
            items.add(randomInstruction(r, body - i));
        }
        items.add(item(Instruction.ADDI, COUNTER, COUNTER, -1));
        int back = items.size();
        items.add(new Item(0, 4));
        // Save every register into the data page, then pass through the test finisher.
        for (int reg = 1; reg < 32; reg++) {
            if (reg != DATA_BASE) {
                items.add(item(Instruction.SD, reg, 0x700 + 8 * reg, DATA_BASE));
            }
        }
        items.add(item(Instruction.LUI, SCRATCH, 0x100));
        items.add(item(Instruction.LUI, 29, 0x5));
        items.add(item(Instruction.ADDI, 29, 29, 0x555));
        items.add(item(Instruction.SW, 29, 0, SCRATCH));
        items.add(item(Instruction.JAL, 0, 0));
        // The trap handler, 4-byte aligned as mtvec needs: skip the (4-byte) faulting instruction.
        if (positions(items)[items.size()] % 4 != 0) {
            items.add(new Item(0x0001, 2)); // c.nop
        }
        int handler = items.size();
        items.add(item(Instruction.CSRRS, SCRATCH, 0x341, 0));
        items.add(item(Instruction.ADDI, SCRATCH, SCRATCH, 4));
        items.add(item(Instruction.CSRRW, 0, 0x341, SCRATCH));
        items.add(item(Instruction.MRET));

        long[] at = positions(items);
        long handlerOffset = at[handler] - at[mtvecIndex];
        items.get(mtvecIndex).bits = Encoder.encode(Instruction.AUIPC, SCRATCH, 0);
        items.get(mtvecIndex + 1).bits = Encoder.encode(Instruction.ADDI, SCRATCH, SCRATCH, handlerOffset);
        items.get(back).bits = Encoder.encode(Instruction.BNE, COUNTER, 0, at[loop] - at[back]);
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (it.branch != null) {
                long offset = at[i + 1 + it.skip] - at[i];
                it.bits = it.branch == Instruction.JAL ? Encoder.encode(Instruction.JAL, it.rs1, offset)
                        : Encoder.encode(it.branch, it.rs1, it.rs2, offset);
            }
        }
        byte[] image = new byte[(int) at[items.size()]];
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            for (int b = 0; b < it.length; b++) {
                image[(int) at[i] + b] = (byte) (it.bits >>> (8 * b));
            }
        }
        return image;
    }

    private static long[] positions(List<Item> items) {
        long[] at = new long[items.size() + 1];
        for (int i = 0; i < items.size(); i++) {
            at[i + 1] = at[i] + items.get(i).length;
        }
        return at;
    }

    private static Item item(Instruction insn, long... operands) {
        return new Item(Encoder.encode(insn, operands), insn.length());
    }

    private static int writable(SplittableRandom r) {
        return WRITABLE[r.nextInt(WRITABLE.length)];
    }

    private static int compressedWritable(SplittableRandom r) {
        return COMPRESSED_WRITABLE[r.nextInt(COMPRESSED_WRITABLE.length)];
    }

    private static Item randomInstruction(SplittableRandom r, int remaining) {
        int kind = r.nextInt(100);
        if (kind < 28) {
            Instruction op = REGISTER_OPS[r.nextInt(REGISTER_OPS.length)];
            return item(op, writable(r), r.nextInt(32), r.nextInt(32));
        }
        if (kind < 42) {
            Instruction op = IMMEDIATE_OPS[r.nextInt(IMMEDIATE_OPS.length)];
            return item(op, writable(r), r.nextInt(32), r.nextInt(-2048, 2048));
        }
        if (kind < 48) {
            return r.nextBoolean() ? item(SHIFT_OPS[r.nextInt(3)], writable(r), r.nextInt(32), r.nextInt(64))
                    : item(SHIFT_W_OPS[r.nextInt(3)], writable(r), r.nextInt(32), r.nextInt(32));
        }
        if (kind < 51) {
            return item(r.nextBoolean() ? Instruction.LUI : Instruction.AUIPC, writable(r), r.nextInt(1 << 20));
        }
        if (kind < 63) {
            // Loads around the data page: some cross into the page before it (the TLB's slow path).
            return item(LOADS[r.nextInt(LOADS.length)], writable(r), r.nextInt(-64, 2040), DATA_BASE);
        }
        if (kind < 72) {
            return item(STORES[r.nextInt(STORES.length)], r.nextInt(32), r.nextInt(-64, 2040), DATA_BASE);
        }
        if (kind < 74) {
            // A device register: the block ends and the interpreter does the access.
            return item(Instruction.LBU, writable(r), r.nextInt(1, 8), DEVICE_BASE);
        }
        if (kind < 76) {
            // Nothing at address 0..2047: an access fault, handled by skipping the instruction.
            return r.nextBoolean() ? item(Instruction.LW, writable(r), r.nextInt(0, 2040), FAULT_BASE)
                    : item(Instruction.SD, r.nextInt(32), r.nextInt(0, 2040), FAULT_BASE);
        }
        if (kind < 84 && remaining > 2) {
            int skip = r.nextInt(1, Math.min(4, remaining - 1));
            return new Item(0, 4, BRANCHES[r.nextInt(BRANCHES.length)], skip, r.nextInt(32), r.nextInt(32));
        }
        if (kind < 86 && remaining > 2) {
            int skip = r.nextInt(1, Math.min(3, remaining - 1));
            return new Item(0, 4, Instruction.JAL, skip, r.nextBoolean() ? 0 : writable(r), 0);
        }
        return randomCompressed(r);
    }

    private static Item randomCompressed(SplittableRandom r) {
        return switch (r.nextInt(12)) {
            case 0 -> item(Instruction.C_ADD, writable(r), 1 + r.nextInt(31));
            case 1 -> item(Instruction.C_MV, writable(r), 1 + r.nextInt(31));
            case 2 -> item(Instruction.C_ADDI, writable(r), r.nextInt(1, 32));
            case 3 -> item(Instruction.C_LI, writable(r), r.nextInt(-32, 32));
            case 4 -> item(Instruction.C_SLLI, writable(r), r.nextInt(1, 64));
            case 5 -> item(r.nextBoolean() ? Instruction.C_SRLI : Instruction.C_SRAI, compressedWritable(r),
                    r.nextInt(1, 64));
            case 6 -> item(Instruction.C_ANDI, compressedWritable(r), r.nextInt(-32, 32));
            case 7 -> {
                Instruction[] ops = { Instruction.C_SUB, Instruction.C_XOR, Instruction.C_OR, Instruction.C_AND,
                    Instruction.C_ADDW, Instruction.C_SUBW };
                yield item(ops[r.nextInt(ops.length)], compressedWritable(r), 8 + r.nextInt(8));
            }
            case 8 -> item(Instruction.C_LW, compressedWritable(r), 4L * r.nextInt(32), DATA_BASE);
            case 9 -> item(Instruction.C_LD, compressedWritable(r), 8L * r.nextInt(32), DATA_BASE);
            case 10 -> item(Instruction.C_SW, 8 + r.nextInt(8), 4L * r.nextInt(32), DATA_BASE);
            default -> item(Instruction.C_SD, 8 + r.nextInt(8), 8L * r.nextInt(32), DATA_BASE);
        };
    }
}
