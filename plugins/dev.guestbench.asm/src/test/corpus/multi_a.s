# First of two files linked together: calls and data across files.
	.text
	.globl _start
_start:
	call shared_func
	la a0, shared_data
	lla a1, local_data
	tail shared_func
	.data
local_data:
	.word 1
