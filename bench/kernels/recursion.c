/* recursion: naive doubly recursive Fibonacci and Ackermann's function (deep call chains: A(3, n)
 * nests about 2^(n+3) frames). Check: fib against the iterative loop; A(3, n) = 2^(n+3) - 3. */
#include "bench.h"

#ifndef REPS
#define REPS 38
#endif
#define FIB_N 30
#define ACK_N 9

static u64 fib(u64 n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static u64 ack(u64 m, u64 n)
{
    if (m == 0) {
        return n + 1;
    }
    if (n == 0) {
        return ack(m - 1, 1);
    }
    return ack(m - 1, ack(m, n - 1));
}

int main(void)
{
    u64 reps = SCALED(REPS);
    OPAQUE(reps);
    u64 fn = FIB_N, an = ACK_N, digest = 0;
    int ok = 1;
    for (u64 r = 0; r < reps; r++) {
        OPAQUE(fn);
        OPAQUE(an);
        u64 f = fib(fn), a = ack(3, an);
        u64 x = 0, y = 1;
        for (u64 i = 0; i < fn; i++) {
            u64 t = x + y;
            x = y;
            y = t;
        }
        ok &= f == x && a == (1UL << (an + 3)) - 3;
        digest = digest * 31 + f + a;
    }
    return result("recursion", "digest", digest, ok);
}
