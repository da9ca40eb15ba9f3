# Reads a word through an alias gigapage at 0x40000000, stops at `poke` (where a debugger may rewrite the
# alias's PTE in guest-physical memory), fences and reads it again. A page fault there goes to `faulted`.
    .section .text
    .globl _start
_start:
    la      t0, faulted
    csrw    stvec, t0
    la      t0, root
    li      t1, 0x200000cf          # VPN[2] = 2: [0x80000000, 0xc0000000) -> 0x80000000, D A X W R V
    sd      t1, 16(t0)
    li      t1, 0x200000c7          # VPN[2] = 1: [0x40000000, 0x80000000) -> 0x80000000, D A W R V
    sd      t1, 8(t0)
    srli    t0, t0, 12
    li      t1, 8                   # mode Sv39
    slli    t1, t1, 60
    or      t0, t0, t1
    csrw    satp, t0
    sfence.vma
    la      t2, value
    li      t3, 0x40000000
    sub     t2, t2, t3              # value's alias
    ld      a0, 0(t2)               # the hypervisor shadows the alias page
poke:
    sfence.vma
    ld      a1, 0(t2)
done:
    li      a7, 0x53525354          # SRST shutdown
    li      a6, 0
    li      a0, 0
    li      a1, 0
    ecall
    .balign 4                       # stvec's base is 4-byte aligned
faulted:
    j       faulted

    .section .data
value:
    .dword  0x1234

    .section .bss
    .balign 4096
root:
    .space  4096
