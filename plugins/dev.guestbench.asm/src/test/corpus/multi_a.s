# First of two files linked together: calls and data across files.
	.text
	.globl _start
_start:
	call shared_func
	la a0, shared_data
	lla a1, local_data
	beqz a0, shared_func
	bnez s0, other_func
	blt a0, a1, shared_func
	j shared_func
	jal other_func
	tail shared_func
	.data
local_data:
	.word 1
