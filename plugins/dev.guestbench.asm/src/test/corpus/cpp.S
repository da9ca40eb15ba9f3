// A kernel entry in the .S dialect: #include, #define, #if and friends, then .include.
#include "inc/platform.h"

#define HART_COUNT 2

	.include "inc/macros.inc"

	.section .text.entry, "ax"
	.globl _start
_start:
	csrr a0, mhartid
	li t0, HART_COUNT
	bgeu a0, t0, park
	li t6, UART_BASE        /* device base */
	li a1, 'H'
	putc a1
#ifdef ENABLE_TIMER
	li a2, 1
#else
	li a2, 0
#endif
#ifndef UNDEFINED_THING
	li a3, 3
#endif
#if HART_COUNT > 1 && defined(ENABLE_TIMER)
	li a4, 4
#elif HART_COUNT == 1
	li a4, 1
#else
	li a4, 0
#endif
#if 0
	this line is not assembled
#endif
	la sp, stack_top
	call main
park:
	wfi
	j park

	.text
main:
	addi sp, sp, -16
	sd ra, 8(sp)
	ld ra, 8(sp)
	addi sp, sp, 16
	ret

	.bss
	.align 4
stack:
	.space STACK_SIZE
stack_top:
