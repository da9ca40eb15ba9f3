# FENCE with every non-empty predecessor and successor set, the other fences, the
# environment call/break pair, the privileged instructions and encodings that only
# the disassembler still names.
        .option norvc
        .text
        .globl  _start
_start:
        fence
        fence   iorw, iorw
        fence   rw, rw
        fence   r, r
        fence   w, w
        fence.tso
        fence.i
        ecall
        ebreak
        scall
        sbreak
all_fences:
        .irp    pred, w, r, rw, o, ow, or, orw, i, iw, ir, irw, io, iow, ior, iorw
        .irp    succ, w, r, rw, o, ow, or, orw, i, iw, ir, irw, io, iow, ior, iorw
        fence   \pred, \succ
        .endr
        .endr
empty_sets:
        # A fence with an empty set is a hint; pause is fence w, 0.
        .insn   i 0x0f, 0, zero, zero, 0x010
        .insn   i 0x0f, 0, zero, zero, 0x0f0
        .insn   i 0x0f, 0, zero, zero, 0x000
privileged:
        sret
        mret
        wfi
        sfence.vma
        sfence.vma a0
        sfence.vma a0, a1
        sfence.vma zero, a2
        sfence.vma t0, zero
retired:
        uret
        hret
        dret
        sfence.vm
        sfence.vm a3
        ret
