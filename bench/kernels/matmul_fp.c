/* matmul_fp: C = A x B for 64x64 matrices of doubles, REPS times, changing A a little every time.
 * The entries are small integers, so every product and sum is exact and the result is the same on any
 * correct IEEE 754 machine. Check: the sum of all of C equals sum_k colsum(A)[k] * rowsum(B)[k]. */
#include "bench.h"

#ifndef REPS
#define REPS 190
#endif
#define N 64

static double A[N][N], B[N][N], C[N][N];

static void multiply(void)
{
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            C[i][j] = 0.0;
        }
        for (int k = 0; k < N; k++) {
            double a = A[i][k];
            for (int j = 0; j < N; j++) {
                C[i][j] += a * B[k][j];
            }
        }
    }
}

static double expected_sum(void)
{
    double s = 0.0;
    for (int k = 0; k < N; k++) {
        double col = 0.0, row = 0.0;
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
    u64 s = 0x6a09e667f3bcc909UL;
    OPAQUE(s);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            A[i][j] = (double)(i64)(xorshift64(&s) % 33) - 16.0;   /* -16 .. 16 */
            B[i][j] = (double)(i64)(xorshift64(&s) % 33) - 16.0;
        }
    }
    u64 n = SCALED(REPS);
    OPAQUE(n);
    u64 digest = 0;
    int ok = 1;
    for (u64 r = 0; r < n; r++) {
        A[r % N][(r * 7) % N] = (double)(i64)(r % 33) - 16.0;
        multiply();
        double sum = 0.0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                sum += C[i][j];
            }
        }
        ok &= sum == expected_sum();
        digest = digest * 31 + (u64)(i64)sum + (u64)(i64)C[r % N][(r * 13) % N];
    }
    return result("matmul_fp", "digest", digest, ok);
}
