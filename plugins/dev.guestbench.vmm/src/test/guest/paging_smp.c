/*
 * Paging on two harts at once: each hart runs S-mode under its own Sv39 tree with its own ASID, where
 * the same VA maps to a frame of its own and a second VA to one frame both share. Each hart reads its
 * private page, writes its mark into the shared page, remaps its private VA (with an sfence.vma on that
 * hart only) and reads again; the other hart's translation of the same VA must not change. Page faults
 * on both harts are taken in M. Then a shootdown: hart 0 changes hart 1's PTE and raises a flag, hart 1
 * sees it, fences and must read through the new mapping. Hart 0 prints everything once both are done,
 * so the output does not depend on scheduling.
 */
// guest-smp: 2
#include "pt.h"

#define VA 0xc0000000UL
#define VA_SHARED 0xc0001000UL
#define VA_HOLE 0xc0002000UL

static struct pt tree[2];
static u64 priv_a[2], priv_b[2], shared;
static volatile u64 go, done, hart1_waits;
static u64 seen[2][7];
#define FLAG (VA_SHARED + 0x100) /* set by hart 0 when it has changed hart 1's tree */

static u64 s_work(u64 h) {
    u64 *r = seen[h];
    r[0] = rd64(VA);
    wr64(VA_SHARED + 8 * h, 0x5100 + h);
    /* remap the private VA to the hart's second frame, on this hart's tree, and fence this hart only */
    pt_map(&tree[h], VA, priv_b[h], 0, PTE_R | PTE_W | PTE_AD);
    sfence_va_asid(VA, h + 1);
    r[1] = rd64(VA);
    /* a page fault on this hart: resumed by M through the TRY's resume address */
    u64 v = 0x5a5a;
    u64 n = me()->ntraps;
    asm volatile(TRY_PRE "ld %0, 0(%1)" TRY_POST : "+r"(v) : "r"(VA_HOLE) : "t6", "memory");
    r[2] = me()->ntraps - n;
    r[3] = me()->last.cause;
    r[4] = me()->last.tval;
    r[5] = v;
    if (h == 1) {
        /* a shootdown as an OS does it: hart 0 changes this hart's PTE, then says so; this hart fences */
        asm volatile("fence rw, rw" ::: "memory");
        hart1_waits = 1;
        while (rd64(FLAG) == 0)
            ;
        asm volatile("fence rw, rw" ::: "memory");
        sfence_va(VA);
        r[6] = rd64(VA);
    }
    return 0;
}

static void run(u64 h) {
    run_paged(PRV_S, pt_satp(&tree[h], h + 1), s_work, h);
    asm volatile("amoadd.d zero, %1, (%0)" ::"r"(&done), "r"(1UL) : "memory");
}

void secondary_main(u64 hartid) {
    if (hartid == 1) {
        while (!go)
            ;
        run(1);
    }
    for (;;)
        asm volatile("wfi");
}

int main(void) {
    shared = data_page();
    for (int h = 0; h < 2; h++) {
        priv_a[h] = data_page();
        priv_b[h] = data_page();
        wr64(priv_a[h], 0xa0 + h);
        wr64(priv_b[h], 0xb0 + h);
        tree[h] = pt_new(3);
        pt_identity(&tree[h], 0);
        pt_map(&tree[h], VA, priv_a[h], 0, PTE_R | PTE_W | PTE_AD);
        pt_map(&tree[h], VA_SHARED, shared, 0, PTE_R | PTE_W | PTE_AD);
    }
    asm volatile("fence rw, rw" ::: "memory");
    go = 1;
    run(0);
    /* once hart 1 is done with its own remap, its VA goes to hart 0's first frame; it fences on the flag */
    while (!hart1_waits)
        ;
    asm volatile("fence rw, rw" ::: "memory");
    pt_map(&tree[1], VA, priv_a[0], 0, PTE_R | PTE_W | PTE_AD);
    asm volatile("fence rw, rw" ::: "memory");
    wr64(shared + 0x100, 1);
    while (done < 2)
        ;
    for (int h = 0; h < 2; h++) {
        u64 *r = seen[h];
        pf("hart %u: VA read %x, after its own remap %x; faults %u cause %x tval %x value %x\n", (u64)h, r[0], r[1],
           r[2], r[3], r[4], r[5]);
    }
    pf("hart 1 after hart 0 changed its PTE and it fenced: VA read %x\n", seen[1][6]);
    pf("shared page: %x %x\n", rd64(shared), rd64(shared + 8));
    return 0;
}
