/*
 * Privilege transitions: mret into U, S and M (MPP, MPIE, MIE, MPRV afterwards), sret into U and S
 * (SPP, SPIE, SIE), sret from M, the xRET/WFI/SFENCE.VMA instructions that are illegal in a mode
 * (and TSR/TW/TVM), exception delegation through medeleg (including what never delegates), and
 * stvec's vectored mode sending exceptions to its base.
 */
#include "rt.h"

#define RESUME_MODE_OFF __builtin_offsetof(struct hart, resume_mode)

static void status(const char *what, u64 m) {
    pf("%s: MPP=%u MPIE=%u MIE=%u SPP=%u SPIE=%u SIE=%u MPRV=%u\n", what, (m >> 11) & 3, (m >> 7) & 1, (m >> 3) & 1,
       (m >> 8) & 1, (m >> 5) & 1, (m >> 1) & 1, (m >> 17) & 1);
}

static void sstatus_line(const char *what) {
    u64 s = csr_read(sstatus);
    pf("%s: SPP=%u SPIE=%u SIE=%u\n", what, (s >> 8) & 1, (s >> 5) & 1, (s >> 1) & 1);
}

static u64 s_show(u64 arg) {
    sstatus_line("  in S, sstatus");
    return arg;
}

static u64 u_nothing(u64 arg) { return arg; }

#define XIE_BITS (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_MPRV)

static void mret_into_lower(void) {
    for (u64 mpie = 0; mpie < 2; mpie++) {
        csr_clear(mstatus, XIE_BITS);
        csr_set(mstatus, mpie ? MSTATUS_MPIE : 0);
        pf("mret to S with MPIE=%u\n", mpie);
        run_in_mode(PRV_S, s_show, 0);
        status("  back in M by ecall from S, mstatus", me()->rim_status);
        csr_clear(mstatus, XIE_BITS);
        csr_set(mstatus, mpie ? MSTATUS_MPIE : 0);
        pf("mret to U with MPIE=%u\n", mpie);
        run_in_mode(PRV_U, u_nothing, 0);
        status("  back in M by ecall from U, mstatus", me()->rim_status);
    }
    /* mret to a mode below M clears MPRV */
    csr_clear(mstatus, XIE_BITS);
    csr_set(mstatus, MSTATUS_MPRV);
    run_in_mode(PRV_S, u_nothing, 0);
    status("mret to S with MPRV=1, back in M", me()->rim_status);
    csr_clear(mstatus, XIE_BITS);
}

static void mret_into_m(void) {
    for (u64 mpie = 0; mpie < 2; mpie++) {
        u64 m;
        csr_clear(mstatus, XIE_BITS);
        csr_set(mstatus, MSTATUS_MPP | MSTATUS_MPRV | (mpie ? MSTATUS_MPIE : 0));
        /* mie is 0: MIE may be 1 for a moment without any interrupt */
        asm volatile("la t0, 1f\n\tcsrw mepc, t0\n\tmret\n1:\tcsrr %0, mstatus\n\tcsrci mstatus, 8" : "=r"(m) :: "t0", "memory");
        pf("mret to M with MPIE=%u and MPRV=1\n", mpie);
        status("  after", m);
    }
    csr_clear(mstatus, XIE_BITS);
}

/* In S: sret into U, whose ecall (taken in M) comes back into S; and sret into S. */
static u64 s_srets(u64 arg) {
    for (u64 spie = 0; spie < 2; spie++) {
        csr_clear(sstatus, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP);
        csr_set(sstatus, spie ? MSTATUS_SPIE : 0);
        me()->resume_mode = PRV_S;
        TRY(spie ? "S: sret to U with SPIE=1, then ecall from U" : "S: sret to U with SPIE=0, then ecall from U",
            "la t0, 3f\n\tcsrw sepc, t0\n\tsret\n3:\tecall", (), (), "t0");
        sstatus_line("  back in S, sstatus");
        csr_clear(sstatus, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP);
        csr_set(sstatus, MSTATUS_SPP | (spie ? MSTATUS_SPIE : 0));
        TRY(spie ? "S: sret to S with SPIE=1" : "S: sret to S with SPIE=0", "la t0, 3f\n\tcsrw sepc, t0\n\tsret\n3:", (), (), "t0");
        sstatus_line("  after, sstatus");
        csr_clear(sstatus, MSTATUS_SIE);
    }
    return arg;
}

static void sret_from_m(void) {
    csr_clear(mstatus, XIE_BITS);
    csr_set(mstatus, MSTATUS_SPP | MSTATUS_SPIE);
    me()->resume_mode = PRV_M;
    TRY("M: sret to S (SPP=1 SPIE=1), then ecall from S", "la t0, 3f\n\tcsrw sepc, t0\n\tsret\n3:\tecall", (), (), "t0");
    status("  back in M, mstatus", csr_read(mstatus));
    csr_clear(mstatus, XIE_BITS);
}

static u64 s_illegal(u64 arg) {
    TRY("S: mret", "mret", (), ());
    TRY("S: wfi with TW=1", "wfi", (), ());
    TRY("S: sret with TSR=1", "sret", (), ());
    TRY("S: sfence.vma with TVM=1", "sfence.vma", (), ());
    return arg;
}

static u64 u_illegal(u64 arg) {
    TRY("U: mret", "mret", (), ());
    TRY("U: sret", "sret", (), ());
    TRY("U: wfi", "wfi", (), ());
    TRY("U: sfence.vma", "sfence.vma", (), ());
    TRY("U: csrr sstatus", "csrr t0, sstatus", (), (), "t0");
    return arg;
}

static u64 s_wfi(u64 arg) {
    /* SSIP is delegated, pending and enabled in sie, but sstatus.SIE=0: wfi returns, no trap */
    TRY("S: wfi with TW=0 and a delegated SSIP pending (SIE=0)", "wfi", (), ());
    csr_clear(sip, 1UL << IRQ_SSI);
    pf("  sip after clearing SSIP -> %x\n", csr_read(sip));
    return arg;
}

static void illegal_in_modes(void) {
    csr_set(mstatus, MSTATUS_TW | MSTATUS_TSR | MSTATUS_TVM);
    run_in_mode(PRV_S, s_illegal, 0);
    run_in_mode(PRV_U, u_illegal, 0);
    /* TW/TSR/TVM do not bind M */
    csr_set(mip, 1UL << IRQ_SSI);
    csr_set(mie, 1UL << IRQ_SSI);
    TRY("M: wfi with TW=1, SSIP pending and enabled in mie (MIE=0)", "wfi", (), ());
    csr_clear(mip, 1UL << IRQ_SSI);
    csr_write(mie, 0);
    TRY("M: sfence.vma with TVM=1", "sfence.vma", (), ());
    csr_clear(mstatus, MSTATUS_TW | MSTATUS_TSR | MSTATUS_TVM);
    csr_write(mideleg, 1UL << IRQ_SSI);
    csr_set(mip, 1UL << IRQ_SSI);
    csr_set(mie, 1UL << IRQ_SSI);
    run_in_mode(PRV_S, s_wfi, 0);
    csr_write(mie, 0);
    csr_write(mideleg, 0);
}

static u64 s_delegated(u64 arg) {
    u64 v = 0x5a5a;
    TRY("S: illegal 0xffffffff (medeleg[2])", ".word 0xffffffff", (), ());
    u64 st = me()->last.status;
    pf("  sstatus as the trap left it: SPP=%u SPIE=%u SIE=%u\n", (st >> 8) & 1, (st >> 5) & 1, (st >> 1) & 1);
    TRY("S: ebreak (medeleg[3])", "ebreak", (), ());
    TRY("S: ld from 0x0 (medeleg[5])", "ld %0, 0(zero)", ("+r"(v)), ());
    TRY("S: sd to 0x0 (medeleg[7] not set)", "sd %0, 0(zero)", (), ("r"(v)));
    TRY("S: ecall (medeleg[9] not set)", "ecall", (), ());
    return arg;
}

static u64 u_delegated(u64 arg) {
    u64 v = 0x5a5a;
    TRY("U: illegal 0xffffffff (medeleg[2])", ".word 0xffffffff", (), ());
    TRY("U: ebreak (medeleg[3])", "ebreak", (), ());
    TRY("U: ld from 0x0 (medeleg[5])", "ld %0, 0(zero)", ("+r"(v)), ());
    TRY("U: ecall (medeleg[8])", "ecall", (), ());
    return arg;
}

static void delegation(void) {
    csr_write(medeleg, (1UL << 2) | (1UL << 3) | (1UL << 5) | (1UL << 8));
    pf("medeleg -> %x\n", csr_read(medeleg));
    run_in_mode(PRV_S, s_delegated, 0);
    run_in_mode(PRV_U, u_delegated, 0);
    TRY("M: illegal 0xffffffff (never delegated from M)", ".word 0xffffffff", (), ());
    TRY("M: ebreak (never delegated from M)", "ebreak", (), ());

    /* an ecall from S delegated to S; then an ebreak (not delegated) takes S back to M */
    csr_write(medeleg, 1UL << 9);
    csr_clear(mstatus, MSTATUS_MPP);
    csr_set(mstatus, 1UL << 11);
    u64 n = me()->ntraps;
    asm volatile("la t6, 1f\n\tsd t6, 8(tp)\n\tla t6, 2f\n\tsd t6, 0(tp)\n\t"
                 "la t0, 1f\n\tcsrw mepc, t0\n\tmret\n"
                 "1:\tecall\n"
                 "2:\tla t6, 3f\n\tsd t6, 0(tp)\n\tli t6, 3\n\tsd t6, %0(tp)\n\t"
                 "ebreak\n"
                 "3:\tsd zero, 0(tp)" ::"i"(RESUME_MODE_OFF) : "t0", "t6", "memory");
    print_log_since("medeleg[9]: ecall from S, then ebreak from S", n);
    csr_write(medeleg, 0);

    /* stvec vectored: exceptions still enter at the base (entry 0) */
    csr_write(medeleg, 1UL << 2);
    csr_write(stvec, (u64)s_vector_table | 1);
    me()->vector = (u64)-1;
    pf("medeleg[2] with stvec vectored:\n");
    run_in_mode(PRV_U, u_illegal, 0);
    pf("stvec vectored: exceptions entered at entry %d\n", (i64)me()->vector);
    csr_write(stvec, s_trap_entry);
    csr_write(medeleg, 0);
}

int main(void) {
    mret_into_lower();
    mret_into_m();
    run_in_mode(PRV_S, s_srets, 0);
    sret_from_m();
    illegal_in_modes();
    delegation();
    return 0;
}
