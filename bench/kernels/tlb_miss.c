/* tlb_miss: a TLB-miss heavy workload. 64 MiB of RAM mapped with 4 KiB pages (16384 of them, far more
 * than any TLB holds) is read in a stride pattern that visits every page once per pass, a new page on
 * every read, REPS passes. Check: the sum of what was read against its closed form.
 * -DPAGING_OFF: the same reads at the physical addresses with satp Bare (the baseline). */
#include "paging.h"

#ifndef REPS
#define REPS 160
#endif
#define NPAGES 16384UL            /* 64 MiB */
#define STRIDE 4099UL             /* odd, so i * STRIDE mod NPAGES visits every page */
#define PA_BASE 0x84000000UL      /* the upper half of the 128 MiB of RAM */
#define VA_BASE 0x1000000000UL    /* 64 GiB: its own level-1 and level-0 tables */

static u64 root[512] __attribute__((aligned(4096)));
static u64 l1[512] __attribute__((aligned(4096)));
static u64 l0[NPAGES] __attribute__((aligned(4096)));
static u64 expected;

static void s_main(void)
{
    u64 sum = 0, base = VA_OF(VA_BASE, PA_BASE);
    u64 reps = SCALED(REPS);
    for (u64 r = 0; r < reps; r++) {
        u64 p = r;
        for (u64 i = 0; i < NPAGES; i++) {
            p = (p + STRIDE) & (NPAGES - 1);
            sum += *(volatile u64 *)(base + p * PAGE + ((i & 63) << 6));
        }
    }
    puts_("tlb_miss: mode=" MODE_NAME " touches=");
    put_dec(reps * NPAGES);
    putch('\n');
    exit(result("tlb_miss", "sum", sum, sum == expected));
}

int main(void)
{
    /* every 64th byte of the region holds its page number plus its offset */
    for (u64 p = 0; p < NPAGES; p++) {
        for (u64 o = 0; o < PAGE; o += 64) {
            *(u64 *)(PA_BASE + p * PAGE + o) = p + o;
        }
        l0[p] = pte_to(PA_BASE + p * PAGE, PTE_LEAF);
    }
    pt_link(root, l1, l0, VA_BASE, NPAGES);
    /* each pass reads every page once (STRIDE is odd) and every 64-byte slot NPAGES / 64 times */
    expected = SCALED(REPS) * (NPAGES * (NPAGES - 1) / 2 + NPAGES * (63 * 64 / 2));
    enter_s(root, 1, s_main);
}
