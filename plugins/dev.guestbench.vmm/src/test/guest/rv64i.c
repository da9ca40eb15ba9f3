/*
 * RV64I: every computational instruction on edge operands, every branch condition taken and not
 * taken, jal/jalr link values, lui/auipc. One line per operation and operand pair.
 */
#include "rt.h"

static const u64 vals[] = {
    0, 1, (u64)-1, 0x8000000000000000UL, 0x7fffffffffffffffUL, 0x80000000UL, 0x7fffffffUL, 0xfedcba9876543210UL,
};
#define NVALS (sizeof vals / sizeof vals[0])

/* shift amounts: only the low 6 (5 for W forms) bits count */
static const u64 shamts[] = {0, 1, 31, 32, 63, 64, 0xffffffffffffffe1UL, (u64)-1};
#define NSHAMTS (sizeof shamts / sizeof shamts[0])

typedef u64 (*binop)(u64, u64);

#define RR(op) \
    static u64 f_##op(u64 a, u64 b) { u64 r; asm volatile(#op " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r; }
RR(add) RR(sub) RR(slt) RR(sltu) RR(xor) RR(or) RR(and) RR(addw) RR(subw)
RR(sll) RR(srl) RR(sra) RR(sllw) RR(srlw) RR(sraw)

static const struct { const char *name; binop f; int shift; } rr[] = {
    {"add", f_add, 0}, {"sub", f_sub, 0}, {"slt", f_slt, 0}, {"sltu", f_sltu, 0}, {"xor", f_xor, 0},
    {"or", f_or, 0}, {"and", f_and, 0}, {"addw", f_addw, 0}, {"subw", f_subw, 0},
    {"sll", f_sll, 1}, {"srl", f_srl, 1}, {"sra", f_sra, 1}, {"sllw", f_sllw, 1}, {"srlw", f_srlw, 1},
    {"sraw", f_sraw, 1},
};

#define I1(op, imm)                                                              \
    do {                                                                         \
        u64 r;                                                                   \
        asm volatile(#op " %0, %1, " #imm : "=r"(r) : "r"(a));                   \
        pf("%s %x %s -> %x\n", #op, a, #imm, r);                                 \
    } while (0)
#define IMMS(op) I1(op, 0); I1(op, 1); I1(op, -1); I1(op, 2047); I1(op, -2048); I1(op, 0x555)
#define SH64(op) I1(op, 0); I1(op, 1); I1(op, 31); I1(op, 32); I1(op, 63)
#define SH32(op) I1(op, 0); I1(op, 1); I1(op, 15); I1(op, 31)

#define BR(op)                                                                                   \
    static int b_##op(u64 a, u64 b) {                                                            \
        int t;                                                                                   \
        asm volatile(#op " %1, %2, 1f\n\tli %0, 0\n\tj 2f\n1:\tli %0, 1\n2:" : "=&r"(t) : "r"(a), "r"(b)); \
        return t;                                                                                \
    }
BR(beq) BR(bne) BR(blt) BR(bge) BR(bltu) BR(bgeu)

#define LUI(imm) do { u64 r; asm volatile("lui %0, " #imm : "=r"(r)); pf("lui %s -> %x\n", #imm, r); } while (0)
#define AUIPC(imm)                                                                          \
    do {                                                                                    \
        u64 r, pc;                                                                          \
        asm volatile("1: auipc %0, " #imm "\n\tla %1, 1b" : "=&r"(r), "=&r"(pc));            \
        pf("auipc %s -> pc%s%d\n", #imm, (i64)(r - pc) < 0 ? "" : "+", (i64)(r - pc));      \
    } while (0)

static void links(void) {
    u64 link, base, tmp;
    /* jal: link = pc + 4, and the skipped instruction does not run */
    tmp = 7;
    asm volatile("1: jal %0, 2f\n\tli %2, 99\n2:\tla %1, 1b" : "=&r"(link), "=&r"(base), "+r"(tmp));
    pf("jal link -> pc+%d, skipped insn ran: %b\n", (i64)(link - base), tmp == 99);
    /* jal backwards */
    asm volatile("j 3f\n1:\tj 4f\n3:\tjal %0, 1b\n4:\tla %1, 3b" : "=&r"(link), "=&r"(base));
    pf("jal backwards link -> pc+%d\n", (i64)(link - base));
    /* j (jal x0) writes no register */
    asm volatile("li %0, 5\n\tj 1f\n\tli %0, 6\n1:" : "=&r"(tmp));
    pf("j over li -> %d\n", tmp);
    /* jalr with offset: the target is rs1 + imm */
    asm volatile("la t0, 2f+8\n1:\tjalr %0, -8(t0)\n\tnop\n\tnop\n2:\tla %1, 1b" : "=&r"(link), "=&r"(base) :: "t0");
    pf("jalr -8(rs1) link -> pc+%d\n", (i64)(link - base));
    /* jalr clears bit 0 of the target */
    asm volatile("la t0, 2f+1\n1:\tjalr %0, 0(t0)\n\tli %2, 99\n2:\tla %1, 1b" : "=&r"(link), "=&r"(base), "+r"(tmp) :: "t0");
    pf("jalr odd target link -> pc+%d, landed on even: %b\n", (i64)(link - base), tmp != 99);
    /* jalr with rd == rs1: the target uses the old value */
    asm volatile("la t0, 2f\n1:\tjalr t0, 0(t0)\n\tnop\n2:\tmv %0, t0\n\tla %1, 1b" : "=&r"(link), "=&r"(base) :: "t0");
    pf("jalr rd=rs1 link -> pc+%d\n", (i64)(link - base));
    /* jalr rd=x0 (jr) */
    asm volatile("li %0, 1\n\tla t0, 1f\n\tjr t0\n\tli %0, 2\n1:" : "=&r"(tmp) :: "t0");
    pf("jr -> %d\n", tmp);
    /* writes to x0 are discarded */
    asm volatile("addi x0, x0, 5\n\tlui x0, 1\n\tmv %0, x0" : "=r"(tmp));
    pf("x0 after writes -> %x\n", tmp);
    /* a backward conditional loop */
    tmp = 0;
    asm volatile("li t0, 10\n1:\taddi %0, %0, 3\n\taddi t0, t0, -1\n\tbnez t0, 1b" : "+r"(tmp) :: "t0");
    pf("loop bnez backwards x10 -> %d\n", tmp);
}

int main(void) {
    for (unsigned k = 0; k < sizeof rr / sizeof rr[0]; k++) {
        const u64 *bs = rr[k].shift ? shamts : vals;
        unsigned nb = rr[k].shift ? NSHAMTS : NVALS;
        for (unsigned i = 0; i < NVALS; i++)
            for (unsigned j = 0; j < nb; j++)
                pf("%s %x %x -> %x\n", rr[k].name, vals[i], bs[j], rr[k].f(vals[i], bs[j]));
    }
    for (unsigned i = 0; i < NVALS; i++) {
        u64 a = vals[i];
        IMMS(addi); IMMS(slti); IMMS(sltiu); IMMS(xori); IMMS(ori); IMMS(andi); IMMS(addiw);
        SH64(slli); SH64(srli); SH64(srai); SH32(slliw); SH32(srliw); SH32(sraiw);
    }
    for (unsigned i = 0; i < NVALS; i++)
        for (unsigned j = 0; j < NVALS; j++) {
            u64 a = vals[i], b = vals[j];
            pf("branch %x %x: beq=%d bne=%d blt=%d bge=%d bltu=%d bgeu=%d\n", a, b, (i64)b_beq(a, b),
               (i64)b_bne(a, b), (i64)b_blt(a, b), (i64)b_bge(a, b), (i64)b_bltu(a, b), (i64)b_bgeu(a, b));
        }
    LUI(0); LUI(1); LUI(0x12345); LUI(0x7ffff); LUI(0x80000); LUI(0xfffff);
    AUIPC(0); AUIPC(1); AUIPC(0x7ffff); AUIPC(0x80000); AUIPC(0xfffff);
    links();
    return 0;
}
