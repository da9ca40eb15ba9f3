/*
 * S-mode CSRs as S-mode sees them: sstatus as a view of mstatus, sie/sip limited by mideleg,
 * stvec modes, sepc's low bit, scounteren, senvcfg, satp (and mstatus.TVM guarding it).
 *
 * Masked, as in csr_m.c: sstatus.UXL (QEMU can run 32-bit U-mode, this machine cannot), senvcfg
 * beyond FIOM (QEMU's Zicbom/Zicboz bits), scounteren's HPM bits (QEMU's 16 programmable counters).
 */
#include "rt.h"

#define UXL (3UL << 32)

static u64 s_status(u64 arg) {
    u64 orig = csr_read(sstatus);
    u64 ones = csr_warl(sstatus, -1);
    u64 zeros = csr_warl(sstatus, 0);
    csr_write(sstatus, orig);
    pf("S: sstatus all ones (UXL masked) -> %x\n", ones & ~UXL);
    pf("S: sstatus 0 (UXL masked) -> %x\n", zeros & ~UXL);
    csr_write(sstatus, (orig & ~MSTATUS_FS) | (3UL << 13));
    pf("S: sstatus.FS written 3 -> SD=%u\n", csr_read(sstatus) >> 63);
    csr_write(sstatus, orig);
    return arg;
}

static u64 s_interrupts(u64 arg) {
    pf("S: mideleg %x: sie all ones -> %x\n", arg, csr_warl(sie, -1));
    pf("S: sie 0 -> %x\n", csr_warl(sie, 0));
    pf("S: sip all ones -> %x\n", csr_warl(sip, -1));
    pf("S: sip 0 -> %x\n", csr_warl(sip, 0));
    return 0;
}

static u64 s_traps(u64 arg) {
    static const u64 modes[] = {0x80001000, 0x80001001, 0x80001002, 0x80001003, 0x80001105};
    for (unsigned i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        csr_write(stvec, 0x80002000);
        pf("S: stvec written %x (was 0x80002000) -> %x\n", modes[i], csr_warl(stvec, modes[i]));
    }
    csr_write(stvec, s_trap_entry);
    static const u64 pcs[] = {0x80001234, 0x80001237, 0x80001002};
    for (unsigned i = 0; i < sizeof pcs / sizeof pcs[0]; i++)
        pf("S: sepc written %x -> %x\n", pcs[i], csr_warl(sepc, pcs[i]));
    pf("S: scause written 0xd -> %x\n", csr_warl(scause, 0xd));
    pf("S: scause written 0x8000000000000005 -> %x\n", csr_warl(scause, 0x8000000000000005UL));
    pf("S: stval written 0x80001235 -> %x\n", csr_warl(stval, 0x80001235));
    pf("S: sscratch all ones -> %x\n", csr_warl(sscratch, -1));
    pf("S: sscratch 0 -> %x\n", csr_warl(sscratch, 0));
    u64 v = csr_warl(scounteren, -1);
    pf("S: scounteren all ones -> CY/TM/IR %x, bits 63..32 %x\n", v & 7, v >> 32);
    pf("S: scounteren 0 -> %x\n", csr_warl(scounteren, 0));
    pf("S: senvcfg all ones -> FIOM %x\n", csr_warl(senvcfg, -1) & 1);
    pf("S: senvcfg 0 -> %x\n", csr_warl(senvcfg, 0));
    return arg;
}

static u64 s_satp(u64 arg) {
    u64 v = 0x5a5a;
    TRY("S: csrr satp", "csrr %0, satp", ("+r"(v)), ());
    pf("  -> %x\n", v);
    TRY("S: csrw satp, 0", "csrw satp, zero", (), ());
    v = (1UL << 60) | 0x12345;
    TRY("S: csrw satp, reserved mode 1", "csrw satp, %0", (), ("r"(v)));
    TRY("S: sfence.vma", "sfence.vma", (), ());
    TRY("S: sfence.vma with asid and address", "sfence.vma %0, %0", (), ("r"(v)));
    v = 0x5a5a;
    TRY("S: csrr satp", "csrr %0, satp", ("+r"(v)), ());
    pf("  -> %x\n", v);
    return arg;
}

int main(void) {
    run_in_mode(PRV_S, s_status, 0);
    pf("M: mstatus after S wrote sstatus (MPV/GVA/UXL masked) -> %x\n", csr_read(mstatus) & ~MSTATUS_H_ONLY & ~UXL);
    csr_write(mideleg, 0);
    run_in_mode(PRV_S, s_interrupts, 0);
    csr_write(mideleg, 0x222);
    run_in_mode(PRV_S, s_interrupts, 0x222);
    pf("M: mip after S wrote sip -> %x, mie -> %x\n", csr_read(mip), csr_read(mie));
    csr_write(mideleg, 0x002);
    run_in_mode(PRV_S, s_interrupts, 0x002);
    csr_write(mideleg, 0);
    csr_write(mie, 0);
    csr_write(mip, 0);
    run_in_mode(PRV_S, s_traps, 0);
    pf("M: sepc via M -> %x, sscratch -> %x\n", csr_read(sepc), csr_read(sscratch));
    run_in_mode(PRV_S, s_satp, 0);
    csr_set(mstatus, MSTATUS_TVM);
    pf("with mstatus.TVM=1:\n");
    run_in_mode(PRV_S, s_satp, 0);
    csr_clear(mstatus, MSTATUS_TVM);
    pf("M: satp -> %x\n", csr_read(satp));
    return 0;
}
