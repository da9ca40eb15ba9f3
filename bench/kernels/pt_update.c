/* pt_update: a page-table-update heavy workload, like fork and exec. Each round maps a 64-page window
 * (sfence.vma per page), writes every page, unmaps it (sfence.vma per page), remaps every page to another
 * frame and reads it back; every 16th round the address space is replaced as exec does (a new ASID,
 * sfence.vma x0, asid). Check: the sum of what was read back. -DPAGING_OFF: the same table writes and
 * sfences with satp Bare, the pages touched at their physical addresses (the baseline). */
#include "paging.h"

#ifndef ROUNDS
#define ROUNDS 1500
#endif
#define WINDOW 64UL
#define FRAMES 256UL              /* 1 MiB of frames that the window cycles through */
#define PA_FRAMES 0x84000000UL
#define VA_WINDOW 0x1000000000UL

static u64 root[2][512] __attribute__((aligned(4096)));
static u64 l1[2][512] __attribute__((aligned(4096)));
static u64 l0[2][512] __attribute__((aligned(4096)));
static u64 expected;

static void s_main(void)
{
    u64 rounds = SCALED(ROUNDS), sum = 0, remaps = 0, as = 0;
    for (u64 r = 0; r < rounds; r++) {
        if ((r & 15) == 15) {      /* exec: switch to the other address space, flush its ASID */
            as ^= 1;
            u64 satp = (8UL << 60) | ((as + 1) << 44) | ((u64)root[as] >> 12);
#ifdef PAGING_OFF
            satp = 0;
#endif
            __asm__ volatile("csrw satp, %0\n\tsfence.vma zero, %1" :: "r"(satp), "r"(as + 1) : "memory");
        }
        u64 *pt = l0[as];
        for (u64 i = 0; i < WINDOW; i++) {     /* fork: map and write */
            u64 va = VA_WINDOW + i * PAGE, f = PA_FRAMES + ((r * 7 + i) % FRAMES) * PAGE;
            pt[i] = pte_to(f, PTE_LEAF);
            sfence_va(va);
            *(volatile u64 *)(VA_OF(va, f) + 8 * (r & 7)) = r + i;
        }
        for (u64 i = 0; i < WINDOW; i++) {     /* unmap */
            pt[i] = 0;
            sfence_va(VA_WINDOW + i * PAGE);
        }
        for (u64 i = 0; i < WINDOW; i++) {     /* remap elsewhere and read back */
            u64 va = VA_WINDOW + i * PAGE, f = PA_FRAMES + ((r * 7 + i) % FRAMES) * PAGE;
            pt[i] = pte_to(f, PTE_LEAF);
            sfence_va(va);
            sum += *(volatile u64 *)(VA_OF(va, f) + 8 * (r & 7));
            remaps++;
        }
    }
    puts_("pt_update: mode=" MODE_NAME " remaps=");
    put_dec(remaps);
    putch('\n');
    exit(result("pt_update", "sum", sum, sum == expected));
}

int main(void)
{
    u64 rounds = SCALED(ROUNDS);
    for (u64 r = 0; r < rounds; r++) {
        for (u64 i = 0; i < WINDOW; i++) {
            expected += r + i;
        }
    }
    for (int a = 0; a < 2; a++) {
        pt_link(root[a], l1[a], l0[a], VA_WINDOW, WINDOW);
        root[a][0] = pte_to(0, PTE_LEAF | PTE_X);
        root[a][2] = pte_to(0x80000000UL, PTE_LEAF | PTE_X);
    }
    enter_s(root[0], 1, s_main);
}
