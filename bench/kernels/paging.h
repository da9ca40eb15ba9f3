/* Support for the paging workloads: Sv39 tables built in M, then the workload runs in S-mode under them
 * (or, built with -DPAGING_OFF, in S-mode with satp Bare: the same work without translation, the baseline).
 * RAM and the devices are identity-mapped with 1 GiB leaves, so the kernel, its stack, the UART and the test
 * finisher keep their addresses; the workload maps its own 4 KiB pages. S ends the run through exit(). */
#ifndef PAGING_H
#define PAGING_H
#include "bench.h"

#define PTE_V 1UL
#define PTE_R 2UL
#define PTE_W 4UL
#define PTE_X 8UL
#define PTE_A 0x40UL
#define PTE_D 0x80UL
#define PTE_LEAF (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
#define PAGE 4096UL

void exit(int status) __attribute__((noreturn));

static inline u64 pte_to(u64 pa, u64 flags) { return ((pa >> 12) << 10) | flags; }

/* A Sv39 level-0 PTE array covering npages pages of VA from va (tables in order, level-1 entries made). */
static inline void pt_link(u64 *root, u64 *l1, u64 *l0, u64 va, u64 npages)
{
    root[(va >> 30) & 511] = pte_to((u64)l1, PTE_V);
    for (u64 t = 0; t < (npages + 511) / 512; t++) {
        l1[((va >> 21) + t) & 511] = pte_to((u64)(l0 + 512 * t), PTE_V);
    }
}

static inline void sfence_va(u64 va) { __asm__ volatile("sfence.vma %0, zero" :: "r"(va) : "memory"); }
static inline void sfence_all(void) { __asm__ volatile("sfence.vma" ::: "memory"); }

/* Enters S-mode at fn with satp (0 for Bare): PMP opened for S, identity gigapages put in root. */
static inline void __attribute__((noreturn)) enter_s(u64 *root, u64 asid, void (*fn)(void))
{
    u64 satp = 0;
    if (root) {
        root[0] = pte_to(0, PTE_LEAF | PTE_X);            /* devices */
        root[2] = pte_to(0x80000000UL, PTE_LEAF | PTE_X); /* RAM */
        satp = (8UL << 60) | (asid << 44) | ((u64)root >> 12);
    }
#ifdef PAGING_OFF
    satp = 0;
#endif
    __asm__ volatile("csrw pmpaddr0, %0\n\tcsrw pmpcfg0, %1" :: "r"(-1UL), "r"(0x1fUL));
    __asm__ volatile("csrw satp, %0\n\tsfence.vma" :: "r"(satp) : "memory");
    u64 ms;
    __asm__ volatile("csrr %0, mstatus" : "=r"(ms));
    ms = (ms & ~(3UL << 11)) | (1UL << 11);
    __asm__ volatile("csrw mstatus, %0\n\tcsrw mepc, %1\n\tmret" :: "r"(ms), "r"(fn) : "memory");
    __builtin_unreachable();
}

#ifdef PAGING_OFF
/* Without translation the workload touches the frames themselves: VA = PA. */
#define VA_OF(va, pa) (pa)
#define MODE_NAME "off"
#else
#define VA_OF(va, pa) (va)
#define MODE_NAME "sv39"
#endif

#endif
