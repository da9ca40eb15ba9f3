/* matmul: C = A x B for 64x64 matrices of 32-bit integers (wrapping), REPS times, changing A a little
 * every time. Check: after every product, the sum of all of C equals sum_k colsum(A)[k] * rowsum(B)[k]
 * (mod 2^32), computed independently. */
#include "bench.h"

#ifndef REPS
#define REPS 1400
#endif
#define N 64

static u32 A[N][N], B[N][N], C[N][N];

static void multiply(void)
{
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            C[i][j] = 0;
        }
        for (int k = 0; k < N; k++) {
            u32 a = A[i][k];
            for (int j = 0; j < N; j++) {
                C[i][j] += a * B[k][j];
            }
        }
    }
}

static u32 expected_sum(void)
{
    u32 s = 0;
    for (int k = 0; k < N; k++) {
        u32 col = 0, row = 0;
        for (int i = 0; i < N; i++) {
            col += A[i][k];
            row += B[k][i];
        }
        s += col * row;
    }
    return s;
}

int main(void)
{
    u64 s = 0x2545f4914f6cdd1dUL;
    OPAQUE(s);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            A[i][j] = (u32)xorshift64(&s);
            B[i][j] = (u32)xorshift64(&s);
        }
    }
    u64 n = SCALED(REPS);
    OPAQUE(n);
    u64 digest = 0;
    int ok = 1;
    for (u64 r = 0; r < n; r++) {
        A[r % N][(r * 7) % N] += (u32)r;
        multiply();
        u32 sum = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                sum += C[i][j];
            }
        }
        ok &= sum == expected_sum();
        digest = digest * 31 + sum + C[r % N][(r * 13) % N];
    }
    return result("matmul", "digest", digest, ok);
}
