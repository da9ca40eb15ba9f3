/*
 * Loads and stores of every width, signed and unsigned, at every offset inside a doubleword: QEMU
 * virt does misaligned scalar accesses without a trap (the spec allows that choice), also across
 * a page boundary and for FP loads/stores. Stores are shown by dumping the bytes around them.
 *
 * Not printed: the memory inside RAM after a misaligned store that faulted on its part beyond RAM
 * (QEMU has written the first part; the spec lets a split access be partly performed), and
 * misaligned accesses running into device regions (QEMU reports an aligned-down address there).
 */
#include "rt.h"

static u8 buf[8192] __attribute__((aligned(4096)));

static void fill(void) {
    for (int i = 0; i < 64; i++)
        buf[i] = (u8)(0x80 + i); /* high bit set: sign extension shows */
    for (int i = 4096 - 16; i < 4096 + 16; i++)
        buf[i] = (u8)(0xc0 + (i & 31));
}

static void dump(const char *what, int from) {
    puts(what);
    for (int i = from; i < from + 16; i++)
        pf(" %c%c", "0123456789abcdef"[buf[i] >> 4], "0123456789abcdef"[buf[i] & 15]);
    putch('\n');
}

#define LD(insn)                                                                                \
    do {                                                                                        \
        u64 r;                                                                                  \
        asm volatile(insn " %0, 0(%1)" : "=r"(r) : "r"(p) : "memory");                         \
        pf("%s buf+%d -> %x\n", insn, off, r);                                                  \
    } while (0)

#define ST(insn, val)                                                                           \
    do {                                                                                        \
        fill();                                                                                 \
        asm volatile(insn " %0, 0(%1)" ::"r"((u64)(val)), "r"(p) : "memory");                   \
        pf("%s %x at buf+%d ->", insn, (u64)(val), off);                                        \
        dump("", base);                                                                         \
    } while (0)

static void at(int off, int base) {
    u8 *p = &buf[off];
    fill();
    LD("lb"); LD("lbu"); LD("lh"); LD("lhu"); LD("lw"); LD("lwu"); LD("ld");
    u64 f;
    asm volatile("flw ft0, 0(%1)\n\tfmv.x.w %0, ft0" : "=r"(f) : "r"(p) : "ft0", "memory");
    pf("flw buf+%d -> fmv.x.w %x\n", off, f);
    asm volatile("fld ft0, 0(%1)\n\tfmv.x.d %0, ft0" : "=r"(f) : "r"(p) : "ft0", "memory");
    pf("fld buf+%d -> fmv.x.d %x\n", off, f);
    ST("sb", 0x1122334455667788UL);
    ST("sh", 0x1122334455667788UL);
    ST("sw", 0x1122334455667788UL);
    ST("sd", 0x1122334455667788UL);
    fill();
    asm volatile("fmv.w.x ft0, %0\n\tfsw ft0, 0(%1)" ::"r"(0xa1b2c3d4UL), "r"(p) : "ft0", "memory");
    pf("fsw 0xa1b2c3d4 at buf+%d ->", off);
    dump("", base);
    fill();
    asm volatile("fmv.d.x ft0, %0\n\tfsd ft0, 0(%1)" ::"r"(0x0102030405060708UL), "r"(p) : "ft0", "memory");
    pf("fsd 0x0102030405060708 at buf+%d ->", off);
    dump("", base);
}

int main(void) {
    fill();
    dump("initial buf+0:", 0);
    for (int off = 0; off < 8; off++)
        at(off, 0);
    /* across the 4 KiB boundary */
    for (int off = 4096 - 7; off < 4096; off += 2)
        at(off, 4096 - 8);
    /* immediate offsets are signed 12-bit */
    fill();
    u64 a, b;
    asm volatile("ld %0, 2047(%2)\n\tld %1, -2048(%3)" : "=r"(a), "=r"(b) : "r"(&buf[4096 - 2047 - 8]), "r"(&buf[2048 + 8]) : "memory");
    pf("ld 2047(x) -> %x, ld -2048(x) -> %x\n", a, b);
    /* a load into x0 is still performed (and discarded) */
    asm volatile("ld x0, 0(%1)\n\tmv %0, x0" : "=r"(a) : "r"(buf) : "memory");
    pf("ld x0 -> %x\n", a);
    /* rd == rs1: the address uses the old value */
    u64 *pp = (u64 *)&buf[16];
    *pp = (u64)&buf[24];
    asm volatile("ld %0, 0(%0)\n\tld %0, 0(%0)" : "=r"(a) : "0"(pp) : "memory");
    pf("ld rd=rs1 twice -> %x\n", a);
    /* misaligned accesses running off the end of RAM: the part beyond faults, mtval = its address */
    a = 0x5a5a;
    TRY("ld at RAM end - 4", "ld %0, 0(%1)", ("+r"(a)), ("r"(RAM_END - 4)));
    pf("  rd unchanged -> %x\n", a);
    TRY("sw at RAM end - 2", "sw %0, 0(%1)", (), ("r"(a), "r"(RAM_END - 2)));
    return 0;
}
