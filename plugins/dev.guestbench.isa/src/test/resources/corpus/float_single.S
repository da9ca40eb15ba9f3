# The F extension. Instructions with a rounding-mode field appear with every mode
# and without one (dyn); the reserved modes 5 and 6 are written with .insn.
        .option norvc
        .text
        .globl  _start
_start:
        flw     fa0, 0(a0)
        flw     ft0, -2048(sp)
        flw     fs11, 2047(t6)
        fsw     fa0, 0(a0)
        fsw     ft11, -4(sp)
        fsw     fs0, 2047(gp)
with_rounding:
        .irp    rm, rne, rtz, rdn, rup, rmm, dyn
        fadd.s  fa0, fa1, fa2, \rm
        fsub.s  ft0, ft1, ft2, \rm
        fmul.s  fs0, fs1, fs2, \rm
        fdiv.s  fa3, fa4, fa5, \rm
        fsqrt.s fa6, fa7, \rm
        fmadd.s fa0, fa1, fa2, fa3, \rm
        fmsub.s ft4, ft5, ft6, ft7, \rm
        fnmsub.s fs3, fs4, fs5, fs6, \rm
        fnmadd.s ft8, ft9, ft10, ft11, \rm
        fcvt.w.s a0, fa0, \rm
        fcvt.wu.s a1, fa1, \rm
        fcvt.l.s a2, fa2, \rm
        fcvt.lu.s a3, fa3, \rm
        fcvt.s.w fa0, a0, \rm
        fcvt.s.wu fa1, a1, \rm
        fcvt.s.l fa2, a2, \rm
        fcvt.s.lu fa3, a3, \rm
        .endr
without_rounding:
        fadd.s  fa0, fa1, fa2
        fsub.s  fa0, fa1, fa2
        fmul.s  fa0, fa1, fa2
        fdiv.s  fa0, fa1, fa2
        fsqrt.s fa0, fa1
        fmadd.s fa0, fa1, fa2, fa3
        fmsub.s fa0, fa1, fa2, fa3
        fnmsub.s fa0, fa1, fa2, fa3
        fnmadd.s fa0, fa1, fa2, fa3
        fcvt.w.s t0, ft0
        fcvt.wu.s t0, ft0
        fcvt.l.s t0, ft0
        fcvt.lu.s t0, ft0
        fcvt.s.w ft0, t0
        fcvt.s.wu ft0, t0
        fcvt.s.l ft0, t0
        fcvt.s.lu ft0, t0
sign_inject:
        fsgnj.s  fa0, fa1, fa2
        fsgnjn.s fa0, fa1, fa2
        fsgnjx.s fa0, fa1, fa2
        fsgnj.s  fa0, fa1, fa1
        fsgnjn.s fa0, fa1, fa1
        fsgnjx.s fa0, fa1, fa1
        fmv.s    ft1, ft2
        fneg.s   ft3, ft4
        fabs.s   ft5, ft6
        fmin.s   fa0, fa1, fa2
        fmax.s   fa0, fa1, fa2
compare_move:
        feq.s    a0, fa0, fa1
        flt.s    a1, fa2, fa3
        fle.s    a2, fa4, fa5
        fgt.s    a3, fa6, fa7
        fge.s    a4, fs0, fs1
        fclass.s a5, fa0
        fmv.x.w  a0, fa0
        fmv.w.x  fa0, a0
        fmv.x.s  t0, ft0
        fmv.s.x  ft0, t0
reserved_modes:
        .insn    r 0x53, 5, 0x00, fa0, fa1, fa2
        .insn    r 0x53, 6, 0x00, fa0, fa1, fa2
        ret
