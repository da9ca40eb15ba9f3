package dev.guestbench.asm.assembler.emit;

import dev.guestbench.asm.assembler.expr.Expr;
import dev.guestbench.asm.assembler.source.SourceLine;
import dev.guestbench.isa.Instruction;

/**
 * A value in a DATA piece that needs final addresses: a data word ({@code insn == null},
 * {@code width} bytes) or one operand of an instruction, re-encoded with all its operands.
 * {@code modifier} is null, "lo" or "pcrel_lo"; {@code column} places errors; {@code hi} is the
 * auipc piece of a la/lla pair (else found by the label of %pcrel_lo); {@code relax} is false under
 * .option norelax.
 */
public record Fixup(int offset, int width, Instruction insn, long[] values, int operand, Expr expr,
        String modifier, SourceLine line, int column, Frag hi, boolean relax) {
}
