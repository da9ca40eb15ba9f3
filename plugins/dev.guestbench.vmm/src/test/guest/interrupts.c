/*
 * Interrupts: machine/supervisor software (CLINT msip, mip.SSIP), timer (mtimecmp, mip.STIP) and
 * external (PLIC with the UART's THR-empty interrupt, mip.SEIP) interrupts; WFI waking with and
 * without the interrupt being taken; priorities when all six are pending; gating by
 * mstatus.MIE/SIE and by privilege; delegation through mideleg; mtvec/stvec vectored mode.
 *
 * Every interrupt is made pending while it cannot be taken and then let in at a known instruction,
 * so the trap point (mepc) is deterministic; the timer is only ever awaited with WFI.
 */
#include "rt.h"

#define IRQ(n) (1UL << (n))
/* How far ahead timers are set: 0.1 s of QEMU's 10 MHz mtime, so that a loaded host cannot let the
 * deadline pass before the program looks (WFI then skips the wait on a machine with virtual time). */
#define AHEAD 1000000

struct taken {
    u64 cause, mode, vector;
};
static struct taken seen[32];
static u64 nseen;
static u64 claimed;

static void uart_thre(int on) { wr8(UART0 + 1, on ? 0x02 : 0x00); /* IER.ETBEI */ }

static void plic_setup(void) {
    wr32(PLIC_PRIORITY(UART_IRQ), 1);
    wr32(PLIC_ENABLE(0), 0);
    wr32(PLIC_ENABLE(1), 0);
    wr32(PLIC_THRESHOLD(0), 0);
    wr32(PLIC_THRESHOLD(1), 0);
}

/* Takes the interrupt's cause away, so that returning from the handler does not take it again. */
static void hook(u64 cause, u64 mode, struct frame *f) {
    u64 code = cause & 0xff;
    if (nseen < 32) {
        seen[nseen].cause = cause;
        seen[nseen].mode = mode;
        seen[nseen].vector = me()->vector;
        nseen++;
    }
    me()->vector = (u64)-1;
    switch (code) {
    case IRQ_SSI:
        if (mode == PRV_M)
            csr_clear(mip, IRQ(IRQ_SSI));
        else
            csr_clear(sip, IRQ(IRQ_SSI));
        break;
    case IRQ_MSI: wr32(CLINT_MSIP(0), 0); break;
    case IRQ_STI:
        if (mode == PRV_M)
            csr_clear(mip, IRQ(IRQ_STI));
        else
            csr_clear(sie, IRQ(IRQ_STI)); /* S cannot clear STIP; it stops listening */
        break;
    case IRQ_MTI: wr64(CLINT_MTIMECMP(0), -1UL); break;
    case IRQ_SEI:
    case IRQ_MEI: {
        u64 ctx = code == IRQ_MEI ? 0 : 1;
        u32 id = rd32(PLIC_CLAIM(ctx));
        claimed = id;
        if (id) {
            uart_thre(0);
            wr32(PLIC_CLAIM(ctx), id);
        } else if (mode == PRV_M) {
            csr_clear(mip, IRQ(IRQ_SEI)); /* the software-set SEIP */
        } else {
            csr_clear(sie, IRQ(IRQ_SEI));
        }
        break;
    }
    default: break;
    }
}

static void report(const char *what) {
    pf("%s:", what);
    if (nseen == 0)
        puts(" none");
    for (u64 i = 0; i < nseen; i++) {
        pf(" %s%u", seen[i].mode == PRV_M ? "M" : "S", seen[i].cause & 0xff);
        if (seen[i].vector != (u64)-1)
            pf("@%u", seen[i].vector);
    }
    putch('\n');
    nseen = 0;
}

/* Enables MIE at a labelled point and reports where the trap returned to (mepc relative to it). */
static void let_in_m(const char *what) {
    u64 n = me()->ntraps;
    asm volatile("la t6, 1f\n\tsd t6, 8(tp)\n1:\tcsrsi mstatus, 8\n\tnop\n\tcsrci mstatus, 8" ::: "t6", "memory");
    pf("%s: %u traps", what, me()->ntraps - n);
    if (me()->ntraps != n) {
        puts(", first at ");
        print_trap(&me()->log[n % TRAP_LOG], me()->try_pc);
    }
    putch('\n');
    report("  taken");
}

static void software(void) {
    pf("mip at start -> %x\n", csr_read(mip) & ~IRQ_QEMU_EXTRA);
    wr64(CLINT_MTIMECMP(0), -1UL);
    pf("mip after mtimecmp = -1 -> %x\n", csr_read(mip) & ~IRQ_QEMU_EXTRA);
    wr32(CLINT_MSIP(0), 1);
    pf("msip=1: msip reads %x, mip -> %x\n", (u64)rd32(CLINT_MSIP(0)), csr_read(mip) & ~IRQ_QEMU_EXTRA);
    let_in_m("MSI pending, mie=0, MIE 0->1");
    csr_write(mie, IRQ(IRQ_MSI));
    let_in_m("MSI pending, mie.MSIE=1, MIE 0->1");
    pf("mip after the handler -> %x\n", csr_read(mip) & ~IRQ_QEMU_EXTRA);
    /* SSIP written by M, taken in M when not delegated */
    csr_write(mie, IRQ(IRQ_SSI));
    csr_set(mip, IRQ(IRQ_SSI));
    let_in_m("SSIP set by M, not delegated, MIE 0->1");
    csr_write(mie, 0);
}

static void timer(void) {
    csr_write(mie, IRQ(IRQ_MTI));
    wr64(CLINT_MTIMECMP(0), rd64(CLINT_MTIME) + AHEAD);
    pf("mtimecmp = mtime + %u: MTIP now %u\n", (u64)AHEAD, (csr_read(mip) >> IRQ_MTI) & 1);
    /* a loop: WFI may also return early (the spec allows a WFI that is a no-op) */
    while (!(csr_read(mip) & IRQ(IRQ_MTI)))
        asm volatile("wfi");
    pf("wfi with MIE=0 returned: MTIP %u, mtime >= mtimecmp %b\n", (csr_read(mip) >> IRQ_MTI) & 1,
       rd64(CLINT_MTIME) >= rd64(CLINT_MTIMECMP(0)));
    let_in_m("MTI pending, MIE 0->1");
    pf("mip after the handler (mtimecmp = -1) -> %x\n", csr_read(mip) & ~IRQ_QEMU_EXTRA);
    /* WFI with MIE=1: the trap is taken and mepc is the instruction after the WFI */
    wr64(CLINT_MTIMECMP(0), rd64(CLINT_MTIME) + AHEAD);
    u64 n = me()->ntraps;
    asm volatile("la t6, 1f\n\tsd t6, 8(tp)\n\tcsrsi mstatus, 8\n1:\twfi\n\tcsrci mstatus, 8" ::: "t6", "memory");
    pf("wfi with MIE=1: %u traps, ", me()->ntraps - n);
    print_trap(&me()->log[n % TRAP_LOG], me()->try_pc);
    putch('\n');
    report("  taken");
    /* STIP written by M, taken in M when not delegated */
    csr_write(mie, IRQ(IRQ_STI));
    csr_set(mip, IRQ(IRQ_STI));
    let_in_m("STIP set by M, not delegated, MIE 0->1");
    csr_write(mie, 0);
}

static void external(void) {
    plic_setup();
    wr32(PLIC_ENABLE(0), IRQ(UART_IRQ));
    uart_thre(1);
    u64 pending = (rd32(PLIC_PENDING) >> UART_IRQ) & 1;
    u64 meip = (csr_read(mip) >> IRQ_MEI) & 1;
    pf("UART IER.ETBEI=1: PLIC pending bit -> %u, mip.MEIP -> %u\n", pending, meip);
    wr32(PLIC_THRESHOLD(0), 1);
    pf("PLIC threshold 1 (= priority): mip.MEIP -> %u\n", (csr_read(mip) >> IRQ_MEI) & 1);
    wr32(PLIC_THRESHOLD(0), 0);
    pf("PLIC threshold 0: mip.MEIP -> %u\n", (csr_read(mip) >> IRQ_MEI) & 1);
    csr_write(mie, IRQ(IRQ_MEI));
    claimed = 0;
    let_in_m("MEI from the UART, MIE 0->1");
    pf("  claimed id %u, mip.MEIP now %u, PLIC pending bit %u\n", claimed, (csr_read(mip) >> IRQ_MEI) & 1,
       (u64)(rd32(PLIC_PENDING) >> UART_IRQ) & 1);
    /* the S context of the PLIC raises SEIP; not delegated it is taken in M */
    wr32(PLIC_ENABLE(0), 0);
    wr32(PLIC_ENABLE(1), IRQ(UART_IRQ));
    uart_thre(1);
    pf("UART enabled in the S context: mip.SEIP -> %u, mip.MEIP -> %u\n", (csr_read(mip) >> IRQ_SEI) & 1,
       (csr_read(mip) >> IRQ_MEI) & 1);
    csr_write(mie, IRQ(IRQ_SEI));
    claimed = 0;
    let_in_m("SEI from the PLIC, not delegated, MIE 0->1");
    pf("  claimed id %u\n", claimed);
    /* SEIP written by software */
    csr_set(mip, IRQ(IRQ_SEI));
    pf("mip.SEIP set by M -> %u\n", (csr_read(mip) >> IRQ_SEI) & 1);
    claimed = 0;
    let_in_m("software SEIP, not delegated, MIE 0->1");
    pf("  claimed id %u, mip.SEIP now %u\n", claimed, (csr_read(mip) >> IRQ_SEI) & 1);
    csr_write(mie, 0);
    wr32(PLIC_ENABLE(1), 0);
}

/* All six pending at once: the order they are taken in. */
static void priorities(void) {
    plic_setup();
    wr32(PLIC_ENABLE(0), IRQ(UART_IRQ));
    uart_thre(1);
    wr32(CLINT_MSIP(0), 1);
    wr64(CLINT_MTIMECMP(0), 0);
    csr_set(mip, IRQ(IRQ_SSI) | IRQ(IRQ_STI) | IRQ(IRQ_SEI));
    csr_write(mie, IRQ(IRQ_SSI) | IRQ(IRQ_MSI) | IRQ(IRQ_STI) | IRQ(IRQ_MTI) | IRQ(IRQ_SEI) | IRQ(IRQ_MEI));
    pf("all six pending: mip -> %x\n", csr_read(mip) & ~IRQ_QEMU_EXTRA);
    let_in_m("all six, MIE 0->1");
    csr_write(mie, 0);
    wr32(PLIC_ENABLE(0), 0);
}

static u64 s_body(u64 arg) {
    /* in S with SIE=0: M-level interrupts are still taken, delegated ones wait */
    u64 n = me()->ntraps;
    asm volatile("nop\n\tnop" ::: "memory");
    pf("  S with SIE=0: %u traps\n", me()->ntraps - n);
    report("  taken");
    csr_set(sstatus, MSTATUS_SIE);
    asm volatile("nop\n\tnop" ::: "memory");
    csr_clear(sstatus, MSTATUS_SIE);
    pf("  S with SIE=1:\n");
    report("  taken");
    return arg;
}

static u64 u_body(u64 arg) {
    asm volatile("nop\n\tnop" ::: "memory");
    return arg;
}

static void delegated(void) {
    csr_write(mideleg, IRQ(IRQ_SSI) | IRQ(IRQ_STI) | IRQ(IRQ_SEI));
    /* in M, delegated interrupts are never taken, even with MIE=1 */
    csr_write(mie, IRQ(IRQ_SSI) | IRQ(IRQ_STI));
    csr_set(mip, IRQ(IRQ_SSI) | IRQ(IRQ_STI));
    let_in_m("SSI and STI delegated and pending, in M with MIE 0->1");
    /* MSI (not delegated) and SSI, STI (delegated) pending: entering S */
    wr32(CLINT_MSIP(0), 1);
    csr_write(mie, IRQ(IRQ_SSI) | IRQ(IRQ_STI) | IRQ(IRQ_MSI));
    csr_clear(mstatus, MSTATUS_MPIE | MSTATUS_SIE);
    pf("enter S with MSI, SSI, STI pending, SIE=0, MIE=0 (MPIE=0):\n");
    run_in_mode(PRV_S, s_body, 0);
    csr_clear(mip, IRQ(IRQ_STI));
    /* in U, delegated interrupts are taken whatever SIE says */
    csr_write(mie, IRQ(IRQ_SSI) | IRQ(IRQ_SEI));
    csr_set(mip, IRQ(IRQ_SSI) | IRQ(IRQ_SEI));
    csr_clear(mstatus, MSTATUS_SIE);
    run_in_mode(PRV_U, u_body, 0);
    report("in U with SSI and SEI (software) delegated and pending, SIE=0: taken");
    csr_clear(mip, IRQ(IRQ_SEI));
    /* stvec vectored: interrupts enter at base + 4 * cause */
    csr_write(stvec, (u64)s_vector_table | 1);
    csr_write(mie, IRQ(IRQ_SSI) | IRQ(IRQ_STI));
    csr_set(mip, IRQ(IRQ_SSI) | IRQ(IRQ_STI));
    run_in_mode(PRV_U, u_body, 0);
    report("stvec vectored, in U with SSI and STI delegated: taken (cause@entry)");
    csr_clear(mip, IRQ(IRQ_STI));
    csr_write(stvec, s_trap_entry);
    csr_write(mie, 0);
    csr_write(mideleg, 0);
}

/* The 16550's interrupt identification: THRE pending, cleared by reading IIR. Last, as it leaves the
 * UART's interrupt line low without a claim, where PLIC models may differ in what they latch. */
static void uart_iir(void) {
    wr32(PLIC_ENABLE(0), 0);
    wr32(PLIC_ENABLE(1), 0);
    u64 before = rd8(UART0 + 2) & 0x0f;
    uart_thre(1);
    u64 first = rd8(UART0 + 2) & 0x0f;
    u64 second = rd8(UART0 + 2) & 0x0f;
    uart_thre(0);
    pf("UART IIR interrupt id: ETBEI=0 %x, ETBEI=1 %x, read again %x\n", before, first, second);
}

static void vectored_m(void) {
    csr_write(mtvec, (u64)m_vector_table | 1);
    me()->vector = (u64)-1;
    wr32(CLINT_MSIP(0), 1);
    wr64(CLINT_MTIMECMP(0), 0);
    csr_write(mie, IRQ(IRQ_MSI) | IRQ(IRQ_MTI));
    let_in_m("mtvec vectored, MSI and MTI pending, MIE 0->1 (cause@entry)");
    csr_write(mie, 0);
    TRY("mtvec vectored, ecall", "ecall", (), ());
    pf("  entered at entry %d\n", (i64)me()->vector);
    me()->vector = (u64)-1;
    csr_write(mtvec, m_trap_entry);
}

int main(void) {
    me()->irq_hook = hook;
    software();
    timer();
    external();
    priorities();
    delegated();
    vectored_m();
    uart_iir();
    return 0;
}
