/* Start file for the bench kernels: M-mode, hart 0 only.
 * Sets gp/sp, enables the FPU, zeroes .bss, installs the trap vector, calls main and ends the
 * machine through the SiFive test finisher at 0x100000: 0x5555 = pass, (status << 16) | 0x3333 = fail. */
    .section .text.start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    csrr    t0, mhartid
    bnez    t0, park                /* other harts (if any) wait forever */
    la      sp, __stack_top
    li      t0, 0x2000              /* mstatus.FS = initial: the FP kernels need the FPU on */
    csrs    mstatus, t0
    fscsr   zero
    la      t0, trap_vector
    csrw    mtvec, t0
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sd      zero, 0(t0)
    addi    t0, t0, 8
    j       1b
2:  call    main
    /* fall through with a0 = main's status */
    .globl exit
exit:
    li      t0, 0x100000
    bnez    a0, 3f
    li      t1, 0x5555
    sw      t1, 0(t0)
    j       park
3:  slli    a0, a0, 16
    li      t1, 0x3333
    or      t1, t1, a0
    sw      t1, 0(t0)
park:
    wfi
    j       park

/* The M-mode trap vector. An ecall from M-mode is the "system call" of the ecall kernel: it returns
 * a0 + a1 in a0, steps mepc over the ecall and returns with mret. Any other trap is a failure. */
    .text
    .balign 4
    .globl trap_vector
trap_vector:
    csrw    mscratch, t0
    csrr    t0, mcause
    addi    t0, t0, -11             /* 11 = environment call from M-mode */
    bnez    t0, unexpected_trap
    add     a0, a0, a1
    csrr    t0, mepc
    addi    t0, t0, 4
    csrw    mepc, t0
    csrr    t0, mscratch
    mret

unexpected_trap:
    csrr    a0, mcause
    csrr    a1, mepc
    csrr    a2, mtval
    call    report_trap             /* prints the cause and never returns */
    li      a0, 2
    j       exit
