# RV64I base instructions, with operands that do and do not compress.
	.text
	.globl _start
_start:
	add a0, a0, a1
	add s1, s1, a5
	add t0, t1, t2
	add a0, a1, a0
	add a2, zero, a3
	add x31, x30, x29
	add sp, sp, a0
	sub a0, a0, a1
	sub s1, s1, a5
	sub t0, t1, t2
	sub a0, a1, a0
	sub a2, zero, a3
	sub x31, x30, x29
	sub sp, sp, a0
	sll a0, a0, a1
	sll s1, s1, a5
	sll t0, t1, t2
	sll a0, a1, a0
	sll a2, zero, a3
	sll x31, x30, x29
	sll sp, sp, a0
	slt a0, a0, a1
	slt s1, s1, a5
	slt t0, t1, t2
	slt a0, a1, a0
	slt a2, zero, a3
	slt x31, x30, x29
	slt sp, sp, a0
	sltu a0, a0, a1
	sltu s1, s1, a5
	sltu t0, t1, t2
	sltu a0, a1, a0
	sltu a2, zero, a3
	sltu x31, x30, x29
	sltu sp, sp, a0
	xor a0, a0, a1
	xor s1, s1, a5
	xor t0, t1, t2
	xor a0, a1, a0
	xor a2, zero, a3
	xor x31, x30, x29
	xor sp, sp, a0
	srl a0, a0, a1
	srl s1, s1, a5
	srl t0, t1, t2
	srl a0, a1, a0
	srl a2, zero, a3
	srl x31, x30, x29
	srl sp, sp, a0
	sra a0, a0, a1
	sra s1, s1, a5
	sra t0, t1, t2
	sra a0, a1, a0
	sra a2, zero, a3
	sra x31, x30, x29
	sra sp, sp, a0
	or a0, a0, a1
	or s1, s1, a5
	or t0, t1, t2
	or a0, a1, a0
	or a2, zero, a3
	or x31, x30, x29
	or sp, sp, a0
	and a0, a0, a1
	and s1, s1, a5
	and t0, t1, t2
	and a0, a1, a0
	and a2, zero, a3
	and x31, x30, x29
	and sp, sp, a0
	addw a0, a0, a1
	addw s1, s1, a5
	addw t0, t1, t2
	addw a0, a1, a0
	addw a2, zero, a3
	addw x31, x30, x29
	addw sp, sp, a0
	subw a0, a0, a1
	subw s1, s1, a5
	subw t0, t1, t2
	subw a0, a1, a0
	subw a2, zero, a3
	subw x31, x30, x29
	subw sp, sp, a0
	sllw a0, a0, a1
	sllw s1, s1, a5
	sllw t0, t1, t2
	sllw a0, a1, a0
	sllw a2, zero, a3
	sllw x31, x30, x29
	sllw sp, sp, a0
	srlw a0, a0, a1
	srlw s1, s1, a5
	srlw t0, t1, t2
	srlw a0, a1, a0
	srlw a2, zero, a3
	srlw x31, x30, x29
	srlw sp, sp, a0
	sraw a0, a0, a1
	sraw s1, s1, a5
	sraw t0, t1, t2
	sraw a0, a1, a0
	sraw a2, zero, a3
	sraw x31, x30, x29
	sraw sp, sp, a0
	addi a0, a0, 1
	addi a0, a0, -32
	addi a0, a0, 31
	addi a0, a0, 32
	addi s0, s0, -1
	addi a0, zero, 5
	addi t0, t1, 2047
	addi t0, t1, -2048
	addi sp, sp, 16
	addi sp, sp, -32
	addi sp, sp, 496
	addi a0, sp, 16
	addi a1, sp, 1020
	addi a0, a0, 0
	addi x0, x0, 0
	addi sp, sp, 0
	addi a3, a4, 0
	slti a0, a0, 1
	slti a0, a0, -32
	slti a0, a0, 31
	slti a0, a0, 32
	slti s0, s0, -1
	slti a0, zero, 5
	slti t0, t1, 2047
	slti t0, t1, -2048
	slti sp, sp, 16
	slti sp, sp, -32
	slti sp, sp, 496
	slti a0, sp, 16
	slti a1, sp, 1020
	slti a0, a0, 0
	slti x0, x0, 0
	slti sp, sp, 0
	slti a3, a4, 0
	sltiu a0, a0, 1
	sltiu a0, a0, -32
	sltiu a0, a0, 31
	sltiu a0, a0, 32
	sltiu s0, s0, -1
	sltiu a0, zero, 5
	sltiu t0, t1, 2047
	sltiu t0, t1, -2048
	sltiu sp, sp, 16
	sltiu sp, sp, -32
	sltiu sp, sp, 496
	sltiu a0, sp, 16
	sltiu a1, sp, 1020
	sltiu a0, a0, 0
	sltiu x0, x0, 0
	sltiu sp, sp, 0
	sltiu a3, a4, 0
	xori a0, a0, 1
	xori a0, a0, -32
	xori a0, a0, 31
	xori a0, a0, 32
	xori s0, s0, -1
	xori a0, zero, 5
	xori t0, t1, 2047
	xori t0, t1, -2048
	xori sp, sp, 16
	xori sp, sp, -32
	xori sp, sp, 496
	xori a0, sp, 16
	xori a1, sp, 1020
	xori a0, a0, 0
	xori x0, x0, 0
	xori sp, sp, 0
	xori a3, a4, 0
	ori a0, a0, 1
	ori a0, a0, -32
	ori a0, a0, 31
	ori a0, a0, 32
	ori s0, s0, -1
	ori a0, zero, 5
	ori t0, t1, 2047
	ori t0, t1, -2048
	ori sp, sp, 16
	ori sp, sp, -32
	ori sp, sp, 496
	ori a0, sp, 16
	ori a1, sp, 1020
	ori a0, a0, 0
	ori x0, x0, 0
	ori sp, sp, 0
	ori a3, a4, 0
	andi a0, a0, 1
	andi a0, a0, -32
	andi a0, a0, 31
	andi a0, a0, 32
	andi s0, s0, -1
	andi a0, zero, 5
	andi t0, t1, 2047
	andi t0, t1, -2048
	andi sp, sp, 16
	andi sp, sp, -32
	andi sp, sp, 496
	andi a0, sp, 16
	andi a1, sp, 1020
	andi a0, a0, 0
	andi x0, x0, 0
	andi sp, sp, 0
	andi a3, a4, 0
	addiw a0, a0, 1
	addiw a0, a0, -32
	addiw a0, a0, 31
	addiw a0, a0, 32
	addiw s0, s0, -1
	addiw a0, zero, 5
	addiw t0, t1, 2047
	addiw t0, t1, -2048
	addiw sp, sp, 16
	addiw sp, sp, -32
	addiw sp, sp, 496
	addiw a0, sp, 16
	addiw a1, sp, 1020
	addiw a0, a0, 0
	addiw x0, x0, 0
	addiw sp, sp, 0
	addiw a3, a4, 0
	slli a0, a0, 1
	slli s1, s1, 63
	slli t0, t0, 12
	slli a0, a1, 3
	slli ra, ra, 5
	srli a0, a0, 1
	srli s1, s1, 63
	srli t0, t0, 12
	srli a0, a1, 3
	srli ra, ra, 5
	srai a0, a0, 1
	srai s1, s1, 63
	srai t0, t0, 12
	srai a0, a1, 3
	srai ra, ra, 5
	slliw a0, a0, 1
	slliw a1, a2, 31
	srliw a0, a0, 1
	srliw a1, a2, 31
	sraiw a0, a0, 1
	sraiw a1, a2, 31
	lui a0, 1
	lui a0, 31
	lui a0, 0x12345
	lui t0, 0xfffff
	lui sp, 1
	lui a5, 0xfffe0
	auipc a0, 1
	auipc a0, 31
	auipc a0, 0x12345
	auipc t0, 0xfffff
	auipc sp, 1
	auipc a5, 0xfffe0
	lb a0, 0(a1)
	lb a0, 8(sp)
	lb s0, 124(s1)
	lb t0, -4(t1)
	lb a2, 2040(sp)
	lb a0, (a1)
	lb ra, 16(sp)
	lh a0, 0(a1)
	lh a0, 8(sp)
	lh s0, 124(s1)
	lh t0, -4(t1)
	lh a2, 2040(sp)
	lh a0, (a1)
	lh ra, 16(sp)
	lw a0, 0(a1)
	lw a0, 8(sp)
	lw s0, 124(s1)
	lw t0, -4(t1)
	lw a2, 2040(sp)
	lw a0, (a1)
	lw ra, 16(sp)
	ld a0, 0(a1)
	ld a0, 8(sp)
	ld s0, 124(s1)
	ld t0, -4(t1)
	ld a2, 2040(sp)
	ld a0, (a1)
	ld ra, 16(sp)
	lbu a0, 0(a1)
	lbu a0, 8(sp)
	lbu s0, 124(s1)
	lbu t0, -4(t1)
	lbu a2, 2040(sp)
	lbu a0, (a1)
	lbu ra, 16(sp)
	lhu a0, 0(a1)
	lhu a0, 8(sp)
	lhu s0, 124(s1)
	lhu t0, -4(t1)
	lhu a2, 2040(sp)
	lhu a0, (a1)
	lhu ra, 16(sp)
	lwu a0, 0(a1)
	lwu a0, 8(sp)
	lwu s0, 124(s1)
	lwu t0, -4(t1)
	lwu a2, 2040(sp)
	lwu a0, (a1)
	lwu ra, 16(sp)
	sb a0, 0(a1)
	sb a0, 8(sp)
	sb s0, 124(s1)
	sb t0, -4(t1)
	sb a2, 504(sp)
	sb ra, 16(sp)
	sh a0, 0(a1)
	sh a0, 8(sp)
	sh s0, 124(s1)
	sh t0, -4(t1)
	sh a2, 504(sp)
	sh ra, 16(sp)
	sw a0, 0(a1)
	sw a0, 8(sp)
	sw s0, 124(s1)
	sw t0, -4(t1)
	sw a2, 504(sp)
	sw ra, 16(sp)
	sd a0, 0(a1)
	sd a0, 8(sp)
	sd s0, 124(s1)
	sd t0, -4(t1)
	sd a2, 504(sp)
	sd ra, 16(sp)
	jalr ra, 0(a0)
	jalr zero, 0(ra)
	jalr t0, 12(a1)
	jal ra, 1f
	jal zero, 1f
	jal t0, 1f
1:
	beq a0, a1, 2f
	beq a0, zero, 2f
	beq s1, zero, 1b
	beq zero, a0, 2f
	bne a0, a1, 2f
	bne a0, zero, 2f
	bne s1, zero, 1b
	bne zero, a0, 2f
	blt a0, a1, 2f
	blt a0, zero, 2f
	blt s1, zero, 1b
	blt zero, a0, 2f
	bge a0, a1, 2f
	bge a0, zero, 2f
	bge s1, zero, 1b
	bge zero, a0, 2f
	bltu a0, a1, 2f
	bltu a0, zero, 2f
	bltu s1, zero, 1b
	bltu zero, a0, 2f
	bgeu a0, a1, 2f
	bgeu a0, zero, 2f
	bgeu s1, zero, 1b
	bgeu zero, a0, 2f
2:	fence
	fence rw, rw
	fence iorw, iorw
	fence r, w
	fence.tso
	fence.i
	ecall
	ebreak
	ret
