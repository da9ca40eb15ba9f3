# hello.S: the smallest guest kernel.
#
# It starts in supervisor mode with a0 = hart id and a1 = the device tree's address (the hypervisor's
# built-in SBI, or firmware such as OpenSBI, puts it there), prints a greeting through the SBI console
# and asks the SBI to power the machine off.

    .section .text
    .globl  _start
_start:
    la      sp, stack_top
    la      a0, greeting
    call    puts

    # SBI system reset (extension "SRST"): type 0 = shutdown, reason 0 = no reason.
    li      a7, 0x53525354
    li      a6, 0
    li      a0, 0
    li      a1, 0
    ecall
1:  wfi                         # only reached if the reset was refused
    j       1b

# puts(a0 = address of a NUL-terminated string), one console_putchar call per byte.
puts:
    mv      t0, a0
2:  lbu     a0, 0(t0)
    beqz    a0, 3f
    li      a7, 1               # legacy SBI extension 0x01: console_putchar(a0)
    ecall                       # an SBI call keeps every register but a0 and a1
    addi    t0, t0, 1
    j       2b
3:  ret

    .section .rodata
greeting:
    .asciz  "Hello from a Guestbench guest kernel!\n"

    .section .bss
    .balign 16
stack:
    .space  4096
stack_top:
