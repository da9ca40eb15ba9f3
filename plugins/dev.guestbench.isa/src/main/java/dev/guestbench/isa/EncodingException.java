package dev.guestbench.isa;

/** Thrown when operand values cannot be encoded; the message says which value and why. */
public final class EncodingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Instruction instruction;
    private final int operandIndex;

    /** Creates the exception for one operand (index -1 when it concerns the whole operand list). */
    public EncodingException(String message, Instruction instruction, int operandIndex) {
        super(message);
        this.instruction = instruction;
        this.operandIndex = operandIndex;
    }

    /** The instruction being encoded. */
    public Instruction instruction() {
        return instruction;
    }

    /** The operand at fault, or -1. */
    public int operandIndex() {
        return operandIndex;
    }
}
