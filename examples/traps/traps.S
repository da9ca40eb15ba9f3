# traps.S: a bare-metal kernel that takes its own traps.
#
# It runs in machine mode from reset (`--bios none`), installs a trap vector, raises an environment
# call and an illegal instruction, reports each trap's cause on the UART and stops the machine through
# the test finisher of the virt board.

    .equ    UART0, 0x10000000
    .equ    FINISHER, 0x100000
    .equ    FINISHER_PASS, 0x5555

    .section .text
    .globl  _start
_start:
    la      sp, stack_top
    la      t0, trap_vector
    csrw    mtvec, t0
    csrwi   mscratch, 0         # counts the traps taken

    ecall                       # cause 11: environment call from M-mode
    .word   0                   # cause 2: the all-zero word is an illegal instruction

    li      t0, FINISHER
    li      t1, FINISHER_PASS
    sw      t1, 0(t0)
1:  j       1b

# Prints "trap <cause>" and returns past the trapping instruction.
    .balign 4
trap_vector:
    addi    sp, sp, -16
    sd      ra, 8(sp)
    la      a0, message
    call    print
    csrr    a0, mcause
    li      t1, 10
    bgeu    a0, t1, 6f          # one decimal digit is enough for causes 0..9
    addi    a0, a0, 48
    j       2f
6:  li      a0, 63              # '?' for larger causes
2:  call    putc
    li      a0, 10
    call    putc
    csrr    t0, mepc
    addi    t0, t0, 4
    csrw    mepc, t0
    csrr    t0, mscratch
    addi    t0, t0, 1
    csrw    mscratch, t0
    ld      ra, 8(sp)
    addi    sp, sp, 16
    mret

# print(a0 = NUL-terminated string)
print:
    mv      t2, a0
    mv      t3, ra
3:  lbu     a0, 0(t2)
    beqz    a0, 4f
    call    putc
    addi    t2, t2, 1
    j       3b
4:  mv      ra, t3
    ret

# putc(a0 = byte): waits for room in the UART's transmitter, then sends the byte.
putc:
    li      t0, UART0
5:  lbu     t1, 5(t0)           # line status register
    andi    t1, t1, 0x20        # transmitter holding register empty
    beqz    t1, 5b
    sb      a0, 0(t0)
    ret

    .section .rodata
message:
    .asciz  "trap "

    .section .bss
    .balign 16
    .space  4096
stack_top:
