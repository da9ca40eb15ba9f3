/*
 * What shadow page tables and translation caches must keep coherent, from S under Sv39: page-table
 * writes made through a virtual alias of the table page (one of them to the alias's own PTE), a table
 * page freed and reused as a data page, one level-0 table shared by two trees, a pointer PTE switched to
 * another table (sfence.vma x0, x0), code pages remapped under the same VA (the new code must run after
 * the sfence), the same code run under two ASIDs with different code behind one VA, and many trees
 * switched round-robin (more address spaces than a small cache of shadow roots holds). Every read
 * follows the sfence that covers it.
 */
#include "pt.h"

#define VA 0xc0000000UL       /* data page */
#define VA_PT 0xc0001000UL    /* an alias of VA's level-0 table */
#define VA_CODE 0xc0002000UL  /* a code page: "li a0, N; ret" */
#define VA_REUSE 0xc0400000UL /* maps the freed table page as data */
#define VA_MANY 0xc0600000UL
#define TREES 24

static struct pt k;
static u64 pa_a, pa_b, code_1, code_2, code_3;

static u64 s_read(u64 va) { return rd64(va); }
static u64 s_call(u64 va) { return ((u64(*)(void))va)(); }

static u64 s_alias(u64 arg) {
    (void)arg;
    volatile u64 *pt = (volatile u64 *)VA_PT; /* the level-0 table, seen through its alias */
    u64 slot = (VA >> 12) & 511;
    PT_LOAD("VA (A)", "ld", VA);
    pt[slot] = pte_of(pa_b, PTE_V | PTE_R | PTE_W | PTE_AD);
    sfence_va(VA);
    PT_LOAD("PTE rewritten through the alias to B, sfence.vma va", "ld", VA);
    pt[slot] = 0;
    sfence_va(VA);
    PT_LOAD("PTE cleared through the alias, sfence.vma va", "ld", VA);
    pt[slot] = pte_of(pa_a, PTE_V | PTE_R | PTE_W | PTE_AD);
    sfence_va(VA);
    PT_STORE("PTE back to A through the alias, store", "sd", VA + 8, 0xa8);
    pf("the alias reads the PTE's flags: %x\n", rd64(VA_PT + 8 * slot) & 0x3ff);
    PT_LOAD("A's word 1 back", "ld", VA + 8);
    /* the alias's own PTE lives in the page it maps: make the alias read-only through itself */
    u64 self = (VA_PT >> 12) & 511;
    pt[self] = pt[self] & ~PTE_W;
    sfence_va(VA_PT);
    PT_STORE("the alias made itself read-only, sfence.vma va: store through it", "sd", VA_PT + 8 * 511, 0);
    pf("the alias's own PTE flags: %x\n", rd64(VA_PT + 8 * self) & 0x3ff);
    /* code remapped under one VA (the alias is read-only now: S writes the table at its identity address) */
    pf("code at VA_CODE returns %u\n", s_call(VA_CODE));
    pt_map(&k, VA_CODE, code_2, 0, PTE_R | PTE_X | PTE_AD);
    sfence_va(VA_CODE);
    pf("code page remapped, sfence.vma va: returns %u\n", s_call(VA_CODE));
    pt_map(&k, VA_CODE, code_1, 0, PTE_R | PTE_X | PTE_AD);
    sfence_all();
    pf("code page mapped back, sfence.vma: returns %u\n", s_call(VA_CODE));
    return 0;
}

int main(void) {
    pa_a = data_page();
    pa_b = data_page();
    wr64(pa_a, 0xaaaa);
    wr64(pa_b, 0xbbbb);
    code_1 = data_page();
    code_2 = data_page();
    code_3 = data_page();
    wr32(code_1, 0x00100513); /* li a0, 1 */
    wr32(code_2, 0x00200513); /* li a0, 2 */
    wr32(code_3, 0x00300513); /* li a0, 3 */
    wr32(code_1 + 4, 0x00008067);
    wr32(code_2 + 4, 0x00008067);
    wr32(code_3 + 4, 0x00008067);
    asm volatile("fence.i");

    k = pt_new(3);
    pt_identity(&k, 0);
    volatile u64 *e = pt_map(&k, VA, pa_a, 0, PTE_R | PTE_W | PTE_AD);
    u64 l0 = (u64)e & ~(PAGE - 1);
    pt_map(&k, VA_PT, l0, 0, PTE_R | PTE_W | PTE_AD);
    pt_map(&k, VA_CODE, code_1, 0, PTE_R | PTE_X | PTE_AD);
    run_paged(PRV_S, pt_satp(&k, 1), s_alias, 0);

    /* a table page freed (its pointer PTE cleared) and reused as a data page */
    satp_switch(pt_satp(&k, 1));
    u64 *t = pt_page();
    pt_set(&k, VA_REUSE + MEGA, 1, pte_of((u64)t, PTE_V));
    t[0] = pte_of(pa_b, PTE_V | PTE_R | PTE_AD);
    sfence_all();
    pf("through a new level-0 table: %x\n", run_in_mode(PRV_S, s_read, VA_REUSE + MEGA));
    pt_set(&k, VA_REUSE + MEGA, 1, 0);
    sfence_all();
    pt_map(&k, VA_REUSE, (u64)t, 0, PTE_R | PTE_W | PTE_AD);
    sfence_all();
    t[0] = 0x1234; /* M writes the old table page as plain data */
    pf("the freed table page read as data: %x\n", run_in_mode(PRV_S, s_read, VA_REUSE));

    /* one level-0 table shared by two trees; a pointer PTE switched to another table */
    struct pt k2 = pt_new(3);
    pt_identity(&k2, 0);
    pt_set(&k2, VA, 1, *pt_pte(&k, VA, 1)); /* k2's level-1 entry points at k's level-0 table */
    sfence_all();
    pf("tree 2 reads VA through the shared table: %x\n", run_paged(PRV_S, pt_satp(&k2, 2), s_read, VA));
    *e = pte_of(pa_b, PTE_V | PTE_R | PTE_W | PTE_AD);
    sfence_all();
    pf("the shared PTE changed: tree 1 reads %x\n", run_paged(PRV_S, pt_satp(&k, 1), s_read, VA));
    pf("                        tree 2 reads %x\n", run_paged(PRV_S, pt_satp(&k2, 2), s_read, VA));
    u64 *other = pt_page();
    other[(VA >> 12) & 511] = pte_of(pa_a, PTE_V | PTE_R | PTE_AD);
    pt_set(&k2, VA, 1, pte_of((u64)other, PTE_V));
    sfence_all();
    pf("tree 2's pointer PTE switched to another table: %x\n", run_paged(PRV_S, pt_satp(&k2, 2), s_read, VA));
    pf("tree 1 unchanged: %x\n", run_paged(PRV_S, pt_satp(&k, 1), s_read, VA));

    /* two ASIDs, one VA, different code; switched without sfence */
    pt_map(&k2, VA_CODE, code_3, 0, PTE_R | PTE_X | PTE_AD);
    sfence_all();
    csr_write(satp, pt_satp(&k, 1));
    pf("ASID 1 calls VA_CODE: %u\n", run_in_mode(PRV_S, s_call, VA_CODE));
    csr_write(satp, pt_satp(&k2, 2));
    pf("ASID 2 calls VA_CODE: %u\n", run_in_mode(PRV_S, s_call, VA_CODE));
    csr_write(satp, pt_satp(&k, 1));
    pf("ASID 1 again: %u\n", run_in_mode(PRV_S, s_call, VA_CODE));
    satp_switch(0);

    /* many trees, round-robin, each mapping VA_MANY to its own frame (ASID 0: a full flush at each switch
     * would be allowed but is not needed, each tree is unchanged) */
    static struct pt many[TREES];
    u64 frames = data_region(TREES * PAGE, PAGE);
    for (int i = 0; i < TREES; i++) {
        wr64(frames + i * PAGE, 0x100 + i);
        many[i] = pt_new(3);
        pt_identity(&many[i], 0);
        pt_map(&many[i], VA_MANY, frames + i * PAGE, 0, PTE_R | PTE_AD);
    }
    sfence_all();
    u64 sum = 0, bad = 0;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < TREES; i++) {
            csr_write(satp, pt_satp(&many[i], 3 + i));
            u64 v = run_in_mode(PRV_S, s_read, VA_MANY);
            sum += v;
            bad += v != 0x100UL + i;
        }
    }
    satp_switch(0);
    pf("%u trees, 3 rounds without sfence: sum %x, wrong reads %u\n", (u64)TREES, sum, bad);
    return 0;
}
