# Second of two files: defines the globals the first uses; its local names do not clash.
	.text
	.globl shared_func
shared_func:
	la a0, local_data
	ld a1, 0(a0)
	ret
	.section .text.other, "ax"
	.globl other_func
other_func:
	call shared_func
	ret
	.data
	.globl shared_data
	.align 3
shared_data:
	.dword 0x1234
local_data:
	.dword 5
