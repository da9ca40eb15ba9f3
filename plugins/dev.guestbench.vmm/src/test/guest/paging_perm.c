/*
 * Permissions under Sv39: every R/W/X combination of a 4 KiB leaf (W without R is reserved: any
 * access is a page fault of its own kind) probed by a load, a store and a fetch from S and from U;
 * the U bit (U pages from S need SUM for loads and stores and are never executable from S, S pages
 * are never accessible from U); MXR (loads from execute-only pages); MPRV with MPP = S, U and M
 * (M's loads and stores translated and checked as MPP's, its fetches not); M itself is not translated.
 */
#include "pt.h"

#define VA_S 0xc0000000UL /* page i: flags from combo i, no U */
#define VA_U 0xc0010000UL /* page i: flags from combo i, U */

static volatile u32 magic = 0x600dbeef;
static u64 page0; /* the physical page behind VA_S (flags ---) */

static const char *const combo_names[] = {"---", "R--", "-W-", "RW-", "--X", "R-X", "-WX", "RWX"};

static u64 combo_flags(int i) {
    return ((i & 1) ? PTE_R : 0) | ((i & 2) ? PTE_W : 0) | ((i & 4) ? PTE_X : 0) | PTE_AD;
}

static void probe(const char *who, u64 base, int i) {
    char what[40];
    const char *ops[] = {" load ", " store ", " fetch "};
    for (int op = 0; op < 3; op++) {
        char *p = what;
        for (const char *q = who; *q; q++)
            *p++ = *q;
        for (const char *q = ops[op]; *q; q++)
            *p++ = *q;
        for (const char *q = combo_names[i]; *q; q++)
            *p++ = *q;
        *p = 0;
        u64 va = base + 0x1000 * i;
        if (op == 0)
            PT_LOAD(what, "lw", va);
        else if (op == 1)
            PT_STORE(what, "sw", va + 0x800, 0x7777);
        else
            PT_FETCH(what, va);
    }
}

/* arg: 0 = S without SUM/MXR; the flags of mstatus to set for this run otherwise */
static u64 s_probe(u64 arg) {
    (void)arg;
    for (int i = 0; i < 8; i++)
        probe("S page", VA_S, i);
    for (int i = 0; i < 8; i++)
        probe("S U-page", VA_U, i);
    return 0;
}

static u64 u_probe(u64 arg) {
    (void)arg;
    for (int i = 0; i < 8; i++)
        probe("U U-page", VA_U, i);
    for (int i = 0; i < 8; i++)
        probe("U S-page", VA_S, i);
    return 0;
}

/* Loads only (what SUM and MXR change), from S: S pages R-- and --X, U pages R-- and --X. */
static u64 s_loads(u64 arg) {
    (void)arg;
    /*
     * The fetch comes first: after a load from the same U page succeeded (SUM=1 MXR=1), QEMU 7.2's TLB
     * entry carries the page's X permission and lets S execute a U page, which the spec never allows.
     */
    PT_FETCH("  S fetch U-page --X", VA_U + 0x4000);
    PT_LOAD("  S load S-page R--", "lw", VA_S + 0x1000);
    PT_LOAD("  S load S-page --X", "lw", VA_S + 0x4000);
    PT_LOAD("  S load U-page R--", "lw", VA_U + 0x1000);
    PT_LOAD("  S load U-page --X", "lw", VA_U + 0x4000);
    PT_STORE("  S store U-page RW-", "sw", VA_U + 0x3800, 1);
    return 0;
}

static u64 u_loads(u64 arg) {
    (void)arg;
    PT_LOAD("  U load U-page R--", "lw", VA_U + 0x1000);
    PT_LOAD("  U load U-page --X", "lw", VA_U + 0x4000);
    PT_LOAD("  U load S-page R--", "lw", VA_S + 0x1000);
    return 0;
}

/*
 * MPRV from M: loads/stores go through satp with MPP's privilege. A trap inside leaves MPRV set and the
 * handler's mret makes MPP U, so the trap hook clears MPRV before the handler returns.
 */
static int clear_mprv(struct trap_rec *t, struct frame *f) {
    (void)t;
    (void)f;
    csr_clear(mstatus, MSTATUS_MPRV);
    return 0;
}

#define MPRV_TRY(what, mpp, insn, va)                                                                   \
    do {                                                                                                \
        u64 __v = 0x5a5a;                                                                               \
        csr_clear(mstatus, MSTATUS_MPP);                                                                \
        csr_set(mstatus, (u64)(mpp) << 11);                                                             \
        TRY(what, "csrs mstatus, %1\n\t" insn " %0, 0(%2)\n\tcsrc mstatus, %1", ("+r"(__v)),            \
            ("r"(MSTATUS_MPRV), "r"((u64)(va))));                                                       \
        csr_clear(mstatus, MSTATUS_MPRV);                                                               \
        pf("  value %x\n", __v);                                                                        \
    } while (0)
#define MPRV_FETCH(what, mpp, va)                                                                       \
    do {                                                                                                \
        csr_clear(mstatus, MSTATUS_MPP);                                                                \
        csr_set(mstatus, (u64)(mpp) << 11);                                                             \
        TRY(what, "csrs mstatus, %0\n\tjalr ra, 0(%1)\n\tcsrc mstatus, %0", (), ("r"(MSTATUS_MPRV),     \
            "r"((u64)(va))), "ra");                                                                     \
        csr_clear(mstatus, MSTATUS_MPRV);                                                               \
    } while (0)

int main(void) {
    struct pt k = pt_new(3), u = pt_new(3);
    pt_identity(&k, 0);
    pt_identity(&u, 1);
    for (int i = 0; i < 8; i++) {
        u64 pa = data_page();
        put_ret(pa);
        if (i == 0)
            page0 = pa;
        wr32(pa + 0x800, 0x1000 + i);
        /* both trees hold both sets, so that S and U each see S pages and U pages */
        pt_map(&k, VA_S + 0x1000 * i, pa, 0, combo_flags(i));
        pt_map(&u, VA_S + 0x1000 * i, pa, 0, combo_flags(i));
        pt_map(&k, VA_U + 0x1000 * i, pa, 0, combo_flags(i) | PTE_U);
        pt_map(&u, VA_U + 0x1000 * i, pa, 0, combo_flags(i) | PTE_U);
    }
    u64 sk = pt_satp(&k, 0), su = pt_satp(&u, 0);

    puts("-- S, SUM=0 MXR=0\n");
    run_paged(PRV_S, sk, s_probe, 0);
    puts("-- U, SUM=0 MXR=0\n");
    run_paged(PRV_U, su, u_probe, 0);

    for (int m = 1; m < 4; m++) {
        u64 bits = ((m & 1) ? MSTATUS_SUM : 0) | ((m & 2) ? MSTATUS_MXR : 0);
        csr_set(mstatus, bits);
        pf("-- SUM=%u MXR=%u\n", (u64)(m & 1), (u64)(m >> 1));
        run_paged(PRV_S, sk, s_loads, 0);
        run_paged(PRV_U, su, u_loads, 0);
        csr_clear(mstatus, bits);
    }

    puts("-- M is not translated\n");
    satp_switch(sk);
    TRY("M load VA_S+0x1000 (nothing at that physical address)", "lw t0, 0(%0)", (), ("r"(VA_S + 0x1000)), "t0");
    PT_LOAD("M load its own data at its physical address", "lw", (u64)&magic);

    puts("-- MPRV\n");
    me()->trap_hook = clear_mprv;
    MPRV_TRY("M+MPRV(MPP=S) load S-page R--", PRV_S, "lw", VA_S + 0x1000);
    MPRV_TRY("M+MPRV(MPP=S) load S-page --X", PRV_S, "lw", VA_S + 0x4000);
    MPRV_TRY("M+MPRV(MPP=S) store S-page R--", PRV_S, "sw", VA_S + 0x1800);
    MPRV_TRY("M+MPRV(MPP=S) store S-page RW-", PRV_S, "sw", VA_S + 0x3800);
    MPRV_TRY("M+MPRV(MPP=S) load U-page R--", PRV_S, "lw", VA_U + 0x1000);
    csr_set(mstatus, MSTATUS_SUM);
    MPRV_TRY("M+MPRV(MPP=S) SUM=1 load U-page R--", PRV_S, "lw", VA_U + 0x1000);
    csr_clear(mstatus, MSTATUS_SUM);
    csr_set(mstatus, MSTATUS_MXR);
    MPRV_TRY("M+MPRV(MPP=S) MXR=1 load S-page --X", PRV_S, "lw", VA_S + 0x4000);
    csr_clear(mstatus, MSTATUS_MXR);
    MPRV_TRY("M+MPRV(MPP=S) load unmapped VA_S+0x8000", PRV_S, "lw", VA_S + 0x8000);
    MPRV_FETCH("M+MPRV(MPP=S) fetch from the physical page behind VA_S (not translated)", PRV_S, page0);
    MPRV_TRY("M+MPRV(MPP=M) load VA_S+0x1000 (not translated)", PRV_M, "lw", VA_S + 0x1000);
    satp_switch(su);
    MPRV_TRY("M+MPRV(MPP=U) load U-page R--", PRV_U, "lw", VA_U + 0x1000);
    MPRV_TRY("M+MPRV(MPP=U) load S-page R--", PRV_U, "lw", VA_S + 0x1000);
    MPRV_TRY("M+MPRV(MPP=U) store U-page R-X", PRV_U, "sw", VA_U + 0x5800);
    MPRV_TRY("M+MPRV(MPP=U) store U-page RWX", PRV_U, "sw", VA_U + 0x7800);
    satp_switch(0);

    return 0;
}
