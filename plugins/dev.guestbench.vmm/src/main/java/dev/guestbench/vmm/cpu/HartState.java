package dev.guestbench.vmm.cpu;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The architectural state of one hart: registers, pc, privilege and the CSRs' storage. The interpreter
 * reads it on the fast path and the VMM's emulator (the exit package) changes it; the rules of each CSR
 * (WARL masks, views such as sstatus) live in the emulator, not here.
 */
public final class HartState {

    /** User mode. */
    public static final int PRIV_U = 0;
    /** Supervisor mode. */
    public static final int PRIV_S = 1;
    /** Machine mode. */
    public static final int PRIV_M = 3;

    /** Number of PMP entries this machine implements (as QEMU virt). */
    public static final int PMP_ENTRIES = 16;

    /** This hart's id (mhartid). */
    public final int hartId;
    /** Integer registers; x[0] is kept zero by the interpreter. */
    public final long[] x = new long[32];
    /** Floating-point registers, as raw bits (singles NaN-boxed). */
    public final long[] f = new long[32];
    /** The address of the next instruction. */
    public long pc;
    /** Current privilege: {@link #PRIV_U}, {@link #PRIV_S} or {@link #PRIV_M}. */
    public int priv = PRIV_M;

    public long mstatus;
    public long medeleg;
    public long mideleg;
    public long mie;
    /** mip bits written by software (SSIP, STIP, SEIP); the lines devices drive are in {@link #mipLines}. */
    public long mipSoftware;
    /** mip bits driven by devices and the hypervisor (MSIP, MTIP, MEIP, SEIP line, STIP/SSIP of the SBI). */
    public final AtomicLong mipLines = new AtomicLong();
    public long mtvec;
    public long mepc;
    public long mcause;
    public long mtval;
    public long mscratch;
    public long mcounteren;
    public long menvcfg;
    public long mcountinhibit;
    public long stvec;
    public long sepc;
    public long scause;
    public long stval;
    public long sscratch;
    public long scounteren;
    public long senvcfg;
    public long satp;
    /** Dynamic rounding mode (the frm CSR); the accrued flags live in the FloatUnit. */
    public int frm;
    /** Instructions retired since reset, before any write to minstret. */
    public long retired;
    /** minstret = retired + instretOffset (a write sets the offset). */
    public long instretOffset;
    /** mcycle = retired + cycleOffset: one instruction a cycle. */
    public long cycleOffset;
    /** mcycle's value while mcountinhibit.CY freezes it. */
    public long frozenCycles;
    /** minstret's value while mcountinhibit.IR freezes it. */
    public long frozenInstret;
    /** PMP configuration bytes, one per entry. */
    public final byte[] pmpcfg = new byte[PMP_ENTRIES];
    /** PMP address registers (bits 55..2 of the address). */
    public final long[] pmpaddr = new long[PMP_ENTRIES];

    /** Address of the LR reservation, or -1 when there is none. */
    public long reservation = -1;
    /** The value LR read; SC succeeds only if memory still holds it (as QEMU does). */
    public long reservationValue;
    /** Set by WFI until an interrupt is pending. */
    public boolean waitingForInterrupt;
    /** False while the hart is stopped (SBI HSM: harts other than the boot hart start stopped). */
    public boolean running = true;

    public HartState(int hartId) {
        this.hartId = hartId;
    }

    /** The mip CSR as the hart sees it: software-written bits and device lines together. */
    public long mip() {
        return mipSoftware | mipLines.get();
    }

    /** Sets or clears device-driven bit {@code bit} of mip. */
    public void setLine(int bit, boolean level) {
        long mask = 1L << bit;
        // A CAS loop rather than getAndUpdate: a capturing lambda would allocate on every call.
        long old;
        do {
            old = mipLines.get();
        } while (!mipLines.compareAndSet(old, level ? old | mask : old & ~mask));
    }
}
