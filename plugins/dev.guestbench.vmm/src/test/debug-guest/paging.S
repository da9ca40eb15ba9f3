# Turns on Sv39 with one gigapage identity-mapping RAM, then adds a gigapage for the devices at 0:
# the second store is a guest page-table change the hypervisor sees (its table page is write-protected).
    .section .text
    .globl _start
_start:
    la      t0, root
    li      t1, 0x200000cf          # PPN 0x80000 (0x80000000), D A X W R V
    sd      t1, 16(t0)              # VPN[2] = 2: [0x80000000, 0xc0000000)
    srli    t0, t0, 12
    li      t1, 8                   # mode Sv39
    slli    t1, t1, 60
    or      t0, t0, t1
    csrw    satp, t0
    sfence.vma
paged:
    la      t0, root
    li      t1, 0x000000c7          # PPN 0, D A W R V: [0, 0x40000000)
map_devices:
    sd      t1, 0(t0)
    sfence.vma
    li      a7, 0x53525354          # SRST shutdown
    li      a6, 0
    li      a0, 0
    li      a1, 0
    ecall
halt:
    j       halt

    .section .bss
    .balign 4096
root:
    .space  4096
