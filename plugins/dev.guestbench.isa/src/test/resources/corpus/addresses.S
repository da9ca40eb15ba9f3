# Instruction pairs that build an address: auipc or lui followed by addi, a load,
# a store or jalr. The disassembler prints the address they reach as a comment,
# also for gp-, tp- and x0-relative accesses.
        .option norvc
        .text
        .globl  _start
_start:
        auipc   a0, 0
        addi    a0, a0, 24
        auipc   a1, 0
        ld      a2, 16(a1)
        auipc   a3, 0
        sd      a4, 8(a3)
        auipc   t0, 0
        jalr    ra, 4(t0)
        auipc   t1, 0
        jalr    zero, -4(t1)
        auipc   t2, 0
        jr      t2
        auipc   t3, 0
        flw     fa0, 12(t3)
        auipc   t4, 0
        fsd     fa1, 20(t4)
        lui     a5, 0x80000
        addi    a5, a5, 0x100
        lui     a6, 0x12345
        addiw   a6, a6, 0x678
        lui     a7, 0x80000
        addiw   a7, a7, -1
        lui     s0, 0x1
        lw      s1, -4(s0)
        lui     s2, 0xfffff
        sw      s3, 0(s2)
stale:
        # The pending high part survives unrelated instructions and is used once.
        auipc   s4, 0
        mv      s5, s4
        addi    s4, s4, 8
        addi    s4, s4, 8
        lui     s6, 0x10
        add     s7, s6, s6
        ld      s8, 0(s6)
relative:
        lw      a0, 16(gp)
        addi    a1, gp, -16
        ld      a2, 8(tp)
        addi    a3, tp, 4
        lw      a4, 256(zero)
        sw      a5, -256(zero)
        addi    a6, zero, 100
        auipc   zero, 0
        addi    t5, zero, 4
symbols:
        la      a0, data_word
        lla     a1, data_word
        lla     a2, _start
        call    far_function
        tail    far_function
        .option rvc
compressed_pairs:
        lui     a0, 3
        addi    a0, a0, 4
        lui     a1, 0x1f
        addiw   a1, a1, -1
        auipc   a2, 0
        c.addi  a2, 12
        .option norvc
        ret
        .data
data_word:
        .dword  0x1122334455667788
        .text
far_function:
        ret
