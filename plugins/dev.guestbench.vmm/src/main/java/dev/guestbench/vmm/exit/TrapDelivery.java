package dev.guestbench.vmm.exit;

import dev.guestbench.vmm.cpu.HartState;

/**
 * Takes a trap into the guest as a hart would: picks M or S mode by the delegation registers, saves the
 * pc, cause and trap value, updates the interrupt-enable stack and privilege, and jumps to the vector.
 */
public final class TrapDelivery {

    private static final long INTERRUPT = 1L << 63;
    /** Interrupts in the order the spec gives them priority: MEI, MSI, MTI, SEI, SSI, STI. */
    private static final int[] PRIORITY = { 11, 3, 7, 9, 1, 5 };

    private TrapDelivery() {
    }

    /** Delivers exception {@code cause} with trap value {@code tval} for the instruction at {@code s.pc}. */
    public static void exception(HartState s, int cause, long tval) {
        boolean toS = s.priv <= HartState.PRIV_S && ((s.medeleg >>> cause) & 1) != 0;
        enter(s, cause, tval, toS, false);
    }

    /**
     * The interrupt the hart takes now, as its mcause code, or -1: pending and enabled, not masked by the
     * global enables of the mode it would go to, highest priority first.
     */
    public static int pendingInterrupt(HartState s) {
        long pending = s.mip() & s.mie;
        if (pending == 0) {
            return -1;
        }
        long machine = pending & ~s.mideleg;
        boolean mEnabled = s.priv < HartState.PRIV_M || (s.mstatus & CsrFile.MIE) != 0;
        long supervisor = pending & s.mideleg;
        boolean sEnabled = s.priv < HartState.PRIV_S || (s.priv == HartState.PRIV_S && (s.mstatus & CsrFile.SIE) != 0);
        long takeable = (mEnabled ? machine : 0) | (sEnabled ? supervisor : 0);
        if (takeable == 0) {
            return -1;
        }
        // M-level interrupts come before S-level ones whatever their number.
        long first = (takeable & machine) != 0 ? takeable & machine : takeable;
        for (int code : PRIORITY) {
            if (((first >>> code) & 1) != 0) {
                return code;
            }
        }
        return -1;
    }

    /** Delivers interrupt {@code code} (from {@link #pendingInterrupt}); the saved pc is the current one. */
    public static void interrupt(HartState s, int code) {
        boolean toS = ((s.mideleg >>> code) & 1) != 0 && s.priv <= HartState.PRIV_S;
        enter(s, code, 0, toS, true);
    }

    private static void enter(HartState s, int code, long tval, boolean toS, boolean interrupt) {
        long cause = interrupt ? INTERRUPT | code : code;
        // A trap between LR and SC makes the SC fail, as QEMU does.
        s.reservation = -1;
        s.waitingForInterrupt = false;
        long status = s.mstatus;
        if (toS) {
            s.sepc = s.pc;
            s.scause = cause;
            s.stval = tval;
            status = (status & ~CsrFile.SPIE) | ((status & CsrFile.SIE) != 0 ? CsrFile.SPIE : 0);
            status = (status & ~CsrFile.SPP) | (s.priv == HartState.PRIV_S ? CsrFile.SPP : 0);
            status &= ~CsrFile.SIE;
            s.mstatus = status;
            s.priv = HartState.PRIV_S;
            s.pc = vector(s.stvec, code, interrupt);
        } else {
            s.mepc = s.pc;
            s.mcause = cause;
            s.mtval = tval;
            status = (status & ~CsrFile.MPIE) | ((status & CsrFile.MIE) != 0 ? CsrFile.MPIE : 0);
            status = (status & ~CsrFile.MPP) | ((long) s.priv << 11);
            status &= ~CsrFile.MIE;
            s.mstatus = status;
            s.priv = HartState.PRIV_M;
            s.pc = vector(s.mtvec, code, interrupt);
        }
    }

    private static long vector(long tvec, int code, boolean interrupt) {
        long base = tvec & ~3L;
        return interrupt && (tvec & 3) == 1 ? base + 4L * code : base;
    }

    /** MRET: back to MPP with MIE restored; leaving M clears MPRV. */
    public static void mret(HartState s) {
        long status = s.mstatus;
        int previous = (int) (status >>> 11) & 3;
        status = (status & ~CsrFile.MIE) | ((status & CsrFile.MPIE) != 0 ? CsrFile.MIE : 0);
        status |= CsrFile.MPIE;
        status &= ~CsrFile.MPP;
        if (previous != HartState.PRIV_M) {
            status &= ~CsrFile.MPRV;
        }
        s.mstatus = status;
        s.priv = previous;
        s.pc = s.mepc;
        s.reservation = -1;
    }

    /** SRET: back to SPP with SIE restored; it always leaves M-mode behind, so MPRV clears. */
    public static void sret(HartState s) {
        long status = s.mstatus;
        int previous = (status & CsrFile.SPP) != 0 ? HartState.PRIV_S : HartState.PRIV_U;
        status = (status & ~CsrFile.SIE) | ((status & CsrFile.SPIE) != 0 ? CsrFile.SIE : 0);
        status |= CsrFile.SPIE;
        status &= ~CsrFile.SPP;
        status &= ~CsrFile.MPRV;
        s.mstatus = status;
        s.priv = previous;
        s.pc = s.sepc;
        s.reservation = -1;
    }
}
