/*
 * Accessed and dirty bits under Sv39, set by the hardware as QEMU does (the Svade alternative, where
 * the access page-faults instead, is not what QEMU implements): a load sets A, a store sets A and D,
 * a fetch sets A; a faulting access sets nothing; pointer PTEs stay as written; a store after a load
 * (translation cached without D) still sets D; a 2 MiB leaf gets its bits like a 4 KiB one; A cleared
 * by software comes back after an sfence.vma and another access; M's accesses through MPRV set them too. The PTEs are read back from M.
 * Not printed: what an access does right after software cleared A or D without an sfence.vma (a
 * cached translation may be used, the spec leaves it open).
 */
#include "pt.h"

#define VA 0xc0000000UL
#define VA_MEGA 0xc0200000UL

static struct pt k;
static volatile u64 *pte[6];

static void show(const char *what, int i) {
    u64 e = *pte[i];
    pf("%s: A=%u D=%u\n", what, (e >> 6) & 1, (e >> 7) & 1);
}

static u64 s_load(u64 va) { PT_LOAD("  load", "ld", va); return 0; }
static u64 s_store(u64 va) { PT_STORE("  store", "sd", va, 0x99); return 0; }
static u64 s_fetch(u64 va) { PT_FETCH("  fetch", va); return 0; }
static u64 s_load_store(u64 va) {
    PT_LOAD("  load", "ld", va);
    PT_STORE("  then store", "sd", va + 8, 0x98);
    return 0;
}

int main(void) {
    k = pt_new(3);
    pt_identity(&k, 0);
    u64 base = 0;
    for (int i = 0; i < 5; i++) {
        u64 pa = data_page();
        put_ret(pa);
        u64 f = i == 3 ? PTE_R : i == 4 ? PTE_R | PTE_X : PTE_R | PTE_W;
        pte[i] = pt_map(&k, VA + 0x1000 * i, pa, 0, f);
        if (i == 0)
            base = pa;
    }
    (void)base;
    pte[5] = pt_map(&k, VA_MEGA, data_region(MEGA, MEGA), 1, PTE_R | PTE_W);
    u64 sk = pt_satp(&k, 0);

    show("page 0 as written", 0);
    run_paged(PRV_S, sk, s_load, VA);
    show("page 0 after a load", 0);
    run_paged(PRV_S, sk, s_store, VA);
    show("page 0 after a store", 0);

    run_paged(PRV_S, sk, s_store, VA + 0x1000);
    show("page 1 after a store first", 1);

    run_paged(PRV_S, sk, s_load_store, VA + 0x2000);
    show("page 2 after a load then a store (no sfence between)", 2);

    run_paged(PRV_S, sk, s_store, VA + 0x3000);
    show("page 3 (R only) after a faulting store", 3);
    run_paged(PRV_S, sk, s_fetch, VA + 0x3000);
    show("page 3 (R only) after a faulting fetch", 3);

    run_paged(PRV_S, sk, s_fetch, VA + 0x4000);
    show("page 4 (RX) after a fetch", 4);
    run_paged(PRV_S, sk, s_store, VA + 0x4000);
    show("page 4 (RX) after a faulting store", 4);

    run_paged(PRV_S, sk, s_load, VA_MEGA + 0x1234 * 8);
    show("2 MiB page after a load", 5);
    run_paged(PRV_S, sk, s_store, VA_MEGA + 0x1fff00);
    show("2 MiB page after a store", 5);

    /* software clears A and D, then sfence.vma (run_paged's satp switch), then accesses again */
    *pte[0] &= ~PTE_AD;
    show("page 0 cleared by software", 0);
    run_paged(PRV_S, sk, s_load, VA + 8);
    show("page 0 after sfence and a load", 0);
    run_paged(PRV_S, sk, s_store, VA + 8);
    show("page 0 after sfence and a store", 0);

    /* M's loads and stores through MPRV (MPP = S) set A and D like S's own */
    *pte[1] &= ~PTE_AD;
    satp_switch(sk);
    show("page 1 cleared by software", 1);
    csr_clear(mstatus, MSTATUS_MPP);
    csr_set(mstatus, (u64)PRV_S << 11);
    csr_set(mstatus, MSTATUS_MPRV);
    u64 v = rd64(VA + 0x1000);
    csr_clear(mstatus, MSTATUS_MPRV);
    show("page 1 after an MPRV load from M", 1);
    csr_set(mstatus, MSTATUS_MPRV);
    wr64(VA + 0x1008, v + 1);
    csr_clear(mstatus, MSTATUS_MPRV);
    show("page 1 after an MPRV store from M", 1);
    satp_switch(0);

    /* the pointer PTEs on the way stay as written */
    volatile u64 *l2 = pt_pte(&k, VA, 2), *l1 = pt_pte(&k, VA, 1);
    pf("pointer PTEs' flags: level 2 %x, level 1 %x\n", *l2 & 0x3ff, *l1 & 0x3ff);
    /* identity-map leaves were written with A and D and stay so */
    pf("RAM gigapage leaf flags: %x\n", *pt_pte(&k, RAM_BASE, 2) & 0x3ff);
    return 0;
}
