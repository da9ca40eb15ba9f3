# Changing the instruction set inside a section: compression on and off and
# extensions removed and added with .option arch. The disassembler follows the
# ISA recorded in each mapping symbol.
        .text
        .globl  _start
_start:
        .option rvc
        addi    a0, a0, 1
        c.li    a1, 2
        .option norvc
        addi    a0, a0, 1
        .insn   0x4515
        .option rvc
        addi    a0, a0, 1
        .option push
        .option arch, -c
        addi    a0, a0, 1
        .insn   0x4515
        .option pop
        addi    a0, a0, 1
        .option arch, -m
        .insn   r 0x33, 0, 1, a0, a1, a2
        .insn   r 0x33, 4, 1, a0, a1, a2
        .option arch, +m
        mul     a0, a1, a2
        .option arch, -f, -d
        .insn   r 0x53, 0, 0x01, fa0, fa1, fa2
        .option arch, +d
        fadd.d  fa0, fa1, fa2
        ret
