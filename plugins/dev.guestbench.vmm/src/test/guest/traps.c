/*
 * Every exception cause that exists without paging, with mcause, mtval and mepc:
 *   0 instruction address misaligned: cannot happen here. With C, every jal/branch target is even,
 *     jalr clears bit 0, and xepc reads back with bit 0 clear (misa.C cannot be turned off on
 *     QEMU, whose misa is read-only), so no instruction can reach an odd or 2-mod-4 target.
 *   1 instruction access fault: fetch where nothing is (mtval = mepc = the target)
 *   2 illegal instruction: mtval = the instruction bits (0 for the 16-bit all-zero word)
 *   3 breakpoint: mtval = 0, QEMU virt's choice (the spec allows 0 or the pc; we follow QEMU)
 *   4/6 misaligned LR / SC / AMO: in rv64a.c (scalar loads and stores do not trap on QEMU virt)
 *   5/7 load / store access faults: mtval = the address
 *   8/9/11 ecall from U/S/M: mtval = 0
 * Causes 12/13/15 (page faults) need paging; they come with it.
 *
 * Not printed: fetches from device memory (QEMU 7.2 executes from MMIO: at its PCIe I/O window
 * 0x3000000 it reads 0xffffffff and raises an illegal instruction, at the UART it reads 0), and a
 * 32-bit instruction whose upper half lies beyond the end of RAM (QEMU 7.2 aborts on an assertion
 * in translator_access; the spec wants an access fault with mtval = RAM end, mepc = RAM end - 2).
 * Misaligned loads/stores straddling the end of RAM: see loadstore.c.
 */
#include "rt.h"

static u64 do_ecall(u64 arg) {
    TRY(arg == PRV_S ? "ecall from S" : "ecall from U", "ecall", (), ());
    TRY(arg == PRV_S ? "ebreak from S" : "ebreak from U", "ebreak", (), ());
    u64 v = 0x5a5a;
    TRY(arg == PRV_S ? "load from 0x0 from S" : "load from 0x0 from U", "ld %0, 0(zero)", ("+r"(v)), ());
    TRY(arg == PRV_S ? "illegal 0xffffffff from S" : "illegal 0xffffffff from U", ".word 0xffffffff", (), ());
    return 0;
}

#define FETCH(what, target) TRY(what, "jalr ra, 0(%0)", (), ("r"((u64)(target))), "ra")
#define LOAD(what, insn, addr)                                                 \
    do {                                                                       \
        u64 v = 0x5a5a;                                                        \
        TRY(what, insn " %0, 0(%1)", ("+r"(v)), ("r"((u64)(addr))));           \
        pf("  rd -> %x\n", v);                                                 \
    } while (0)
#define STORE(what, insn, addr) TRY(what, insn " %0, 0(%1)", (), ("r"(0x1122334455667788UL), "r"((u64)(addr))))

int main(void) {
    /* 1: instruction access faults */
    FETCH("fetch at 0x0", 0x0);
    FETCH("fetch at 0x1000000 (a hole)", 0x1000000);
    FETCH("fetch at RAM end", RAM_END);
    FETCH("fetch above 2^56", 0x0100000000000000UL);
    /* 2: illegal instructions */
    TRY("illegal 0x00000000 (16-bit zero)", ".word 0x00000000", (), ());
    TRY("illegal 0xffffffff", ".word 0xffffffff", (), ());
    TRY("illegal custom-0 opcode 0x0000000b", ".word 0x0000000b", (), ());
    TRY("illegal OP funct7=0x7f (0xfe000033)", ".word 0xfe000033", (), ());
    TRY("illegal LOAD funct3=7 (0x00007003)", ".word 0x00007003", (), ());
    TRY("illegal STORE funct3=4 (0x00004023)", ".word 0x00004023", (), ());
    TRY("illegal BRANCH funct3=2 (0x00002063)", ".word 0x00002063", (), ());
    TRY("illegal JALR funct3=1 (0x00001067)", ".word 0x00001067", (), ());
    TRY("illegal OP-32 funct7=0x01 funct3=1 (0x0200103b)", ".word 0x0200103b", (), ());
    TRY("illegal SYSTEM funct3=4 (0x00004073)", ".word 0x00004073", (), ());
    TRY("illegal ecall with rd=1 (0x000000f3)", ".word 0x000000f3", (), ());
    TRY("illegal slli with shamt bit 6 (0x04051513)", ".word 0x04051513", (), ());
    TRY("illegal slliw with shamt bit 5 (0x0205151b)", ".word 0x0205151b", (), ());
    TRY("illegal AMO funct5=0x1f (0xf800a02f)", ".word 0xf800a02f", (), ());
    TRY("illegal lr.w with rs2!=0 (0x1015a02f)", ".word 0x1015a02f", (), ());
    /* 3: breakpoints */
    TRY("ebreak", "ebreak", (), ());
    TRY("c.ebreak", "c.ebreak", (), ());
    /* 5: load access faults */
    LOAD("lb from 0x0", "lb", 0x0);
    LOAD("ld from 0x1000000 (a hole)", "ld", 0x1000000);
    LOAD("lw from RAM end", "lw", RAM_END);
    LOAD("lhu from above 2^56", "lhu", 0x0100000000000000UL);
    TRY("flw from 0x0", "flw ft0, 0(zero)", (), (), "ft0");
    /* 7: store access faults */
    STORE("sb to 0x0", "sb", 0x0);
    STORE("sd to 0x1000000 (a hole)", "sd", 0x1000000);
    STORE("sw to RAM end", "sw", RAM_END);
    TRY("fsd to RAM end", "fsd ft0, 0(%0)", (), ("r"(RAM_END)));
    pf("  RAM end - 8 unchanged -> %x\n", rd64(RAM_END - 8));
    /* 8, 9, 11: ecall from each mode (and the same faults from S and U) */
    TRY("ecall from M", "ecall", (), ());
    run_in_mode(PRV_S, do_ecall, PRV_S);
    run_in_mode(PRV_U, do_ecall, PRV_U);
    /* the trap log: causes in order */
    return 0;
}
