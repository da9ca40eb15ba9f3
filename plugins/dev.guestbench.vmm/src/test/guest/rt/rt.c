/* The C half of the guest runtime: output, the trap handler's decisions, exit. */
#include "rt.h"
#include <stdarg.h>

_Static_assert(__builtin_offsetof(struct hart, resume) == HB_RESUME, "HB_RESUME");
_Static_assert(__builtin_offsetof(struct hart, try_pc) == HB_TRYPC, "HB_TRYPC");
_Static_assert(__builtin_offsetof(struct hart, ntraps) == HB_NTRAPS, "HB_NTRAPS");
_Static_assert(__builtin_offsetof(struct hart, rim_result) == HB_RIMRES, "HB_RIMRES");
_Static_assert(__builtin_offsetof(struct hart, mctx) == HB_MCTX, "HB_MCTX");
_Static_assert(__builtin_offsetof(struct hart, hartid) == HB_HARTID, "HB_HARTID");
_Static_assert(__builtin_offsetof(struct hart, vector) == HB_VECTOR, "HB_VECTOR");

struct hart harts[8];
/* Size of one hart block, for crt0's tp arithmetic. */
const u64 hart_block_size = sizeof(struct hart);

void putch(char c) {
    while ((rd8(UART0 + 5) & 0x20) == 0) /* LSR.THRE */
        ;
    wr8(UART0, (u8)c);
}

void puts(const char *s) {
    while (*s)
        putch(*s++);
}

void put_hex(u64 v) {
    char buf[17];
    int i = 16;
    buf[i] = 0;
    do {
        buf[--i] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    puts("0x");
    puts(buf + i);
}

void put_udec(u64 v) {
    char buf[21];
    int i = 20;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    puts(buf + i);
}

void put_dec(i64 v) {
    if (v < 0) {
        putch('-');
        put_udec(-(u64)v);
    } else {
        put_udec((u64)v);
    }
}

void pf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            putch(*fmt);
            continue;
        }
        switch (*++fmt) {
        case 'x': put_hex(va_arg(ap, u64)); break;
        case 'd': put_dec(va_arg(ap, i64)); break;
        case 'u': put_udec(va_arg(ap, u64)); break;
        case 's': puts(va_arg(ap, const char *)); break;
        case 'c': putch((char)va_arg(ap, int)); break;
        case 'b': puts(va_arg(ap, u64) ? "yes" : "no"); break;
        case '%': putch('%'); break;
        default: putch('?'); break;
        }
    }
    va_end(ap);
}

void finish(int code) {
    wr32(FINISHER, code == 0 ? 0x5555 : ((u32)code << 16) | 0x3333);
    for (;;)
        asm volatile("wfi");
}

void *memset(void *d, int c, unsigned long n) {
    u8 *p = d;
    while (n--)
        *p++ = (u8)c;
    return d;
}

void *memcpy(void *d, const void *s, unsigned long n) {
    u8 *p = d;
    const u8 *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}

void lock(volatile u32 *l) {
    u32 old;
    do {
        asm volatile("amoswap.w.aq %0, %2, (%1)" : "=r"(old) : "r"(l), "r"(1u) : "memory");
    } while (old);
}

void unlock(volatile u32 *l) {
    asm volatile("amoswap.w.rl zero, zero, (%0)" ::"r"(l) : "memory");
}

static const char *const mode_names[] = {"U", "S", "?", "M"};

/* "sym+0x10" / "sym-0x8": an address relative to tval_base, which moves between builds */
static void put_sym(u64 v, u64 base) {
    i64 off = (i64)(v - base);
    puts(off < 0 ? "sym-" : "sym+");
    put_hex(off < 0 ? -(u64)off : (u64)off);
}

static int near(u64 v, u64 base) {
    i64 off = (i64)(v - base);
    return off >= -65536 && off <= 65536;
}

void print_trap(const struct trap_rec *t, u64 base) {
    u64 tb = me()->tval_base;
    pf("trap %s cause=%x tval=", mode_names[t->mode & 3], t->cause);
    if (tb && near(t->tval, tb))
        put_sym(t->tval, tb);
    else
        put_hex(t->tval);
    i64 off = (i64)(t->epc - base);
    if (off >= -256 && off <= 256)
        pf(" epc=%s%d", off < 0 ? "" : "+", off);
    else if (tb && near(t->epc, tb)) {
        puts(" epc=");
        put_sym(t->epc, tb);
    } else
        pf(" epc=%x", t->epc);
    pf(" from=%s", mode_names[t->from & 3]);
}

void try_report(const char *what, u64 before) {
    struct hart *h = me();
    u64 n = h->ntraps - before;
    puts(what);
    if (n == 0) {
        puts(": no trap\n");
    } else {
        puts(": ");
        print_trap(&h->last, h->try_pc);
        if (n > 1)
            pf(" (%u traps)", n);
        putch('\n');
    }
    h->tval_base = 0;
}

void print_log_since(const char *what, u64 before) {
    struct hart *h = me();
    u64 n = h->ntraps - before;
    if (n > TRAP_LOG)
        before = h->ntraps - TRAP_LOG;
    pf("%s: %u traps\n", what, h->ntraps - before);
    for (u64 i = before; i < h->ntraps; i++) {
        puts("  ");
        print_trap(&h->log[i % TRAP_LOG], h->try_pc);
        putch('\n');
    }
}

void reset_traps(void) {
    struct hart *h = me();
    h->irq_hook = NULL;
    h->trap_hook = NULL;
    h->vector = (u64)-1;
    h->resume = 0;
    h->tval_base = 0;
    h->resume_mode = (u64)-1;
}

void rt_init_hart(u64 hartid) {
    struct hart *h = me();
    h->hartid = hartid;
    h->vector = (u64)-1;
    h->resume_mode = (u64)-1;
}

/*
 * Called by the trap entries with the saved registers and the mode that took the trap. Returns 0 to
 * return from the trap, 1 (in M) to end run_in_mode, 2 (in S) to pass run_in_mode's end on to M.
 */
int trap_c(struct frame *f, u64 mode) {
    struct hart *h = me();
    struct trap_rec t;
    if (mode == PRV_M) {
        t.cause = csr_read(mcause);
        t.tval = csr_read(mtval);
        t.epc = csr_read(mepc);
        t.status = csr_read(mstatus);
        t.from = (t.status >> 11) & 3;
    } else {
        t.cause = csr_read(scause);
        t.tval = csr_read(stval);
        t.epc = csr_read(sepc);
        t.status = csr_read(sstatus);
        t.from = (t.status >> 8) & 1;
    }
    t.mode = mode;
    int is_irq = (i64)t.cause < 0;

    /* run_in_mode's closing ecall: not a trap the program asked about. */
    if (!is_irq && (t.epc == (u64)rim_ecall || t.epc == (u64)rim_ecall_s)) {
        h->rim_result = f->x[10];
        if (mode == PRV_M) {
            h->rim_status = csr_read(mstatus);
            return 1;
        }
        return 2;
    }

    h->last = t;
    h->log[h->ntraps % TRAP_LOG] = t;
    h->ntraps++;

    if (is_irq) {
        if (h->irq_hook) {
            h->irq_hook(t.cause, mode, f);
            return 0;
        }
    } else {
        if (h->trap_hook && h->trap_hook(&t, f))
            return 0;
        if (h->resume) {
            if (mode == PRV_M)
                csr_write(mepc, h->resume);
            else
                csr_write(sepc, h->resume);
            h->resume = 0;
            if (h->resume_mode != (u64)-1) {
                if (mode == PRV_M) {
                    csr_clear(mstatus, MSTATUS_MPP);
                    csr_set(mstatus, h->resume_mode << 11);
                } else if (h->resume_mode) {
                    csr_set(sstatus, MSTATUS_SPP);
                } else {
                    csr_clear(sstatus, MSTATUS_SPP);
                }
                h->resume_mode = (u64)-1;
            }
            return 0;
        }
    }
    puts("UNEXPECTED ");
    print_trap(&t, 0);
    putch('\n');
    finish(99);
}

/* Harts other than 0 park here unless the program has its own secondary_main. */
__attribute__((weak)) void secondary_main(u64 hartid) {
    (void)hartid;
    for (;;)
        asm volatile("wfi");
}
