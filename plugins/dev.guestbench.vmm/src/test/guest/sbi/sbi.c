/*
 * The SBI as an S-mode kernel sees it: base, TIME, IPI, RFENCE, HSM, SRST and the legacy console, run on
 * QEMU over OpenSBI and on Guestbench's built-in SBI, which must print the same lines. DBCN exists only in
 * SBI 2.0 (OpenSBI 1.0 lacks it); its lines come after "dbcn:" and are compared on Guestbench alone.
 */
typedef unsigned long u64;
typedef long i64;

#define UART0 0x10000000UL
#define EXT_BASE 0x10
#define EXT_TIME 0x54494D45
#define EXT_IPI 0x735049
#define EXT_RFENCE 0x52464E43
#define EXT_HSM 0x48534D
#define EXT_SRST 0x53525354
#define EXT_DBCN 0x4442434E

struct sbiret { i64 error; i64 value; };

static struct sbiret sbi(u64 ext, u64 fid, u64 a0, u64 a1, u64 a2)
{
    register u64 r0 __asm__("a0") = a0;
    register u64 r1 __asm__("a1") = a1;
    register u64 r2 __asm__("a2") = a2;
    register u64 r6 __asm__("a6") = fid;
    register u64 r7 __asm__("a7") = ext;
    __asm__ volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r2), "r"(r6), "r"(r7) : "memory");
    return (struct sbiret){ (i64)r0, (i64)r1 };
}

static void putc_(char c)
{
    volatile unsigned char *uart = (volatile unsigned char *)UART0;
    while ((uart[5] & 0x20) == 0) {
    }
    uart[0] = c;
}

static void puts_(const char *s)
{
    while (*s) {
        putc_(*s++);
    }
}

static void puthex(u64 v)
{
    puts_("0x");
    for (int i = 60; i >= 0; i -= 4) {
        putc_("0123456789abcdef"[(v >> i) & 15]);
    }
}

static void putdec(i64 v)
{
    char buf[24];
    int n = 0;
    u64 u = v < 0 ? -(u64)v : (u64)v;
    if (v < 0) {
        putc_('-');
    }
    do {
        buf[n++] = '0' + u % 10;
        u /= 10;
    } while (u);
    while (n) {
        putc_(buf[--n]);
    }
}

static void line(const char *what, i64 value)
{
    puts_(what);
    putdec(value);
    putc_('\n');
}

static u64 rdtime(void)
{
    u64 t;
    __asm__ volatile("rdtime %0" : "=r"(t));
    return t;
}

static volatile u64 timer_irqs, software_irqs, last_cause;
static volatile u64 other_a0, other_a1, other_ran;
/* Firmware may pick either hart to boot (OpenSBI's lottery): the first to arrive is the boot hart. */
static volatile u64 booted;
static volatile u64 boot_hart;

void trap_handler(void)
{
    u64 cause;
    __asm__ volatile("csrr %0, scause" : "=r"(cause));
    last_cause = cause;
    if (cause == ((1UL << 63) | 5)) {
        timer_irqs++;
        sbi(EXT_TIME, 0, ~0UL, 0, 0); /* no further timer: lowers STIP */
    } else if (cause == ((1UL << 63) | 1)) {
        software_irqs++;
        __asm__ volatile("csrc sip, %0" : : "r"(1UL << 1));
    } else {
        puts_("unexpected trap ");
        puthex(cause);
        putc_('\n');
        sbi(EXT_SRST, 0, 0, 1, 0);
    }
}

/* The other hart, started through HSM: records what it was started with, interrupts the boot hart, stops. */
static void secondary(u64 hartid, u64 opaque)
{
    other_a0 = hartid;
    other_a1 = opaque;
    __asm__ volatile("fence rw, rw");
    other_ran = 1;
    sbi(EXT_IPI, 0, 1UL << boot_hart, 0, 0);
    sbi(EXT_HSM, 1, 0, 0, 0);
    for (;;) {
        __asm__ volatile("wfi");
    }
}

extern void _start(void);

void kernel_main(u64 hartid, u64 arg)
{
    u64 first;
    __asm__ volatile("amoswap.d %0, %1, (%2)" : "=r"(first) : "r"(1UL), "r"(&booted) : "memory");
    if (first) {
        secondary(hartid, arg);
    }
    boot_hart = hartid;
    u64 other = hartid ^ 1;
    puts_("sbi test begin\n");

    struct sbiret r = sbi(EXT_BASE, 0, 0, 0, 0);
    line("base spec version is 1.0 or later: ", r.error == 0 && r.value >= 0x1000000);
    u64 exts[] = { EXT_TIME, EXT_IPI, EXT_RFENCE, EXT_HSM, EXT_SRST, 0x1, 0x12345678 };
    const char *names[] = { "TIME", "IPI", "RFENCE", "HSM", "SRST", "legacy console putchar", "0x12345678" };
    for (int i = 0; i < 7; i++) {
        r = sbi(EXT_BASE, 3, exts[i], 0, 0);
        puts_("probe ");
        puts_(names[i]);
        line(": ", r.value != 0);
    }
    for (int fid = 4; fid <= 6; fid++) {
        r = sbi(EXT_BASE, fid, 0, 0, 0);
        line("base machine id function succeeds: ", r.error);
    }
    r = sbi(EXT_BASE, 7, 0, 0, 0);
    line("base function 7 error: ", r.error);
    r = sbi(0x0A000000, 0, 0, 0, 0);
    line("unknown extension error: ", r.error);

    /* legacy console_putchar: a0 = the character, result in a0 */
    const char *legacy = "legacy console putchar works\n";
    for (const char *p = legacy; *p; p++) {
        sbi(0x01, 0, (u64)*p, 0, 0);
    }

    /* TIME: a supervisor timer interrupt about 1 ms from now. */
    __asm__ volatile("csrs sie, %0" : : "r"(1UL << 5));
    __asm__ volatile("csrs sstatus, %0" : : "r"(1UL << 1));
    r = sbi(EXT_TIME, 0, rdtime() + 10000, 0, 0);
    line("set_timer error: ", r.error);
    while (timer_irqs == 0) {
        __asm__ volatile("wfi");
    }
    puts_("timer interrupt taken, scause ");
    puthex(last_cause);
    putc_('\n');

    /* HSM: the other hart starts stopped; start it, wait for its IPI, see it stop again. */
    r = sbi(EXT_HSM, 2, other, 0, 0);
    line("other hart's status before start (1 = stopped): ", r.value);
    r = sbi(EXT_HSM, 2, hartid, 0, 0);
    line("boot hart's status (0 = started): ", r.value);
    r = sbi(EXT_HSM, 0, hartid, (u64)_start, 0);
    line("hart_start of the running boot hart, error (-6 = already available): ", r.error);
    r = sbi(EXT_HSM, 0, 7, (u64)_start, 0);
    line("hart_start of hart 7, error (-3 = invalid param): ", r.error);
    __asm__ volatile("csrs sie, %0" : : "r"(1UL << 1));
    r = sbi(EXT_HSM, 0, other, (u64)_start, 0x1234);
    line("hart_start of the other hart, error: ", r.error);
    while (software_irqs == 0) {
        __asm__ volatile("wfi");
    }
    line("software interrupt from the other hart taken: ", software_irqs);
    line("the other hart ran: ", other_ran);
    line("the other hart's a0 is its hart id: ", other_a0 == other);
    puts_("the other hart started with a1 = ");
    puthex(other_a1);
    putc_('\n');
    for (;;) {
        r = sbi(EXT_HSM, 2, other, 0, 0);
        if (r.value == 1) {
            break;
        }
    }
    line("the other hart stopped again: ", 1);

    /* RFENCE on the boot hart. */
    r = sbi(EXT_RFENCE, 0, 1UL << hartid, 0, 0);
    line("remote_fence_i error: ", r.error);
    r = sbi(EXT_RFENCE, 1, 1UL << hartid, 0, 0);
    line("remote_sfence_vma error: ", r.error);

    /* DBCN (SBI 2.0): written only where it exists. */
    r = sbi(EXT_BASE, 3, EXT_DBCN, 0, 0);
    if (r.value) {
        static const char text[] = "dbcn: console_write of a buffer\n";
        r = sbi(EXT_DBCN, 0, sizeof text - 1, (u64)text, 0);
        puts_("dbcn: console_write returned ");
        putdec(r.error);
        puts_(" and ");
        putdec(r.value);
        putc_('\n');
        for (const char *p = "dbcn: console_write_byte, byte by byte\n"; *p; p++) {
            sbi(EXT_DBCN, 2, (u64)*p, 0, 0);
        }
        r = sbi(EXT_DBCN, 0, 4, 0x1000, 1);
        line("dbcn: console_write with an address above 4 GiB, error: ", r.error);
    }

    puts_("sbi test end\n");
    r = sbi(EXT_SRST, 0, 0, 0, 0);
    line("system_reset returned, error: ", r.error);
    for (;;) {
    }
}
