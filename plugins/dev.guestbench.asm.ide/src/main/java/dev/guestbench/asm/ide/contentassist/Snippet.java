package dev.guestbench.asm.ide.contentassist;

import java.util.List;

/**
 * Code templates offered by content assist (to LSP clients and to our editor alike): the pieces of a guest
 * kernel people write again and again.
 */
public record Snippet(String name, String description, String body) {

    /** Every snippet. */
    public static final List<Snippet> ALL = List.of(
            new Snippet("function", "a function that saves ra on the stack", """
                    name:
                        addi    sp, sp, -16
                        sd      ra, 8(sp)
                        # body
                        ld      ra, 8(sp)
                        addi    sp, sp, 16
                        ret
                    """),
            new Snippet("trapvector", "install an M-mode trap vector", """
                        la      t0, trap_vector
                        csrw    mtvec, t0
                    """),
            new Snippet("loop", "a counted loop over t0", """
                        li      t0, 10
                    1:  addi    t0, t0, -1
                        bnez    t0, 1b
                    """),
            new Snippet("sbicall", "an SBI call: extension in a7, function in a6", """
                        li      a7, 0x0
                        li      a6, 0
                        ecall
                    """),
            new Snippet("start", "the entry point of a kernel with a stack", """
                        .section .text
                        .globl  _start
                    _start:
                        la      sp, stack_top
                    """));
}
