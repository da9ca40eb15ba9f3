# Directives: sections, data, strings, alignment, symbols, options, macros and repetition.
/* A block comment
   over two lines */
	.equ UART0, 0x10000000
	.set STACK_SIZE, 4096
	COUNT = 3
	.equ TWICE, COUNT * 2

	.macro push reg, slot=0
	sd \reg, (\slot * 8)(sp)
	.endm

	.macro save_pair a, b
	push \a, 0
	push \b, 1
	.endm

	.section .text.init, "ax", @progbits
	.globl _start
	.type _start, @function
_start:
	li t0, UART0            # the UART
	li t1, STACK_SIZE       # the stack size
	addi sp, sp, -16; save_pair ra, s0
	push a0
	push a1, 2
	.rept COUNT
	addi a0, a0, 1
	.endr
	.rept 2
	nop
	.endr
	.irp r, a2, a3, a4
	mv \r, zero
	.endr
	.ifdef UART0
	li a2, TWICE
	.else
	li a2, 99
	.endif
	.if COUNT > 5
	li a3, 1
	.elseif COUNT == 3
	li a3, 3
	.endif
	.ifndef NOT_DEFINED
	li a4, 4
	.endif
	.option push
	.option norvc
	addi a0, a0, 1
	mv a1, a2
	.align 3
	nop
	.option pop
	addi a0, a0, 1
	.option norvc
	.option rvc
	addi a0, a0, 1
	.option push
	.option arch, -c
	addi a0, a0, 1
	.option arch, +c
	addi a0, a0, 1
	.option pop
	.p2align 2
	nop
	.balign 8
	nop
	.align 4
	ret
	.size _start, . - _start

	.text
	.local helper
helper:
	.align 2
	ret

	.section .rodata
	.type strings, @object
strings:
	.ascii "abc"
	.asciz "de\tf\n"
	.string "g\"h\\i\101\x42"
	.byte 1, 2, 0xff, -1, 'A', '\n'
	.half 0x1234, -2
	.short 7
	.2byte 8
	.word 0x12345678, -1
	.long 9
	.4byte 10
	.dword 0x123456789abcdef0
	.quad -2
	.8byte 11
	.balign 4
	.word strings
	.dword _start, helper + 4
	.word end_data - data_start
	.zero 5
	.space 3
	.space 4, 0xaa
	.skip 2
	.fill 3, 2, 0x1234
	.fill 2, 1
	.fill 1, 8, 0x11223344
	.p2align 3, 0x5a

	.data
data_start:
	.byte 1
	.align 2
	.word 2
	.balign 16, 0xee
	.half 3
end_data:
	.section .sdata, "aw"
small:	.dword 42
	.bss
	.align 4
bss_start:
	.space 64
	.section .sbss, "aw", @nobits
sbss_var:
	.zero 8
