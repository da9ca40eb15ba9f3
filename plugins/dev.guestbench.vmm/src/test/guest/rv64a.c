/*
 * RV64A: LR/SC success and failure (no reservation, reservation used up, a trap between LR and SC,
 * another address), every AMO in .w and .d with each aq/rl combination, and the traps of misaligned
 * and unbacked atomics.
 *
 * Not printed: SC to an address other than the LR's inside the same reservation set and SC of a
 * size other than the LR's (the spec leaves both to the implementation's reservation set), and an
 * aligned SC that would fail anyway to an address with nothing behind it (QEMU fails it without an
 * access; whether it must fault is not pinned down by the spec).
 */
#include "rt.h"

static u64 mem[8] __attribute__((aligned(64)));

static void lrsc(void) {
    u64 rc, v;
    /* nothing reserved yet at the start of the program */
    mem[0] = 11;
    asm volatile("li t0, 22\n\tsc.d %0, t0, (%1)" : "=r"(rc) : "r"(&mem[0]) : "t0", "memory");
    pf("sc.d with no lr ever -> rc=%x mem=%x\n", rc, mem[0]);

    mem[0] = 0xffffffff80000005UL;
    asm volatile("lr.w %0, (%2)\n\taddi %0, %0, 1\n\tsc.w %1, %0, (%2)" : "=&r"(v), "=&r"(rc) : "r"(&mem[0]) : "memory");
    pf("lr.w/sc.w pair -> value=%x rc=%x mem=%x\n", v, rc, mem[0]);

    mem[0] = 0x80000000UL;
    asm volatile("lr.w %0, (%1)" : "=r"(v) : "r"(&mem[0]) : "memory");
    pf("lr.w of 0x80000000 sign-extends -> %x\n", v);

    mem[0] = 100;
    asm volatile("lr.d %0, (%2)\n\taddi %0, %0, 1\n\tsc.d %1, %0, (%2)" : "=&r"(v), "=&r"(rc) : "r"(&mem[0]) : "memory");
    pf("lr.d/sc.d pair -> rc=%x mem=%x\n", rc, mem[0]);

    /* the reservation is used up by the first SC */
    asm volatile("li t0, 7\n\tsc.d %0, t0, (%1)" : "=r"(rc) : "r"(&mem[0]) : "t0", "memory");
    pf("second sc.d after a successful one -> rc=%x mem=%x\n", rc, mem[0]);

    /* an SC to another reservation set fails */
    mem[0] = 1;
    mem[4] = 2;
    asm volatile("lr.d %0, (%2)\n\tli t0, 9\n\tsc.d %1, t0, (%3)" : "=&r"(v), "=&r"(rc) : "r"(&mem[0]), "r"(&mem[4]) : "t0", "memory");
    pf("sc.d to another cache line -> rc=%x mem0=%x mem4=%x\n", rc, mem[0], mem[4]);
    /* ... and the failed SC still ends the reservation */
    asm volatile("li t0, 9\n\tsc.d %0, t0, (%1)" : "=r"(rc) : "r"(&mem[0]) : "t0", "memory");
    pf("sc.d after a failed sc.d -> rc=%x mem0=%x\n", rc, mem[0]);

    /* a trap between LR and SC drops the reservation (QEMU virt's choice; the spec allows it) */
    mem[0] = 40;
    asm volatile("lr.d %0, (%1)" : "=r"(v) : "r"(&mem[0]) : "memory");
    TRY("ebreak between lr.d and sc.d", "ebreak", (), ());
    asm volatile("li t0, 41\n\tsc.d %0, t0, (%1)" : "=r"(rc) : "r"(&mem[0]) : "t0", "memory");
    pf("sc.d after the trap -> rc=%x mem=%x\n", rc, mem[0]);

    /* plain stores by this hart to the reserved address: the SC still succeeds (no other hart) */
    mem[0] = 50;
    asm volatile("lr.d %0, (%2)\n\tli t0, 51\n\tsc.d %1, t0, (%2)" : "=&r"(v), "=&r"(rc) : "r"(&mem[0]) : "t0", "memory");
    pf("lr.d/sc.d again after the trap -> rc=%x mem=%x\n", rc, mem[0]);

    /* every ordering form */
#define LRSC(l, s)                                                                                            \
    do {                                                                                                      \
        mem[1] = 0x1000;                                                                                      \
        asm volatile(l " %0, (%2)\n\taddi %0, %0, 3\n\t" s " %1, %0, (%2)" : "=&r"(v), "=&r"(rc) : "r"(&mem[1]) : "memory"); \
        pf("%s/%s -> rc=%x mem=%x\n", l, s, rc, mem[1]);                                                      \
    } while (0)
    LRSC("lr.w", "sc.w"); LRSC("lr.w.aq", "sc.w.rl"); LRSC("lr.w.aqrl", "sc.w.aqrl"); LRSC("lr.w.rl", "sc.w.aq");
    LRSC("lr.d", "sc.d"); LRSC("lr.d.aq", "sc.d.rl"); LRSC("lr.d.aqrl", "sc.d.aqrl"); LRSC("lr.d.rl", "sc.d.aq");
}

/* One AMO on a memory doubleword; for .w the word is the low half and the high half must survive. */
#define AMO(insn, m0, src)                                                                      \
    do {                                                                                        \
        u64 rd;                                                                                 \
        mem[2] = (m0);                                                                          \
        asm volatile(insn " %0, %2, (%1)" : "=&r"(rd) : "r"(&mem[2]), "r"((u64)(src)) : "memory"); \
        pf("%s mem=%x src=%x -> rd=%x mem=%x\n", insn, (u64)(m0), (u64)(src), rd, mem[2]);        \
    } while (0)

#define W_PAIRS(insn)                                              \
    AMO(insn, 0xaaaaaaaa7fffffffUL, 1);                             \
    AMO(insn, 0xaaaaaaaa80000000UL, 0xffffffffUL);                  \
    AMO(insn, 0x5555555512345678UL, 0xfedcba9876543210UL);          \
    AMO(insn, 0x0000000000000003UL, 0xfffffffffffffffdUL)
#define D_PAIRS(insn)                                              \
    AMO(insn, 0x7fffffffffffffffUL, 1);                             \
    AMO(insn, 0x8000000000000000UL, (u64)-1);                       \
    AMO(insn, 5, (u64)-3);                                          \
    AMO(insn, 0x00000000ffffffffUL, 0x0000000100000000UL)
#define ORDERINGS(op, w)                                            \
    AMO(op "." w ".aq", 0x1122334455667788UL, 0x0f0f0f0f0f0f0f0fUL); \
    AMO(op "." w ".rl", 0x1122334455667788UL, 0x0f0f0f0f0f0f0f0fUL); \
    AMO(op "." w ".aqrl", 0x1122334455667788UL, 0x0f0f0f0f0f0f0f0fUL)
#define BOTH(op)                \
    W_PAIRS(op ".w");           \
    ORDERINGS(op, "w");         \
    D_PAIRS(op ".d");           \
    ORDERINGS(op, "d")

static void amos(void) {
    BOTH("amoswap"); BOTH("amoadd"); BOTH("amoxor"); BOTH("amoand"); BOTH("amoor");
    BOTH("amomin"); BOTH("amomax"); BOTH("amominu"); BOTH("amomaxu");
    /* rd = x0 still writes memory; rd = rs2 returns the old value */
    mem[2] = 10;
    asm volatile("li t0, 5\n\tamoadd.d x0, t0, (%0)" ::"r"(&mem[2]) : "t0", "memory");
    pf("amoadd.d rd=x0 -> mem=%x\n", mem[2]);
    u64 r = 3;
    asm volatile("amoswap.d %0, %0, (%1)" : "+r"(r) : "r"(&mem[2]) : "memory");
    pf("amoswap.d rd=rs2 -> rd=%x mem=%x\n", r, mem[2]);
}

/*
 * LR raises load exceptions (cause 4/5); SC and AMOs raise store/AMO exceptions (cause 6/7), and an
 * SC checks alignment whether or not it would succeed. Each check prints the trap, then rd and the
 * two doublewords at "sym" (rd starts as 0x5a5a: a trapping instruction must not write it).
 */
#define FAULT(what, insn, addr)                                                          \
    do {                                                                                 \
        v = 0x5a5a;                                                                      \
        TRY_AT(what, base, insn, ("+r"(v)), ("r"(addr), "r"(src)));                          \
        pf("  rd=%x sym+0=%x sym+8=%x\n", v, mem[4], mem[5]);                            \
    } while (0)

static void faults(void) {
    u64 base = (u64)&mem[4], v, src = 0x1111111111111111UL;
    mem[4] = 0x0706050403020100UL;
    mem[5] = 0x0f0e0d0c0b0a0908UL;
    FAULT("lr.w at sym+2 (misaligned)", "lr.w %0, (%1)", base + 2);
    FAULT("lr.d at sym+4 (misaligned)", "lr.d %0, (%1)", base + 4);
    asm volatile("lr.d t0, (%0)" ::"r"(base) : "t0", "memory");
    FAULT("sc.d at sym+4 (misaligned, reservation at sym+0)", "sc.d %0, %2, (%1)", base + 4);
    FAULT("sc.w at sym+2 (misaligned, no reservation)", "sc.w %0, %2, (%1)", base + 2);
    FAULT("amoadd.w at sym+2 (misaligned)", "amoadd.w %0, %2, (%1)", base + 2);
    FAULT("amoswap.d at sym+4 (misaligned)", "amoswap.d %0, %2, (%1)", base + 4);
    FAULT("amoor.d.aqrl at sym+1 (misaligned)", "amoor.d.aqrl %0, %2, (%1)", base + 1);
    FAULT("amomaxu.w at sym+7 (misaligned)", "amomaxu.w %0, %2, (%1)", base + 7);
    FAULT("amoadd.w at sym+4 (aligned word)", "amoadd.w %0, %2, (%1)", base + 4);
    /* addresses with nothing behind them on either machine (0x3000000 is QEMU's PCIe I/O window) */
    FAULT("lr.w at 0x0 (nothing there)", "lr.w %0, (%1)", 0UL);
    FAULT("amoadd.d at 0x0 (nothing there)", "amoadd.d %0, %2, (%1)", 0UL);
    FAULT("amoswap.w at 0x1000000 (nothing there)", "amoswap.w %0, %2, (%1)", 0x1000000UL);
    FAULT("lr.d at RAM end (nothing there)", "lr.d %0, (%1)", RAM_END);
    FAULT("amoand.d at RAM end (nothing there)", "amoand.d %0, %2, (%1)", RAM_END);
}

int main(void) {
    lrsc();
    amos();
    faults();
    return 0;
}
