/*
 * PMP under Sv39: the page-table walk's reads are checked (as S-mode accesses) and so is the final
 * access. A denied PTE read or a denied final access is an access fault of the access's own kind
 * (instruction 1, load 5, store/AMO 7) with the faulting virtual address in mtval. Also: a leaf
 * pointing where nothing is (the final access faults), and a pointer PTE leading to a table where
 * nothing is or to a device (spec: an access fault, PTEs are read from memory only; QEMU 7.2 reports a
 * page fault, see SpecDepartures).
 * Not printed: a hardware A/D update into a PTE that PMP makes read-only (QEMU 7.2 checks only the
 * PTE read against PMP and writes A/D anyway; the spec wants an access fault).
 */
#include "pt.h"

#define NAPOT(base, size) (((base) >> 2) | (((size) >> 3) - 1))
#define CFG(i, v) ((u64)(v) << (8 * (i)))
#define R 1
#define W 2
#define X 4
#define A_NAPOT 0x18

#define VA_WALK 0xc0000000UL    /* its level-0 table is guarded by PMP entry 0 */
#define VA_DATA 0xc0200000UL    /* its data page is guarded by PMP entry 1 (another level-0 table) */
#define VA_NOWHERE 0xc0400000UL /* a leaf pointing at 0x1_0000_0000, beyond RAM */
#define VA_BADTABLE 0xc0600000UL /* a pointer PTE to 0x1_0000_0000 */
#define VA_DEVTABLE 0xc0800000UL /* a pointer PTE to the CLINT's first page: a device, not memory */

static u64 table_walk, page_data;

static void pmp(int entry, u64 page, int perm) {
    if (entry == 0)
        csr_write(pmpaddr0, NAPOT(page, PAGE));
    else
        csr_write(pmpaddr1, NAPOT(page, PAGE));
    u64 c = csr_read(pmpcfg0) & ~CFG(entry, 0xff);
    csr_write(pmpcfg0, c | CFG(entry, A_NAPOT | perm));
    asm volatile("sfence.vma" ::: "memory"); /* PMP changes need an sfence.vma too (priv. 3.7.2) */
}

static u64 s_all(u64 va) {
    PT_LOAD("  load", "ld", va + 8);
    PT_STORE("  store", "sd", va + 16, 0x77);
    TRY("  amoadd", "amoadd.d zero, %0, (%1)", (), ("r"(1UL), "r"(va + 24)));
    PT_FETCH("  fetch", va);
    return 0;
}

static u64 s_load(u64 va) {
    PT_LOAD("  load", "ld", va);
    return 0;
}

static void run(const char *what, u64 satp, u64 va) {
    pf("%s\n", what);
    run_paged(PRV_S, satp, s_all, va);
}

int main(void) {
    struct pt k = pt_new(3);
    pt_identity(&k, 0);
    u64 p1 = data_page(), p2 = data_page();
    put_ret(p1);
    put_ret(p2);
    page_data = p2;
    volatile u64 *e = pt_map(&k, VA_WALK, p1, 0, PTE_RWX | PTE_AD);
    table_walk = (u64)e & ~(PAGE - 1);
    pt_map(&k, VA_DATA, p2, 0, PTE_RWX | PTE_AD);
    pt_map(&k, VA_NOWHERE, 0x100000000UL, 0, PTE_RWX | PTE_AD);
    pt_set(&k, VA_BADTABLE, 1, pte_of(0x100000000UL, PTE_V));
    pt_set(&k, VA_DEVTABLE, 1, pte_of(CLINT, PTE_V));
    u64 s = pt_satp(&k, 0);

    run("walk: level-0 table readable", s, VA_WALK);
    pmp(0, table_walk, 0);
    run("walk: level-0 table denied by PMP", s, VA_WALK);
    pmp(0, table_walk, W | X);
    run("walk: level-0 table write/execute only", s, VA_WALK);
    pmp(0, table_walk, R);
    run("walk: level-0 table read only (A and D already set)", s, VA_WALK);

    pmp(1, page_data, 0);
    run("final: data page denied by PMP", s, VA_DATA);
    pmp(1, page_data, R);
    run("final: data page read only", s, VA_DATA);
    pmp(1, page_data, X);
    run("final: data page execute only", s, VA_DATA);
    pmp(1, page_data, R | W);
    run("final: data page read/write", s, VA_DATA);
    csr_set(mstatus, MSTATUS_MXR);
    pmp(1, page_data, X);
    run("final: data page execute only, MXR=1 (PMP still says no)", s, VA_DATA);
    csr_clear(mstatus, MSTATUS_MXR);

    run("final: leaf to 0x100000000 (no RAM there)", s, VA_NOWHERE);
    run("walk: pointer PTE to 0x100000000 (no RAM there)", s, VA_BADTABLE);
    pf("walk: pointer PTE to the CLINT (a device)\n");
    run_paged(PRV_S, s, s_load, VA_DEVTABLE + 0x1000);
    csr_write(pmpcfg0, 0);
    return 0;
}
