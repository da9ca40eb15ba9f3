# A kernel with a large .bss stack: ld's data segment placement and gp with __BSS_END__ far away.
.text
.globl _start
_start: la a0, v
la a1, stack_top
lla a2, w
call f
f: ret
.rept 700
nop
.endr
.data
v: .dword 1
.space 200
w: .word 2
.bss
.align 4
stack: .space 70000
stack_top:
