# Relaxation: branches near and far (GNU as), calls and tails near and far, address loads that
# become gp-relative, explicit %hi/%lo/%pcrel_hi/%pcrel_lo, alignment after shrinking code.
	.text
	.globl _start
_start:
	call near
	tail near
	call far
	tail far
	call very_far
	tail very_far
	beqz a0, near
	bnez s0, mid
	beqz a0, mid2
	blt a0, a1, mid
	blt a0, a1, near
	bgeu a0, a1, far
	beq a0, a2, far
	beqz a0, far
	j near
	lla a0, small_var
	la a1, big_table
	la a2, small_var + 16
	lui a3, %hi(DEVICE)
	addi a3, a3, %lo(DEVICE)
	lw a4, %lo(DEVICE + 8)(a3)
	sw a4, %lo(DEVICE + 8)(a3)
	lui a3, %hi(0x12345fff)
	addi a3, a3, %lo(0x12345fff)
1:	auipc a5, %pcrel_hi(small_var)
	addi a5, a5, %pcrel_lo(1b)
2:	auipc a5, %pcrel_hi(far)
	ld a6, %pcrel_lo(2b)(a5)
	sd a6, %pcrel_lo(2b)(a5)
	.align 3
near:
	ret
	.space 300
mid:
	nop
	.space 3000
mid2:
	nop
	.space 5000
	.balign 16
	.space 600000
far:
	ret
	.space 600000
very_far:
	ret

	.data
small_var:
	.dword 1, 2, 3
	.space 100
big_table:
	.space 8000
	.equ DEVICE, 0x10001800
