# CSRs by name and number, the csr pseudo-instructions, privileged and fence instructions.
	.text
	.globl _start
_start:
	csrrw a0, mstatus, a1
	csrrs a0, mie, a1
	csrrc a0, mip, a1
	csrrwi a0, mscratch, 5
	csrrsi a0, 0x340, 31
	csrrci zero, sstatus, 1
	csrr a0, mhartid
	csrr t0, satp
	csrr a1, 0xf14
	csrw mtvec, t0
	csrw stvec, a0
	csrs mstatus, a0
	csrc mstatus, a1
	csrwi mstatus, 8
	csrsi sie, 2
	csrci sip, 2
	csrw mscratch, 3
	csrr a0, cycle
	csrr a0, time
	csrr a0, instret
	csrr a0, fcsr
	csrr a0, medeleg
	csrw mideleg, a0
	csrw pmpaddr0, a0
	csrw pmpcfg0, a0
	csrr a0, scause
	csrr a0, stval
	csrr a0, sepc
	csrw mepc, a0
	mret
	sret
	wfi
	sfence.vma
	sfence.vma a0
	sfence.vma a0, a1
	sfence.vma zero, a1
	fence.i
	fence w, r
	fence io, rw
	ecall
	scall
	ebreak
	sbreak
