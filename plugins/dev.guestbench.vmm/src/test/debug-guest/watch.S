# The watchpoint tests' guest (direct boot, S-mode). It fills an 8 KiB buffer twice from a hot loop (the
# JIT translates it during the first fill), loads `flag`, adds to `counter` with an AMO, then turns on Sv39
# with RAM mapped twice (identity, and an alias at virtual 0) and stores to `flag` through the alias.
    .option norvc
    .option norelax                 # la stays auipc + addi: gp is not set up
    .section .text
    .globl _start
_start:
    la      a0, buf
    li      a1, 0x100
    call    fill
mid:
    la      a0, buf
    li      a1, 0x200
    call    fill
    la      t0, flag
load_flag:
    ld      t1, 0(t0)
    la      t0, counter
    li      t2, 5
amo:
    amoadd.d t3, t2, (t0)
    la      t0, root
    li      t1, 0x200000cf          # PPN 0x80000 (0x80000000), D A X W R V
    sd      t1, 16(t0)              # VPN[2] = 2: identity
    sd      t1, 0(t0)               # VPN[2] = 0: the alias, virtual 0 -> physical 0x80000000
    srli    t0, t0, 12
    li      t1, 8                   # mode Sv39
    slli    t1, t1, 60
    or      t0, t0, t1
    csrw    satp, t0
    sfence.vma
    la      t0, flag
    li      t2, 1
    slli    t2, t2, 31
    sub     t0, t0, t2              # flag's alias
    li      t1, 0x5678
alias_store:
    sd      t1, 0(t0)
    li      a7, 0x53525354          # SRST shutdown
    li      a6, 0
    li      a0, 0
    li      a1, 0
    ecall
halt:
    j       halt

# buf[i] = a1 + i for i in 0 .. 1023
fill:
    li      t0, 0
    li      t1, 1024
fill_loop:
    slli    t2, t0, 3
    add     t2, a0, t2
    add     t3, a1, t0
fill_store:
    sd      t3, 0(t2)
    addi    t0, t0, 1
    blt     t0, t1, fill_loop
    ret

    .section .data
    .balign 8
flag:
    .dword  0x1234
counter:
    .dword  10

    .section .bss
    .balign 4096
buf:
    .space  8192
root:
    .space  4096
