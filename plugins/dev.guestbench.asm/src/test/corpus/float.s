# F and D extensions: arithmetic, rounding modes, conversions, moves, loads and stores.
	.text
	.globl _start
_start:
	fadd.s fa0, fa1, fa2
	fadd.s ft0, fs1, f31, rtz
	fsub.s fa0, fa1, fa2
	fsub.s ft0, fs1, f31, rtz
	fmul.s fa0, fa1, fa2
	fmul.s ft0, fs1, f31, rtz
	fdiv.s fa0, fa1, fa2
	fdiv.s ft0, fs1, f31, rtz
	fmadd.s fa0, fa1, fa2, fa3, rne
	fmadd.s fa0, fa1, fa2, fa3, rtz
	fmadd.s fa0, fa1, fa2, fa3, rdn
	fmadd.s fa0, fa1, fa2, fa3, rup
	fmadd.s fa0, fa1, fa2, fa3, rmm
	fmadd.s fa0, fa1, fa2, fa3, dyn
	fmadd.s f1, f2, f3, f4
	fmsub.s f1, f2, f3, f4
	fnmsub.s f1, f2, f3, f4
	fnmadd.s f1, f2, f3, f4
	fsqrt.s fa0, fa1
	fsqrt.s fa0, fa1, rdn
	fsgnj.s fa0, fa1, fa2
	fsgnjn.s fa0, fa1, fa2
	fsgnjx.s fa0, fa1, fa2
	fmin.s fa0, fa1, fa2
	fmax.s fa0, fa1, fa2
	feq.s a0, fa1, fa2
	flt.s a0, fa1, fa2
	fle.s a0, fa1, fa2
	fclass.s a0, fa0
	fcvt.w.s a0, fa0
	fcvt.w.s a0, fa0, rtz
	fcvt.s.w fa0, a0
	fcvt.wu.s a0, fa0
	fcvt.wu.s a0, fa0, rtz
	fcvt.s.wu fa0, a0
	fcvt.l.s a0, fa0
	fcvt.l.s a0, fa0, rtz
	fcvt.s.l fa0, a0
	fcvt.lu.s a0, fa0
	fcvt.lu.s a0, fa0, rtz
	fcvt.s.lu fa0, a0
	fmv.s fa0, fa1
	fabs.s fa0, fa1
	fneg.s fa0, fa1
	fadd.d fa0, fa1, fa2
	fadd.d ft0, fs1, f31, rtz
	fsub.d fa0, fa1, fa2
	fsub.d ft0, fs1, f31, rtz
	fmul.d fa0, fa1, fa2
	fmul.d ft0, fs1, f31, rtz
	fdiv.d fa0, fa1, fa2
	fdiv.d ft0, fs1, f31, rtz
	fmadd.d fa0, fa1, fa2, fa3, rne
	fmadd.d fa0, fa1, fa2, fa3, rtz
	fmadd.d fa0, fa1, fa2, fa3, rdn
	fmadd.d fa0, fa1, fa2, fa3, rup
	fmadd.d fa0, fa1, fa2, fa3, rmm
	fmadd.d fa0, fa1, fa2, fa3, dyn
	fmadd.d f1, f2, f3, f4
	fmsub.d f1, f2, f3, f4
	fnmsub.d f1, f2, f3, f4
	fnmadd.d f1, f2, f3, f4
	fsqrt.d fa0, fa1
	fsqrt.d fa0, fa1, rdn
	fsgnj.d fa0, fa1, fa2
	fsgnjn.d fa0, fa1, fa2
	fsgnjx.d fa0, fa1, fa2
	fmin.d fa0, fa1, fa2
	fmax.d fa0, fa1, fa2
	feq.d a0, fa1, fa2
	flt.d a0, fa1, fa2
	fle.d a0, fa1, fa2
	fclass.d a0, fa0
	fcvt.w.d a0, fa0
	fcvt.w.d a0, fa0, rtz
	fcvt.d.w fa0, a0
	fcvt.wu.d a0, fa0
	fcvt.wu.d a0, fa0, rtz
	fcvt.d.wu fa0, a0
	fcvt.l.d a0, fa0
	fcvt.l.d a0, fa0, rtz
	fcvt.d.l fa0, a0
	fcvt.lu.d a0, fa0
	fcvt.lu.d a0, fa0, rtz
	fcvt.d.lu fa0, a0
	fmv.d fa0, fa1
	fabs.d fa0, fa1
	fneg.d fa0, fa1
	fcvt.s.d fa0, fa1
	fcvt.d.s fa0, fa1
	fcvt.s.l fa0, a0, rup
	fmv.x.w a0, fa0
	fmv.w.x fa0, a0
	fmv.x.d a0, fa0
	fmv.d.x fa0, a0
	fmv.x.s a1, fa1
	fmv.s.x fa1, a1
	flw fa0, 0(a1)
	flw fs0, 8(sp)
	flw fa5, 120(s1)
	flw ft0, -8(t0)
	flw f8, 248(a5)
	fld fa0, 0(a1)
	fld fs0, 8(sp)
	fld fa5, 120(s1)
	fld ft0, -8(t0)
	fld f8, 248(a5)
	fsw fa0, 0(a1)
	fsw fs0, 8(sp)
	fsw fa5, 120(s1)
	fsw ft0, -8(t0)
	fsw f8, 504(sp)
	fsd fa0, 0(a1)
	fsd fs0, 8(sp)
	fsd fa5, 120(s1)
	fsd ft0, -8(t0)
	fsd f8, 504(sp)
	frcsr a0
	fscsr a1
	fscsr a0, a1
	frrm a0
	fsrm a1
	fsrm a0, a1
	frflags a0
	fsflags a1
	fsflags a0, a1
	fsrmi 3
	fsflagsi a0, 5
