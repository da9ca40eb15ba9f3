/*
 * The body of paging_sv39.c and paging_sv48.c (LEVELS says which): translation of loads, stores and
 * fetches through 4 KiB pages from S and U, aliases, the upper half of the address space, unmapped and
 * non-canonical addresses, and ASIDs (two address spaces mapping the same VA to different frames, each
 * read after a proper sfence). Test VAs are fixed, so page faults print tval as it is.
 */
#include "pt.h"

#define VA_LO 0xc0000000UL                       /* root (or level-2) index 3: above RAM's gigapage */
#if LEVELS == 3
#define VA_HI 0xffffffffc0000000UL               /* the top gigapage of the upper half */
#define VA_WIDE 0x0000004000000000UL             /* 2^38: the lowest non-canonical Sv39 address */
#define NAME "Sv39"
#else
#define VA_HI 0xffff800000000000UL               /* the lowest address of Sv48's upper half */
#define VA_WIDE 0x00007fffc0000000UL             /* the top gigapage of Sv48's lower half */
#define NAME "Sv48"
#endif

static u64 pa_a, pa_b, pa_code;

static u64 s_body(u64 user) {
    if (!user)
        pf("S: satp mode %u\n", csr_read(satp) >> 60);
    else
        puts("U: running\n");
    PT_LOAD("load VA_LO (-> A)", "ld", VA_LO);
    PT_LOAD("load VA_LO+0x1000 (-> B)", "ld", VA_LO + 0x1000);
    PT_LOAD("load VA_LO+0x2008 (alias of A)", "ld", VA_LO + 0x2008);
    PT_LOAD("lw VA_LO+0x1ffc (last word of B)", "lwu", VA_LO + 0x1ffc);
    PT_STORE("store VA_LO+0x10", "sd", VA_LO + 0x10, 0x1111222233334444UL);
    PT_LOAD("load back through the alias VA_LO+0x2010", "ld", VA_LO + 0x2010);
    PT_LOAD("load VA_HI+0x18 (upper half -> B)", "ld", VA_HI + 0x18);
    PT_STORE("store VA_HI+0x20 (upper half -> B)", "sd", VA_HI + 0x20, 0x5555666677778888UL);
    PT_FETCH("fetch VA_LO+0x3000 (code page)", VA_LO + 0x3000);
    PT_LOAD("load VA_LO+0x4000 (unmapped)", "ld", VA_LO + 0x4000);
    PT_STORE("store VA_LO+0x4000 (unmapped)", "sd", VA_LO + 0x4000, 1);
    PT_FETCH("fetch VA_LO+0x4000 (unmapped)", VA_LO + 0x4000);
    PT_LOAD("load VA_LO+0x200000 (no leaf table)", "ld", VA_LO + 0x200000);
    PT_LOAD("load VA_WIDE (" NAME ")", "ld", VA_WIDE);
    PT_LOAD("load 0x0000800000000000 (non-canonical in both)", "ld", 0x0000800000000000UL);
    PT_LOAD("load 0x8000000000000000 (non-canonical in both)", "ld", 0x8000000000000000UL);
    PT_STORE("store 0x4000000000000000 (non-canonical in both)", "sd", 0x4000000000000000UL, 1);
    PT_FETCH("fetch 0x0000800000000000 (non-canonical in both)", 0x0000800000000000UL);
    return 0;
}

static u64 s_satp(u64 arg) {
    (void)arg;
    return csr_read(satp);
}

static u64 s_read(u64 va) {
    return rd64(va);
}

static void map_test(struct pt *t, u64 u) {
    u64 f = PTE_R | PTE_W | PTE_AD | u;
    pt_map(t, VA_LO, pa_a, 0, f);
    pt_map(t, VA_LO + 0x1000, pa_b, 0, f);
    pt_map(t, VA_LO + 0x2000, pa_a, 0, f);
    pt_map(t, VA_LO + 0x3000, pa_code, 0, PTE_X | PTE_R | PTE_A | u);
    pt_map(t, VA_HI, pa_b, 0, f);
#if LEVELS == 4
    pt_map(t, VA_WIDE, pa_a, 0, f);
#endif
}

int main(void) {
    pa_a = data_page();
    pa_b = data_page();
    pa_code = data_page();
    for (int i = 0; i < 512; i++) {
        wr64(pa_a + 8 * i, 0xa000000000000000UL | i);
        wr64(pa_b + 8 * i, 0xb000000000000000UL | i);
    }
    put_ret(pa_code);

    /* Bare: S sees physical addresses */
    satp_switch(0);
    pf("Bare: S reads A's word 3 at its physical address: %x\n", run_in_mode(PRV_S, s_read, pa_a + 24));

    struct pt k = pt_new(LEVELS), u = pt_new(LEVELS);
    pt_identity(&k, 0);
    pt_identity(&u, 1);
    map_test(&k, 0);
    map_test(&u, PTE_U);
    u64 sk = pt_satp(&k, 0), su = pt_satp(&u, 0);
    pf("S reads satp: mode %u, asid %x, ppn is the root: %b\n", run_paged(PRV_S, sk, s_satp, 0) >> 60,
       (run_paged(PRV_S, sk, s_satp, 0) >> 44) & 0xffff, (run_paged(PRV_S, sk, s_satp, 0) & ((1UL << 44) - 1)) ==
       (u64)k.root >> 12);
    run_paged(PRV_S, sk, s_body, 0);
    pf("M reads A's word 2 physically: %x\n", rd64(pa_a + 0x10));
    pf("M reads B's word 4 physically: %x\n", rd64(pa_b + 0x20));
    run_paged(PRV_U, su, s_body, 1);

    /* ASIDs: two spaces map VA_LO to different frames; each is read after a full sfence. */
    struct pt a1 = pt_new(LEVELS), a2 = pt_new(LEVELS);
    pt_identity(&a1, 0);
    pt_identity(&a2, 0);
    pt_map(&a1, VA_LO, pa_a, 0, PTE_R | PTE_AD);
    pt_map(&a2, VA_LO, pa_b, 0, PTE_R | PTE_AD);
    pf("ASID 1 reads VA_LO: %x\n", run_paged(PRV_S, pt_satp(&a1, 1), s_read, VA_LO + 8));
    pf("ASID 2 reads VA_LO: %x\n", run_paged(PRV_S, pt_satp(&a2, 2), s_read, VA_LO + 8));
    pf("ASID 1 again: %x\n", run_paged(PRV_S, pt_satp(&a1, 1), s_read, VA_LO + 8));
    /* a changed mapping, then sfence.vma with that ASID only, before the next use */
    pt_map(&a1, VA_LO, pa_b, 0, PTE_R | PTE_AD);
    csr_write(satp, pt_satp(&a1, 1));
    sfence_asid(1);
    pf("ASID 1 after remap and sfence.vma zero, asid: %x\n", run_in_mode(PRV_S, s_read, VA_LO + 16));
    satp_switch(0);
    return 0;
}
