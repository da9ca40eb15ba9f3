/*
 * M-mode CSRs: what sticks when all ones and all zeros are written (WARL), plus the fields with
 * reserved values (mstatus.MPP, mtvec.MODE), mepc's low bit, satp with unsupported modes.
 *
 * Masked or not printed, because QEMU's default CPU is not this machine (see each place):
 * - misa bit 7 (H): QEMU 7.2 enables the hypervisor extension; we implement none.
 * - mstatus MPV/GVA, the VS and SGEI interrupt bits, the H exception codes: exist only with H;
 *   LCOFI (interrupt 13) needs Sscofpmf, which QEMU 7.2 lets the masks hold anyway.
 * - mstatus.UXL = 1: QEMU can run U-mode at 32 bits, this machine cannot (UXL is fixed at 2).
 * - mvendorid/marchid/mimpid: QEMU reports its own ids (marchid/mimpid encode its version).
 * - menvcfg/senvcfg beyond FIOM: QEMU enables Zicbom/Zicboz/Sstc (CBIE/CBCFE/CBZE/STCE bits).
 * - mcounteren/mcountinhibit bits for HPM counters: QEMU makes 16 of them programmable.
 * - satp with Sv39/Sv48/Sv57: QEMU supports paging, this machine does not advertise it yet; only
 *   the reserved modes (1..7, 11..15) are compared, which both must ignore.
 */
#include "rt.h"

static void misa_ids(void) {
    u64 misa = csr_read(misa);
    pf("misa (H masked) -> %x\n", misa & ~(1UL << 7));
    pf("misa MXL -> %u\n", misa >> 62);
    csr_write(misa, 0);
    pf("misa after writing 0 (H masked) -> %x\n", csr_read(misa) & ~(1UL << 7));
    csr_write(misa, -1);
    pf("misa after writing all ones (H masked) -> %x\n", csr_read(misa) & ~(1UL << 7));
    csr_write(misa, misa);
    TRY("mvendorid readable", "csrr t0, mvendorid", (), (), "t0");
    TRY("marchid readable", "csrr t0, marchid", (), (), "t0");
    TRY("mimpid readable", "csrr t0, mimpid", (), (), "t0");
    pf("mhartid -> %x\n", csr_read(mhartid));
    u64 v = 0x5a5a;
    TRY("mconfigptr (priv 1.12) readable", "csrr %0, 0xf15", ("+r"(v)), ());
    pf("  -> %x\n", v);
}

static void mstatus_warl(void) {
    u64 orig = csr_read(mstatus);
    /* interrupts stay off: mie is 0 while MIE is set for a moment */
    csr_write(mie, 0);
    u64 ones = csr_warl(mstatus, -1);
    u64 zeros = csr_warl(mstatus, 0);
    csr_write(mstatus, orig);
    /* UXL is shown by the lines below */
    pf("mstatus after writing all ones (MPV/GVA/UXL masked) -> %x\n", ones & ~MSTATUS_H_ONLY & ~(3UL << 32));
    pf("mstatus after writing 0 (MPV/GVA/UXL masked) -> %x\n", zeros & ~MSTATUS_H_ONLY & ~(3UL << 32));
    pf("  SD=%u SXL=%u XS=%u VS=%u MBE=%u SBE=%u UBE=%u\n", ones >> 63, (ones >> 34) & 3, (ones >> 15) & 3,
       (ones >> 9) & 3, (ones >> 37) & 1, (ones >> 36) & 1, (ones >> 6) & 1);
    for (u64 mpp = 0; mpp < 4; mpp++) {
        csr_write(mstatus, (orig & ~MSTATUS_MPP) | (1UL << 11)); /* start from S */
        csr_write(mstatus, (orig & ~MSTATUS_MPP) | (mpp << 11));
        pf("mstatus.MPP written %u (was 1) -> %u\n", mpp, (csr_read(mstatus) >> 11) & 3);
    }
    for (u64 xl = 0; xl < 4; xl++) {
        csr_write(mstatus, (orig & ~(0xfUL << 32)) | (xl << 32) | (xl << 34));
        u64 m = csr_read(mstatus);
        if (xl == 1) /* 32-bit U-mode: QEMU has it, this machine does not */
            pf("mstatus.SXL written %u -> SXL=%u\n", xl, (m >> 34) & 3);
        else
            pf("mstatus.SXL/UXL written %u -> SXL=%u UXL=%u\n", xl, (m >> 34) & 3, (m >> 32) & 3);
    }
    for (u64 f = 0; f < 4; f++) {
        csr_write(mstatus, (orig & ~MSTATUS_FS) | (f << 13));
        u64 m = csr_read(mstatus);
        pf("mstatus.FS written %u -> FS=%u SD=%u\n", f, (m >> 13) & 3, m >> 63);
    }
    csr_write(mstatus, orig);
}

static void traps_csrs(void) {
    static const u64 modes[] = {0x80001000, 0x80001001, 0x80001002, 0x80001003, 0x80001105, 0x0, 0x1};
    for (unsigned i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        csr_write(mtvec, 0x80002000);
        pf("mtvec written %x (was 0x80002000) -> %x\n", modes[i], csr_warl(mtvec, modes[i]));
    }
    csr_write(mtvec, m_trap_entry);

    pf("medeleg all ones (H causes masked) -> %x\n", csr_warl(medeleg, -1) & ~EXC_H_ONLY);
    pf("medeleg 0 -> %x\n", csr_warl(medeleg, 0));
    pf("mideleg all ones (H/LCOFI masked) -> %x\n", csr_warl(mideleg, -1) & ~IRQ_QEMU_EXTRA);
    pf("mideleg 0 (H/LCOFI masked) -> %x\n", csr_warl(mideleg, 0) & ~IRQ_QEMU_EXTRA);
    pf("mie all ones (H/LCOFI masked) -> %x\n", csr_warl(mie, -1) & ~IRQ_QEMU_EXTRA);
    pf("mie 0 -> %x\n", csr_warl(mie, 0));
    /* MTIP is pending from reset: mtimecmp starts at 0 */
    pf("mip at start -> %x\n", csr_read(mip));
    pf("mip all ones (H/LCOFI masked) -> %x\n", csr_warl(mip, -1) & ~IRQ_QEMU_EXTRA);
    pf("mip 0 -> %x\n", csr_warl(mip, 0));

    static const u64 pcs[] = {0x80001234, 0x80001236, 0x80001237, 0x80001002};
    for (unsigned i = 0; i < sizeof pcs / sizeof pcs[0]; i++)
        pf("mepc written %x -> %x\n", pcs[i], csr_warl(mepc, pcs[i]));
    pf("mcause written 2 -> %x\n", csr_warl(mcause, 2));
    pf("mcause written 0x8000000000000007 -> %x\n", csr_warl(mcause, 0x8000000000000007UL));
    pf("mtval written 0x80001235 -> %x\n", csr_warl(mtval, 0x80001235));
    pf("mtval written 0 -> %x\n", csr_warl(mtval, 0));
    pf("mscratch all ones -> %x\n", csr_warl(mscratch, -1));
    pf("mscratch 0 -> %x\n", csr_warl(mscratch, 0));
}

static void counters_envcfg_satp(void) {
    u64 v = csr_warl(mcounteren, -1);
    pf("mcounteren all ones -> CY/TM/IR %x, bits 63..32 %x\n", v & 7, v >> 32);
    pf("mcounteren 0 -> %x\n", csr_warl(mcounteren, 0));
    v = csr_warl(mcountinhibit, -1);
    pf("mcountinhibit all ones -> CY/TM/IR %x, bits 63..32 %x\n", v & 7, v >> 32);
    pf("mcountinhibit 0 -> %x\n", csr_warl(mcountinhibit, 0));
    v = csr_warl(menvcfg, -1);
    csr_write(menvcfg, 0);
    pf("menvcfg all ones -> FIOM %x\n", v & 1);
    pf("menvcfg 0 -> %x\n", csr_read(menvcfg));
    pf("satp at start -> %x\n", csr_read(satp));
    pf("satp written 0 -> %x\n", csr_warl(satp, 0));
    for (u64 mode = 1; mode < 16; mode++) {
        if (mode >= 8 && mode <= 10)
            continue; /* Sv39/48/57: supported by QEMU, not (yet) by this machine */
        csr_write(satp, 0);
        pf("satp written mode %u with ASID 1, PPN 0x12345 -> %x\n", mode, csr_warl(satp, (mode << 60) | (1UL << 44) | 0x12345));
    }
    csr_write(satp, 0);
}

int main(void) {
    misa_ids();
    mstatus_warl();
    traps_csrs();
    counters_envcfg_satp();
    return 0;
}
