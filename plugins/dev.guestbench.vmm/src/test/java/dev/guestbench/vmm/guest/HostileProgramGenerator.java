package dev.guestbench.vmm.guest;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;

/*
 * Writes hostile raw firmware images for the fuzz test: loaded at the start of RAM and entered in M-mode,
 * each sets mtvec to a small trap handler (skip the faulting instruction, silence interrupts), loads
 * device and RAM addresses into registers, then runs a random mix of 32- and 16-bit instruction words,
 * loads/stores/atomics aimed at MMIO and RAM, CSR accesses with random numbers, jumps and branches,
 * privileged and FP instructions. Whatever it does must end in a guest-visible way: the finisher, a trap
 * loop, or the instruction limit. The same seed gives the same image.
 */
/** Writes seeded random (hostile) raw firmware images for the fuzz test. */
public final class HostileProgramGenerator {

    static final long RAM = 0x8000_0000L;
    /**
     * Guest RAM for fuzz runs: small, so that each run is cheap, yet large enough that QEMU's placement of
     * the device tree (at the last 2 MiB boundary below the end of RAM) stays clear of the image.
     */
    static final long RAM_SIZE = 4L << 20;
    static final String RAM_ARG = "4M";

    private static final long[] DEVICES = {0x1000_0000L, 0x1000_0005L, 0x0200_0000L, 0x0200_4000L, 0x0200_bff8L,
            0x0c00_0000L, 0x0c00_1000L, 0x0c00_2000L, 0x0c20_0000L, 0x0c20_1000L, 0x1000_1000L, 0x1000_8000L, 0x0L,
            0x0100_0000L, 0x3000_0000L, 0x0000_1000L};
    /** CSRs worth hitting more often than a random 12-bit number would. */
    private static final int[] CSRS = {0x300, 0x301, 0x302, 0x303, 0x304, 0x305, 0x306, 0x30a, 0x320, 0x340, 0x341,
            0x342, 0x343, 0x344, 0x3a0, 0x3a2, 0x3b0, 0x3b1, 0x3bf, 0x100, 0x104, 0x105, 0x106, 0x10a, 0x140, 0x141, 0x142,
            0x143, 0x144, 0x180, 0x001, 0x002, 0x003, 0xc00, 0xc01, 0xc02, 0xc03, 0xb00, 0xb02, 0xb03, 0x323, 0xf11,
            0xf12, 0xf13, 0xf14, 0xf15, 0x7a0, 0x7b0, 0x14d, 0x600, 0x200};

    private final SplittableRandom rnd;
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();

    /** A generator for the program with this seed. */
    public HostileProgramGenerator(long seed) {
        rnd = new SplittableRandom(seed);
    }

    /** The raw image: load it at 0x80000000 and start there in M-mode. */
    public byte[] generate() {
        // 0: jump over the handler; 4: the handler (mtvec must be 4-aligned)
        w32(jal(0, 4 + HANDLER_BYTES));
        handler();
        // main: mtvec = handler
        w32(u(0x17, 31, 0)); // auipc t6, 0
        w32(i(0x13, 31, 0, 31, 4 - (code.size() - 4))); // addi t6, t6, handler - here
        w32(csr(1, 0x305, 31, 0)); // csrw mtvec, t6
        for (int r = 1; r <= 30; r++) {
            li(r, registerValue(r));
        }
        if (rnd.nextBoolean()) {
            li(5, 1L << 13);
            w32(csr(2, 0x300, 5, 0)); // FP on (Initial)
            li(5, DEVICES[0]);
        }
        if (rnd.nextInt(4) == 0) {
            li(6, rnd.nextLong() & 0xaaa);
            w32(csr(1, 0x304, 6, 0)); // some interrupt enables
            w32(csr(6, 0x300, 8, 0)); // csrsi mstatus, MIE
            li(6, DEVICES[2]);
        }
        int items = 60 + rnd.nextInt(120);
        for (int k = 0; k < items; k++) {
            item();
        }
        // the end of the road: pass through the finisher, then spin
        li(5, 0x10_0000L);
        li(6, 0x5555L);
        w32(s(0x23, 2, 5, 6, 0));
        w32(jal(0, 0));
        return code.toByteArray();
    }

    private static final int HANDLER_BYTES = 8 * 4;

    private void handler() {
        int start = code.size();
        w32(csr(2, 0x342, 0, 31)); // csrr t6, mcause
        w32(b(4, 31, 0, 20)); // blt t6, x0, +20 (interrupt)
        w32(csr(2, 0x341, 0, 31)); // csrr t6, mepc
        w32(i(0x13, 31, 0, 31, 4)); // addi t6, t6, 4: skip the instruction, whatever its length
        w32(csr(1, 0x341, 31, 0)); // csrw mepc, t6
        w32(0x30200073); // mret
        w32(csr(1, 0x304, 0, 0)); // interrupt: csrw mie, x0 (silence them all)
        w32(0x30200073); // mret
        if (code.size() - start != HANDLER_BYTES) {
            throw new IllegalStateException("handler size");
        }
    }

    private long registerValue(int r) {
        int kind = rnd.nextInt(10);
        if (kind < 4) {
            return DEVICES[rnd.nextInt(DEVICES.length)];
        } else if (kind < 7) {
            long off = rnd.nextLong(RAM_SIZE + 0x1000) & ~7L; // sometimes just past the end of RAM
            return RAM + off;
        } else if (kind < 8) {
            return rnd.nextInt(64) - 32;
        } else if (kind < 9 && r == 15) {
            return 0x10_0000L; // the finisher, now and then
        }
        return rnd.nextLong();
    }

    private void item() {
        int k = rnd.nextInt(100);
        if (k < 22) {
            int w = rnd.nextInt() | 3; // a 32-bit encoding
            if ((w & 0x1f) == 0x1f && rnd.nextInt(8) != 0) {
                w &= ~0x10; // mostly not the prefixes of 48- and 64-bit encodings
            }
            w32(w);
        } else if (k < 32) {
            int h = rnd.nextInt(0x10000);
            if ((h & 3) == 3) {
                h ^= 1 + rnd.nextInt(2);
            }
            w16(h);
        } else if (k < 52) {
            memory();
        } else if (k < 64) {
            int op = 1 + rnd.nextInt(7);
            if (op == 4) {
                op = 1;
            }
            int number = rnd.nextInt(3) == 0 ? rnd.nextInt(4096) : CSRS[rnd.nextInt(CSRS.length)];
            w32(csr(op, number, rnd.nextInt(32), reg()));
        } else if (k < 72) {
            jump();
        } else if (k < 77) {
            int[] sys = {0x00000073, 0x00100073, 0x10500073, 0x30200073, 0x10200073, 0x0ff0000f, 0x0000100f,
                    0x12000073, 0x00200073, 0x7b200073};
            w32(sys[rnd.nextInt(sys.length)]);
        } else if (k < 93) {
            alu();
        } else {
            // an FP operation with a random rounding mode (5..7 are invalid or dynamic)
            int funct7 = new int[] {0x00, 0x01, 0x04, 0x05, 0x08, 0x09, 0x0c, 0x0d, 0x2c, 0x2d, 0x60, 0x61, 0x68, 0x69,
                    0x70, 0x71, 0x78, 0x79, 0x20, 0x21, 0x50, 0x51, 0x10, 0x11, 0x14, 0x15}[rnd.nextInt(26)];
            w32((funct7 << 25) | (rnd.nextInt(32) << 20) | (rnd.nextInt(32) << 15) | (rnd.nextInt(8) << 12)
                    | (rnd.nextInt(32) << 7) | 0x53);
        }
    }

    private void memory() {
        int base = 1 + rnd.nextInt(30);
        int off = rnd.nextInt(8) == 0 ? rnd.nextInt(4096) - 2048 : rnd.nextInt(80) - 16;
        int kind = rnd.nextInt(10);
        if (kind < 4) {
            int[] f3 = {0, 1, 2, 3, 4, 5, 6};
            w32(i(0x03, reg(), f3[rnd.nextInt(f3.length)], base, off));
        } else if (kind < 7) {
            w32(s(0x23, rnd.nextInt(4), base, rnd.nextInt(32), off));
        } else if (kind < 8) {
            w32(rnd.nextBoolean() ? i(0x07, rnd.nextInt(32), 2 + rnd.nextInt(2), base, off)
                    : s(0x27, 2 + rnd.nextInt(2), base, rnd.nextInt(32), off));
        } else {
            // LR/SC/AMO: funct5 from the defined ones, random aq/rl, .w or .d
            int[] funct5 = {0x00, 0x01, 0x02, 0x03, 0x04, 0x08, 0x0c, 0x10, 0x14, 0x18, 0x1c};
            int f5 = funct5[rnd.nextInt(funct5.length)];
            int rs2 = f5 == 0x02 ? 0 : rnd.nextInt(32);
            w32((f5 << 27) | (rnd.nextInt(4) << 25) | (rs2 << 20) | (base << 15) | ((2 + rnd.nextInt(2)) << 12)
                    | (reg() << 7) | 0x2f);
        }
    }

    private void jump() {
        int kind = rnd.nextInt(3);
        int off = (rnd.nextInt(512) - 256) & ~1;
        if (kind == 0) {
            w32(jal(rnd.nextBoolean() ? 0 : reg(), off));
        } else if (kind == 1) {
            int[] f3 = {0, 1, 4, 5, 6, 7};
            w32(b(f3[rnd.nextInt(f3.length)], rnd.nextInt(32), rnd.nextInt(32), off));
        } else {
            w32(i(0x67, reg(), 0, 1 + rnd.nextInt(30), rnd.nextInt(64) - 32));
        }
    }

    private void alu() {
        if (rnd.nextBoolean()) {
            int[] f3 = {0, 2, 3, 4, 6, 7};
            w32(i(rnd.nextBoolean() ? 0x13 : 0x1b, reg(), rnd.nextBoolean() ? 0 : f3[rnd.nextInt(f3.length)],
                    rnd.nextInt(32), rnd.nextInt(4096) - 2048));
        } else {
            int funct7 = rnd.nextInt(3) == 0 ? 1 : (rnd.nextBoolean() ? 0 : 0x20);
            w32((funct7 << 25) | (rnd.nextInt(32) << 20) | (rnd.nextInt(32) << 15) | (rnd.nextInt(8) << 12)
                    | (reg() << 7) | (rnd.nextBoolean() ? 0x33 : 0x3b));
        }
    }

    /** A destination register, sparing t6 (the handler's) most of the time. */
    private int reg() {
        return rnd.nextInt(31);
    }

    /** Loads a 64-bit constant the way the assembler's li does: lui/addiw, then shift and add. */
    private void li(int rd, long v) {
        if (v == (int) v) {
            long lo = (v << 52) >> 52;
            long hi = ((v - lo) >> 12) & 0xfffff;
            if (hi != 0) {
                w32(u(0x37, rd, (int) hi));
                w32(i(0x1b, rd, 0, rd, (int) lo)); // addiw
            } else {
                w32(i(0x13, rd, 0, 0, (int) lo));
            }
            return;
        }
        long lo = (v << 52) >> 52;
        li(rd, (v - lo) >> 12);
        w32(i(0x13, rd, 1, rd, 12)); // slli rd, rd, 12
        if (lo != 0) {
            w32(i(0x13, rd, 0, rd, (int) lo));
        }
    }

    private static int i(int opcode, int rd, int funct3, int rs1, int imm) {
        return ((imm & 0xfff) << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode;
    }

    private static int s(int opcode, int funct3, int rs1, int rs2, int imm) {
        return (((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | ((imm & 0x1f) << 7) | opcode;
    }

    private static int b(int funct3, int rs1, int rs2, int imm) {
        return (((imm >> 12) & 1) << 31) | (((imm >> 5) & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12)
                | (((imm >> 1) & 0xf) << 8) | (((imm >> 11) & 1) << 7) | 0x63;
    }

    private static int u(int opcode, int rd, int imm20) {
        return (imm20 << 12) | (rd << 7) | opcode;
    }

    private static int jal(int rd, int imm) {
        return (((imm >> 20) & 1) << 31) | (((imm >> 1) & 0x3ff) << 21) | (((imm >> 11) & 1) << 20)
                | (((imm >> 12) & 0xff) << 12) | (rd << 7) | 0x6f;
    }

    /** funct3 1..3 = csrrw/s/c with rs1, 5..7 = the immediate forms with zimm = src. */
    private static int csr(int funct3, int number, int src, int rd) {
        return ((number & 0xfff) << 20) | ((src & 0x1f) << 15) | (funct3 << 12) | (rd << 7) | 0x73;
    }

    private void w16(int h) {
        code.write(h & 0xff);
        code.write((h >> 8) & 0xff);
    }

    private void w32(int w) {
        w16(w);
        w16(w >>> 16);
    }
}
