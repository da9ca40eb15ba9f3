package dev.guestbench.vmm.exit;

import dev.guestbench.vmm.cpu.ExitPort;
import dev.guestbench.vmm.cpu.HartState;
import dev.guestbench.vmm.cpu.Op;
import dev.guestbench.vmm.cpu.Vcpu;
import dev.guestbench.vmm.device.VirtualClock;
import dev.guestbench.vmm.memory.PagingExit;

/**
 * The VMM's handling of every exit: it emulates privileged instructions and CSR accesses against the
 * vCPU's virtual state, forwards device accesses to the bus, answers hypercalls, reflects exceptions and
 * injects interrupts into the guest, and records each of these in the trap history.
 */
public final class VmExits implements ExitPort {

    private static final int CAUSE_ILLEGAL = 2;
    private static final int CAUSE_BREAKPOINT = 3;
    private static final int CAUSE_LOAD_ACCESS = 5;
    private static final int CAUSE_STORE_ACCESS = 7;
    private static final int CAUSE_ECALL_U = 8;
    private static final long NO_CAUSE = TrapRecord.NO_CAUSE;
    /** Exits per timed exit (a power of two). */
    private static final long TIMING_INTERVAL = 16;
    private static final long UNTIMED = Long.MIN_VALUE;

    private final CsrFile csrs;
    private final PhysicalBus bus;
    private final TrapHistory history;
    private final VirtualClock clock;
    private final Hypercalls hypercalls;

    /**
     * @param hypercalls the SBI of direct boot, or null in firmware boot (an ECALL from S-mode is then an
     *        exception for the guest's M-mode firmware)
     */
    public VmExits(CsrFile csrs, PhysicalBus bus, TrapHistory history, VirtualClock clock, Hypercalls hypercalls) {
        this.csrs = csrs;
        this.bus = bus;
        this.history = history;
        this.clock = clock;
        this.hypercalls = hypercalls;
    }

    /** The trap history every exit is recorded in. */
    public TrapHistory history() {
        return history;
    }

    @Override
    public boolean csr(Vcpu cpu, int op, int rd, int src, int csr, int bits) {
        long start = clockStart();
        HartState s = cpu.state;
        long pc = s.pc;
        int priv = s.priv;
        boolean immediate = op == Op.CSRRWI || op == Op.CSRRSI || op == Op.CSRRCI;
        boolean swap = op == Op.CSRRW || op == Op.CSRRWI;
        boolean writes = swap || src != 0;
        if (!csrs.accessible(s, csr, writes)) {
            reflect(cpu, CAUSE_ILLEGAL, bits & 0xffff_ffffL);
            record(s, ExitReason.CSR, CAUSE_ILLEGAL, priv, pc, bits, bits & 0xffff_ffffL, Disposition.REFLECTED, csr,
                    start);
            return false;
        }
        long operand = immediate ? src : s.x[src];
        long old = swap && rd == 0 ? 0 : csrs.read(cpu, csr);
        int effects = 0;
        if (writes) {
            long value = switch (op) {
                case Op.CSRRW, Op.CSRRWI -> operand;
                case Op.CSRRS, Op.CSRRSI -> old | operand;
                default -> old & ~operand;
            };
            effects = csrs.write(cpu, csr, value);
            if ((effects & CsrFile.FLUSH_PMP) != 0) {
                cpu.mmu.pmpChanged();
            } else if ((effects & CsrFile.FLUSH_TLB) != 0) {
                cpu.mmu.flushMicro();
            }
        }
        if (rd != 0) {
            s.x[rd] = old;
        }
        s.pc = pc + 4;
        record(s, ExitReason.CSR, NO_CAUSE, priv, pc, bits, 0, Disposition.EMULATED, csr, start);
        return effects == 0;
    }

    @Override
    public void ecall(Vcpu cpu, int bits) {
        long start = clockStart();
        HartState s = cpu.state;
        long pc = s.pc;
        int priv = s.priv;
        int cause = CAUSE_ECALL_U + (priv == HartState.PRIV_M ? 3 : priv);
        if (hypercalls != null && priv == HartState.PRIV_S) {
            long detail = hypercalls.call(cpu);
            if (s.pc == pc) {
                s.pc = pc + 4;
            }
            record(s, ExitReason.ECALL, cause, priv, pc, bits, 0, Disposition.HYPERCALL, detail, start);
            return;
        }
        reflect(cpu, cause, 0);
        record(s, ExitReason.ECALL, cause, priv, pc, bits, 0, Disposition.REFLECTED, s.x[17], start);
    }

    @Override
    public void ebreak(Vcpu cpu, int bits) {
        long start = clockStart();
        HartState s = cpu.state;
        long pc = s.pc;
        int priv = s.priv;
        // mtval of a breakpoint is 0, as QEMU virt gives it (the spec allows 0 or the pc).
        reflect(cpu, CAUSE_BREAKPOINT, 0);
        record(s, ExitReason.EBREAK, CAUSE_BREAKPOINT, priv, pc, bits, 0, Disposition.REFLECTED, 0, start);
    }

    @Override
    public void xret(Vcpu cpu, int op, int bits) {
        long start = clockStart();
        HartState s = cpu.state;
        long pc = s.pc;
        int priv = s.priv;
        boolean allowed = op == Op.MRET ? priv == HartState.PRIV_M
                : priv == HartState.PRIV_M || (priv == HartState.PRIV_S && (s.mstatus & CsrFile.TSR) == 0);
        if (!allowed) {
            illegalAt(cpu, ExitReason.XRET, bits, start);
            return;
        }
        if (op == Op.MRET) {
            TrapDelivery.mret(s);
        } else {
            TrapDelivery.sret(s);
        }
        record(s, ExitReason.XRET, NO_CAUSE, priv, pc, bits, 0, Disposition.EMULATED, s.pc, start);
    }

    @Override
    public void wfi(Vcpu cpu, int bits) {
        long start = clockStart();
        HartState s = cpu.state;
        long pc = s.pc;
        int priv = s.priv;
        // With S-mode present, WFI in U-mode is illegal; in S-mode TW makes it illegal (at once, as QEMU).
        if (priv == HartState.PRIV_U || (priv == HartState.PRIV_S && (s.mstatus & CsrFile.TW) != 0)) {
            illegalAt(cpu, ExitReason.WFI, bits, start);
            return;
        }
        s.pc = pc + 4;
        if ((s.mip() & s.mie) == 0) {
            s.waitingForInterrupt = true;
        }
        record(s, ExitReason.WFI, NO_CAUSE, priv, pc, bits, 0, Disposition.EMULATED, 0, start);
    }

    @Override
    public void sfenceVma(Vcpu cpu, int rs1, int rs2, int bits) {
        long start = clockStart();
        HartState s = cpu.state;
        long pc = s.pc;
        int priv = s.priv;
        if (priv == HartState.PRIV_U || (priv == HartState.PRIV_S && (s.mstatus & CsrFile.TVM) != 0)) {
            illegalAt(cpu, ExitReason.SFENCE_VMA, bits, start);
            return;
        }
        // rs1 = x0: every address; rs2 = x0: every address space (the spec's four forms).
        cpu.mmu.sfence(rs1 == 0 ? -1 : s.x[rs1], rs2 == 0 ? -1 : (int) s.x[rs2] & 0xffff);
        s.pc = pc + 4;
        record(s, ExitReason.SFENCE_VMA, NO_CAUSE, priv, pc, bits, 0, Disposition.EMULATED, s.x[rs1], start);
    }

    @Override
    public void illegal(Vcpu cpu, int bits) {
        illegalAt(cpu, ExitReason.ILLEGAL_INSTRUCTION, bits, clockStart());
    }

    private void illegalAt(Vcpu cpu, ExitReason reason, int bits, long start) {
        HartState s = cpu.state;
        long pc = s.pc;
        int priv = s.priv;
        long tval = bits & 0xffff_ffffL;
        reflect(cpu, CAUSE_ILLEGAL, tval);
        record(s, reason, CAUSE_ILLEGAL, priv, pc, bits, tval, Disposition.REFLECTED, 0, start);
    }

    @Override
    public void exception(Vcpu cpu, int cause, long tval, int bits) {
        long start = clockStart();
        HartState s = cpu.state;
        long pc = s.pc;
        int priv = s.priv;
        reflect(cpu, cause, tval);
        ExitReason reason = cause == 12 || cause == 13 || cause == 15 ? ExitReason.PAGE_FAULT : ExitReason.MEMORY_FAULT;
        record(s, reason, cause, priv, pc, bits, tval, Disposition.REFLECTED, 0, start);
    }

    @Override
    public void pagingExit(Vcpu cpu, PagingExit kind, long va, long detail) {
        HartState s = cpu.state;
        ExitReason reason = switch (kind) {
            case SHADOW_FAULT -> ExitReason.SHADOW_FAULT;
            case PT_WRITE -> ExitReason.PT_WRITE;
            case GSTAGE_FAULT -> ExitReason.GSTAGE_FAULT;
        };
        // Not timed: the exit is part of the access that caused it, which the guest sees as one instruction.
        record(s, reason, NO_CAUSE, s.priv, s.pc, 0, va, Disposition.INTERNAL, detail, UNTIMED);
    }

    @Override
    public long mmioRead(Vcpu cpu, long va, long pa, int size, int bits) {
        long start = clockStart();
        HartState s = cpu.state;
        if (!bus.claims(pa, size)) {
            exception(cpu, CAUSE_LOAD_ACCESS, va, bits);
            return 0;
        }
        long value = bus.read(pa, size);
        record(s, ExitReason.MMIO, NO_CAUSE, s.priv, s.pc, bits, 0, Disposition.EMULATED, pa, start);
        return value;
    }

    @Override
    public void mmioWrite(Vcpu cpu, long va, long pa, int size, long value, int bits) {
        long start = clockStart();
        HartState s = cpu.state;
        if (!bus.claims(pa, size)) {
            exception(cpu, CAUSE_STORE_ACCESS, va, bits);
            return;
        }
        bus.write(pa, size, value);
        record(s, ExitReason.MMIO, NO_CAUSE, s.priv, s.pc, bits, 0, Disposition.EMULATED, pa, start);
    }

    @Override
    public boolean interrupt(Vcpu cpu) {
        HartState s = cpu.state;
        int code = TrapDelivery.pendingInterrupt(s);
        if (code < 0) {
            return false;
        }
        long start = clockStart();
        long pc = s.pc;
        int priv = s.priv;
        TrapDelivery.interrupt(s, code);
        cpu.trapped = true;
        record(s, ExitReason.INTERRUPT, (1L << 63) | code, priv, pc, 0, 0, Disposition.INJECTED, 0, start);
        return true;
    }

    private static void reflect(Vcpu cpu, int cause, long tval) {
        TrapDelivery.exception(cpu.state, cause, tval);
        cpu.trapped = true;
    }

    /**
     * The host time at the start of an exit whose cost is measured, or {@link #UNTIMED}. One exit in
     * {@link #TIMING_INTERVAL} is timed: reading the host clock twice costs about as much as a simple exit,
     * so timing every exit would double the cost it measures.
     */
    private long clockStart() {
        return (history.total() & (TIMING_INTERVAL - 1)) == 0 ? System.nanoTime() : UNTIMED;
    }

    private void record(HartState s, ExitReason reason, long cause, int priv, long pc, int bits, long tval,
            Disposition disposition, long detail, long start) {
        long cost = start == UNTIMED ? TrapRecord.NOT_TIMED : System.nanoTime() - start;
        history.record(s.hartId, clock.mtime(), reason, cause, priv, pc, bits, tval, disposition, detail, cost);
    }
}
