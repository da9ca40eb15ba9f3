# .set counting in .rept, .equ of a label difference (fixed by GNU as before relaxation), call sym@plt.
	.text
	.globl _start
_start:
	call f@plt
	tail f@plt
	.set i, 0
	.rept 4
	.word i
	addi a0, a0, i
	.set i, i + 1
	.endr
	.equ later, end - _start
	li a1, 3
f:	ret
end:
	.data
	.word later
	.set count, 10
	.byte count
	.set count, count * 2
	.byte count
