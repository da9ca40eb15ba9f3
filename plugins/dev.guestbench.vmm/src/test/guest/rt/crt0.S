/* Start code and trap entries of the guest test runtime. Every hart enters _start in M-mode. */
#define HB_RESUME 0
#define HB_RIMRES 24
#define HB_MCTX 32
#define HB_VECTOR 152
#define FRAME 256
#define MAX_HARTS 8
#define STACK_SIZE 16384

    .section .text.start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    csrr a0, mhartid
    li t0, MAX_HARTS
    bgeu a0, t0, park
    /* tp: this hart's block; sp: the top of this hart's stack */
    la tp, harts
    la t0, hart_block_size
    ld t0, 0(t0)
    mul t0, t0, a0
    add tp, tp, t0
    la sp, __stacks_start
    addi t0, a0, 1
    li t1, STACK_SIZE
    mul t0, t0, t1
    add sp, sp, t0
    la t0, m_trap_entry
    csrw mtvec, t0
    la t0, s_trap_entry
    csrw stvec, t0
    /* FP on (Initial): compiled code may use FP registers */
    li t0, 1 << 13
    csrs mstatus, t0
    /* PMP entry 15 grants S and U everything; tests put their entries in front of it */
    li t0, -1
    csrw pmpaddr15, t0
    li t0, 0x1f << 56
    csrw pmpcfg2, t0
    bnez a0, 2f
    /* hart 0: clear .bss, then release the others */
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 1f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
1:  call rt_init_hart_0
    fence rw, rw
    la t0, boot_flag
    li t1, 1
    sw t1, 0(t0)
    call main
    call finish
2:  la t0, boot_flag
    lw t1, 0(t0)
    beqz t1, 2b
    fence rw, rw
    csrr a0, mhartid
    call rt_init_hart
    csrr a0, mhartid
    call secondary_main
park:
    wfi
    j park

rt_init_hart_0:
    li a0, 0
    tail rt_init_hart

/* Saves x1, x3..x31 and the interrupted sp in a frame on the current stack. */
.macro SAVE_FRAME
    addi sp, sp, -FRAME
    sd x1, 1*8(sp)
    sd x3, 3*8(sp)
    sd x4, 4*8(sp)
    sd x5, 5*8(sp)
    sd x6, 6*8(sp)
    sd x7, 7*8(sp)
    sd x8, 8*8(sp)
    sd x9, 9*8(sp)
    sd x10, 10*8(sp)
    sd x11, 11*8(sp)
    sd x12, 12*8(sp)
    sd x13, 13*8(sp)
    sd x14, 14*8(sp)
    sd x15, 15*8(sp)
    sd x16, 16*8(sp)
    sd x17, 17*8(sp)
    sd x18, 18*8(sp)
    sd x19, 19*8(sp)
    sd x20, 20*8(sp)
    sd x21, 21*8(sp)
    sd x22, 22*8(sp)
    sd x23, 23*8(sp)
    sd x24, 24*8(sp)
    sd x25, 25*8(sp)
    sd x26, 26*8(sp)
    sd x27, 27*8(sp)
    sd x28, 28*8(sp)
    sd x29, 29*8(sp)
    sd x30, 30*8(sp)
    sd x31, 31*8(sp)
    addi t0, sp, FRAME
    sd t0, 2*8(sp)
.endm

.macro RESTORE_FRAME
    ld x1, 1*8(sp)
    ld x3, 3*8(sp)
    ld x4, 4*8(sp)
    ld x5, 5*8(sp)
    ld x6, 6*8(sp)
    ld x7, 7*8(sp)
    ld x8, 8*8(sp)
    ld x9, 9*8(sp)
    ld x10, 10*8(sp)
    ld x11, 11*8(sp)
    ld x12, 12*8(sp)
    ld x13, 13*8(sp)
    ld x14, 14*8(sp)
    ld x15, 15*8(sp)
    ld x16, 16*8(sp)
    ld x17, 17*8(sp)
    ld x18, 18*8(sp)
    ld x19, 19*8(sp)
    ld x20, 20*8(sp)
    ld x21, 21*8(sp)
    ld x22, 22*8(sp)
    ld x23, 23*8(sp)
    ld x24, 24*8(sp)
    ld x25, 25*8(sp)
    ld x26, 26*8(sp)
    ld x27, 27*8(sp)
    ld x28, 28*8(sp)
    ld x29, 29*8(sp)
    ld x30, 30*8(sp)
    ld x31, 31*8(sp)
    ld sp, 2*8(sp)
.endm

    .text
    .balign 4
    .globl m_trap_entry
m_trap_entry:
    SAVE_FRAME
    mv a0, sp
    li a1, 3
    call trap_c
    bnez a0, m_end_run_in_mode
    RESTORE_FRAME
    mret

/* run_in_mode's ecall reached M: return from run_in_mode in M-mode, its frames discarded. */
m_end_run_in_mode:
    ld ra, HB_MCTX+0*8(tp)
    ld sp, HB_MCTX+1*8(tp)
    ld s0, HB_MCTX+2*8(tp)
    ld s1, HB_MCTX+3*8(tp)
    ld s2, HB_MCTX+4*8(tp)
    ld s3, HB_MCTX+5*8(tp)
    ld s4, HB_MCTX+6*8(tp)
    ld s5, HB_MCTX+7*8(tp)
    ld s6, HB_MCTX+8*8(tp)
    ld s7, HB_MCTX+9*8(tp)
    ld s8, HB_MCTX+10*8(tp)
    ld s9, HB_MCTX+11*8(tp)
    ld s10, HB_MCTX+12*8(tp)
    ld s11, HB_MCTX+13*8(tp)
    ld a0, HB_RIMRES(tp)
    ret

    .balign 4
    .globl s_trap_entry
s_trap_entry:
    SAVE_FRAME
    mv a0, sp
    li a1, 1
    call trap_c
    li t0, 2
    beq a0, t0, 1f
    RESTORE_FRAME
    sret
    /* U-mode's closing ecall was delegated to S: S asks M to end run_in_mode */
1:  ld a0, HB_RIMRES(tp)
    .globl rim_ecall_s
rim_ecall_s:
    ecall
    j 1b

/* u64 run_in_mode(u64 mode, u64 (*fn)(u64), u64 arg) */
    .globl run_in_mode
run_in_mode:
    sd ra, HB_MCTX+0*8(tp)
    sd sp, HB_MCTX+1*8(tp)
    sd s0, HB_MCTX+2*8(tp)
    sd s1, HB_MCTX+3*8(tp)
    sd s2, HB_MCTX+4*8(tp)
    sd s3, HB_MCTX+5*8(tp)
    sd s4, HB_MCTX+6*8(tp)
    sd s5, HB_MCTX+7*8(tp)
    sd s6, HB_MCTX+8*8(tp)
    sd s7, HB_MCTX+9*8(tp)
    sd s8, HB_MCTX+10*8(tp)
    sd s9, HB_MCTX+11*8(tp)
    sd s10, HB_MCTX+12*8(tp)
    sd s11, HB_MCTX+13*8(tp)
    li t0, 3 << 11
    csrc mstatus, t0
    slli t0, a0, 11
    csrs mstatus, t0
    la t0, rim_trampoline
    csrw mepc, t0
    mv a0, a2
    mret
rim_trampoline:
    jalr a1
    .globl rim_ecall
rim_ecall:
    ecall
    j rim_ecall

/* Vectored tables: entry i records i in the hart block, then joins the direct entry. */
.macro VSTUB scratch, entry, i
    csrw \scratch, t0
    li t0, \i
    sd t0, HB_VECTOR(tp)
    csrr t0, \scratch
    j \entry
.endm

    .balign 256
    .globl m_vector_table
m_vector_table:
    .option push
    .option norvc
    .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    j m_vstub_\i
    .endr
    .option pop
    .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
m_vstub_\i: VSTUB mscratch, m_trap_entry, \i
    .endr

    .balign 256
    .globl s_vector_table
s_vector_table:
    .option push
    .option norvc
    .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    j s_vstub_\i
    .endr
    .option pop
    .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
s_vstub_\i: VSTUB sscratch, s_trap_entry, \i
    .endr

    .data
    .balign 8
    .globl boot_flag
boot_flag:
    .word 0
    .word 0
