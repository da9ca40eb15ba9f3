/*
 * Superpages: 2 MiB and 1 GiB leaves under Sv39 and Sv48, a 512 GiB leaf under Sv48, each read,
 * written and fetched through at several offsets; and misaligned superpages (a leaf whose low PPN
 * fields are not zero), which page-fault on every access.
 */
#include "pt.h"

#define VA_MEGA 0xc0200000UL        /* a 2 MiB leaf over a 2 MiB data region */
#define VA_MEGA_BAD 0xc0400000UL    /* a 2 MiB leaf whose PPN[0] is 1 */
#define VA_GIGA 0x1000000000UL      /* a 1 GiB leaf over RAM's gigapage */
#define VA_GIGA_BAD 0x1040000000UL  /* a 1 GiB leaf at RAM + 2 MiB: PPN[1] is 1 */
#define VA_TERA 0x8000000000UL      /* Sv48: a 512 GiB leaf over physical 0 */
#define VA_TERA_BAD 0x10000000000UL /* Sv48: a 512 GiB leaf at 1 GiB: PPN[2] is 1 */

static u64 mega, code;

static u64 s_test(u64 levels) {
    PT_LOAD("2M +0", "ld", VA_MEGA);
    PT_LOAD("2M +0x1ffff8", "ld", VA_MEGA + 0x1ffff8);
    PT_STORE("2M store +0x100000", "sd", VA_MEGA + 0x100000, 0x2222);
    PT_LOAD("2M +0x100000 back", "ld", VA_MEGA + 0x100000);
    PT_FETCH("2M fetch +0x1000", VA_MEGA + 0x1000);
    PT_LOAD("2M misaligned load", "ld", VA_MEGA_BAD + 0x10);
    PT_STORE("2M misaligned store", "sd", VA_MEGA_BAD + 0x18, 1);
    PT_FETCH("2M misaligned fetch", VA_MEGA_BAD + 0x1000);
    PT_LOAD("1G: the 2M region's +0x1ffff8 through RAM's alias", "ld", VA_GIGA + (mega - RAM_BASE) + 0x1ffff8);
    PT_STORE("1G store into the 2M region +0x8", "sd", VA_GIGA + (mega - RAM_BASE) + 8, 0x1111);
    PT_LOAD("2M +0x8 back", "ld", VA_MEGA + 8);
    PT_FETCH("1G fetch the code page's alias", VA_GIGA + (code - RAM_BASE));
    PT_LOAD("1G misaligned load", "ld", VA_GIGA_BAD);
    PT_STORE("1G misaligned store", "sd", VA_GIGA_BAD + 0x200000, 1);
    PT_FETCH("1G misaligned fetch", VA_GIGA_BAD + 0x3ffff000);
    if (levels == 4) {
        PT_LOAD("512G: the 2M region +0x1ffff8", "ld", VA_TERA + mega + 0x1ffff8);
        PT_STORE("512G store into the 2M region +0x10", "sd", VA_TERA + mega + 0x10, 0x5120);
        PT_LOAD("2M +0x10 back", "ld", VA_MEGA + 0x10);
        PT_FETCH("512G fetch the code page", VA_TERA + code);
        PT_LOAD("512G: the UART's LSR byte", "lbu", VA_TERA + UART0 + 5);
        PT_LOAD("512G misaligned load", "ld", VA_TERA_BAD);
        PT_STORE("512G misaligned store", "sd", VA_TERA_BAD + 0x40000000, 1);
        PT_FETCH("512G misaligned fetch", VA_TERA_BAD + 0x7ffffff000UL);
    }
    return 0;
}

static void run(int levels) {
    pt_reset();
    struct pt k = pt_new(levels);
    pt_identity(&k, 0);
    u64 f = PTE_RWX | PTE_AD;
    pt_map(&k, VA_MEGA, mega, 1, f);
    pt_map(&k, VA_MEGA_BAD, mega + PAGE, 1, f);
    pt_map(&k, VA_GIGA, RAM_BASE, 2, f);
    pt_map(&k, VA_GIGA_BAD, RAM_BASE + MEGA, 2, f);
    if (levels == 4) {
        pt_map(&k, VA_TERA, 0, 3, f);
        pt_map(&k, VA_TERA_BAD, GIGA, 3, f);
    }
    pf("-- Sv%u\n", (u64)(levels == 3 ? 39 : 48));
    run_paged(PRV_S, pt_satp(&k, 0), s_test, levels);
}

int main(void) {
    mega = data_region(MEGA, MEGA);
    code = data_page();
    put_ret(code);
    put_ret(mega + 0x1000);
    wr64(mega, 0x20000);
    wr64(mega + 0x1ffff8, 0x2fff8);
    run(3);
    run(4);
    return 0;
}
