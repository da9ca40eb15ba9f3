/*
 * Interrupts while S runs under Sv39: machine timer interrupts taken in M from translated S code (the
 * handler re-arms the timer and returns into the translated loop), and a supervisor software interrupt
 * delegated to S, whose handler runs translated too (stvec is an identity-mapped address). The loop
 * reads pages mapped to frames in reverse order; its sum must not depend on where the interrupts came.
 * How many timer interrupts arrive depends on timing: the loop goes on until three came, and only that is
 * printed.
 */
#include "pt.h"

#define VA 0xc0000000UL
#define PAGES 64

static volatile u64 mti, ssi;

static void hook(u64 cause, u64 mode, struct frame *f) {
    (void)f;
    if ((cause & 0xff) == IRQ_MTI && mode == PRV_M) {
        mti++;
        wr64(CLINT_MTIMECMP(0), mti < 3 ? rd64(CLINT_MTIME) + 50 : -1UL);
    } else if ((cause & 0xff) == IRQ_SSI && mode == PRV_S) {
        ssi++;
        csr_clear(sip, 1UL << IRQ_SSI);
    }
}

static u64 s_loop(u64 rounds) {
    u64 sum = 0;
    for (u64 r = 0; r < rounds; r++)
        for (u64 p = 0; p < PAGES; p++)
            sum += rd64(VA + p * PAGE + 8 * (r & 7));
    /* keep walking the pages until some timer interrupts came (QEMU's timer is host time, late under load) */
    u64 spin = 0;
    for (u64 r = 0; mti < 3 && r < 100000000UL; r++)
        spin += rd64(VA + (r % PAGES) * PAGE);
    (void)spin;
    /* a software interrupt to S, delegated, while paging is on */
    csr_set(sie, 1UL << IRQ_SSI);
    csr_set(sstatus, MSTATUS_SIE);
    csr_set(sip, 1UL << IRQ_SSI);
    for (int i = 0; i < 100 && !ssi; i++)
        asm volatile("nop");
    csr_clear(sstatus, MSTATUS_SIE);
    return sum;
}

int main(void) {
    struct pt k = pt_new(3);
    pt_identity(&k, 0);
    u64 frames = data_region(PAGES * PAGE, PAGE);
    for (u64 p = 0; p < PAGES; p++) {
        for (u64 w = 0; w < 8; w++)
            wr64(frames + p * PAGE + 8 * w, p * 100 + w);
        pt_map(&k, VA + p * PAGE, frames + (PAGES - 1 - p) * PAGE, 0, PTE_R | PTE_AD);
    }
    me()->irq_hook = hook;
    csr_write(mideleg, 1UL << IRQ_SSI);
    csr_write(mie, (1UL << IRQ_MTI) | (1UL << IRQ_SSI));
    wr64(CLINT_MTIMECMP(0), rd64(CLINT_MTIME) + 50);
    /* MIE stays 0 in M: M-level interrupts are always enabled while the hart runs in S */
    u64 sum = run_paged(PRV_S, pt_satp(&k, 0), s_loop, 2000);
    wr64(CLINT_MTIMECMP(0), -1UL);
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    me()->irq_hook = NULL;
    pf("sum %x\n", sum);
    pf("at least 3 timer interrupts in M from translated S code: %b\n", (u64)(mti >= 3));
    pf("software interrupts taken in S: %u\n", ssi);
    return 0;
}
