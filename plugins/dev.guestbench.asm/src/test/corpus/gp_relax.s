# Address loads the linker turns into gp-relative ones (and one just out of reach that it keeps).
	.text
	.globl _start
_start:
	la a0, v1
	lla a1, v2
	lw a2, v3
	sd a2, v3, t0
1:	auipc a3, %pcrel_hi(v2)
	addi a3, a3, %pcrel_lo(1b)
	call f
f:	ret
	.data
v1:	.dword 1
	.space 40
v2:	.dword 2
v3:	.word 3
	.section .sdata,"aw"
s1:	.dword 4
	.bss
b1:	.space 100
