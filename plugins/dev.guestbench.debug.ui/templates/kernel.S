# kernel.S: a guest kernel to start from, made by the "New guest kernel" wizard.
#
# The hypervisor boots it directly in supervisor mode (built-in SBI): a0 = hart id, a1 = the device
# tree's address. It counts three rounds, printing each count through the SBI console, then prints a
# last line and asks the SBI to power the machine off. Set a breakpoint on a line (double-click the
# ruler), then Debug As > Guest kernel.

    .section .text
    .globl  _start
_start:
    la      sp, stack_top
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
    .balign 16
stack:
    .space  4096
stack_top:
