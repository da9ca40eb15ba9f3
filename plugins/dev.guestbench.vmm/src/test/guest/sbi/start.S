/* An S-mode kernel's entry for the SBI test: a0 = hart id, a1 = device tree (boot hart) or the opaque
 * value hart_start passed (other harts). Each hart gets its own stack, then C. */
    .section .text.start
    .globl _start
_start:
    la      sp, stacks_end
    slli    t0, a0, 13          /* 8 KiB of stack per hart */
    sub     sp, sp, t0
    la      t0, trap_entry
    csrw    stvec, t0
    j       kernel_main

/* S-mode trap entry: save the caller-saved registers, call the C handler, restore, sret. */
    .balign 4
trap_entry:
    addi    sp, sp, -144
    sd      ra, 0(sp)
    sd      t0, 8(sp)
    sd      t1, 16(sp)
    sd      t2, 24(sp)
    sd      a0, 32(sp)
    sd      a1, 40(sp)
    sd      a2, 48(sp)
    sd      a3, 56(sp)
    sd      a4, 64(sp)
    sd      a5, 72(sp)
    sd      a6, 80(sp)
    sd      a7, 88(sp)
    sd      t3, 96(sp)
    sd      t4, 104(sp)
    sd      t5, 112(sp)
    sd      t6, 120(sp)
    call    trap_handler
    ld      ra, 0(sp)
    ld      t0, 8(sp)
    ld      t1, 16(sp)
    ld      t2, 24(sp)
    ld      a0, 32(sp)
    ld      a1, 40(sp)
    ld      a2, 48(sp)
    ld      a3, 56(sp)
    ld      a4, 64(sp)
    ld      a5, 72(sp)
    ld      a6, 80(sp)
    ld      a7, 88(sp)
    ld      t3, 96(sp)
    ld      t4, 104(sp)
    ld      t5, 112(sp)
    ld      t6, 120(sp)
    addi    sp, sp, 144
    sret

    .bss
    .balign 16
stacks:
    .space  8192 * 4
stacks_end:
