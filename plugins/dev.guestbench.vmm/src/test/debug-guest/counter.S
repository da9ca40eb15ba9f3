# A small S-mode kernel for the debugger's tests (direct boot: the hypervisor answers its SBI calls).
# It calls `bump` five times, prints "ok\n" through SBI DBCN, then shuts down through SBI SRST.
    .section .text
    .globl _start
_start:
    li      s0, 0
    li      s1, 0
again:
    addi    s0, s0, 1
    call    bump
after_call:
    li      t0, 5
    blt     s0, t0, again
    li      a0, 'o'
    call    putc
    li      a0, 'k'
    call    putc
    li      a0, '\n'
    call    putc
    li      a7, 0x53525354          # SRST: system reset, shutdown
    li      a6, 0
    li      a0, 0
    li      a1, 0
    ecall
halt:
    j       halt

bump:
    addi    s1, s1, 2
bump_ret:
    ret

putc:
    li      a7, 0x4442434E          # DBCN: write one byte
    li      a6, 2
    ecall
    ret
