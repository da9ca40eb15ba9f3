/* Freestanding support for the bench kernels: types, the UART, printing, a small PRNG. No libc. */
#ifndef BENCH_H
#define BENCH_H

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long u64;
typedef signed char i8;
typedef int i32;
typedef long i64;
typedef unsigned long usize;

/* Work sizes are compile-time constants; bench/run may divide them (-DSCALE_DIV=N) for a quick run. */
#ifndef SCALE_DIV
#define SCALE_DIV 1
#endif
#define SCALED(n) (((n) / SCALE_DIV) > 0 ? ((n) / SCALE_DIV) : 1)

void putch(char c);
void puts_(const char *s);
void put_dec(u64 v);
void put_hex(u64 v);
/* Prints "NAME: TEXT=VALUE ok" (or "... FAIL") and returns main's status: 0 when ok. */
int result(const char *name, const char *what, u64 value, int ok);

void *memcpy(void *d, const void *s, usize n);
void *memset(void *d, int c, usize n);

/* Opaque to the optimizer: the kernels pass their inputs through it so nothing is folded at compile time. */
#define OPAQUE(x) __asm__ volatile("" : "+r"(x))

static inline u64 xorshift64(u64 *s)
{
    u64 x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

#endif
