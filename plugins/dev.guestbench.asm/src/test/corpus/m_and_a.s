# M and A extensions, atomics with ordering suffixes.
	.text
	.globl _start
_start:
	mul a0, a1, a2
	mul t6, s11, x5
	mulh a0, a1, a2
	mulh t6, s11, x5
	mulhsu a0, a1, a2
	mulhsu t6, s11, x5
	mulhu a0, a1, a2
	mulhu t6, s11, x5
	div a0, a1, a2
	div t6, s11, x5
	divu a0, a1, a2
	divu t6, s11, x5
	rem a0, a1, a2
	rem t6, s11, x5
	remu a0, a1, a2
	remu t6, s11, x5
	mulw a0, a1, a2
	mulw t6, s11, x5
	divw a0, a1, a2
	divw t6, s11, x5
	divuw a0, a1, a2
	divuw t6, s11, x5
	remw a0, a1, a2
	remw t6, s11, x5
	remuw a0, a1, a2
	remuw t6, s11, x5
	lr.w a0, (a1)
	sc.w a0, a2, (a1)
	amoswap.w t0, t1, (s0)
	amoadd.w t0, t1, (s0)
	amoxor.w t0, t1, (s0)
	amoand.w t0, t1, (s0)
	amoor.w t0, t1, (s0)
	amomin.w t0, t1, (s0)
	amomax.w t0, t1, (s0)
	amominu.w t0, t1, (s0)
	amomaxu.w t0, t1, (s0)
	lr.w.aq a0, (a1)
	sc.w.aq a0, a2, (a1)
	amoswap.w.aq t0, t1, (s0)
	amoadd.w.aq t0, t1, (s0)
	amoxor.w.aq t0, t1, (s0)
	amoand.w.aq t0, t1, (s0)
	amoor.w.aq t0, t1, (s0)
	amomin.w.aq t0, t1, (s0)
	amomax.w.aq t0, t1, (s0)
	amominu.w.aq t0, t1, (s0)
	amomaxu.w.aq t0, t1, (s0)
	lr.w.rl a0, (a1)
	sc.w.rl a0, a2, (a1)
	amoswap.w.rl t0, t1, (s0)
	amoadd.w.rl t0, t1, (s0)
	amoxor.w.rl t0, t1, (s0)
	amoand.w.rl t0, t1, (s0)
	amoor.w.rl t0, t1, (s0)
	amomin.w.rl t0, t1, (s0)
	amomax.w.rl t0, t1, (s0)
	amominu.w.rl t0, t1, (s0)
	amomaxu.w.rl t0, t1, (s0)
	lr.w.aqrl a0, (a1)
	sc.w.aqrl a0, a2, (a1)
	amoswap.w.aqrl t0, t1, (s0)
	amoadd.w.aqrl t0, t1, (s0)
	amoxor.w.aqrl t0, t1, (s0)
	amoand.w.aqrl t0, t1, (s0)
	amoor.w.aqrl t0, t1, (s0)
	amomin.w.aqrl t0, t1, (s0)
	amomax.w.aqrl t0, t1, (s0)
	amominu.w.aqrl t0, t1, (s0)
	amomaxu.w.aqrl t0, t1, (s0)
	lr.d a0, (a1)
	sc.d a0, a2, (a1)
	amoswap.d t0, t1, (s0)
	amoadd.d t0, t1, (s0)
	amoxor.d t0, t1, (s0)
	amoand.d t0, t1, (s0)
	amoor.d t0, t1, (s0)
	amomin.d t0, t1, (s0)
	amomax.d t0, t1, (s0)
	amominu.d t0, t1, (s0)
	amomaxu.d t0, t1, (s0)
	lr.d.aq a0, (a1)
	sc.d.aq a0, a2, (a1)
	amoswap.d.aq t0, t1, (s0)
	amoadd.d.aq t0, t1, (s0)
	amoxor.d.aq t0, t1, (s0)
	amoand.d.aq t0, t1, (s0)
	amoor.d.aq t0, t1, (s0)
	amomin.d.aq t0, t1, (s0)
	amomax.d.aq t0, t1, (s0)
	amominu.d.aq t0, t1, (s0)
	amomaxu.d.aq t0, t1, (s0)
	lr.d.rl a0, (a1)
	sc.d.rl a0, a2, (a1)
	amoswap.d.rl t0, t1, (s0)
	amoadd.d.rl t0, t1, (s0)
	amoxor.d.rl t0, t1, (s0)
	amoand.d.rl t0, t1, (s0)
	amoor.d.rl t0, t1, (s0)
	amomin.d.rl t0, t1, (s0)
	amomax.d.rl t0, t1, (s0)
	amominu.d.rl t0, t1, (s0)
	amomaxu.d.rl t0, t1, (s0)
	lr.d.aqrl a0, (a1)
	sc.d.aqrl a0, a2, (a1)
	amoswap.d.aqrl t0, t1, (s0)
	amoadd.d.aqrl t0, t1, (s0)
	amoxor.d.aqrl t0, t1, (s0)
	amoand.d.aqrl t0, t1, (s0)
	amoor.d.aqrl t0, t1, (s0)
	amomin.d.aqrl t0, t1, (s0)
	amomax.d.aqrl t0, t1, (s0)
	amominu.d.aqrl t0, t1, (s0)
	amomaxu.d.aqrl t0, t1, (s0)
	lr.d a0, 0(a1)
