# Every RV64C instruction written with its c. mnemonic, operands at the ends of
# their ranges, hints, and base instructions that the assembler compresses.
        .option rvc
        .text
        .globl  _start
_start:
quadrant0:
        c.addi4spn s0, sp, 4
        c.addi4spn a5, sp, 1020
        c.addi4spn a0, sp, 64
        c.fld   fs0, 0(s0)
        c.fld   fa5, 248(a5)
        c.lw    s0, 0(s1)
        c.lw    a5, 124(a4)
        c.lw    a0, 64(a1)
        c.ld    s0, 0(s1)
        c.ld    a5, 248(a4)
        c.fsd   fs1, 0(s0)
        c.fsd   fa4, 248(a5)
        c.sw    s0, 0(s1)
        c.sw    a5, 124(a4)
        c.sd    s0, 0(s1)
        c.sd    a5, 248(a4)
quadrant1:
        c.nop
        c.addi  a0, 1
        c.addi  a0, -32
        c.addi  t6, 31
        c.addi  sp, -16
        c.addiw a0, 0
        c.addiw a1, -32
        c.addiw ra, 31
        c.li    a0, 0
        c.li    a1, -32
        c.li    t6, 31
        c.addi16sp sp, 16
        c.addi16sp sp, -512
        c.addi16sp sp, 496
        c.lui   a0, 1
        c.lui   a1, 31
        c.lui   t6, 0xfffe0
        c.lui   s0, 0xfffff
        c.srli  s0, 1
        c.srli  a5, 63
        c.srli  a0, 32
        c.srai  s1, 1
        c.srai  a4, 63
        c.andi  s0, 0
        c.andi  a5, -32
        c.andi  a1, 31
        c.sub   s0, s1
        c.sub   a5, a4
        c.xor   s0, a0
        c.or    a1, a2
        c.and   a3, a4
        c.subw  s0, s1
        c.addw  a5, a0
        c.j     quadrant1
        c.j     .+2046
        c.j     .-2048
        c.beqz  s0, quadrant1
        c.beqz  a5, .+254
        c.bnez  a0, .-256
        c.bnez  s1, quadrant2
quadrant2:
        c.slli  a0, 1
        c.slli  t6, 63
        c.slli  ra, 32
        c.fldsp fa0, 0(sp)
        c.fldsp ft11, 504(sp)
        c.lwsp  a0, 0(sp)
        c.lwsp  ra, 252(sp)
        c.ldsp  a0, 0(sp)
        c.ldsp  t6, 504(sp)
        c.jr    a0
        c.jr    ra
        c.mv    a0, a1
        c.mv    t6, ra
        c.ebreak
        c.jalr  a0
        c.jalr  t6
        c.add   a0, a1
        c.add   sp, t0
        c.fsdsp fa0, 0(sp)
        c.fsdsp ft11, 504(sp)
        c.swsp  a0, 0(sp)
        c.swsp  t6, 252(sp)
        c.sdsp  a0, 0(sp)
        c.sdsp  zero, 504(sp)
hints:
        c.nop   5
        c.nop   -32
        c.addi  a0, 0
        c.li    zero, 5
        c.lui   zero, 1
        c.mv    zero, a0
        c.add   zero, a1
        c.slli  zero, 3
        c.slli64 a0
        c.slli64 zero
        c.srli64 s0
        c.srai64 a5
reserved:
        # Reserved forms the disassembler still names; illegal when executed.
        .insn   0x6101
        c.unimp
        .insn   0x0000
compressible:
        # Base instructions that have a compressed form.
        addi    sp, sp, -32
        addi    a0, sp, 8
        addi    a0, a0, 3
        addiw   a0, a0, 3
        addiw   a1, a1, 0
        li      a0, 7
        lui     a0, 5
        mv      a0, a1
        add     a0, a0, a1
        sub     s0, s0, s1
        and     s0, s0, a1
        andi    s0, s0, 7
        or      s0, s0, a1
        xor     s0, s0, a1
        addw    s0, s0, a1
        subw    s0, s0, a1
        slli    a0, a0, 3
        srli    s0, s0, 3
        srai    s0, s0, 3
        lw      a0, 4(sp)
        ld      a0, 8(sp)
        sw      a0, 4(sp)
        sd      a0, 8(sp)
        lw      s0, 4(s1)
        ld      s0, 8(s1)
        sw      s0, 4(s1)
        sd      s0, 8(s1)
        fld     fa0, 8(sp)
        fsd     fa0, 8(sp)
        fld     fs0, 8(s1)
        fsd     fs0, 8(s1)
        beqz    s0, compressible
        bnez    s0, compressible
        j       compressible
        jr      a0
        jalr    a0
        ebreak
        nop
        ret
