/*
 * The guest test runtime: start code (crt0.S), UART output, number printing, and a trap handler
 * that records each trap and recovers, so that one program can provoke many traps and print them.
 *
 * Output is the product: the differential test compares it line by line with QEMU's, so every line
 * names what it checked, and nothing printed may depend on timing or on the host.
 */
#ifndef GUEST_RT_H
#define GUEST_RT_H

typedef unsigned long u64;
typedef long i64;
typedef unsigned int u32;
typedef int i32;
typedef unsigned short u16;
typedef unsigned char u8;

#define NULL ((void *)0)

/* The virt machine (QEMU's layout, which Guestbench copies). */
#define UART0 0x10000000UL
#define FINISHER 0x100000UL
#define CLINT 0x2000000UL
#define CLINT_MSIP(h) (CLINT + 4 * (h))
#define CLINT_MTIMECMP(h) (CLINT + 0x4000 + 8 * (h))
#define CLINT_MTIME (CLINT + 0xBFF8)
#define PLIC 0xc000000UL
#define PLIC_PRIORITY(irq) (PLIC + 4 * (irq))
#define PLIC_PENDING (PLIC + 0x1000)
#define PLIC_ENABLE(ctx) (PLIC + 0x2000 + 0x80 * (ctx))
#define PLIC_THRESHOLD(ctx) (PLIC + 0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx) (PLIC + 0x200004 + 0x1000 * (ctx))
#define UART_IRQ 10
#define RAM_BASE 0x80000000UL
#define RAM_END 0x88000000UL /* the default 128 MiB on both machines */

/* mstatus fields */
#define MSTATUS_SIE (1UL << 1)
#define MSTATUS_MIE (1UL << 3)
#define MSTATUS_SPIE (1UL << 5)
#define MSTATUS_MPIE (1UL << 7)
#define MSTATUS_SPP (1UL << 8)
#define MSTATUS_MPP (3UL << 11)
#define MSTATUS_FS (3UL << 13)
#define MSTATUS_MPRV (1UL << 17)
#define MSTATUS_SUM (1UL << 18)
#define MSTATUS_MXR (1UL << 19)
#define MSTATUS_TVM (1UL << 20)
#define MSTATUS_TW (1UL << 21)
#define MSTATUS_TSR (1UL << 22)
#define MSTATUS_SD (1UL << 63)
/* QEMU 7.2 turns the H extension on; these mstatus bits exist only with H (we implement no H). */
#define MSTATUS_H_ONLY ((1UL << 39) | (1UL << 38))

/* interrupt bits in mip/mie */
#define IRQ_SSI 1
#define IRQ_MSI 3
#define IRQ_STI 5
#define IRQ_MTI 7
#define IRQ_SEI 9
#define IRQ_MEI 11
/* Hypervisor-only interrupt bits (VSSIP, VSTIP, VSEIP, SGEIP): present on QEMU's default CPU only. */
#define IRQ_H_ONLY ((1UL << 2) | (1UL << 6) | (1UL << 10) | (1UL << 12))
/* LCOFI (13) exists only with Sscofpmf, which we lack; QEMU 7.2 lets mie/mip/mideleg hold it anyway. */
#define IRQ_QEMU_EXTRA (IRQ_H_ONLY | (1UL << 13))
/* Exception codes that exist only with H (VS ecall, guest-page faults). */
#define EXC_H_ONLY ((1UL << 10) | (0xfUL << 20))

#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

#define STR_(x) #x
#define STR(x) STR_(x)

#define csr_read(csr) ({ u64 __v; asm volatile("csrr %0, " STR(csr) : "=r"(__v) :: "memory"); __v; })
#define csr_write(csr, val) ({ asm volatile("csrw " STR(csr) ", %0" :: "rK"((u64)(val)) : "memory"); })
#define csr_set(csr, val) ({ asm volatile("csrs " STR(csr) ", %0" :: "rK"((u64)(val)) : "memory"); })
#define csr_clear(csr, val) ({ asm volatile("csrc " STR(csr) ", %0" :: "rK"((u64)(val)) : "memory"); })
#define csr_swap(csr, val) ({ u64 __v; asm volatile("csrrw %0, " STR(csr) ", %1" : "=r"(__v) : "rK"((u64)(val)) : "memory"); __v; })
/* Writes then reads back: the WARL view of a CSR. */
#define csr_warl(csr, val) ({ csr_write(csr, val); csr_read(csr); })

static inline u64 rd64(u64 a) { return *(volatile u64 *)a; }
static inline u32 rd32(u64 a) { return *(volatile u32 *)a; }
static inline u8 rd8(u64 a) { return *(volatile u8 *)a; }
static inline void wr64(u64 a, u64 v) { *(volatile u64 *)a = v; }
static inline void wr32(u64 a, u32 v) { *(volatile u32 *)a = v; }
static inline void wr8(u64 a, u8 v) { *(volatile u8 *)a = v; }

/* One recorded trap. mode: where it was handled (PRV_M or PRV_S); from: xPP at the trap;
 * status: mstatus (or sstatus, when handled in S) as the trap left it. */
struct trap_rec {
    u64 cause, tval, epc, mode, from, status;
};

/* The register frame the trap entry saves; x[i] is register xi (x[2] is the interrupted sp). */
struct frame {
    u64 x[32];
};

#define TRAP_LOG 16

/* Per-hart state; tp points to it in every mode. The first fields are read by assembly. */
struct hart {
    u64 resume;     /* HB_RESUME: an exception resumes here (then this is cleared) */
    u64 try_pc;     /* HB_TRYPC: the instruction a TRY block tests, for epc offsets */
    u64 ntraps;     /* HB_NTRAPS: traps recorded so far */
    u64 rim_result; /* HB_RIMRES: value returned by run_in_mode */
    u64 mctx[14];   /* HB_MCTX: ra, sp, s0..s11 saved by run_in_mode */
    u64 hartid;     /* HB_HARTID */
    u64 vector;     /* HB_VECTOR: entry number taken through a vectored xtvec, or -1 */
    u64 rim_status; /* mstatus when run_in_mode's closing ecall reached M */
    u64 tval_base;  /* when set, the next report shows tval relative to it (addresses move between builds) */
    u64 resume_mode; /* when not -1, resuming also sets xPP to this mode (then this is reset) */
    void (*irq_hook)(u64 cause, u64 mode, struct frame *f);
    int (*trap_hook)(struct trap_rec *t, struct frame *f); /* returns 1 when it handled the trap */
    struct trap_rec last;
    struct trap_rec log[TRAP_LOG];
};

#define HB_RESUME 0
#define HB_TRYPC 8
#define HB_NTRAPS 16
#define HB_RIMRES 24
#define HB_MCTX 32
#define HB_HARTID 144
#define HB_VECTOR 152

static inline struct hart *me(void) {
    struct hart *h;
    asm volatile("mv %0, tp" : "=r"(h));
    return h;
}

/* Output (polling the 16550's THRE; works in every mode since PMP entry 15 allows all). */
void putch(char c);
void puts(const char *s);
void put_hex(u64 v);
void put_dec(i64 v);
void put_udec(u64 v);
/* A tiny printf: %x (0x-prefixed hex), %d, %u, %s, %c, %b (yes/no). */
void pf(const char *fmt, ...);

/* Ends the run through the test finisher: 0 = pass, otherwise the fail code. */
void finish(int code) __attribute__((noreturn));

/* Prints a trap record; epc is shown relative to base when it is near it. */
void print_trap(const struct trap_rec *t, u64 base);
/* After a TRY block: prints "what: no trap" or the trap it caused. */
void try_report(const char *what, u64 ntraps_before);
/* Prints the traps recorded since ntraps_before (the last TRAP_LOG at most), oldest first. */
void print_log_since(const char *what, u64 ntraps_before);

/*
 * TRY: runs asm that may trap. On an exception the handler records the trap and resumes after the
 * block; the report names the check. outs and ins are parenthesised operand lists, e.g.
 * TRY("ld from 0", "ld %0, 0(%1)", ("+r"(v)), ("r"(0UL))). t6 is the runtime's scratch register.
 */
#define UNPAREN(...) __VA_ARGS__
#define TRY_PRE "la t6, 1f\n\tsd t6, 8(tp)\n\tla t6, 2f\n\tsd t6, 0(tp)\n1:\t"
#define TRY_POST "\n2:\tsd zero, 0(tp)\n"
#define TRY(what, insns, outs, ins, ...)                                                         \
    do {                                                                                         \
        u64 __n = me()->ntraps;                                                                  \
        asm volatile(TRY_PRE insns TRY_POST : UNPAREN outs : UNPAREN ins : "t6", "memory", ##__VA_ARGS__); \
        try_report(what, __n);                                                                   \
    } while (0)
/* TRY, printing tval as "sym+offset" relative to base (a buffer whose address moves between builds). */
#define TRY_AT(what, base, insns, outs, ins, ...)                                                \
    do {                                                                                         \
        me()->tval_base = (u64)(base);                                                           \
        TRY(what, insns, outs, ins, ##__VA_ARGS__);                                              \
    } while (0)

/* Runs fn(arg) in privilege mode (PRV_U or PRV_S) and returns its result in M-mode. */
u64 run_in_mode(u64 mode, u64 (*fn)(u64), u64 arg);

/* Trap vectors: direct entries and 16-entry vectored tables (each entry records its number). */
extern char m_trap_entry[], s_trap_entry[], m_vector_table[], s_vector_table[];
extern char rim_ecall[], rim_ecall_s[];

/* A simple spinlock for output from several harts. */
void lock(volatile u32 *l);
void unlock(volatile u32 *l);

/* Freestanding helpers gcc may call. */
void *memset(void *d, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);

/* Clears a trap log and hooks: a fresh start for the next section. */
void reset_traps(void);

extern char __free_ram[];

#endif
