# A kernel linked by scripts/kernel.ld: bss clearing, stack from the script, gp-relative data.
	.section .text.entry, "ax"
	.globl _start
_start:
	.option push
	.option norelax
	la gp, __global_pointer$
	.option pop
	la sp, _stack_top
	la t0, __bss_start
	la t1, __bss_end
1:	bgeu t0, t1, 2f
	sd zero, 0(t0)
	addi t0, t0, 8
	j 1b
2:	call main
3:	wfi
	j 3b

	.text
main:
	lla a0, message
	la a1, counter
	ld a2, 0(a1)
	addi a2, a2, 1
	sd a2, 0(a1)
	ret

	.section .rodata
message:
	.asciz "hello from the script"
	.data
counter:
	.dword 41
	.bss
buffer:
	.space 256
