/*
 * Zicsr: every CSR instruction form; which forms write (rs1 = x0 / zimm = 0 do not, for csrrs/csrrc
 * and their immediate forms; csrrw/csrrwi always do); read-only CSRs trapping on a write attempt
 * only; CSR numbers that do not exist on this machine trapping on any access; CSR privilege levels.
 *
 * Not printed: CSRs that QEMU 7.2 implements for extensions this machine does not have (the H
 * extension's 0x2xx/0x6xx CSRs, Sdtrig's tselect/tdata at 0x7a0.., Sstc's stimecmp, H's
 * mtinst/mtval2); QEMU answers them and we rightly trap, so they are not comparable. Nor
 * hpmcounter19..31: QEMU 7.2 implements 16 HPM counters (pmu-num) and traps on the rest, where the
 * spec would rather have all 29 exist (possibly read-only zero); counters.c reads 3..18 only.
 */
#include "rt.h"

static void forms(void) {
    u64 old, v;
    csr_write(mscratch, 0xf0);
    asm volatile("csrrw %0, mscratch, %1" : "=r"(old) : "r"(0x0fUL));
    pf("csrrw mscratch: old %x new %x\n", old, csr_read(mscratch));
    asm volatile("csrrs %0, mscratch, %1" : "=r"(old) : "r"(0xf00UL));
    pf("csrrs mscratch: old %x new %x\n", old, csr_read(mscratch));
    asm volatile("csrrc %0, mscratch, %1" : "=r"(old) : "r"(0x0f0fUL));
    pf("csrrc mscratch: old %x new %x\n", old, csr_read(mscratch));
    asm volatile("csrrwi %0, mscratch, 31" : "=r"(old));
    pf("csrrwi mscratch,31: old %x new %x\n", old, csr_read(mscratch));
    asm volatile("csrrsi %0, mscratch, 0x10" : "=r"(old));
    pf("csrrsi mscratch,0x10: old %x new %x\n", old, csr_read(mscratch));
    asm volatile("csrrci %0, mscratch, 0x5" : "=r"(old));
    pf("csrrci mscratch,5: old %x new %x\n", old, csr_read(mscratch));
    asm volatile("csrrwi %0, mscratch, 0" : "=r"(old));
    pf("csrrwi mscratch,0 (writes): old %x new %x\n", old, csr_read(mscratch));
    csr_write(mscratch, 0x1234);
    asm volatile("csrrs %0, mscratch, zero" : "=r"(old));
    pf("csrrs mscratch,x0 (reads only): %x, after %x\n", old, csr_read(mscratch));
    asm volatile("csrrc %0, mscratch, zero" : "=r"(old));
    pf("csrrc mscratch,x0 (reads only): %x, after %x\n", old, csr_read(mscratch));
    /* rd = rs1: the old CSR value goes to rd, the CSR gets the old register value */
    v = 0x5678;
    asm volatile("csrrw %0, mscratch, %0" : "+r"(v));
    pf("csrrw rd=rs1: rd %x mscratch %x\n", v, csr_read(mscratch));
    /* rd = x0: csrrw still writes */
    asm volatile("csrrw zero, mscratch, %0" ::"r"(0x9abcUL));
    pf("csrrw rd=x0: mscratch %x\n", csr_read(mscratch));
    /* 64-bit values round-trip */
    csr_write(mscratch, 0xfedcba9876543210UL);
    pf("mscratch 64-bit: %x\n", csr_read(mscratch));
    csr_write(mscratch, 0);
}

/*
 * Write attempts to read-only CSRs: only the forms that write trap. Registers are fixed (rd = t1,
 * rs1 = t0 holding 0) so that mtval, the instruction bits, is the same in every build.
 */
#define RO1(what, insn)                                                                           \
    do {                                                                                          \
        register u64 t1 asm("t1") = 0x5a5a;                                                       \
        register u64 t0 asm("t0") = 0;                                                            \
        TRY(what, insn, ("+r"(t1)), ("r"(t0)));                                                   \
    } while (0)
#define RO(csr)                                                                                   \
    do {                                                                                          \
        RO1("csrrs " #csr ",x0", "csrrs t1, " #csr ", zero");                                     \
        RO1("csrrc " #csr ",x0", "csrrc t1, " #csr ", zero");                                     \
        RO1("csrrsi " #csr ",0", "csrrsi t1, " #csr ", 0");                                       \
        RO1("csrrci " #csr ",0", "csrrci t1, " #csr ", 0");                                       \
        RO1("csrrs " #csr ",reg=0", "csrrs t1, " #csr ", t0");                                    \
        RO1("csrrc " #csr ",reg=0", "csrrc t1, " #csr ", t0");                                    \
        RO1("csrrsi " #csr ",1", "csrrsi t1, " #csr ", 1");                                       \
        RO1("csrrwi " #csr ",0", "csrrwi t1, " #csr ", 0");                                       \
        RO1("csrrw x0," #csr ",reg", "csrrw zero, " #csr ", t0");                                 \
    } while (0)

/* CSR numbers this machine does not have: any access traps, mtval = the instruction */
#define NONE(num, what)                                                                           \
    do {                                                                                          \
        u64 v = 0x5a5a;                                                                           \
        TRY("csrr " #num " (" what ")", "csrr %0, " #num, ("+r"(v)), ());                          \
        TRY("csrw " #num " (" what ")", "csrw " #num ", %0", (), ("r"(v)));                        \
    } while (0)

static void read_only(void) {
    RO(mhartid);
    RO(mvendorid);
    RO(marchid);
    RO(mimpid);
    RO(cycle);
    RO(time);
    RO(instret);
    RO(hpmcounter3);
}

static void unknown(void) {
    NONE(0x000, "ustatus: no N extension");
    NONE(0x004, "uie: no N extension");
    NONE(0x005, "utvec: no N extension");
    NONE(0x040, "uscratch: no N extension");
    NONE(0x044, "uip: no N extension");
    NONE(0x008, "vstart: no V extension");
    NONE(0xc20, "vl: no V extension");
    NONE(0x015, "seed: no Zkr");
    NONE(0x3a1, "pmpcfg1: RV32 only");
    NONE(0x3a3, "pmpcfg3: RV32 only");
    NONE(0xc80, "cycleh: RV32 only");
    NONE(0xb80, "mcycleh: RV32 only");
    NONE(0x310, "mstatush: RV32 only");
    NONE(0x5c0, "custom S read/write");
    NONE(0x7c0, "custom M read/write");
    NONE(0x800, "custom U read/write");
    NONE(0xcc0, "custom U read-only");
    NONE(0xfc0, "custom M read-only");
    NONE(0x7b0, "dcsr: debug mode only");
    NONE(0x7b2, "dscratch0: debug mode only");
    NONE(0xda0, "scountovf: no Sscofpmf");
    NONE(0x3ff, "unassigned M");
    NONE(0x1ff, "unassigned S");
}

static u64 s_access(u64 which) {
    u64 v = 0x5a5a;
    switch (which) {
    case 0: TRY("S: csrr mscratch", "csrr %0, mscratch", ("+r"(v)), ()); break;
    case 1: TRY("S: csrw mstatus", "csrw mstatus, zero", (), ()); break;
    case 2: TRY("S: csrr mhartid", "csrr %0, mhartid", ("+r"(v)), ()); break;
    case 3: TRY("S: csrr sscratch", "csrr %0, sscratch", ("+r"(v)), ()); break;
    case 4: TRY("S: csrr fflags (user CSR)", "csrr %0, fflags", ("+r"(v)), ()); break;
    case 5: TRY("S: csrr pmpcfg0", "csrr %0, pmpcfg0", ("+r"(v)), ()); break;
    }
    return v;
}

static u64 u_access(u64 which) {
    u64 v = 0x5a5a;
    switch (which) {
    case 0: TRY("U: csrr sscratch", "csrr %0, sscratch", ("+r"(v)), ()); break;
    case 1: TRY("U: csrw sstatus", "csrw sstatus, zero", (), ()); break;
    case 2: TRY("U: csrr mscratch", "csrr %0, mscratch", ("+r"(v)), ()); break;
    case 3: TRY("U: csrr satp", "csrr %0, satp", ("+r"(v)), ()); break;
    case 4: TRY("U: csrrw fcsr (user CSR)", "csrrw %0, fcsr, zero", ("+r"(v)), ()); break;
    case 5: TRY("U: csrr mvendorid", "csrr %0, mvendorid", ("+r"(v)), ()); break;
    }
    return v;
}

static void privilege(void) {
    for (u64 i = 0; i <= 5; i++)
        pf("  rd -> %x\n", run_in_mode(PRV_S, s_access, i));
    for (u64 i = 0; i <= 5; i++)
        pf("  rd -> %x\n", run_in_mode(PRV_U, u_access, i));
}

int main(void) {
    forms();
    read_only();
    unknown();
    privilege();
    return 0;
}
