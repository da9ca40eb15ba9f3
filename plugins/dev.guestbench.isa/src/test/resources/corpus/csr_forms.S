# The CSR instructions in all their forms and the pseudo-instructions built on
# them: plain reads and writes, the floating-point CSR shorthands and the counters.
        .option norvc
        .text
        .globl  _start
_start:
        csrrw   a0, mstatus, a1
        csrrw   zero, mstatus, a1
        csrrw   a0, mstatus, zero
        csrrs   a0, mstatus, a1
        csrrs   a0, mstatus, zero
        csrrs   zero, mstatus, a1
        csrrs   zero, mstatus, zero
        csrrc   a0, mstatus, a1
        csrrc   zero, mstatus, a1
        csrrwi  a0, mstatus, 0
        csrrwi  a0, mstatus, 31
        csrrwi  zero, mstatus, 5
        csrrsi  a0, mstatus, 1
        csrrsi  zero, mstatus, 8
        csrrci  a0, mstatus, 31
        csrrci  zero, mstatus, 2
        csrr    t0, mepc
        csrw    mtvec, t1
        csrs    mie, t2
        csrc    mip, s0
        csrwi   mscratch, 3
        csrsi   sstatus, 2
        csrci   sstatus, 2
        csrw    satp, zero
        csrw    0x7c0, a0
        csrr    a0, 0xfc0
counters:
        rdcycle   a0
        rdtime    a1
        rdinstret a2
        rdcycle   zero
        csrr      a0, cycle
        csrr      a0, hpmcounter3
fp_control:
        frcsr   a0
        fscsr   a1
        fscsr   a2, a3
        frrm    a4
        fsrm    a5
        fsrm    a6, a7
        fsrmi   t0, 3
        fsrmi   4
        frflags t1
        fsflags t2
        fsflags s1, s2
        fsflagsi s3, 31
        fsflagsi 0
        frsr    t3
        fssr    t4
        csrrs   a0, fcsr, zero
        csrrw   zero, frm, a0
        csrrwi  a0, fflags, 1
never_executed:
        unimp
        csrrw   zero, cycle, zero
        ret
