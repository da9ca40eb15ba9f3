/* dispatch: a small register-machine bytecode interpreter with a dense switch (a jump table), running
 * a bytecode program that adds up the Collatz stopping times of 1 .. K, REPS times.
 * Check: the interpreted total equals the same computation in C. */
#include "bench.h"

#ifndef REPS
#define REPS 20
#endif
#define K 3000

enum { HALT, LI, MOV, ADD, SUB, MUL, AND, OR, XOR, SHR, SHL, ADDI, JMP, JZ, JNZ, JLE };

#define I(op, a, b, c) ((u32)(op) | (u32)(a) << 8 | (u32)(b) << 16 | (u32)(c) << 24)
#define IMM(op, a, imm) ((u32)(op) | (u32)(a) << 8 | (u32)(u16)(imm) << 16)

/* r1 = n, r2 = K (preset), r3 = x, r6 = 1, r7 = total steps */
static const u32 program[] = {
    /*  0 */ IMM(LI, 1, 1),
    /*  1 */ IMM(LI, 6, 1),
    /*  2 */ IMM(LI, 7, 0),
    /*  3 */ I(MOV, 3, 1, 0),          /* loop_n: x = n */
    /*  4 */ I(ADDI, 4, 3, (u8)-1),    /* col: r4 = x - 1 */
    /*  5 */ IMM(JZ, 4, 16),           /* x == 1: next n */
    /*  6 */ I(AND, 5, 3, 6),
    /*  7 */ IMM(JZ, 5, 13),           /* even */
    /*  8 */ I(ADD, 4, 3, 3),          /* odd: x = 3x + 1 */
    /*  9 */ I(ADD, 3, 4, 3),
    /* 10 */ I(ADDI, 3, 3, 1),
    /* 11 */ I(ADDI, 7, 7, 1),
    /* 12 */ IMM(JMP, 0, 4),
    /* 13 */ I(SHR, 3, 3, 1),          /* even: x = x / 2 */
    /* 14 */ I(ADDI, 7, 7, 1),
    /* 15 */ IMM(JMP, 0, 4),
    /* 16 */ I(ADDI, 1, 1, 1),         /* n++ */
    /* 17 */ I(JLE, 1, 2, 3),          /* n <= K: loop_n */
    /* 18 */ I(MUL, 4, 7, 6),          /* (exercise the rest of the table) */
    /* 19 */ I(XOR, 4, 4, 7),
    /* 20 */ I(OR, 7, 7, 4),
    /* 21 */ I(SUB, 4, 4, 4),
    /* 22 */ I(SHL, 4, 4, 3),
    /* 23 */ IMM(JNZ, 4, 0),
    /* 24 */ IMM(HALT, 0, 0),
};

static u64 run(const u32 *code, u64 k)
{
    u64 r[8] = {0};
    r[2] = k;
    usize pc = 0;
    for (;;) {
        u32 ins = code[pc++];
        u32 a = (ins >> 8) & 7, b = (ins >> 16) & 0xff, c = ins >> 24;
        switch (ins & 0xff) {
        case HALT: return r[7];
        case LI: r[a] = (u16)(ins >> 16); break;
        case MOV: r[a] = r[b & 7]; break;
        case ADD: r[a] = r[b & 7] + r[c & 7]; break;
        case SUB: r[a] = r[b & 7] - r[c & 7]; break;
        case MUL: r[a] = r[b & 7] * r[c & 7]; break;
        case AND: r[a] = r[b & 7] & r[c & 7]; break;
        case OR: r[a] = r[b & 7] | r[c & 7]; break;
        case XOR: r[a] = r[b & 7] ^ r[c & 7]; break;
        case SHR: r[a] = r[b & 7] >> (c & 63); break;
        case SHL: r[a] = r[b & 7] << (c & 63); break;
        case ADDI: r[a] = r[b & 7] + (u64)(i64)(i8)c; break;
        case JMP: pc = (u16)(ins >> 16); break;
        case JZ: if (r[a] == 0) pc = (u16)(ins >> 16); break;
        case JNZ: if (r[a] != 0) pc = (u16)(ins >> 16); break;
        case JLE: if (r[a] <= r[b & 7]) pc = c; break;
        default: return ~0UL;
        }
    }
}

static u64 native(u64 k)
{
    u64 total = 0;
    for (u64 n = 1; n <= k; n++) {
        for (u64 x = n; x != 1; total++) {
            x = (x & 1) ? 3 * x + 1 : x / 2;
        }
    }
    return total;
}

int main(void)
{
    u64 n = SCALED(REPS), k = K, digest = 0;
    OPAQUE(n);
    OPAQUE(k);
    u64 want = native(k);
    int ok = 1;
    for (u64 r = 0; r < n; r++) {
        u64 got = run(program, k);
        ok &= got == want;
        digest = digest * 31 + got;
    }
    return result("dispatch", "digest", digest, ok);
}
