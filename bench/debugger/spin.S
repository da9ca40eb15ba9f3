# Loops forever without a trap: the debugger must still suspend and terminate it at once.
    .section .text
    .globl _start
_start:
    li      t0, 0
spin:
    addi    t0, t0, 1
    j       spin
