# Conditional branches, jumps and calls: targets that are labels, targets that are
# not labels (a few bytes past one), forward and backward, near and at the limits.
        .option norvc
        .text
        .globl  _start
_start:
        beq     a0, a1, forward
        bne     a0, a1, forward
        blt     a0, a1, forward
        bge     a0, a1, forward
        bltu    a0, a1, forward
        bgeu    a0, a1, forward
        beq     a0, zero, forward
        bne     t0, zero, forward
        bge     zero, a2, forward
        bge     a3, zero, forward
        blt     a4, zero, forward
        blt     zero, a5, forward
        beq     s0, s1, forward + 8
        bne     s2, s3, _start + 4
        blt     t3, t4, . + 12
        bgeu    t5, t6, . - 8
backward:
        nop
        beq     a0, a1, backward
        bne     a0, zero, backward
        beqz    a2, backward
        bnez    a3, backward
        blez    a4, backward
        bgez    a5, backward
        bltz    a6, backward
        bgtz    a7, backward
        bgt     a0, a1, backward
        ble     a0, a1, backward
        bgtu    a0, a1, backward
        bleu    a0, a1, backward
forward:
        jal     ra, backward
        jal     zero, backward
        jal     t0, backward
        jal     forward + 4
        j       backward
        jal     . + 2046
        jalr    ra, 0(a0)
        jalr    zero, 0(ra)
        jalr    t0, 0(a1)
        jalr    a0, 12(a1)
        jalr    zero, -2048(a2)
        jalr    ra, 2047(a3)
        jr      a4
        jr      16(a5)
        jalr    a6
        jalr    -8(a7)
        jalr    t1, t2
        ret
far_branches:
        beq     a0, a1, . + 4094
        bne     a0, a1, . - 4096
        jal     . + 0xffffe
        jal     . - 0x100000
        call    backward
        tail    forward
        call    t1, forward
        jump    backward, t2
        .skip   4096
        ret
