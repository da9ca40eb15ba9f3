# Every RV64C instruction written explicitly, then base instructions that GNU as compresses.
	.text
	.globl _start
_start:
	c.addi4spn a0, sp, 16
	c.fld fa0, 8(a1)
	c.lw a2, 4(a3)
	c.ld a4, 16(a5)
	c.fsd fs0, 24(s1)
	c.sw a0, 0(s0)
	c.sd a1, 248(a2)
	c.nop
	c.addi a0, 1
	c.addi sp, -16
	c.addiw a1, -1
	c.li a2, 31
	c.addi16sp sp, 32
	c.addi16sp sp, -512
	c.lui a3, 1
	c.lui t0, 0xfffff
	c.srli a4, 3
	c.srai a5, 63
	c.andi s0, -7
	c.sub a0, a1
	c.xor a2, a3
	c.or a4, a5
	c.and s0, s1
	c.subw a0, a1
	c.addw a2, a3
1:	c.j 1b
	c.beqz a0, 1b
	c.bnez s1, 1b
	c.slli ra, 1
	c.fldsp fs1, 8(sp)
	c.lwsp t0, 12(sp)
	c.ldsp t1, 504(sp)
	c.jr a0
	c.mv a0, a1
	c.ebreak
	c.slli64 a0
	c.srli64 a1
	c.srai64 s0
	c.jalr t2
	c.add t3, t4
	c.fsdsp fa7, 16(sp)
	c.swsp s2, 4(sp)
	c.sdsp s3, 8(sp)
	# base forms
	addi sp, sp, 32
	addi sp, sp, -512
	addi s0, sp, 1020
	lui a0, 0x1f
	slli a0, a0, 1
	srli s1, s1, 7
	srai s1, s1, 7
	andi a5, a5, 15
	and a5, a4, a5
	or a5, a4, a5
	xor a5, a4, a5
	sub a5, a5, a4
	addw a5, a4, a5
	subw a5, a5, a4
	ld a0, 0(sp)
	sd a0, 504(sp)
	fld fa0, 16(sp)
	fsd fa0, 16(sp)
	lw a0, 8(a1)
	sw a0, 8(a1)
	ebreak
	.option norvc
	addi a0, a0, 1
	ret
	.option rvc
	ret
