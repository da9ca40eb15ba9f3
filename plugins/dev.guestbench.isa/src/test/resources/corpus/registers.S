# Every integer and floating-point register in every operand position.
        .option norvc
        .text
        .globl  _start
_start:
        add     x0, x1, x2
        add     x1, x2, x3
        add     x2, x3, x4
        add     x3, x4, x5
        add     x4, x5, x6
        add     x5, x6, x7
        add     x6, x7, x8
        add     x7, x8, x9
        add     x8, x9, x10
        add     x9, x10, x11
        add     x10, x11, x12
        add     x11, x12, x13
        add     x12, x13, x14
        add     x13, x14, x15
        add     x14, x15, x16
        add     x15, x16, x17
        add     x16, x17, x18
        add     x17, x18, x19
        add     x18, x19, x20
        add     x19, x20, x21
        add     x20, x21, x22
        add     x21, x22, x23
        add     x22, x23, x24
        add     x23, x24, x25
        add     x24, x25, x26
        add     x25, x26, x27
        add     x26, x27, x28
        add     x27, x28, x29
        add     x28, x29, x30
        add     x29, x30, x31
        add     x30, x31, x0
        add     x31, x0, x1
        # ABI names and the fp alias of s0
        sub     zero, ra, sp
        sub     gp, tp, t0
        sub     t1, t2, fp
        sub     s1, a0, a1
fpregs:
        fsgnjx.d f0, f1, f2
        fsgnjx.d f1, f2, f3
        fsgnjx.d f2, f3, f4
        fsgnjx.d f3, f4, f5
        fsgnjx.d f4, f5, f6
        fsgnjx.d f5, f6, f7
        fsgnjx.d f6, f7, f8
        fsgnjx.d f7, f8, f9
        fsgnjx.d f8, f9, f10
        fsgnjx.d f9, f10, f11
        fsgnjx.d f10, f11, f12
        fsgnjx.d f11, f12, f13
        fsgnjx.d f12, f13, f14
        fsgnjx.d f13, f14, f15
        fsgnjx.d f14, f15, f16
        fsgnjx.d f15, f16, f17
        fsgnjx.d f16, f17, f18
        fsgnjx.d f17, f18, f19
        fsgnjx.d f18, f19, f20
        fsgnjx.d f19, f20, f21
        fsgnjx.d f20, f21, f22
        fsgnjx.d f21, f22, f23
        fsgnjx.d f22, f23, f24
        fsgnjx.d f23, f24, f25
        fsgnjx.d f24, f25, f26
        fsgnjx.d f25, f26, f27
        fsgnjx.d f26, f27, f28
        fsgnjx.d f27, f28, f29
        fsgnjx.d f28, f29, f30
        fsgnjx.d f29, f30, f31
        fsgnjx.d f30, f31, f0
        fsgnjx.d f31, f0, f1
        fmadd.d ft0, fs0, fa0, ft11
        fmadd.s fs11, ft8, fa7, fs1
        ret
