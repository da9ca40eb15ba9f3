/*
 * Accesses and instructions that span two pages mapped to frames that are not adjacent (a frame with
 * other contents lies between them): a 32-bit instruction split across the page end, misaligned loads
 * and stores across it, code written through a writable alias and run through an executable one
 * (fence.i between), and execute permission taken away from a page that has run (sfence.vma between).
 */
#include "pt.h"

#define VA 0xc0000000UL       /* page 0 -> frame P1, page 1 -> frame P3 (P2, between them, is a decoy) */
#define VA_RW 0xc0010000UL    /* RW alias of the code frame C */
#define VA_X 0xc0011000UL     /* RX mapping of C */

static u64 p1, p2, p3, pc;
static struct pt k;

static u64 s_call(u64 va) { return ((u64(*)(void))va)(); }

static u64 s_test(u64 arg) {
    (void)arg;
    pf("split insn at the page end: a0 = %x\n", s_call(VA + 0xffe));
    PT_LOAD("ld across the page end", "ld", VA + 0xffc);
    PT_LOAD("lw across the page end", "lw", VA + 0xffe);
    PT_STORE("sd across the page end", "sd", VA + 0xffa, 0x8877665544332211UL);
    PT_LOAD("ld it back", "ld", VA + 0xffa);
    /* code written through the RW alias, then run through the X mapping */
    pf("code page returns %u\n", s_call(VA_X));
    wr32(VA_RW, 0x00700513); /* li a0, 7 */
    asm volatile("fence.i" ::: "memory");
    pf("rewritten through the alias, fence.i: returns %u\n", s_call(VA_X));
    return 0;
}

static u64 s_fetch_after_revoke(u64 arg) {
    (void)arg;
    pf("code page returns %u\n", s_call(VA_X));
    *pt_pte(&k, VA_X, 0) = pte_of(pc, PTE_V | PTE_R | PTE_AD);
    sfence_va(VA_X);
    PT_FETCH("X taken away, sfence.vma va: fetch", VA_X);
    PT_LOAD("still readable", "lw", VA_X);
    return 0;
}

int main(void) {
    p1 = data_page();
    p2 = data_page();
    p3 = data_page();
    pc = data_page();
    memset((void *)p2, 0xee, PAGE);
    /* addi a0, x0, 0x123 (0x12300513) split: low half at P1's end, high half at P3's start, then c.jr ra */
    wr32(p1 + 0xffc, 0x05130000);
    wr32(p3, 0x80821230);
    wr64(p3 + 8, 0);
    wr32(pc, 0x00100513); /* li a0, 1 */
    wr32(pc + 4, 0x00008067);
    asm volatile("fence.i");
    k = pt_new(3);
    pt_identity(&k, 0);
    pt_map(&k, VA, p1, 0, PTE_RWX | PTE_AD);
    pt_map(&k, VA + PAGE, p3, 0, PTE_RWX | PTE_AD);
    pt_map(&k, VA_RW, pc, 0, PTE_R | PTE_W | PTE_AD);
    pt_map(&k, VA_X, pc, 0, PTE_R | PTE_X | PTE_AD);
    run_paged(PRV_S, pt_satp(&k, 0), s_test, 0);
    pf("physical: P1 end %x, P3 start %x, P2 start %x\n", rd64(p1 + 0xff8), rd64(p3), rd64(p2));
    run_paged(PRV_S, pt_satp(&k, 0), s_fetch_after_revoke, 0);
    return 0;
}
