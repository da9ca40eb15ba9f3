package dev.guestbench.vmm.cpu;

import dev.guestbench.vmm.memory.Mmu;

/**
 * LR, SC and the AMOs. Aligned accesses to RAM only (an atomic on a device or a misaligned address traps);
 * the read-modify-write is atomic because one hart runs at a time.
 */
final class AtomicExecutor {

    private static final int CAUSE_LOAD_MISALIGNED = 4;
    private static final int CAUSE_STORE_MISALIGNED = 6;

    private final Vcpu cpu;

    AtomicExecutor(Vcpu cpu) {
        this.cpu = cpu;
    }

    /** Executes an atomic; false if it trapped (the trap is delivered). */
    boolean execute(int w, int bits, int priv) {
        HartState s = cpu.state;
        int op = w & 0xff;
        int rd = (w >>> 8) & 31;
        int rs1 = (w >>> 13) & 31;
        int rs2 = (w >>> 18) & 31;
        long a = s.x[rs1];
        boolean word = op <= Op.AMOMAXU_W;
        int size = word ? 4 : 8;
        if ((a & (size - 1)) != 0) {
            // The spec's causes: LR raises a load misalignment, SC and AMOs a store/AMO one.
            int cause = op == Op.LR_W || op == Op.LR_D ? CAUSE_LOAD_MISALIGNED : CAUSE_STORE_MISALIGNED;
            cpu.exits().exception(cpu, cause, a, bits);
            return false;
        }
        if (op == Op.LR_W || op == Op.LR_D) {
            long v = cpu.load(a, size, bits);
            if (cpu.trapped) {
                return false;
            }
            v = word ? (int) v : v;
            s.reservation = a;
            s.reservationValue = v;
            s.x[rd] = v;
            return true;
        }
        if (op == Op.SC_W || op == Op.SC_D) {
            return storeConditional(s, a, size, rd, rs2, word, priv, bits);
        }
        byte[] frame = cpu.mmu.atomicFrame(a, size, priv);
        if (frame == null) {
            cpu.exits().exception(cpu, cpu.mmu.faultCause, cpu.mmu.faultAddress, bits);
            return false;
        }
        int offset = (int) a & 0xfff;
        long src = s.x[rs2];
        long old = word ? amoWord(op, frame, offset, (int) src) : amoDouble(op, frame, offset, src);
        cpu.mmu.afterAtomic();
        s.x[rd] = old;
        s.x[0] = 0;
        return true;
    }

    private boolean storeConditional(HartState s, long a, int size, int rd, int rs2, boolean word, int priv,
            int bits) {
        long reserved = s.reservation;
        s.reservation = -1;
        if (reserved != a) {
            // No reservation for this address: fail without touching memory (no fault either).
            s.x[rd] = 1;
            s.x[0] = 0;
            return true;
        }
        byte[] frame = cpu.mmu.atomicFrame(a, size, priv);
        if (frame == null) {
            cpu.exits().exception(cpu, cpu.mmu.faultCause, cpu.mmu.faultAddress, bits);
            return false;
        }
        int offset = (int) a & 0xfff;
        long current = word ? (int) Mmu.read(frame, offset, 4) : Mmu.read(frame, offset, 8);
        // As QEMU: the SC succeeds if memory still holds what the LR read.
        boolean ok = current == s.reservationValue;
        if (ok) {
            Mmu.write(frame, offset, size, s.x[rs2]);
        }
        cpu.mmu.afterAtomic();
        s.x[rd] = ok ? 0 : 1;
        s.x[0] = 0;
        return true;
    }

    // One hart runs at a time (the deterministic scheduler), so a plain read-modify-write is atomic. Heap
    // byte[] views offer no atomic access modes on current JDKs; harts on their own threads would need RAM
    // in long[] frames to use compare-and-set here.
    private static long amoWord(int op, byte[] frame, int offset, int src) {
        int old = (int) Mmu.read(frame, offset, 4);
        Mmu.write(frame, offset, 4, combineWord(op, old, src));
        return old;
    }

    private static int combineWord(int op, int old, int src) {
        return switch (op) {
            case Op.AMOSWAP_W -> src;
            case Op.AMOADD_W -> old + src;
            case Op.AMOXOR_W -> old ^ src;
            case Op.AMOAND_W -> old & src;
            case Op.AMOOR_W -> old | src;
            case Op.AMOMIN_W -> Math.min(old, src);
            case Op.AMOMAX_W -> Math.max(old, src);
            case Op.AMOMINU_W -> Integer.compareUnsigned(old, src) <= 0 ? old : src;
            default -> Integer.compareUnsigned(old, src) >= 0 ? old : src;
        };
    }

    private static long amoDouble(int op, byte[] frame, int offset, long src) {
        long old = Mmu.read(frame, offset, 8);
        Mmu.write(frame, offset, 8, combineDouble(op, old, src));
        return old;
    }

    private static long combineDouble(int op, long old, long src) {
        return switch (op) {
            case Op.AMOSWAP_D -> src;
            case Op.AMOADD_D -> old + src;
            case Op.AMOXOR_D -> old ^ src;
            case Op.AMOAND_D -> old & src;
            case Op.AMOOR_D -> old | src;
            case Op.AMOMIN_D -> Math.min(old, src);
            case Op.AMOMAX_D -> Math.max(old, src);
            case Op.AMOMINU_D -> Long.compareUnsigned(old, src) <= 0 ? old : src;
            default -> Long.compareUnsigned(old, src) >= 0 ? old : src;
        };
    }
}
