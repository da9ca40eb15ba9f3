/* ecall: REPS environment calls from M-mode, each a round trip ecall -> M-mode trap vector (start.S:
 * a0 += a1, mepc += 4) -> mret. Check: the calls add up 0 + 1 + ... + (REPS - 1). */
#include "bench.h"

#ifndef REPS
#define REPS 2600000UL
#endif

static inline u64 sys_add(u64 x, u64 y)
{
    register u64 a0 __asm__("a0") = x;
    register u64 a1 __asm__("a1") = y;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1) : "memory");
    return a0;
}

int main(void)
{
    u64 n = SCALED(REPS), acc = 0;
    OPAQUE(n);
    for (u64 i = 0; i < n; i++) {
        acc = sys_add(acc, i);
    }
    puts_("ecall: calls=");
    put_dec(n);
    putch('\n');
    return result("ecall", "sum", acc, acc == n * (n - 1) / 2);
}
