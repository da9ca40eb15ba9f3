/*
 * SFENCE.VMA in its four forms (rs1 = x0 or a VA, rs2 = x0 or an ASID), run by S on its own page
 * tables: after each remap and the sfence that covers it the new mapping must be seen; an invalidated
 * PTE faults after its sfence; a 2 MiB leaf is flushed by an sfence naming any address inside it;
 * global mappings; switching satp between ASIDs without an sfence (each ASID's own, unchanged tables
 * must be used); and SFENCE.VMA from U (illegal). Only what the spec defines is printed: a translation
 * that an sfence did not cover may or may not still be used, so nothing reads it before its sfence.
 */
#include "pt.h"

#define VA 0xc0000000UL
#define VA_G 0xc0001000UL
#define VA_MEGA 0xc0200000UL
#define ASID 5

static struct pt k, k2;
static u64 pa_a, pa_b, mega_a, mega_b;

static void remap(u64 va, u64 pa, u64 flags) { pt_map(&k, va, pa, 0, flags | PTE_R | PTE_W | PTE_AD); }

static void read(const char *what, u64 va) { PT_LOAD(what, "ld", va); }

static u64 s_test(u64 arg) {
    (void)arg;
    read("VA (A)", VA);
    remap(VA, pa_b, 0);
    sfence_all();
    read("remapped to B, sfence.vma x0, x0", VA);
    remap(VA, pa_a, 0);
    sfence_va(VA);
    read("remapped to A, sfence.vma va, x0", VA);
    remap(VA, pa_b, 0);
    sfence_asid(ASID);
    read("remapped to B, sfence.vma x0, asid", VA);
    remap(VA, pa_a, 0);
    sfence_va_asid(VA + 0x123, ASID);
    read("remapped to A, sfence.vma va+0x123, asid", VA);
    /* the global page: rs2 != x0 never covers it, so only the x0-ASID forms are used */
    read("global VA_G (A)", VA_G);
    remap(VA_G, pa_b, PTE_G);
    sfence_va(VA_G);
    read("global remapped to B, sfence.vma va, x0", VA_G);
    remap(VA_G, pa_a, PTE_G);
    sfence_all();
    read("global remapped to A, sfence.vma x0, x0", VA_G);
    /* invalid, then valid again */
    pt_set(&k, VA, 0, 0);
    sfence_va_asid(VA, ASID);
    read("invalidated, sfence.vma va, asid", VA);
    remap(VA, pa_b, 0);
    sfence_va_asid(VA, ASID);
    read("valid again (B), sfence.vma va, asid", VA);
    pt_set(&k, VA, 0, 0);
    sfence_asid(ASID);
    PT_STORE("invalidated, sfence.vma x0, asid, store", "sd", VA, 1);
    remap(VA, pa_a, 0);
    sfence_va(VA);
    /* a 2 MiB leaf */
    read("2 MiB page +0x1000 (mega A)", VA_MEGA + 0x1000);
    pt_map(&k, VA_MEGA, mega_b, 1, PTE_R | PTE_W | PTE_AD);
    sfence_va_asid(VA_MEGA + 0x123000, ASID);
    read("2 MiB page remapped, sfence.vma va (other 4K inside), asid: +0x1000", VA_MEGA + 0x1000);
    pt_map(&k, VA_MEGA, mega_a, 1, PTE_R | PTE_W | PTE_AD);
    sfence_va(VA_MEGA + 0x1ff000);
    read("2 MiB page remapped, sfence.vma va (last 4K), x0: +0x1000", VA_MEGA + 0x1000);
    /* rs1 not a valid VA: the fence has no effect and raises nothing (priv. 4.2.1) */
    TRY("sfence.vma with a non-canonical va", "sfence.vma %0, zero", (), ("r"(0x0000800000000000UL)));
    TRY("sfence.vma with a non-canonical va and an asid", "sfence.vma %0, %1", (), ("r"(1UL << 63), "r"((u64)ASID)));
    return 0;
}

static u64 s_read(u64 va) { return rd64(va); }

static u64 u_sfence(u64 arg) {
    (void)arg;
    TRY("U: sfence.vma x0, x0", "sfence.vma", (), ());
    TRY("U: sfence.vma va, x0", "sfence.vma %0, zero", (), ("r"(VA)));
    TRY("U: sfence.vma x0, asid", "sfence.vma zero, %0", (), ("r"(1UL)));
    TRY("U: sfence.vma va, asid", "sfence.vma %0, %1", (), ("r"(VA), "r"(1UL)));
    return 0;
}

int main(void) {
    pa_a = data_page();
    pa_b = data_page();
    mega_a = data_region(MEGA, MEGA);
    mega_b = data_region(MEGA, MEGA);
    wr64(pa_a, 0xaaaa);
    wr64(pa_b, 0xbbbb);
    wr64(mega_a + 0x1000, 0xaaaa0002);
    wr64(mega_b + 0x1000, 0xbbbb0002);

    k = pt_new(3);
    pt_identity(&k, 0);
    remap(VA, pa_a, 0);
    remap(VA_G, pa_a, PTE_G);
    pt_map(&k, VA_MEGA, mega_a, 1, PTE_R | PTE_W | PTE_AD);
    run_paged(PRV_S, pt_satp(&k, ASID), s_test, 0);

    /* two ASIDs, switched without sfence: each must use its own tables */
    k2 = pt_new(3);
    pt_identity(&k2, 0);
    pt_map(&k2, VA, pa_b, 0, PTE_R | PTE_AD);
    remap(VA, pa_a, 0);
    sfence_all();
    csr_write(satp, pt_satp(&k, 1));
    pf("ASID 1 reads VA: %x\n", run_in_mode(PRV_S, s_read, VA));
    csr_write(satp, pt_satp(&k2, 2));
    pf("satp to ASID 2 without sfence, reads VA: %x\n", run_in_mode(PRV_S, s_read, VA));
    csr_write(satp, pt_satp(&k, 1));
    pf("satp back to ASID 1 without sfence, reads VA: %x\n", run_in_mode(PRV_S, s_read, VA));
    satp_switch(0);

    struct pt u = pt_new(3);
    pt_identity(&u, 1);
    run_paged(PRV_U, pt_satp(&u, 0), u_sfence, 0);
    return 0;
}
