/*
 * Four harts, each taking timer interrupts at its own period and a software interrupt (IPI) from
 * hart 0, doing some work in between and contending for a lock and a shared counter. What each
 * hart computes does not depend on scheduling; the order in which harts finish does, and is
 * printed on lines starting with "order:". On Guestbench the whole output (and the trap history)
 * must be the same on every run; against QEMU only the other lines are compared, as a set.
 */
// guest-smp: 4
// guest-output: scheduling-dependent
#include "rt.h"

#define HARTS 4
#define TICKS 3

static volatile u32 print_lock;
static volatile u64 shared_counter;
static volatile u64 finished;
static volatile u64 ready;
static volatile u64 ticket;
static volatile u64 ticks[HARTS];
static volatile u64 ipis[HARTS];

static u64 period(u64 hart) { return 200 + 150 * hart; }

static void hook(u64 cause, u64 mode, struct frame *f) {
    u64 h = me()->hartid;
    if ((cause & 0xff) == IRQ_MTI) {
        ticks[h]++;
        /* re-arm relative to the old deadline, or stop after TICKS */
        u64 cmp = rd64(CLINT_MTIMECMP(h));
        wr64(CLINT_MTIMECMP(h), ticks[h] < TICKS ? cmp + period(h) : -1UL);
    } else if ((cause & 0xff) == IRQ_MSI) {
        ipis[h]++;
        wr32(CLINT_MSIP(h), 0);
    }
}

static u64 work(u64 h) {
    u64 x = h + 1;
    for (int i = 0; i < 2000; i++)
        x = x * 6364136223846793005UL + 1442695040888963407UL;
    return x;
}

static void run(u64 h) {
    me()->irq_hook = hook;
    u64 w = work(h);
    /* a shared counter, incremented by every hart */
    for (int i = 0; i < 100; i++)
        asm volatile("amoadd.d zero, %1, (%0)" ::"r"(&shared_counter), "r"(h + 1) : "memory");
    wr64(CLINT_MTIMECMP(h), rd64(CLINT_MTIME) + period(h));
    csr_write(mie, (1UL << IRQ_MTI) | (1UL << IRQ_MSI));
    csr_set(mstatus, MSTATUS_MIE);
    asm volatile("amoadd.d zero, %1, (%0)" ::"r"(&ready), "r"(1UL) : "memory");
    if (h == 0) {
        /* every hart listens: send each one an IPI */
        while (ready < HARTS)
            ;
        for (u64 o = 0; o < HARTS; o++)
            wr32(CLINT_MSIP(o), 1);
    }
    /*
     * Test and sleep with MIE clear, or the last interrupt can arrive between the test and the wfi
     * and the hart sleeps forever (QEMU on two host cores did). WFI still wakes on an interrupt
     * pending and enabled in mie; setting MIE then takes it.
     */
    for (;;) {
        csr_clear(mstatus, MSTATUS_MIE);
        if (ticks[h] >= TICKS && ipis[h] != 0)
            break;
        asm volatile("wfi");
        csr_set(mstatus, MSTATUS_MIE);
    }
    u64 t;
    asm volatile("amoadd.d %0, %2, (%1)" : "=r"(t) : "r"(&ticket), "r"(1UL) : "memory");
    lock(&print_lock);
    pf("hart %u: %u timer interrupts, %u IPI, work %x\n", h, ticks[h], ipis[h], w);
    pf("order: hart %u finished as number %u\n", h, t);
    unlock(&print_lock);
    asm volatile("amoadd.d zero, %1, (%0)" ::"r"(&finished), "r"(1UL) : "memory");
}

void secondary_main(u64 hartid) {
    if (hartid < HARTS)
        run(hartid);
    for (;;)
        asm volatile("wfi");
}

int main(void) {
    run(0);
    while (finished < HARTS)
        ;
    pf("all %u harts done, shared counter %u\n", (u64)HARTS, shared_counter);
    return 0;
}
