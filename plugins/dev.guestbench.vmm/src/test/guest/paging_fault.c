/*
 * Page faults and satp: instruction, load and store page faults with their mtval (the faulting VA,
 * including a 32-bit instruction and misaligned loads and stores whose second half lies on an unmapped
 * page), V=0 entries whatever their other bits, PTEs with reserved bits set, non-canonical addresses under Sv39 and Sv48, satp writes
 * of modes we do not implement (Sv57, Sv64 and reserved) that leave satp unchanged, and satp's ASID
 * and PPN fields (WARL) from M and S. Page faults are taken in M, except in one section where medeleg
 * sends them to S's own handler (scause, stval).
 */
#include "pt.h"

#define VA 0xc0000000UL /* page 0: RWX with code at its end; page 1: unmapped; page 2: V=0, RWX set */

static u64 code;

static u64 s_faults(u64 arg) {
    (void)arg;
    PT_FETCH("fetch: a 32-bit insn at the page's last 2 bytes, next page unmapped", VA + 0xffe);
    PT_FETCH("fetch: a 16-bit insn at the page's last 2 bytes", VA + 0xffc);
    PT_FETCH("fetch: the unmapped page", VA + 0x1000);
    PT_LOAD("load: the unmapped page +0x7", "lbu", VA + 0x1007);
    PT_STORE("store: the unmapped page +0xff8", "sd", VA + 0x1ff8, 1);
    /* misaligned accesses do not trap on virt; one that runs into an unmapped page faults with mtval = the
     * address of the part that faulted (priv. 3.1.16); what the store left in the first page is not printed */
    PT_LOAD("load: ld across the page end into the unmapped page", "ld", VA + 0xffc);
    PT_STORE("store: sd across the page end into the unmapped page", "sd", VA + 0xffa, 1);
    PT_LOAD("load: V=0 with RWX set", "ld", VA + 0x2000);
    PT_STORE("store: V=0 with RWX set", "sd", VA + 0x2000, 1);
    PT_FETCH("fetch: V=0 with RWX set", VA + 0x2000);
    PT_LOAD("load: reserved PTE bit 60 set", "ld", VA + 0x3000);
    PT_LOAD("load: PBMT bits (62:61) set without Svpbmt", "ld", VA + 0x4000);
    PT_LOAD("load: N bit (63) set without Svnapot", "ld", VA + 0x5000);
    return 0;
}

/* Page faults delegated to S (medeleg 12, 13, 15): S's own handler gets scause and stval. */
static u64 s_delegated(u64 arg) {
    (void)arg;
    PT_FETCH("S handles: fetch the unmapped page", VA + 0x1000);
    PT_LOAD("S handles: load the unmapped page +0x10", "ld", VA + 0x1010);
    PT_STORE("S handles: store the unmapped page +0x18", "sd", VA + 0x1018, 1);
    PT_FETCH("S handles: a 32-bit insn across into the unmapped page", VA + 0xffe);
    return 0;
}

static u64 s_canonical(u64 levels) {
    u64 top = levels == 3 ? 38 : 47;
    PT_LOAD("load: bit top-1 set only (canonical, unmapped)", "ld", 1UL << (top - 1));
    PT_LOAD("load: bit top set only (non-canonical)", "ld", 1UL << top);
    PT_LOAD("load: bits 63..top set (canonical, unmapped)", "ld", ~0UL << top);
    PT_LOAD("load: bits 63..top+1 set, top clear (non-canonical)", "ld", ~0UL << (top + 1));
    PT_STORE("store: bit 63 only (non-canonical)", "sd", 1UL << 63, 1);
    PT_FETCH("fetch: bit top only (non-canonical)", 1UL << top);
    return 0;
}

static const char *const mode_names[16] = {"Bare", "1", "2", "3", "4", "5", "6", "7",
                                           "Sv39", "Sv48", "Sv57", "Sv64", "12", "13", "14", "15"};

static u64 root_ppn;

/* Writes satp with every mode over a known Sv39 value; prints which writes took. */
static u64 satp_modes(u64 who) {
    u64 good = SATP_MODE(SATP_SV39) | SATP_ASID(1) | root_ppn;
    for (u64 m = 1; m < 16; m++) {
        if (m == SATP_SV39 || m == SATP_SV48)
            continue; /* Sv57: QEMU 7.2 implements it, Guestbench does not (see SpecDepartures) */
        csr_write(satp, good);
        csr_write(satp, SATP_MODE(m) | SATP_ASID(2) | root_ppn);
        u64 v = csr_read(satp);
        pf("%s: satp written mode %s -> %s\n", who ? "S" : "M", mode_names[m],
           v == good ? "unchanged" : v == (SATP_MODE(m) | SATP_ASID(2) | root_ppn) ? "taken" : "other");
    }
    csr_write(satp, good);
    csr_write(satp, SATP_MODE(SATP_SV48) | SATP_ASID(3) | root_ppn);
    pf("%s: satp written Sv48 -> mode %u asid %u\n", who ? "S" : "M", csr_read(satp) >> 60, (csr_read(satp) >> 44) & 0xffff);
    csr_write(satp, SATP_MODE(SATP_SV39) | SATP_ASID(0xffff) | root_ppn);
    pf("%s: satp ASID written 0xffff -> %x\n", who ? "S" : "M", (csr_read(satp) >> 44) & 0xffff);
    csr_write(satp, SATP_MODE(SATP_SV39) | root_ppn);
    csr_write(satp, 0);
    pf("%s: satp written 0 -> %x\n", who ? "S" : "M", csr_read(satp));
    return 0;
}

int main(void) {
    code = data_page();
    /* nops up to a compressed "ret" at +0xffc, and a 32-bit "ret" (jalr x0, 0(ra)) starting at +0xffe */
    for (u64 o = 0; o < PAGE; o += 4)
        wr32(code + o, 0x00000013);
    wr32(code + 0xffc, 0x8082 | (0x8067u << 16));
    asm volatile("fence.i");
    u64 other = data_page();
    struct pt k = pt_new(3);
    pt_identity(&k, 0);
    pt_map(&k, VA, code, 0, PTE_RWX | PTE_AD);
    pt_set(&k, VA + 0x2000, 0, pte_of(other, PTE_RWX | PTE_AD));
    pt_set(&k, VA + 0x3000, 0, pte_of(other, PTE_V | PTE_RWX | PTE_AD) | (1UL << 60));
    pt_set(&k, VA + 0x4000, 0, pte_of(other, PTE_V | PTE_RWX | PTE_AD) | (1UL << 61));
    pt_set(&k, VA + 0x5000, 0, pte_of(other, PTE_V | PTE_RWX | PTE_AD) | (1UL << 63));
    run_paged(PRV_S, pt_satp(&k, 0), s_faults, 0);

    csr_write(medeleg, (1UL << 12) | (1UL << 13) | (1UL << 15));
    run_paged(PRV_S, pt_satp(&k, 0), s_delegated, 0);
    csr_write(medeleg, 0);

    puts("-- Sv39 canonical addresses\n");
    run_paged(PRV_S, pt_satp(&k, 0), s_canonical, 3);
    struct pt k4 = pt_new(4);
    pt_identity(&k4, 0);
    puts("-- Sv48 canonical addresses\n");
    run_paged(PRV_S, pt_satp(&k4, 0), s_canonical, 4);

    puts("-- satp\n");
    /*
     * S writes satp under the identity map it runs on, the same root in every write that takes: read as
     * an Sv48 (or Sv57) root, its entry 0, the devices' gigapage leaf at physical 0, is a 512 GiB (256 TiB)
     * leaf at physical 0, an aligned identity map of everything, so S keeps running in every mode.
     */
    root_ppn = (u64)k.root >> 12;
    satp_modes(0);
    satp_switch(pt_satp(&k, 0));
    run_in_mode(PRV_S, satp_modes, 1);
    satp_switch(0);
    csr_write(satp, SATP_MODE(SATP_SV39) | ((1UL << 44) - 1));
    pf("M: satp PPN written all ones -> %x\n", csr_read(satp) & ((1UL << 44) - 1));
    csr_write(satp, 0);
    return 0;
}
