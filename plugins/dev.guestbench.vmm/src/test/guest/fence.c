/*
 * FENCE in its forms (they must execute as no-ops on one hart) and FENCE.I with self-modifying code:
 * write new instructions, fence.i, execute them; patch code that already ran, fence.i, run it again.
 *
 * Not printed: what runs when code is modified WITHOUT fence.i. QEMU notices such writes, but the
 * spec lets a hart keep executing stale instructions, so a correct machine may differ there.
 */
#include "rt.h"

static u32 code[64] __attribute__((aligned(64)));

typedef u64 (*fn0)(void);

/* li a0, imm (addi a0, x0, imm); ret (jalr x0, 0(ra)) */
static u32 li_a0(int imm) { return ((u32)(imm & 0xfff) << 20) | (10 << 7) | 0x13; }
#define RET 0x00008067u

static u64 call(void *p) { return ((fn0)p)(); }

/* Code in .text that the program patches: the first instruction is "li a0, 1". */
u64 patched(void);
asm(".text\n\t.balign 4\n\t.globl patched\npatched:\n\t.option push\n\t.option norvc\n\t"
    "addi a0, zero, 1\n\tret\n\t.option pop");

int main(void) {
    /* every FENCE form; none may trap on a single hart */
    TRY("fence", "fence", (), ());
    TRY("fence rw,rw", "fence rw, rw", (), ());
    TRY("fence r,r", "fence r, r", (), ());
    TRY("fence w,w", "fence w, w", (), ());
    TRY("fence iorw,iorw", "fence iorw, iorw", (), ());
    TRY("fence i,o", "fence i, o", (), ());
    TRY("fence.tso", "fence.tso", (), ());
    TRY("pause (fence w,0)", ".word 0x0100000f", (), ());
    TRY("fence with rs1/rd nonzero (reserved fields, must be ignored)", ".word 0x0ff5850f", (), ());
    TRY("fence with reserved fm=1111 (a normal fence)", ".word 0xfff5850f", (), ());
    TRY("fence.i", "fence.i", (), ());
    TRY("fence.i with nonzero imm/rs1/rd (reserved fields, must be ignored)", ".word 0x0015950f", (), ());

    /* write code, fence.i, run it */
    code[0] = li_a0(42);
    code[1] = RET;
    asm volatile("fence.i" ::: "memory");
    pf("new code li a0,42 -> %d\n", call(code));
    /* overwrite the same instruction */
    code[0] = li_a0(-7);
    asm volatile("fence.i" ::: "memory");
    pf("rewritten code li a0,-7 -> %d\n", call(code));
    /* a longer body, with a 16-bit instruction written as a halfword: c.addi a0, 5 = 0x0515 */
    code[0] = li_a0(100);
    ((u16 *)code)[2] = 0x0515;
    ((u16 *)code)[3] = 0x0515;
    code[2] = RET;
    asm volatile("fence.i" ::: "memory");
    pf("new code li a0,100; c.addi a0,5; c.addi a0,5 -> %d\n", call(code));
    /* patch code in .text that has already been executed */
    pf("patched() before -> %d\n", patched());
    for (int i = 2; i <= 4; i++) {
        *(volatile u32 *)(void *)patched = li_a0(i * 11);
        asm volatile("fence.i" ::: "memory");
        pf("patched() after writing li a0,%d -> %d\n", i * 11, patched());
    }
    /* an illegal instruction written at run time traps with its bits in mtval */
    code[0] = 0xffffffffu;
    code[1] = RET;
    asm volatile("fence.i" ::: "memory");
    TRY("run a freshly written 0xffffffff", "jalr ra, 0(%0)", (), ("r"(code)), "ra");
    return 0;
}
