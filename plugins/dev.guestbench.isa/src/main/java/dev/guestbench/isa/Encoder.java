package dev.guestbench.isa;

import java.util.List;

/** Builds instruction bits from an instruction and its operand values, checking every value first. */
public final class Encoder {
    private Encoder() {
    }

    /**
     * Encodes an instruction. Values are given in {@link Instruction#operands()} order: register
     * numbers, immediates and offsets as real values, upper immediates as the 20-bit field value.
     *
     * @return the instruction bits (a 16-bit instruction in the low half)
     * @throws EncodingException if a value is out of range, misaligned or not allowed
     */
    public static int encode(Instruction insn, long... values) {
        List<Operand> ops = insn.operands();
        if (values.length != ops.size()) {
            StringBuilder names = new StringBuilder();
            for (Operand op : ops) {
                names.append(names.length() == 0 ? "" : ", ").append(op.name());
            }
            throw new EncodingException(insn.mnemonic() + " takes " + ops.size() + " operand"
                    + (ops.size() == 1 ? "" : "s") + (ops.isEmpty() ? "" : " (" + names + ")") + ", got "
                    + values.length, insn, -1);
        }
        int bits = insn.match();
        for (int i = 0; i < values.length; i++) {
            Operand op = ops.get(i);
            String problem = op.check(values[i], insn.mnemonic());
            if (problem != null) {
                throw new EncodingException(problem, insn, i);
            }
            bits |= op.insert(values[i]);
        }
        return bits;
    }
}
