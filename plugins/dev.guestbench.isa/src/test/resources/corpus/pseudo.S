# Pseudo-instructions as an assembly programmer writes them, in 32-bit encodings
# (norvc) and again with compression allowed.
        .text
        .globl  _start
_start:
        .option norvc
        nop
        li      a0, 0
        li      a0, -2048
        li      a0, 2047
        li      a1, 2048
        li      a2, 0x12345678
        li      a3, -0x80000000
        li      a4, 0x7fffffff
        li      a5, 0x123456789abcdef0
        li      a6, -1
        li      a7, 0x8000000000000000
        li      t0, 0x100000000
        la      t1, target
        lla     t2, target
        mv      a0, a1
        move    a2, a3
        not     a0, a1
        neg     a0, a1
        negw    a0, a1
        sext.w  a0, a1
        sext.b  a0, a1
        sext.h  a0, a1
        zext.b  a0, a1
        zext.h  a0, a1
        zext.w  a0, a1
        seqz    a0, a1
        snez    a0, a1
        sltz    a0, a1
        sgtz    a0, a1
        sgt     a0, a1, a2
        sgtu    a0, a1, a2
        slt     a0, a1, 5
        sltu    a0, a1, 5
        add     a0, a1, 5
        and     a0, a1, 5
        or      a0, a1, 5
        xor     a0, a1, 5
        sll     a0, a1, 5
        srl     a0, a1, 5
        sra     a0, a1, 5
        addw    a0, a1, 5
        sllw    a0, a1, 5
        srlw    a0, a1, 5
        sraw    a0, a1, 5
        beqz    a0, target
        bnez    a0, target
        blez    a0, target
        bgez    a0, target
        bltz    a0, target
        bgtz    a0, target
        bgt     a0, a1, target
        ble     a0, a1, target
        bgtu    a0, a1, target
        bleu    a0, a1, target
        j       target
        jal     target
        jr      a0
        jalr    a1
        ret
        call    target
        tail    target
        fence
        csrr    a0, sstatus
        csrw    sstatus, a0
        csrs    sstatus, a0
        csrc    sstatus, a0
        csrwi   sstatus, 1
        csrsi   sstatus, 2
        csrci   sstatus, 4
        rdcycle a0
        rdtime  a0
        rdinstret a0
        frcsr   a0
        fscsr   a0
        frrm    a0
        fsrm    a0
        frflags a0
        fsflags a0
        fmv.s   fa0, fa1
        fabs.s  fa0, fa1
        fneg.s  fa0, fa1
        fmv.d   fa0, fa1
        fabs.d  fa0, fa1
        fneg.d  fa0, fa1
        fgt.s   a0, fa0, fa1
        fge.s   a0, fa0, fa1
        fgt.d   a0, fa0, fa1
        fge.d   a0, fa0, fa1
        lw      a0, target
        ld      a1, target
        lbu     a2, target
        sw      a0, target, t0
        sd      a1, target, t1
        flw     fa0, target, t2
        fsd     fa1, target, t3
target:
        .option rvc
        nop
        li      a0, 5
        li      a1, -32
        mv      a0, a1
        not     s0, s0
        neg     a0, a0
        sext.w  a0, a0
        beqz    s0, target
        bnez    s1, target
        j       target
        jal     target
        jr      a0
        jalr    a1
        ret
        ebreak
        unimp
        .option norvc
        unimp
        ret
