/*
 * Counters: cycle/time/instret readable from M always, from S and U only when mcounteren (and for
 * U also scounteren) allows, faulting otherwise; instret counting exactly the instructions between
 * two reads; minstret writable; mcountinhibit stopping it; time following the CLINT's mtime; the
 * HPM counters reading 0.
 *
 * Not printed: counter VALUES (they depend on how long the program took to get there) and cycle
 * deltas (a cycle is not an instruction; only "it advanced" is compared). HPM counters 19..31 are
 * not read (QEMU 7.2 implements 16 and traps on the rest; see zicsr.c).
 *
 * QEMU must run this program with -icount (see the guest-qemu-args line): without it QEMU's instret
 * is derived from host time, where the spec (and this machine) count retired instructions exactly.
 */
// guest-qemu-args: -icount shift=0
#include "rt.h"

static void deltas(void) {
    u64 a, b;
    asm volatile("csrr %0, instret\n\tnop\n\tnop\n\tnop\n\tcsrr %1, instret" : "=&r"(a), "=&r"(b));
    pf("instret over csrr + 3 nops -> +%u\n", b - a);
    asm volatile("csrr %0, minstret\n\tcsrr %1, minstret" : "=&r"(a), "=&r"(b));
    pf("minstret over one csrr -> +%u\n", b - a);
    asm volatile("csrr %0, instret\n\tli t0, 100\n1:\taddi t0, t0, -1\n\tbnez t0, 1b\n\tcsrr %1, instret" : "=&r"(a), "=&r"(b) :: "t0");
    pf("instret over a 100-iteration loop -> +%u\n", b - a);
    u64 c, d;
    asm volatile("csrr %0, cycle\n\tcsrr %1, cycle" : "=&r"(c), "=&r"(d));
    pf("cycle advanced: %b\n", d > c);
    asm volatile("csrr %0, mcycle\n\tnop\n\tcsrr %1, mcycle" : "=&r"(c), "=&r"(d));
    pf("mcycle advanced: %b\n", d > c);
    /* minstret written: counting continues from the written value */
    asm volatile("csrw minstret, %2\n\tcsrr %0, minstret\n\tnop\n\tcsrr %1, minstret" : "=&r"(a), "=&r"(b) : "r"(1000UL));
    pf("minstret written 1000 -> read %u, then %u\n", a, b);
    asm volatile("csrw mcycle, %1\n\tcsrr %0, mcycle" : "=&r"(c) : "r"(1UL << 40));
    pf("mcycle written 2^40 -> read at least that, below 2^40+1000: %b\n", c >= (1UL << 40) && c < (1UL << 40) + 1000);
    /* mcountinhibit.IR and .CY stop the counters */
    csr_write(mcountinhibit, 5);
    asm volatile("csrr %0, minstret\n\tnop\n\tnop\n\tcsrr %1, minstret" : "=&r"(a), "=&r"(b));
    asm volatile("csrr %0, mcycle\n\tnop\n\tnop\n\tcsrr %1, mcycle" : "=&r"(c), "=&r"(d));
    csr_write(mcountinhibit, 0);
    pf("mcountinhibit=CY|IR: minstret +%u, mcycle +%u\n", b - a, d - c);
    asm volatile("csrr %0, minstret\n\tnop\n\tcsrr %1, minstret" : "=&r"(a), "=&r"(b));
    pf("mcountinhibit=0: minstret over csrr + nop -> +%u\n", b - a);
}

static void time_vs_mtime(void) {
    u64 t1, m, t2;
    asm volatile("csrr %0, time" : "=r"(t1));
    m = rd64(CLINT_MTIME);
    asm volatile("csrr %0, time" : "=r"(t2));
    pf("time <= mtime <= time: %b\n", t1 <= m && m <= t2);
    /* time advances: spin until it does, bounded */
    u64 n = 0;
    do {
        asm volatile("csrr %0, time" : "=r"(t2));
    } while (t2 == t1 && ++n < 100000000);
    pf("time advanced: %b\n", t2 > t1);
    /* mtime is writable through the CLINT and time follows it */
    wr64(CLINT_MTIME, 1UL << 40);
    asm volatile("csrr %0, time" : "=r"(t1));
    pf("mtime written 2^40 -> time at least that, below 2^40+10^6: %b\n", t1 >= (1UL << 40) && t1 < (1UL << 40) + 1000000);
}

static void hpm(void) {
    u64 nz = 0;
#define Z(csr) nz |= csr_read(csr)
    Z(mhpmcounter3); Z(mhpmcounter4); Z(mhpmcounter5); Z(mhpmcounter6); Z(mhpmcounter7); Z(mhpmcounter8);
    Z(mhpmcounter9); Z(mhpmcounter10); Z(mhpmcounter11); Z(mhpmcounter12); Z(mhpmcounter13); Z(mhpmcounter14);
    Z(mhpmcounter15); Z(mhpmcounter16); Z(mhpmcounter17); Z(mhpmcounter18);
    pf("mhpmcounter3..18 all zero: %b\n", nz == 0);
    nz = 0;
    Z(hpmcounter3); Z(hpmcounter4); Z(hpmcounter5); Z(hpmcounter6); Z(hpmcounter7); Z(hpmcounter8);
    Z(hpmcounter9); Z(hpmcounter10); Z(hpmcounter11); Z(hpmcounter12); Z(hpmcounter13); Z(hpmcounter14);
    Z(hpmcounter15); Z(hpmcounter16); Z(hpmcounter17); Z(hpmcounter18);
    pf("hpmcounter3..18 all zero: %b\n", nz == 0);
    nz = 0;
    Z(mhpmevent3); Z(mhpmevent4); Z(mhpmevent5); Z(mhpmevent6); Z(mhpmevent7); Z(mhpmevent8);
    Z(mhpmevent9); Z(mhpmevent10); Z(mhpmevent11); Z(mhpmevent12); Z(mhpmevent13); Z(mhpmevent14);
    Z(mhpmevent15); Z(mhpmevent16); Z(mhpmevent17); Z(mhpmevent18);
    pf("mhpmevent3..18 all zero: %b\n", nz == 0);
}

/* Reads each user counter; returns a bit mask of those that trapped. */
static u64 read_counters(u64 mode) {
    u64 n0 = me()->ntraps, trapped = 0, v = 0;
    TRY(mode == PRV_S ? "  S: rdcycle" : "  U: rdcycle", "rdcycle %0", ("+r"(v)), ());
    if (me()->ntraps != n0) trapped |= 1;
    n0 = me()->ntraps;
    TRY(mode == PRV_S ? "  S: rdtime" : "  U: rdtime", "rdtime %0", ("+r"(v)), ());
    if (me()->ntraps != n0) trapped |= 2;
    n0 = me()->ntraps;
    TRY(mode == PRV_S ? "  S: rdinstret" : "  U: rdinstret", "rdinstret %0", ("+r"(v)), ());
    if (me()->ntraps != n0) trapped |= 4;
    n0 = me()->ntraps;
    TRY(mode == PRV_S ? "  S: hpmcounter3" : "  U: hpmcounter3", "csrr %0, hpmcounter3", ("+r"(v)), ());
    if (me()->ntraps != n0) trapped |= 8;
    return trapped;
}

static u64 in_s(u64 arg) { return read_counters(PRV_S); }
static u64 in_u(u64 arg) { return read_counters(PRV_U); }

/* instret counted in U-mode, between two reads, with nothing else in between */
static u64 u_delta(u64 arg) {
    u64 a, b;
    asm volatile("rdinstret %0\n\taddi zero, zero, 0\n\trdinstret %1" : "=&r"(a), "=&r"(b));
    return b - a;
}

static void access(void) {
    static const u64 en[] = {0, 1, 2, 4, 8, 0xf};
    for (unsigned i = 0; i < sizeof en / sizeof en[0]; i++) {
        csr_write(mcounteren, en[i]);
        csr_write(scounteren, 0);
        pf("mcounteren=%x scounteren=0:\n", en[i]);
        pf("  S trapped on %x\n", run_in_mode(PRV_S, in_s, 0));
        pf("  U trapped on %x\n", run_in_mode(PRV_U, in_u, 0));
        csr_write(scounteren, 0xf);
        pf("mcounteren=%x scounteren=0xf:\n", en[i]);
        pf("  U trapped on %x\n", run_in_mode(PRV_U, in_u, 0));
    }
    csr_write(mcounteren, 0xf);
    csr_write(scounteren, 0x5);
    pf("mcounteren=0xf scounteren=0x5:\n");
    pf("  U trapped on %x\n", run_in_mode(PRV_U, in_u, 0));
    csr_write(scounteren, 0xf);
    pf("U: instret over rdinstret + 1 insn -> +%u\n", run_in_mode(PRV_U, u_delta, 0));
    csr_write(mcounteren, 0);
    csr_write(scounteren, 0);
}

int main(void) {
    deltas();
    time_vs_mtime();
    hpm();
    access();
    return 0;
}
