# The D extension, laid out like the F corpus. Instructions with a rounding-mode
# field appear with every mode and without one (dyn); the reserved modes 5 and 6
# are written with .insn. fcvt.d.s, fcvt.d.w and fcvt.d.wu are exact and take none.
        .option norvc
        .text
        .globl  _start
_start:
        fld     fa0, 0(a0)
        fld     ft0, -2048(sp)
        fld     fs11, 2047(t6)
        fsd     fa0, 0(a0)
        fsd     ft11, -4(sp)
        fsd     fs0, 2047(gp)
with_rounding:
        .irp    rm, rne, rtz, rdn, rup, rmm, dyn
        fadd.d  fa0, fa1, fa2, \rm
        fsub.d  ft0, ft1, ft2, \rm
        fmul.d  fs0, fs1, fs2, \rm
        fdiv.d  fa3, fa4, fa5, \rm
        fsqrt.d fa6, fa7, \rm
        fmadd.d fa0, fa1, fa2, fa3, \rm
        fmsub.d ft4, ft5, ft6, ft7, \rm
        fnmsub.d fs3, fs4, fs5, fs6, \rm
        fnmadd.d ft8, ft9, ft10, ft11, \rm
        fcvt.w.d a0, fa0, \rm
        fcvt.wu.d a1, fa1, \rm
        fcvt.l.d a2, fa2, \rm
        fcvt.lu.d a3, fa3, \rm
        fcvt.d.l fa2, a2, \rm
        fcvt.d.lu fa3, a3, \rm
        .endr
conversions:
        .irp    rm, rne, rtz, rdn, rup, rmm, dyn
        fcvt.s.d fa0, fa1, \rm
        .endr
        fcvt.s.d ft0, ft1
        fcvt.d.s fa0, fa1
        fcvt.d.s fs11, ft11
        fcvt.d.w fa0, a0
        fcvt.d.wu fa1, a1
        fcvt.d.w ft0, zero
        fcvt.d.wu ft1, t6
without_rounding:
        fadd.d  fa0, fa1, fa2
        fsub.d  fa0, fa1, fa2
        fmul.d  fa0, fa1, fa2
        fdiv.d  fa0, fa1, fa2
        fsqrt.d fa0, fa1
        fmadd.d fa0, fa1, fa2, fa3
        fmsub.d fa0, fa1, fa2, fa3
        fnmsub.d fa0, fa1, fa2, fa3
        fnmadd.d fa0, fa1, fa2, fa3
        fcvt.w.d t0, ft0
        fcvt.wu.d t0, ft0
        fcvt.l.d t0, ft0
        fcvt.lu.d t0, ft0
        fcvt.d.w ft0, t0
        fcvt.d.wu ft0, t0
        fcvt.d.l ft0, t0
        fcvt.d.lu ft0, t0
sign_inject:
        fsgnj.d  fa0, fa1, fa2
        fsgnjn.d fa0, fa1, fa2
        fsgnjx.d fa0, fa1, fa2
        fsgnj.d  fa0, fa1, fa1
        fsgnjn.d fa0, fa1, fa1
        fsgnjx.d fa0, fa1, fa1
        fmv.d    ft1, ft2
        fneg.d   ft3, ft4
        fabs.d   ft5, ft6
        fmin.d   fa0, fa1, fa2
        fmax.d   fa0, fa1, fa2
compare_move:
        feq.d    a0, fa0, fa1
        flt.d    a1, fa2, fa3
        fle.d    a2, fa4, fa5
        fgt.d    a3, fa6, fa7
        fge.d    a4, fs0, fs1
        fclass.d a5, fa0
        fmv.x.d  a0, fa0
        fmv.d.x  fa0, a0
reserved_modes:
        .insn    r 0x53, 5, 0x01, fa0, fa1, fa2
        .insn    r 0x53, 6, 0x01, fa0, fa1, fa2
        ret
