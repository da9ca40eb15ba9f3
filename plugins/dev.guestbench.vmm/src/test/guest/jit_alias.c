/*
 * One page of code run at two virtual addresses (Sv39: RAM mapped at its own address and again 1 GiB
 * higher), hot enough to be translated: the pcs the code sees (auipc, a jal's link) must be those of the
 * address it runs at. Linux does this: its early code runs at the physical address, then the same pages at
 * the kernel's virtual address.
 */
#include "rt.h"

#define ALIAS 0x40000000UL /* RAM at 0x80000000 is seen again at 0xc0000000 */
#define PTE_V 1UL
#define PTE_RWX (7UL << 1)
#define PTE_AD (3UL << 6)
#define SATP_SV39 (8UL << 60)

/* where(out): out[0] = the auipc's own pc, out[1] = the link of a jal 8 bytes later. */
void where(u64 *out);
asm(".pushsection .text\n"
    ".option push\n.option norvc\n"
    ".balign 4096\n"
    ".globl where\n"
    "where:\n"
    "  auipc t1, 0\n"
    "  sd t1, 0(a0)\n"
    "  jal t0, 1f\n"
    "1: sd t0, 8(a0)\n"
    "  ret\n"
    ".option pop\n"
    ".popsection\n");

static u64 root[512] __attribute__((aligned(4096)));

static void run_at(const char *name, u64 offset) {
    void (*f)(u64 *) = (void (*)(u64 *))((u64)where + offset);
    u64 out[2] = {0, 0};
    u64 firsts[2] = {0, 0};
    for (int i = 0; i < 200; i++) {
        f(out);
        if (i == 0) {
            firsts[0] = out[0];
            firsts[1] = out[1];
        }
    }
    pf("%s: first call auipc=where+%x link=where+%x\n", name, firsts[0] - (u64)where, firsts[1] - (u64)where);
    pf("%s: 200th call auipc=where+%x link=where+%x\n", name, out[0] - (u64)where, out[1] - (u64)where);
}

static u64 s_main(u64 arg) {
    run_at("identity", 0);
    run_at("alias", ALIAS);
    run_at("identity again", 0);
    return arg;
}

int main(void) {
    /* Gigapages: devices at 0 (for the UART), RAM at 0x80000000 and its alias at 0xc0000000. */
    root[0] = (0x00000000UL >> 12) << 10 | PTE_AD | (3UL << 1) | PTE_V;
    root[2] = (0x80000000UL >> 12) << 10 | PTE_AD | PTE_RWX | PTE_V;
    root[3] = (0x80000000UL >> 12) << 10 | PTE_AD | PTE_RWX | PTE_V;
    csr_write(satp, SATP_SV39 | ((u64)root >> 12));
    asm volatile("sfence.vma" ::: "memory");
    run_in_mode(PRV_S, s_main, 0);
    csr_write(satp, 0);
    asm volatile("sfence.vma" ::: "memory");
    finish(0);
}
