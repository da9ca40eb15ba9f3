/*
 * RV64C: every compressed instruction, written explicitly (the assembler emits exactly the c.*
 * mnemonic), its result printed; then HINT encodings (must run as no-ops) and reserved encodings
 * (illegal instruction on QEMU virt, mtval = the 16 instruction bits).
 */
#include "rt.h"

static u64 buf[32] __attribute__((aligned(64)));

/* Runs `body` with a0 = x, a1 = y; prints a0 afterwards. */
#define CA(what, body, x, y)                                                                           \
    do {                                                                                               \
        u64 r;                                                                                         \
        asm volatile(".option push\n\t.option rvc\n\tmv a0, %1\n\tmv a1, %2\n\t" body "\n\tmv %0, a0\n\t.option pop" \
                     : "=r"(r) : "r"((u64)(x)), "r"((u64)(y)) : "a0", "a1", "memory");                  \
        pf("%s a0=%x a1=%x -> a0=%x\n", what, (u64)(x), (u64)(y), r);                                   \
    } while (0)

static void arith(void) {
    static const u64 v[] = {0, 1, (u64)-1, 0x7fffffff, 0x80000000, 0x8000000000000000UL, 0x123456789abcdef0UL};
    for (unsigned i = 0; i < sizeof v / sizeof v[0]; i++) {
        u64 x = v[i], y = v[(i + 3) % (sizeof v / sizeof v[0])];
        CA("c.addi a0,1", "c.addi a0, 1", x, y);
        CA("c.addi a0,-32", "c.addi a0, -32", x, y);
        CA("c.addi a0,31", "c.addi a0, 31", x, y);
        CA("c.addiw a0,0", "c.addiw a0, 0", x, y);
        CA("c.addiw a0,-1", "c.addiw a0, -1", x, y);
        CA("c.addiw a0,31", "c.addiw a0, 31", x, y);
        CA("c.li a0,-32", "c.li a0, -32", x, y);
        CA("c.li a0,31", "c.li a0, 31", x, y);
        CA("c.lui a0,1", "c.lui a0, 1", x, y);
        CA("c.lui a0,31", "c.lui a0, 31", x, y);
        CA("c.lui a0,0xfffe0", "c.lui a0, 0xfffe0", x, y);
        CA("c.lui a0,0xfffff", "c.lui a0, 0xfffff", x, y);
        CA("c.srli a0,1", "c.srli a0, 1", x, y);
        CA("c.srli a0,32", "c.srli a0, 32", x, y);
        CA("c.srli a0,63", "c.srli a0, 63", x, y);
        CA("c.srai a0,1", "c.srai a0, 1", x, y);
        CA("c.srai a0,31", "c.srai a0, 31", x, y);
        CA("c.srai a0,63", "c.srai a0, 63", x, y);
        CA("c.andi a0,-32", "c.andi a0, -32", x, y);
        CA("c.andi a0,31", "c.andi a0, 31", x, y);
        CA("c.andi a0,0", "c.andi a0, 0", x, y);
        CA("c.slli a0,1", "c.slli a0, 1", x, y);
        CA("c.slli a0,32", "c.slli a0, 32", x, y);
        CA("c.slli a0,63", "c.slli a0, 63", x, y);
        CA("c.sub a0,a1", "c.sub a0, a1", x, y);
        CA("c.xor a0,a1", "c.xor a0, a1", x, y);
        CA("c.or a0,a1", "c.or a0, a1", x, y);
        CA("c.and a0,a1", "c.and a0, a1", x, y);
        CA("c.subw a0,a1", "c.subw a0, a1", x, y);
        CA("c.addw a0,a1", "c.addw a0, a1", x, y);
        CA("c.mv a0,a1", "c.mv a0, a1", x, y);
        CA("c.add a0,a1", "c.add a0, a1", x, y);
        CA("c.add a0,a0", "c.add a0, a0", x, y);
        CA("c.nop", "c.nop", x, y);
    }
}

static void stack_ops(void) {
    u64 r;
    /* c.addi4spn and c.addi16sp, relative to sp */
    asm volatile(".option push\n\t.option rvc\n\tc.addi4spn a0, sp, 4\n\tsub %0, a0, sp\n\t.option pop" : "=r"(r) :: "a0");
    pf("c.addi4spn a0,sp,4 -> sp+%d\n", r);
    asm volatile(".option push\n\t.option rvc\n\tc.addi4spn a0, sp, 1020\n\tsub %0, a0, sp\n\t.option pop" : "=r"(r) :: "a0");
    pf("c.addi4spn a0,sp,1020 -> sp+%d\n", r);
    asm volatile(".option push\n\t.option rvc\n\tmv a0, sp\n\tc.addi16sp sp, -512\n\tsub %0, sp, a0\n\tmv sp, a0\n\t.option pop" : "=r"(r) :: "a0");
    pf("c.addi16sp sp,-512 -> sp%d\n", (i64)r);
    asm volatile(".option push\n\t.option rvc\n\tmv a0, sp\n\tc.addi16sp sp, 496\n\tsub %0, sp, a0\n\tmv sp, a0\n\t.option pop" : "=r"(r) :: "a0");
    pf("c.addi16sp sp,496 -> sp+%d\n", (i64)r);
    /* sp-relative loads and stores, on a frame of our own */
    u64 w, d, lw;
    asm volatile(".option push\n\t.option rvc\n\taddi sp, sp, -512\n\t"
                 "li a0, 0x80000001\n\tc.swsp a0, 252(sp)\n\tc.lwsp %0, 252(sp)\n\t"
                 "li a0, -2\n\tc.sdsp a0, 504(sp)\n\tc.ldsp %1, 504(sp)\n\t"
                 "c.sdsp a0, 0(sp)\n\tc.lwsp %2, 4(sp)\n\t"
                 "addi sp, sp, 512\n\t.option pop"
                 : "=&r"(w), "=&r"(d), "=&r"(lw) :: "a0", "memory");
    pf("c.swsp/c.lwsp 252(sp) of 0x80000001 -> %x\n", w);
    pf("c.sdsp/c.ldsp 504(sp) of -2 -> %x\n", d);
    pf("c.lwsp 4(sp) of the high word of -2 -> %x\n", lw);
    u64 f;
    asm volatile(".option push\n\t.option rvc\n\taddi sp, sp, -512\n\t"
                 "li a0, 0x400921fb54442d18\n\tfmv.d.x fa0, a0\n\tc.fsdsp fa0, 504(sp)\n\tfmv.d.x fa0, zero\n\t"
                 "c.fldsp fa1, 504(sp)\n\tfmv.x.d %0, fa1\n\taddi sp, sp, 512\n\t.option pop"
                 : "=r"(f) :: "a0", "fa0", "fa1", "memory");
    pf("c.fsdsp/c.fldsp 504(sp) -> %x\n", f);
}

static void mem_ops(void) {
    for (int i = 0; i < 32; i++)
        buf[i] = 0x8000000080000000UL + (u64)i * 0x0101010101010101UL;
    u64 a, b, c, d;
    asm volatile(".option push\n\t.option rvc\n\tmv a1, %4\n\t"
                 "c.lw a0, 0(a1)\n\tmv %0, a0\n\tc.lw a0, 124(a1)\n\tmv %1, a0\n\t"
                 "c.ld a0, 0(a1)\n\tmv %2, a0\n\tc.ld a0, 248(a1)\n\tmv %3, a0\n\t.option pop"
                 : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d) : "r"(buf) : "a0", "a1", "memory");
    pf("c.lw 0 -> %x, c.lw 124 -> %x, c.ld 0 -> %x, c.ld 248 -> %x\n", a, b, c, d);
    asm volatile(".option push\n\t.option rvc\n\tmv a1, %0\n\tli a0, -1\n\tc.sw a0, 4(a1)\n\t"
                 "li a0, 0x1122334455667788\n\tc.sd a0, 16(a1)\n\tc.sw a0, 120(a1)\n\t.option pop"
                 :: "r"(buf) : "a0", "a1", "memory");
    pf("after c.sw/c.sd: buf[0]=%x buf[2]=%x buf[15]=%x\n", buf[0], buf[2], buf[15]);
    asm volatile(".option push\n\t.option rvc\n\tmv a1, %1\n\tc.fld fa2, 8(a1)\n\tc.fsd fa2, 248(a1)\n\t"
                 "c.ld a0, 248(a1)\n\tmv %0, a0\n\t.option pop"
                 : "=r"(a) : "r"(buf) : "a0", "a1", "fa2", "memory");
    pf("c.fld 8 / c.fsd 248 -> %x\n", a);
}

static void control(void) {
    u64 r, link, base;
    asm volatile(".option push\n\t.option rvc\n\tli %0, 1\n\tc.j 1f\n\tli %0, 2\n1:\t.option pop" : "=&r"(r));
    pf("c.j over li -> %d\n", r);
    for (u64 x = 0; x < 2; x++) {
        asm volatile(".option push\n\t.option rvc\n\tmv a0, %1\n\tli %0, 0\n\tc.beqz a0, 1f\n\tli %0, 1\n1:\t.option pop" : "=&r"(r) : "r"(x) : "a0");
        pf("c.beqz on %d: %s\n", x, r ? "not taken" : "taken");
        asm volatile(".option push\n\t.option rvc\n\tmv a0, %1\n\tli %0, 0\n\tc.bnez a0, 1f\n\tli %0, 1\n1:\t.option pop" : "=&r"(r) : "r"(x) : "a0");
        pf("c.bnez on %d: %s\n", x, r ? "not taken" : "taken");
    }
    /* backwards c.bnez loop */
    asm volatile(".option push\n\t.option rvc\n\tli a0, 5\n\tli %0, 0\n1:\tc.addi %0, 2\n\tc.addi a0, -1\n\tc.bnez a0, 1b\n\t.option pop" : "=&r"(r) :: "a0");
    pf("c.bnez loop x5 -> %d\n", r);
    asm volatile(".option push\n\t.option rvc\n\tla a0, 1f\n\tli %0, 1\n\tc.jr a0\n\tli %0, 2\n1:\t.option pop" : "=&r"(r) :: "a0");
    pf("c.jr -> %d\n", r);
    asm volatile(".option push\n\t.option rvc\n\tmv t1, ra\n\tla a0, 2f\n1:\tc.jalr a0\n\tnop\n2:\tmv %0, ra\n\tla %1, 1b\n\tmv ra, t1\n\t.option pop"
                 : "=&r"(link), "=&r"(base) :: "a0", "t1");
    pf("c.jalr link -> pc+%d\n", (i64)(link - base));
    TRY("c.ebreak", ".option push\n\t.option rvc\n\tc.ebreak\n\t.option pop", (), ());
}

/* Runs one 16-bit word with a0 = 0x1111, a1 = sp-relative scratch; prints a0 and whether sp moved. */
#define RAW16(what, word)                                                                          \
    do {                                                                                           \
        u64 r = 0x1111, spd = 0;                                                                     \
        TRY(what, "mv a0, %0\n\tmv t1, sp\n\t.2byte " #word "\n\tmv %0, a0\n\tsub %1, sp, t1\n\tmv sp, t1", \
            ("+r"(r), "+r"(spd)), (), "a0", "t1");                                               \
        pf("  a0 -> %x, sp moved by %d\n", r, (i64)spd);                                           \
    } while (0)

static void hints_and_reserved(void) {
    /* HINTs: legal, no architectural effect */
    RAW16("c.nop with imm 1 (HINT)", 0x0005);
    RAW16("c.addi a0,0 (HINT)", 0x0501);
    RAW16("c.li x0,5 (HINT)", 0x4015);
    RAW16("c.lui x0,1 (HINT)", 0x6005);
    RAW16("c.mv x0,a0 (HINT)", 0x802a);
    RAW16("c.add x0,a0 (HINT)", 0x902a);
    RAW16("c.slli x0,1 (HINT)", 0x0006);
    RAW16("c.slli a0,0 (HINT)", 0x0502);
    RAW16("c.srli a0,0 (HINT)", 0x8101);
    RAW16("c.srai a0,0 (HINT)", 0x8501);
    /* the defined-illegal all-zero word and reserved encodings */
    RAW16("0x0000 (illegal)", 0x0000);
    RAW16("c.addi4spn a0,sp,0 (reserved)", 0x0008);
    RAW16("quadrant 0 funct3=100 (reserved)", 0x8000);
    RAW16("c.addi16sp sp,0 (reserved)", 0x6101);
    RAW16("c.lui a0,0 (reserved)", 0x6501);
    RAW16("c.addiw x0,1 (reserved)", 0x2005);
    RAW16("c.jr x0 (reserved)", 0x8002);
    RAW16("c.lwsp x0 (reserved)", 0x4002);
    RAW16("c.ldsp x0 (reserved)", 0x6002);
    RAW16("quadrant 1 funct6=100111 funct2=10 (reserved)", 0x9d4d);
    RAW16("quadrant 1 funct6=100111 funct2=11 (reserved)", 0x9d6d);
}

int main(void) {
    arith();
    stack_ops();
    mem_ops();
    control();
    hints_and_reserved();
    return 0;
}
