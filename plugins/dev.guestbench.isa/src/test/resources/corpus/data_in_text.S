# Data placed among instructions: words, halves, bytes, strings, alignment
# padding, zero runs, an object symbol inside .text and long-instruction encodings.
        .option norvc
        .text
        .globl  _start
_start:
        addi    a0, a0, 1
        .word   0x12345678
        .word   0xdeadbeef, 0
        .half   0xabcd
        .byte   0x11
        .byte   0x22, 0x33
        addi    a0, a0, 2
        .dword  0x0102030405060708
        .string "RISC-V"
        .balign 4
        addi    a0, a0, 3
        .zero   16
        addi    a0, a0, 4
        .zero   6
        addi    a0, a0, 5
        .zero   2
        addi    a0, a0, 6
        .word   0, 0, 0, 1
        .half   7
        .option rvc
        c.nop
        .byte   0xff
        .balign 8
        .option norvc
        ret
        .type   table, @object
table:
        .word   0x00010203, 0x04050607, 0x08090a0b
        .size   table, . - table
        .type   after_table, @function
after_table:
        addi    a0, a0, 7
        .insn   0x0000007f
        .insn   0x0000003f
        .insn   0x0000001f
        .insn   0x0000107f
        addi    a0, a0, 8
        .2byte  0x1234
        .4byte  0x89abcdef
        ret
odd_end:
        .byte   1, 2, 3
