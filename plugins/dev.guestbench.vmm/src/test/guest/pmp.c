/*
 * PMP: NA4, NAPOT and TOR entries with different permissions, probed by loads, stores and fetches
 * from S and U (access faults with mtval = the address), entry priority, an aligned access only
 * partly inside an entry, M-mode ignoring unlocked entries, MPRV making M's loads and stores use
 * MPP's permissions, the WARL behaviour of pmpcfg/pmpaddr, and locked entries (binding M-mode too,
 * ignoring writes, and a locked TOR entry locking the pmpaddr below it).
 *
 * Entry 15 grants everything (set by crt0), so only the probed area is restricted. Addresses are
 * printed relative to the area ("sym"), which sits at the first 64 KiB boundary after the image.
 *
 * Not printed: misaligned accesses straddling an entry boundary (an implementation may split them
 * and check each part on its own, so the outcome is not pinned down), and pmpcfg with the reserved
 * R=0 W=1 combination (WARL; which legal value it becomes is the implementation's choice, and
 * QEMU 7.2 keeps the reserved value).
 */
#include "rt.h"

#define NAPOT(base, size) (((base) >> 2) | (((size) >> 3) - 1))
#define CFG(i, v) ((u64)(v) << (8 * (i)))
#define R 1
#define W 2
#define X 4
#define A_TOR 0x08
#define A_NA4 0x10
#define A_NAPOT 0x18
#define L 0x80

static u64 area;

static const u64 probes[] = {0x0, 0x4, 0x1000, 0x1ff8, 0x2000, 0x2ff8, 0x3000, 0x3008, 0x3ff8, 0x4000};

static void setup(void) {
    area = ((u64)__free_ram + 0xffff) & ~0xffffUL;
    /* a "ret" at every probe, so that fetches come back */
    for (unsigned i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        wr32(area + probes[i], 0x00008067);
        wr32(area + probes[i] + 4, 0x00008067);
    }
    asm volatile("fence.i");
    csr_write(pmpaddr0, area >> 2);                      /* NA4 at +0: R */
    csr_write(pmpaddr1, NAPOT(area + 0x1000, 0x1000));   /* NAPOT 4 KiB at +0x1000: RW */
    csr_write(pmpaddr2, (area + 0x2000) >> 2);           /* OFF: the bottom of the TOR entry 3 */
    csr_write(pmpaddr3, (area + 0x3000) >> 2);           /* TOR +0x2000..+0x3000: X */
    csr_write(pmpaddr4, NAPOT(area + 0x3000, 8));        /* NAPOT 8 bytes at +0x3000: nothing */
    csr_write(pmpaddr5, (area + 0x4000) >> 2);           /* TOR from entry 4's address to +0x4000: RX */
    csr_write(pmpaddr6, NAPOT(area, 0x2000));            /* NAPOT 8 KiB at +0: nothing, below entries 0 and 1 */
    csr_write(pmpaddr7, 0);
    csr_write(pmpcfg0, CFG(0, A_NA4 | R) | CFG(1, A_NAPOT | R | W) | CFG(2, 0) | CFG(3, A_TOR | X) |
                           CFG(4, A_NAPOT) | CFG(5, A_TOR | R | X) | CFG(6, A_NAPOT));
    pf("pmpcfg0 -> %x\n", csr_read(pmpcfg0));
}

static u64 probe(u64 mode) {
    const char *m = mode == PRV_S ? "S" : mode == PRV_U ? "U" : "M";
    char what[48];
    for (unsigned i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        u64 a = area + probes[i], v = 0x5a5a;
        /* "U load sym+0x1000" without printf into a buffer: build it by hand */
        char *p = what;
        for (const char *q = m; *q; q++)
            *p++ = *q;
        const char *ops[] = {" load sym+", " store sym+", " fetch sym+"};
        for (int op = 0; op < 3; op++) {
            char *r = p;
            for (const char *q = ops[op]; *q; q++)
                *r++ = *q;
            *r++ = '0';
            *r++ = 'x';
            u64 off = probes[i];
            int digits = 1;
            for (u64 t = off >> 4; t; t >>= 4)
                digits++;
            for (int d = digits - 1; d >= 0; d--)
                *r++ = "0123456789abcdef"[(off >> (4 * d)) & 15];
            *r = 0;
            if (op == 0)
                TRY_AT(what, area, "lw %0, 0(%1)", ("+r"(v)), ("r"(a)));
            else if (op == 1)
                TRY_AT(what, area, "sw %0, 4(%1)", (), ("r"(v), "r"(a - 4)));
            else
                TRY_AT(what, area, "jalr ra, 0(%0)", (), ("r"(a)), "ra");
        }
    }
    u64 v = 0;
    TRY_AT(mode == PRV_S ? "S ld sym+0x0 (entry 0 holds only 4 of the 8 bytes)"
                         : mode == PRV_U ? "U ld sym+0x0 (entry 0 holds only 4 of the 8 bytes)"
                                         : "M ld sym+0x0 (entry 0 holds only 4 of the 8 bytes)",
           area, "ld %0, 0(%1)", ("+r"(v)), ("r"(area)));
    return 0;
}

static void warl(void) {
    /* entries 8..14 for the WARL checks; byte 7 keeps entry 15 (allow all) */
    u64 keep = CFG(7, A_NAPOT | R | W | X);
    pf("pmpcfg2 written 0x7f in entries 8..14 -> %x\n", csr_warl(pmpcfg2, 0x007f7f7f7f7f7f7fUL | keep));
    pf("pmpcfg2 written 0x60 (reserved bits) -> %x\n", csr_warl(pmpcfg2, 0x0000000000000060UL | keep));
    csr_write(pmpcfg2, keep);
    pf("pmpaddr8 written all ones -> %x\n", csr_warl(pmpaddr8, -1));
    pf("pmpaddr8 written 0 -> %x\n", csr_warl(pmpaddr8, 0));
}

static void locked(void) {
    /* M ignores unlocked entries */
    u64 v = 0x5a5a;
    TRY_AT("M store sym+0x0 (entry 0 R, unlocked)", area, "sw %0, 0(%1)", (), ("r"(v), "r"(area)));
    TRY_AT("M load sym+0x3000 (entry 4 none, unlocked)", area, "lw %0, 0(%1)", ("+r"(v)), ("r"(area + 0x3000)));
    /* MPRV with MPP=U: M's loads and stores are checked as U's, its fetches are not */
    csr_clear(mstatus, MSTATUS_MPP);
    csr_set(mstatus, MSTATUS_MPRV);
    TRY_AT("M+MPRV(MPP=U) store sym+0x0", area, "sw %0, 0(%1)", (), ("r"(v), "r"(area)));
    TRY_AT("M+MPRV(MPP=U) load sym+0x2000", area, "lw %0, 0(%1)", ("+r"(v)), ("r"(area + 0x2000)));
    TRY_AT("M+MPRV(MPP=U) load sym+0x1000", area, "lw %0, 0(%1)", ("+r"(v)), ("r"(area + 0x1000)));
    TRY_AT("M+MPRV(MPP=U) fetch sym+0x3000", area, "jalr ra, 0(%0)", (), ("r"(area + 0x3000)), "ra");
    csr_set(mstatus, 3UL << 11);
    TRY_AT("M+MPRV(MPP=M) store sym+0x0", area, "sw %0, 0(%1)", (), ("r"(v), "r"(area)));
    csr_clear(mstatus, MSTATUS_MPRV);

    /* lock entry 0 (NA4, R) and entry 3 (TOR, X) */
    u64 cfg = csr_read(pmpcfg0);
    csr_write(pmpcfg0, cfg | CFG(0, L) | CFG(3, L));
    pf("pmpcfg0 with entries 0 and 3 locked -> %x\n", csr_read(pmpcfg0));
    TRY_AT("M store sym+0x0 (entry 0 R, locked)", area, "sw %0, 0(%1)", (), ("r"(v), "r"(area)));
    TRY_AT("M load sym+0x0 (entry 0 R, locked)", area, "lw %0, 0(%1)", ("+r"(v)), ("r"(area)));
    TRY_AT("M fetch sym+0x0 (entry 0 R, locked)", area, "jalr ra, 0(%0)", (), ("r"(area)), "ra");
    TRY_AT("M load sym+0x2000 (entry 3 X, locked)", area, "lw %0, 0(%1)", ("+r"(v)), ("r"(area + 0x2000)));
    TRY_AT("M fetch sym+0x2000 (entry 3 X, locked)", area, "jalr ra, 0(%0)", (), ("r"(area + 0x2000)), "ra");
    /* writes to locked entries are ignored, including the TOR bottom below a locked TOR entry */
    u64 a0 = csr_read(pmpaddr0), a2 = csr_read(pmpaddr2), a3 = csr_read(pmpaddr3);
    csr_write(pmpaddr0, 0);
    csr_write(pmpaddr2, 0);
    csr_write(pmpaddr3, 0);
    csr_write(pmpcfg0, csr_read(pmpcfg0) & ~(CFG(0, 0xff) | CFG(3, 0xff) | CFG(1, 0xff)));
    pf("after writing locked entries: pmpaddr0 same %b, pmpaddr2 same %b, pmpaddr3 same %b, pmpcfg0 -> %x\n",
       csr_read(pmpaddr0) == a0, csr_read(pmpaddr2) == a2, csr_read(pmpaddr3) == a3, csr_read(pmpcfg0));
}

int main(void) {
    setup();
    run_in_mode(PRV_S, probe, PRV_S);
    run_in_mode(PRV_U, probe, PRV_U);
    probe(PRV_M);
    warl();
    locked();
    return 0;
}
