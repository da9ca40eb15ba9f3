# RV64I computational, load and store instructions in their 32-bit encodings,
# with immediates at the ends of their ranges and a spread of registers.
        .option norvc
        .text
        .globl  _start
_start:
        lui     a0, 0
        lui     a1, 1
        lui     t6, 0xfffff
        lui     s11, 0x80000
        lui     zero, 0x12345
        auipc   a0, 0
        auipc   ra, 0xfffff
        auipc   t0, 0x7ffff

arith_imm:
        addi    a0, a1, 5
        addi    a0, a1, -2048
        addi    a0, a1, 2047
        addi    t3, t4, -1
        addi    zero, zero, 0
        addi    zero, a5, 17
        addi    sp, sp, -16
        addi    a2, zero, 42
        addi    a3, a4, 0
        slti    a0, a1, -2048
        slti    s2, s3, 2047
        sltiu   a0, a1, 1
        sltiu   a0, a1, -1
        sltiu   t1, t2, 2047
        xori    a0, a1, -1
        xori    a0, a1, 0x555
        xori    a0, a1, -2048
        ori     a0, a1, 0
        ori     gp, tp, 2047
        ori     a6, a7, -2048
        andi    a0, a1, 255
        andi    a0, a1, 3
        andi    s4, s5, -2048
        andi    s6, s7, 2047
        slli    a0, a1, 0
        slli    a0, a1, 1
        slli    a0, a1, 31
        slli    a0, a1, 32
        slli    a0, a1, 63
        srli    a0, a1, 0
        srli    s8, s9, 17
        srli    s10, s11, 63
        srai    a0, a1, 0
        srai    a0, a1, 33
        srai    t5, t6, 63

arith_reg:
        add     a0, a1, a2
        add     zero, ra, sp
        add     t6, zero, t5
        sub     a0, a1, a2
        sub     a0, zero, a2
        sub     gp, tp, t0
        sll     a0, a1, a2
        sll     s0, s1, a3
        slt     a0, a1, a2
        slt     a0, a1, zero
        slt     a0, zero, a2
        sltu    a0, a1, a2
        sltu    a0, zero, a2
        xor     a0, a1, a2
        xor     a4, a5, a6
        srl     a0, a1, a2
        srl     a7, s2, s3
        sra     a0, a1, a2
        sra     s4, s5, s6
        or      a0, a1, a2
        or      s7, s8, s9
        and     a0, a1, a2
        and     s10, s11, t3

words:
        addiw   a0, a1, 7
        addiw   a0, a1, 0
        addiw   a0, a1, -2048
        addiw   t4, t5, 2047
        slliw   a0, a1, 0
        slliw   a0, a1, 31
        srliw   a0, a1, 1
        srliw   a0, a1, 31
        sraiw   a0, a1, 0
        sraiw   a0, a1, 31
        addw    a0, a1, a2
        addw    t0, t1, t2
        subw    a0, a1, a2
        subw    a0, zero, a2
        sllw    a0, a1, a2
        srlw    a0, a1, a2
        sraw    a0, a1, a2

loads:
        lb      a0, 0(a1)
        lb      a0, -2048(a1)
        lb      a0, 2047(a1)
        lh      t0, -2(sp)
        lh      t1, 1000(gp)
        lw      a0, 4(sp)
        lw      a2, -4(s0)
        ld      a0, 8(sp)
        ld      ra, 2040(sp)
        ld      s0, -2048(s0)
        lbu     a0, 1(a1)
        lbu     a3, -1(a4)
        lhu     a0, 2(a1)
        lhu     a5, -2047(a6)
        lwu     a0, 12(a1)
        lwu     a7, 2047(zero)

stores:
        sb      a0, 0(a1)
        sb      a0, -2048(a1)
        sb      zero, 2047(sp)
        sh      a0, 2(a1)
        sh      t6, -2(t5)
        sw      a0, 4(sp)
        sw      s1, -2048(s2)
        sd      a0, 8(sp)
        sd      ra, 2040(sp)
        sd      s11, -8(s10)
        sd      zero, 2047(zero)
        ret
