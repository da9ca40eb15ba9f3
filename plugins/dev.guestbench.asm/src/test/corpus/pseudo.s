# Pseudo-instructions: li with constants of every shape, la/lla, call/tail, moves, set and branch forms.
	.text
	.globl _start
_start:
	li a0, 0
	li a0, 5
	li a0, -32
	li a0, 31
	li a0, 32
	li a0, 2047
	li a0, -2048
	li a0, 2048
	li t0, 0x1000
	li t0, 0x12345
	li t0, 0x12345678
	li t0, 0x7fffffff
	li t0, 0x80000000
	li t0, -0x80000000
	li t0, 0xffffffff
	li t1, 0x100000000
	li t1, 0x123456789abcdef0
	li t1, 0xffffffffffffffff
	li t1, 0x8000000000000000
	li t1, 0x7fffffffffffffff
	li s0, 0x10000000
	li a5, 0xdeadbeef
	li a5, -1
	li a5, 1 << 40
	li a5, (1 << 12) | 0xfff
	mv a0, a1
	mv t0, t1
	mv sp, a0
	move a1, a2
	not a0, a1
	neg a0, a1
	negw a0, a1
	sext.w a0, a1
	zext.b a2, a3
	seqz a0, a1
	snez a0, a1
	sltz a0, a1
	sgtz a0, a1
	nop
	la a0, msg
	lla a1, msg
	la t0, table + 8
	call func
	call t0, func
	tail func
	jump func, t2
	lw a0, word
	ld a1, word
	lbu a2, msg
	sw a0, word, t0
	sd a1, word, t1
	flw fa0, word, t2
	fsd fa1, word, t3
1:	beqz a0, 1b
	bnez a1, 1b
	beqz t0, 1b
	blez a0, 1b
	bgez a0, 1b
	bltz a0, 1b
	bgtz a0, 1b
	bgt a0, a1, 1b
	ble a0, a1, 1b
	bgtu a0, a1, 1b
	bleu a0, a1, 1b
	j 1b
	jal 1b
	jr a0
	jr t0
	jalr a0
	jalr t1, a0
	ret
	rdcycle a0
	rdtime a1
	rdinstret a2
	unimp
func:
	ret

	.section .rodata
msg:	.asciz "hello"
	.data
	.align 3
word:	.dword 0x1122334455667788
table:	.dword 1, 2, 3
