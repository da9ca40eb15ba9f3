/* UART output, printing and the two memory routines the compiler may call on its own. */
#include "bench.h"

#define UART0 ((volatile u8 *)0x10000000UL)
#define UART_THR 0
#define UART_LSR 5
#define LSR_THRE 0x20

void putch(char c)
{
    while ((UART0[UART_LSR] & LSR_THRE) == 0) {
    }
    UART0[UART_THR] = (u8)c;
}

void puts_(const char *s)
{
    while (*s) {
        putch(*s++);
    }
}

void put_dec(u64 v)
{
    char buf[24];
    int i = 0;
    do {
        buf[i++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (i) {
        putch(buf[--i]);
    }
}

void put_hex(u64 v)
{
    puts_("0x");
    for (int shift = 60; shift >= 0; shift -= 4) {
        putch("0123456789abcdef"[(v >> shift) & 15]);
    }
}

int result(const char *name, const char *what, u64 value, int ok)
{
    puts_(name);
    puts_(": ");
    puts_(what);
    puts_("=");
    put_hex(value);
    puts_(ok ? " ok\n" : " FAIL\n");
    return ok ? 0 : 1;
}

void report_trap(u64 cause, u64 epc, u64 tval)
{
    puts_("unexpected trap: mcause=");
    put_hex(cause);
    puts_(" mepc=");
    put_hex(epc);
    puts_(" mtval=");
    put_hex(tval);
    puts_("\n");
}

void *memcpy(void *d, const void *s, usize n)
{
    u8 *dp = d;
    const u8 *sp = s;
    while (n--) {
        *dp++ = *sp++;
    }
    return d;
}

void *memset(void *d, int c, usize n)
{
    u8 *dp = d;
    while (n--) {
        *dp++ = (u8)c;
    }
    return d;
}
