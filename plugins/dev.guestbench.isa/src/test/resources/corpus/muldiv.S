# The M extension: multiplication and division, 64-bit and 32-bit forms.
        .option norvc
        .text
        .globl  _start
_start:
        mul     a0, a1, a2
        mul     zero, t6, s11
        mulh    a0, a1, a2
        mulhsu  a0, a1, a2
        mulhu   a0, a1, a2
        div     a0, a1, a2
        divu    t0, t1, t2
        rem     s0, s1, a0
        remu    a3, a4, a5
        mulw    a0, a1, a2
        divw    a0, a1, a2
        divuw   a6, a7, s2
        remw    s3, s4, s5
        remuw   s6, s7, s8
        ret
