# kernel.S: a guest kernel to start from, made by the "New guest kernel" wizard.
#
# The hypervisor boots it directly in supervisor mode (built-in SBI): a0 = hart id, a1 = the device
# tree's address. It turns on Sv39 paging, counts three rounds, printing each count through the SBI
# console, then prints a last line and asks the SBI to power the machine off. Set a breakpoint on a
# line (double-click the ruler), then Debug As > Guest kernel.

    .section .text
    .globl  _start
_start:
    la      sp, stack_top
    call    enable_paging
    li      s0, 0               # s0 counts the rounds

round:
    addi    s0, s0, 1
    mv      a0, s0
    call    print_digit
    li      t0, 3
    blt     s0, t0, round

    la      a0, done
    call    puts

    # SBI system reset (extension "SRST"): type 0 = shutdown, reason 0 = no reason.
    li      a7, 0x53525354
    li      a6, 0
    li      a0, 0
    li      a1, 0
    ecall
1:  wfi                         # only reached if the reset was refused
    j       1b

# enable_paging: Sv39 with one 1 GiB page mapping RAM at its own address (0x80000000-0xbfffffff). The
# hypervisor shadows this table (shadow paging) or walks it with its own (nested paging): see the Shadow
# Page Tables view.
enable_paging:
    la      t0, root_table
    li      t1, 0x200000cf      # PPN of 0x80000000; D A X W R V
    sd      t1, 16(t0)          # entry 2 maps [0x80000000, 0xc0000000)
    srli    t0, t0, 12
    li      t1, 8               # satp.MODE = Sv39
    slli    t1, t1, 60
    or      t0, t0, t1
    csrw    satp, t0
    sfence.vma
    ret

# print_digit(a0 = 0..9): prints the digit and a newline.
print_digit:
    addi    a0, a0, '0'
    li      a7, 1               # legacy SBI extension 0x01: console_putchar(a0)
    ecall
    li      a0, '\n'
    ecall
    ret

# puts(a0 = address of a NUL-terminated string), one console_putchar call per byte.
puts:
    mv      t0, a0
2:  lbu     a0, 0(t0)
    beqz    a0, 3f
    li      a7, 1
    ecall                       # an SBI call keeps every register but a0 and a1
    addi    t0, t0, 1
    j       2b
3:  ret

    .section .rodata
done:
    .asciz  "Three rounds done; powering off.\n"

    .section .bss
    .balign 4096
root_table:
    .space  4096
stack:
    .space  4096
stack_top:
