# Several code sections, symbols of different kinds at the same address, code
# before the first symbol of a section, a section without any symbol and a
# label whose name is not ASCII.
        .option norvc
        .section .text.first, "ax", @progbits
        addi    a0, a0, 1
        addi    a0, a0, 2
first_label:
        addi    a0, a0, 3
        .text
        .globl  _start
        .type   _start, @function
_start:
alias_local:
        .weak   weak_entry
weak_entry:
        nop
        .globl  g_same
g_same:
l_same:
        addi    a1, a1, 1
        .type   big_fn, @function
        .size   big_fn, 8
big_fn:
        .type   small_fn, @function
        .size   small_fn, 4
small_fn:
        addi    a1, a1, 2
        addi    a1, a1, 3
        jal     first_label
        jal     other_section_fn
        j       no_symbol_code + 4
        ret
        # A symbol name that is not plain ASCII.
"größe":
        j       "größe"
        .section .text.other, "ax", @progbits
        .globl  other_section_fn
other_section_fn:
        addi    a2, a2, 1
        ret
        .section .text.nosym, "ax", @progbits
no_symbol_code:
        .local  no_symbol_code
        addi    a3, a3, 1
        addi    a3, a3, 2
        ret
        .section .rodata
        .word   1, 2, 3
        .bss
        .zero   64
