/*
 * RV64M: every multiply and divide instruction on edge operands, including division by zero, the
 * MIN / -1 overflow case and the sign extension of the W forms.
 */
#include "rt.h"

static const u64 vals[] = {
    0, 1, 2, (u64)-1, 0x8000000000000000UL, 0x7fffffffffffffffUL, 0x80000000UL, 0xffffffff80000000UL,
    0x7fffffffUL, 0xffffffffUL, 0x00000003fffffffdUL, 0xfedcba9876543210UL,
};
#define NVALS (sizeof vals / sizeof vals[0])

typedef u64 (*binop)(u64, u64);

#define RR(op) \
    static u64 f_##op(u64 a, u64 b) { u64 r; asm volatile(#op " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r; }
RR(mul) RR(mulh) RR(mulhsu) RR(mulhu) RR(div) RR(divu) RR(rem) RR(remu)
RR(mulw) RR(divw) RR(divuw) RR(remw) RR(remuw)

static const struct { const char *name; binop f; } ops[] = {
    {"mul", f_mul}, {"mulh", f_mulh}, {"mulhsu", f_mulhsu}, {"mulhu", f_mulhu}, {"div", f_div},
    {"divu", f_divu}, {"rem", f_rem}, {"remu", f_remu}, {"mulw", f_mulw}, {"divw", f_divw},
    {"divuw", f_divuw}, {"remw", f_remw}, {"remuw", f_remuw},
};

int main(void) {
    for (unsigned k = 0; k < sizeof ops / sizeof ops[0]; k++)
        for (unsigned i = 0; i < NVALS; i++)
            for (unsigned j = 0; j < NVALS; j++)
                pf("%s %x %x -> %x\n", ops[k].name, vals[i], vals[j], ops[k].f(vals[i], vals[j]));
    /* rd = rs1 = rs2: the sources are read before the result is written */
    u64 r = 0xfffffffffffffffbUL;
    asm volatile("mul %0, %0, %0" : "+r"(r));
    pf("mul x,x,x of -5 -> %x\n", r);
    r = 7;
    asm volatile("div %0, %0, %0" : "+r"(r));
    pf("div x,x,x of 7 -> %x\n", r);
    /* writes to x0 are discarded, also for division by zero */
    asm volatile("li t0, 5\n\tdiv x0, t0, x0\n\tmv %0, x0" : "=r"(r) :: "t0");
    pf("div x0 -> %x\n", r);
    return 0;
}
