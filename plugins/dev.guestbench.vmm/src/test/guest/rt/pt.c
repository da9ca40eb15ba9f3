/* The page-table builder of pt.h. */
#include "pt.h"

#define POOL_PAGES 96

static u64 pool[POOL_PAGES][512] __attribute__((aligned(4096)));
static unsigned pool_used;
static u64 data_next;

void pt_reset(void) { pool_used = 0; }

u64 *pt_page(void) {
    if (pool_used == POOL_PAGES) {
        puts("pt: page-table pool exhausted\n");
        finish(98);
    }
    u64 *p = pool[pool_used++];
    memset(p, 0, PAGE);
    return p;
}

struct pt pt_new(int levels) {
    struct pt t = {pt_page(), levels};
    return t;
}

static unsigned vpn(u64 va, int level) { return (unsigned)((va >> (12 + 9 * level)) & 511); }

/* The table at level for va (the root is at level levels-1), made when make says so. */
static u64 *table_at(struct pt *t, u64 va, int level, int make) {
    u64 *table = t->root;
    for (int l = t->levels - 1; l > level; l--) {
        u64 *e = &table[vpn(va, l)];
        if (!(*e & PTE_V)) {
            if (!make)
                return NULL;
            *e = pte_of((u64)pt_page(), PTE_V);
        } else if (*e & PTE_RWX) {
            return NULL; /* a leaf above: no table here */
        }
        table = (u64 *)((*e >> 10) << 12);
    }
    return table;
}

volatile u64 *pt_set(struct pt *t, u64 va, int level, u64 pte) {
    u64 *table = table_at(t, va, level, 1);
    if (!table) {
        puts("pt: a leaf is in the way\n");
        finish(98);
    }
    volatile u64 *e = &table[vpn(va, level)];
    *e = pte;
    asm volatile("fence rw, rw" ::: "memory");
    return e;
}

volatile u64 *pt_map(struct pt *t, u64 va, u64 pa, int level, u64 flags) {
    return pt_set(t, va, level, pte_of(pa, flags | PTE_V));
}

volatile u64 *pt_pte(struct pt *t, u64 va, int level) {
    u64 *table = table_at(t, va, level, 0);
    return table ? &table[vpn(va, level)] : NULL;
}

u64 pt_satp(const struct pt *t, u64 asid) {
    return SATP_MODE(t->levels == 3 ? SATP_SV39 : SATP_SV48) | SATP_ASID(asid) | ((u64)t->root >> 12);
}

void pt_identity(struct pt *t, int user) {
    u64 f = PTE_RWX | PTE_AD | (user ? PTE_U : 0);
    pt_map(t, 0, 0, 2, f);              /* UART, finisher, CLINT, PLIC */
    pt_map(t, RAM_BASE, RAM_BASE, 2, f); /* the image, stacks, tables, data pages */
}

void satp_switch(u64 v) {
    csr_write(satp, v);
    sfence_all();
}

u64 data_region(u64 size, u64 align) {
    if (!data_next)
        data_next = ((u64)__free_ram + 0xffff) & ~0xffffUL;
    u64 a = (data_next + align - 1) & ~(align - 1);
    data_next = a + size;
    if (data_next > RAM_END) {
        puts("pt: out of data pages\n");
        finish(98);
    }
    memset((void *)a, 0, size < PAGE ? size : PAGE);
    return a;
}

u64 data_page(void) { return data_region(PAGE, PAGE); }

u64 run_paged(u64 mode, u64 v, u64 (*fn)(u64), u64 arg) {
    satp_switch(v);
    u64 r = run_in_mode(mode, fn, arg);
    satp_switch(0);
    return r;
}

void put_ret(u64 pa) {
    wr32(pa, 0x00008067);
    wr32(pa + 4, 0x00008067);
    asm volatile("fence.i" ::: "memory");
}
