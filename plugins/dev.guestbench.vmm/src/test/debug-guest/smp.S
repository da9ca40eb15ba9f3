# Two vCPUs for the per-vCPU run control tests (direct boot, S-mode). Hart 0 starts hart 1 through SBI HSM,
# then both count forever, each in a doubleword of its own; hart 0 calls a function on each round.
    .option norvc
    .option norelax                 # la stays auipc + addi: gp is not set up
    .section .text
    .globl _start
_start:
    li      a7, 0x48534D            # HSM: hart_start(1, secondary, 0)
    li      a6, 0
    li      a0, 1
    la      a1, secondary
    li      a2, 0
    ecall
    la      s1, count0
loop0:
    ld      t0, 0(s1)
    addi    t0, t0, 1
    sd      t0, 0(s1)
call_nothing:
    jal     nothing
    j       loop0
nothing:
    ret

secondary:
    la      s1, count1
loop1:
    ld      t0, 0(s1)
    addi    t0, t0, 1
store1:
    sd      t0, 0(s1)
    j       loop1

    .section .data
    .balign 8
count0:
    .dword  0
count1:
    .dword  0
