# Writes to the UART forever (through the 16550 at 0x10000000, no SBI): the flood a console must survive.
    .section .text
    .globl _start
_start:
    li      t0, 0x10000000
    li      t1, 'x'
    li      t2, '\n'
    li      t3, 0
loop:
    sb      t1, 0(t0)
    addi    t3, t3, 1
    andi    t4, t3, 63
    bnez    t4, loop
    sb      t2, 0(t0)
    j       loop
