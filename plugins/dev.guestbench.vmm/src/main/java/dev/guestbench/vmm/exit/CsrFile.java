package dev.guestbench.vmm.exit;

import dev.guestbench.isa.Csr;
import dev.guestbench.isa.Csrs;
import dev.guestbench.vmm.cpu.HartState;
import dev.guestbench.vmm.cpu.Vcpu;
import dev.guestbench.vmm.device.VirtualClock;
import dev.guestbench.vmm.memory.Satp;

/**
 * The CSRs of an RV64GC hart with M, S and U modes as the privileged spec 1.12 defines them: who may access
 * which, and the WARL rules of each write. CSR numbers come from the ISA table; this class says what each
 * one does.
 */
public final class CsrFile {

    /** Result of {@link #read}/{@link #write} when the access is not allowed: raise illegal instruction. */
    public static final long ILLEGAL = Long.MIN_VALUE + 0x1ea1;

    // mstatus fields.
    static final long SIE = 1L << 1;
    static final long MIE = 1L << 3;
    static final long SPIE = 1L << 5;
    static final long MPIE = 1L << 7;
    static final long SPP = 1L << 8;
    static final long MPP = 3L << 11;
    static final long VS = 3L << 9;
    static final long FS = 3L << 13;
    static final long XS = 3L << 15;
    static final long MPRV = 1L << 17;
    static final long SUM = 1L << 18;
    static final long MXR = 1L << 19;
    static final long TVM = 1L << 20;
    static final long TW = 1L << 21;
    static final long TSR = 1L << 22;
    static final long UXL = 3L << 32;
    static final long SXL = 3L << 34;
    static final long SD = 1L << 63;
    /** UXL = SXL = 2: 64-bit U and S modes, read-only. */
    static final long XLEN_FIELDS = (2L << 32) | (2L << 34);

    // VS is writable although there is no V extension: the spec allows it when S-mode exists, and QEMU does.
    private static final long MSTATUS_WRITABLE = SIE | MIE | SPIE | MPIE | SPP | VS | MPP | FS | MPRV | SUM | MXR | TVM
            | TW | TSR;
    private static final long SSTATUS_VISIBLE = SIE | SPIE | SPP | VS | FS | XS | SUM | MXR | UXL | SD;
    private static final long SSTATUS_WRITABLE = SIE | SPIE | SPP | VS | FS | SUM | MXR;

    /** RV64 with A, C, D, F, I, M, S, U. */
    static final long MISA = (2L << 62) | bit('A') | bit('C') | bit('D') | bit('F') | bit('I') | bit('M') | bit('S')
            | bit('U');

    /** Exceptions S-mode may take: all of 0..9, 12, 13, 15 but ecall from M (11) and the reserved 10. */
    static final long DELEGABLE_EXCEPTIONS = 0b1011_0011_1111_1111L;
    /** Interrupts S-mode may take: SSIP, STIP, SEIP. */
    static final long DELEGABLE_INTERRUPTS = 0x222;
    /** All interrupts this hart has: SSI, MSI, STI, MTI, SEI, MEI. */
    static final long INTERRUPTS = 0xaaa;
    /** mip bits software may write from M-mode. */
    private static final long MIP_WRITABLE = 0x222;
    private static final long ENVCFG_FIOM = 1;

    // Handlers, found by CSR number through the ISA table's names.
    private static final int NONE = 0;
    private static final int FFLAGS = 1;
    private static final int FRM = 2;
    private static final int FCSR = 3;
    private static final int CYCLE = 4;
    private static final int TIME = 5;
    private static final int INSTRET = 6;
    private static final int HPMCOUNTER = 7;
    private static final int SSTATUS = 8;
    private static final int SIE_CSR = 9;
    private static final int STVEC = 10;
    private static final int SCOUNTEREN = 11;
    private static final int SENVCFG = 12;
    private static final int SSCRATCH = 13;
    private static final int SEPC = 14;
    private static final int SCAUSE = 15;
    private static final int STVAL = 16;
    private static final int SIP = 17;
    private static final int SATP = 18;
    private static final int MVENDORID = 19;
    private static final int MARCHID = 20;
    private static final int MIMPID = 21;
    private static final int MHARTID = 22;
    private static final int MCONFIGPTR = 23;
    private static final int MSTATUS = 24;
    private static final int MISA_CSR = 25;
    private static final int MEDELEG = 26;
    private static final int MIDELEG = 27;
    private static final int MIE_CSR = 28;
    private static final int MTVEC = 29;
    private static final int MCOUNTEREN = 30;
    private static final int MENVCFG = 31;
    private static final int MCOUNTINHIBIT = 32;
    private static final int MHPMEVENT = 33;
    private static final int MSCRATCH = 34;
    private static final int MEPC = 35;
    private static final int MCAUSE = 36;
    private static final int MTVAL = 37;
    private static final int MIP = 38;
    private static final int PMPCFG = 39;
    private static final int PMPADDR = 40;
    private static final int MCYCLE = 41;
    private static final int MINSTRET = 42;
    private static final int MHPMCOUNTER = 43;

    private static final int[] HANDLER = new int[4096];

    static {
        bind(FFLAGS, "fflags");
        bind(FRM, "frm");
        bind(FCSR, "fcsr");
        bind(CYCLE, "cycle");
        bind(TIME, "time");
        bind(INSTRET, "instret");
        bindRange(HPMCOUNTER, "hpmcounter", 3, 31);
        bind(SSTATUS, "sstatus");
        bind(SIE_CSR, "sie");
        bind(STVEC, "stvec");
        bind(SCOUNTEREN, "scounteren");
        bind(SENVCFG, "senvcfg");
        bind(SSCRATCH, "sscratch");
        bind(SEPC, "sepc");
        bind(SCAUSE, "scause");
        bind(STVAL, "stval");
        bind(SIP, "sip");
        bind(SATP, "satp");
        bind(MVENDORID, "mvendorid");
        bind(MARCHID, "marchid");
        bind(MIMPID, "mimpid");
        bind(MHARTID, "mhartid");
        bind(MCONFIGPTR, "mconfigptr");
        bind(MSTATUS, "mstatus");
        bind(MISA_CSR, "misa");
        bind(MEDELEG, "medeleg");
        bind(MIDELEG, "mideleg");
        bind(MIE_CSR, "mie");
        bind(MTVEC, "mtvec");
        bind(MCOUNTEREN, "mcounteren");
        bind(MENVCFG, "menvcfg");
        bind(MCOUNTINHIBIT, "mcountinhibit");
        bindRange(MHPMEVENT, "mhpmevent", 3, 31);
        bind(MSCRATCH, "mscratch");
        bind(MEPC, "mepc");
        bind(MCAUSE, "mcause");
        bind(MTVAL, "mtval");
        bind(MIP, "mip");
        for (int i = 0; i <= 14; i += 2) {
            bind(PMPCFG, "pmpcfg" + i);
        }
        bindRange(PMPADDR, "pmpaddr", 0, 63);
        bind(MCYCLE, "mcycle");
        bind(MINSTRET, "minstret");
        bindRange(MHPMCOUNTER, "mhpmcounter", 3, 31);
    }

    private static final int CSR_PMPCFG0 = number("pmpcfg0");
    private static final int CSR_PMPADDR0 = number("pmpaddr0");
    private static final int CSR_CYCLE = number("cycle");

    private final VirtualClock clock;

    public CsrFile(VirtualClock clock) {
        this.clock = clock;
    }

    private static long bit(char extension) {
        return 1L << (extension - 'A');
    }

    private static int number(String name) {
        Csr csr = Csrs.byName(name);
        if (csr == null) {
            throw new IllegalStateException("the ISA table has no CSR " + name);
        }
        return csr.number();
    }

    private static void bind(int handler, String name) {
        HANDLER[number(name)] = handler;
    }

    private static void bindRange(int handler, String prefix, int from, int to) {
        for (int i = from; i <= to; i++) {
            bind(handler, prefix + i);
        }
    }

    /** Whether {@code csr} exists on this machine. */
    public static boolean exists(int csr) {
        return csr >= 0 && csr < 4096 && HANDLER[csr] != NONE;
    }

    /** Whether the hart may access {@code csr} now (existence, privilege, read-only, FS, counteren, TVM). */
    boolean accessible(HartState s, int csr, boolean write) {
        int handler = HANDLER[csr];
        if (handler == NONE) {
            return false;
        }
        int required = (csr >>> 8) & 3;
        if (s.priv < required) {
            return false;
        }
        if (write && (csr >>> 10) == 3) {
            return false;
        }
        switch (handler) {
            case FFLAGS, FRM, FCSR -> {
                return (s.mstatus & FS) != 0;
            }
            case CYCLE, TIME, INSTRET, HPMCOUNTER -> {
                long bit = 1L << (csr - CSR_CYCLE);
                if (s.priv < HartState.PRIV_M && (s.mcounteren & bit) == 0) {
                    return false;
                }
                return s.priv != HartState.PRIV_U || (s.scounteren & bit) != 0;
            }
            case SATP -> {
                return !(s.priv == HartState.PRIV_S && (s.mstatus & TVM) != 0);
            }
            default -> {
                return true;
            }
        }
    }

    /** Reads a CSR the hart may access. */
    long read(Vcpu cpu, int csr) {
        HartState s = cpu.state;
        return switch (HANDLER[csr]) {
            case FFLAGS -> cpu.fpu.flags & 0x1f;
            case FRM -> s.frm;
            case FCSR -> (s.frm << 5) | (cpu.fpu.flags & 0x1f);
            case CYCLE, MCYCLE -> cycles(s);
            case TIME -> clock.mtime();
            case INSTRET, MINSTRET -> instret(s);
            case HPMCOUNTER, MHPMCOUNTER, MHPMEVENT, MVENDORID, MARCHID, MIMPID, MCONFIGPTR -> 0;
            case SSTATUS -> mstatus(s) & SSTATUS_VISIBLE;
            case SIE_CSR -> s.mie & s.mideleg;
            case STVEC -> s.stvec;
            case SCOUNTEREN -> s.scounteren;
            case SENVCFG -> s.senvcfg;
            case SSCRATCH -> s.sscratch;
            case SEPC -> s.sepc;
            case SCAUSE -> s.scause;
            case STVAL -> s.stval;
            case SIP -> s.mip() & s.mideleg;
            case SATP -> s.satp;
            case MHARTID -> s.hartId;
            case MSTATUS -> mstatus(s);
            case MISA_CSR -> MISA;
            case MEDELEG -> s.medeleg;
            case MIDELEG -> s.mideleg;
            case MIE_CSR -> s.mie;
            case MTVEC -> s.mtvec;
            case MCOUNTEREN -> s.mcounteren;
            case MENVCFG -> s.menvcfg;
            case MCOUNTINHIBIT -> s.mcountinhibit;
            case MSCRATCH -> s.mscratch;
            case MEPC -> s.mepc;
            case MCAUSE -> s.mcause;
            case MTVAL -> s.mtval;
            case MIP -> s.mip();
            case PMPCFG -> pmpcfg(s, csr);
            case PMPADDR -> pmpaddr(s, csr);
            default -> 0;
        };
    }

    /** A debugger's read of any CSR this machine has, whatever the hart's privilege; 0 for one it lacks. */
    public long peek(Vcpu cpu, int csr) {
        return exists(csr) ? read(cpu, csr) : 0;
    }

    /**
     * A debugger's write of a CSR, with its WARL rules, whatever the hart's privilege. Throws
     * IllegalArgumentException for a CSR this machine lacks or a read-only one.
     */
    public void poke(Vcpu cpu, int csr, long value) {
        if (!exists(csr) || (csr >>> 10) == 3) {
            throw new IllegalArgumentException(String.format("CSR 0x%03x cannot be written", csr));
        }
        if ((write(cpu, csr, value) & FLUSH_TLB) != 0) {
            cpu.mmu.flushAll();
            cpu.flushFetch();
        }
    }

    /** {@link #write} result: the write can change how memory is translated or checked; flush the TLBs. */
    static final int FLUSH_TLB = 1;
    /** {@link #write} result: the write can make an interrupt takeable; check for one. */
    static final int CHECK_INTERRUPTS = 2;
    /** {@link #write} result: PMP changed; every translation and walk checked under the old rules goes. */
    static final int FLUSH_PMP = 4;

    /**
     * Writes a CSR the hart may write, applying its WARL rules. Returns what the caller must do after it:
     * {@link #FLUSH_TLB}, {@link #CHECK_INTERRUPTS}, both or neither.
     */
    int write(Vcpu cpu, int csr, long value) {
        int handler = HANDLER[csr];
        boolean flush = writeValue(cpu, handler, csr, value);
        if (flush && (handler == PMPCFG || handler == PMPADDR)) {
            return FLUSH_PMP | FLUSH_TLB;
        }
        boolean interrupts = switch (handler) {
            case SSTATUS, SIE_CSR, SIP, MSTATUS, MIDELEG, MIE_CSR, MIP -> true;
            default -> false;
        };
        return (flush ? FLUSH_TLB : 0) | (interrupts ? CHECK_INTERRUPTS : 0);
    }

    private boolean writeValue(Vcpu cpu, int handler, int csr, long value) {
        HartState s = cpu.state;
        switch (handler) {
            case FFLAGS -> {
                cpu.fpu.flags = (int) value & 0x1f;
                dirtyFp(s);
            }
            case FRM -> {
                s.frm = (int) value & 7;
                dirtyFp(s);
            }
            case FCSR -> {
                cpu.fpu.flags = (int) value & 0x1f;
                s.frm = (int) (value >>> 5) & 7;
                dirtyFp(s);
            }
            case SSTATUS -> {
                long old = s.mstatus;
                s.mstatus = (s.mstatus & ~SSTATUS_WRITABLE) | (value & SSTATUS_WRITABLE);
                return ((old ^ s.mstatus) & (SUM | MXR)) != 0;
            }
            case SIE_CSR -> s.mie = (s.mie & ~s.mideleg) | (value & s.mideleg & INTERRUPTS);
            case STVEC -> s.stvec = trapVector(s.stvec, value);
            case SCOUNTEREN -> s.scounteren = value & 0xffff_ffffL;
            case SENVCFG -> s.senvcfg = value & ENVCFG_FIOM;
            case SSCRATCH -> s.sscratch = value;
            case SEPC -> s.sepc = value & ~1L;
            case SCAUSE -> s.scause = value;
            case STVAL -> s.stval = value;
            case SIP -> s.mipSoftware = (s.mipSoftware & ~(s.mideleg & 2)) | (value & s.mideleg & 2);
            case SATP -> {
                // Bare, Sv39 and Sv48 with a 16-bit ASID; a write selecting any other mode (Sv57, Sv64,
                // reserved) has no effect at all, which is how Linux finds the widest mode it may use.
                if (!Satp.supported(Satp.mode(value))) {
                    return false;
                }
                long old = s.satp;
                s.satp = value;
                return old != value;
            }
            case MSTATUS -> {
                long old = s.mstatus;
                long next = (old & ~MSTATUS_WRITABLE) | (value & MSTATUS_WRITABLE);
                if ((next & MPP) == (2L << 11)) {
                    // MPP is WARL over U, S, M: the reserved value 2 reads as U, as Spike legalizes it.
                    next &= ~MPP;
                }
                s.mstatus = next;
                return ((old ^ next) & (MPRV | MPP | SUM | MXR)) != 0;
            }
            case MEDELEG -> s.medeleg = value & DELEGABLE_EXCEPTIONS;
            case MIDELEG -> s.mideleg = value & DELEGABLE_INTERRUPTS;
            case MIE_CSR -> s.mie = value & INTERRUPTS;
            case MTVEC -> s.mtvec = trapVector(s.mtvec, value);
            case MCOUNTEREN -> s.mcounteren = value & 0xffff_ffffL;
            case MENVCFG -> s.menvcfg = value & ENVCFG_FIOM;
            case MCOUNTINHIBIT -> {
                // Freeze or thaw: an inhibited counter keeps its value, a thawed one counts on from it.
                long cycles = cycles(s);
                long instret = instret(s);
                s.mcountinhibit = value & (INHIBIT_CY | INHIBIT_IR);
                s.cycleOffset = cycles - s.retired - 1;
                s.instretOffset = instret - s.retired - 1;
                s.frozenCycles = cycles;
                s.frozenInstret = instret;
            }
            case MSCRATCH -> s.mscratch = value;
            case MEPC -> s.mepc = value & ~1L;
            case MCAUSE -> s.mcause = value;
            case MTVAL -> s.mtval = value;
            case MIP -> s.mipSoftware = (s.mipSoftware & ~MIP_WRITABLE) | (value & MIP_WRITABLE);
            case PMPCFG -> {
                writePmpcfg(s, csr, value);
                return true;
            }
            case PMPADDR -> {
                int i = csr - CSR_PMPADDR0;
                if (i < HartState.PMP_ENTRIES && !addressLocked(s, i)) {
                    // PMP covers a 56-bit physical address: pmpaddr holds bits 55..2.
                    s.pmpaddr[i] = value & ((1L << 54) - 1);
                    return true;
                }
            }
            // The instruction that writes a counter also retires, so the value read next is one higher.
            case MCYCLE -> {
                s.cycleOffset = value - s.retired - 1;
                s.frozenCycles = value;
            }
            case MINSTRET -> {
                s.instretOffset = value - s.retired - 1;
                s.frozenInstret = value;
            }
            default -> {
                // Read-zero CSRs (hpm events and counters, ids) ignore writes.
            }
        }
        return false;
    }

    /** mstatus with its read-only fields filled in: UXL/SXL = 64-bit and SD summarising FS and VS. */
    static long mstatus(HartState s) {
        long v = (s.mstatus & ~(UXL | SXL | SD | XS)) | XLEN_FIELDS;
        return (v & FS) == FS || (v & VS) == VS ? v | SD : v;
    }

    private static final long INHIBIT_CY = 1;
    private static final long INHIBIT_IR = 4;

    /** mcycle: one cycle per retired instruction, frozen while mcountinhibit.CY is set. */
    private static long cycles(HartState s) {
        return (s.mcountinhibit & INHIBIT_CY) != 0 ? s.frozenCycles : s.retired + s.cycleOffset;
    }

    /** minstret, frozen while mcountinhibit.IR is set. */
    private static long instret(HartState s) {
        return (s.mcountinhibit & INHIBIT_IR) != 0 ? s.frozenInstret : s.retired + s.instretOffset;
    }

    private static void dirtyFp(HartState s) {
        s.mstatus |= FS;
    }

    /** mtvec/stvec WARL: direct (0) or vectored (1) with a 4-byte aligned base; other modes are ignored. */
    private static long trapVector(long old, long value) {
        return (value & 3) >= 2 ? old : value & ~2L;
    }

    private long pmpcfg(HartState s, int csr) {
        int first = (csr - CSR_PMPCFG0) * 4;
        long v = 0;
        for (int k = 0; k < 8; k++) {
            int i = first + k;
            if (i < HartState.PMP_ENTRIES) {
                v |= (s.pmpcfg[i] & 0xffL) << (8 * k);
            }
        }
        return v;
    }

    private static void writePmpcfg(HartState s, int csr, long value) {
        int first = (csr - CSR_PMPCFG0) * 4;
        for (int k = 0; k < 8; k++) {
            int i = first + k;
            if (i >= HartState.PMP_ENTRIES || (s.pmpcfg[i] & 0x80) != 0) {
                continue;
            }
            int b = (int) (value >>> (8 * k)) & 0xff;
            // W without R is reserved: such a write keeps the entry as it was (WARL).
            if ((b & 3) == 2) {
                continue;
            }
            // Bits 6..5 are reserved zeros.
            s.pmpcfg[i] = (byte) (b & 0x9f);
        }
    }

    private long pmpaddr(HartState s, int csr) {
        int i = csr - CSR_PMPADDR0;
        return i < HartState.PMP_ENTRIES ? s.pmpaddr[i] : 0;
    }

    private static boolean addressLocked(HartState s, int i) {
        if ((s.pmpcfg[i] & 0x80) != 0) {
            return true;
        }
        // The top of a locked TOR range is locked too.
        return i + 1 < HartState.PMP_ENTRIES && (s.pmpcfg[i + 1] & 0x80) != 0 && ((s.pmpcfg[i + 1] >>> 3) & 3) == 1;
    }
}
