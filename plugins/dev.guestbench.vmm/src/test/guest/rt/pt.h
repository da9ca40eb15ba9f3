/*
 * A tiny page-table builder for the paging programs: Sv39/Sv48 tables in a static pool of 4 KiB pages,
 * leaves at any level (4 KiB, 2 MiB, 1 GiB, 512 GiB), and the identity maps every paging program
 * runs its S- and U-mode code under (RAM and the devices, so that code, stack, hart block and UART keep
 * their addresses). Traps still go to M, which is never translated (unless MPRV says so).
 */
#ifndef GUEST_PT_H
#define GUEST_PT_H
#include "rt.h"

/* PTE bits */
#define PTE_V (1UL << 0)
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_U (1UL << 4)
#define PTE_G (1UL << 5)
#define PTE_A (1UL << 6)
#define PTE_D (1UL << 7)
#define PTE_RWX (PTE_R | PTE_W | PTE_X)
#define PTE_AD (PTE_A | PTE_D)

/* satp modes */
#define SATP_BARE 0UL
#define SATP_SV39 8UL
#define SATP_SV48 9UL
#define SATP_SV57 10UL
#define SATP_SV64 11UL
#define SATP_MODE(m) ((u64)(m) << 60)
#define SATP_ASID(a) ((u64)(a) << 44)

#define PAGE 4096UL
#define MEGA (2UL << 20)
#define GIGA (1UL << 30)
#define TERA (512UL << 30)

/* Levels of a table: 3 for Sv39, 4 for Sv48. A leaf's level: 0 = 4 KiB ... 3 = 512 GiB. */
struct pt {
    u64 *root;
    int levels;
};

/* Forgets every table: the pool starts over (call with satp Bare or before the old tables go unused). */
void pt_reset(void);
/* A zeroed page from the pool. */
u64 *pt_page(void);
/* A new empty table tree. */
struct pt pt_new(int levels);
/* Maps va -> pa with a leaf at level (0..levels-1), making the tables on the way; returns the leaf PTE. */
volatile u64 *pt_map(struct pt *t, u64 va, u64 pa, int level, u64 flags);
/* The PTE at level for va, or NULL when a table on the way is missing (or a leaf is above it). */
volatile u64 *pt_pte(struct pt *t, u64 va, int level);
/* Puts a raw PTE at level for va, making the tables above it. */
volatile u64 *pt_set(struct pt *t, u64 va, int level, u64 pte);
/* A PTE: leaf (flags with R/W/X) or pointer (flags = PTE_V) to pa. */
static inline u64 pte_of(u64 pa, u64 flags) { return ((pa >> 12) << 10) | flags; }
/* satp for t with asid. */
u64 pt_satp(const struct pt *t, u64 asid);
/* Identity maps the devices' and RAM's gigapages (VA = PA), RWX, A and D set; user adds U. */
void pt_identity(struct pt *t, int user);

/* satp := v and a full sfence.vma (from M). */
void satp_switch(u64 v);
static inline void sfence_all(void) { asm volatile("sfence.vma" ::: "memory"); }
static inline void sfence_va(u64 va) { asm volatile("sfence.vma %0, zero" ::"r"(va) : "memory"); }
static inline void sfence_asid(u64 asid) { asm volatile("sfence.vma zero, %0" ::"r"(asid) : "memory"); }
static inline void sfence_va_asid(u64 va, u64 asid) { asm volatile("sfence.vma %0, %1" ::"r"(va), "r"(asid) : "memory"); }

/* A free 4 KiB-aligned physical page for test data (from the free RAM after the image, never reused). */
u64 data_page(void);
/* A free physical region of size bytes aligned to align. */
u64 data_region(u64 size, u64 align);

/* Runs fn(arg) in mode under satp v (then back to Bare). */
u64 run_paged(u64 mode, u64 satp, u64 (*fn)(u64), u64 arg);

/* A TRY that prints tval as it is: the test VAs are fixed, not build-dependent. */
#define PT_LOAD(what, insn, va)                                                          \
    do {                                                                                 \
        u64 __v = 0x5a5a;                                                                \
        TRY(what, insn " %0, 0(%1)", ("+r"(__v)), ("r"((u64)(va))));                     \
        pf("  value %x\n", __v);                                                         \
    } while (0)
#define PT_STORE(what, insn, va, val) TRY(what, insn " %0, 0(%1)", (), ("r"((u64)(val)), "r"((u64)(va))))
#define PT_FETCH(what, va) TRY(what, "jalr ra, 0(%0)", (), ("r"((u64)(va))), "ra")

/* Writes "ret; ret" at pa so that a fetch through a mapping of it comes back. */
void put_ret(u64 pa);

#endif
