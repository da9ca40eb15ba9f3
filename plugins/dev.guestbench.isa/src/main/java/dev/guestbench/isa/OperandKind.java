package dev.guestbench.isa;

/** What an instruction operand denotes, which decides how it is checked, written and read. */
public enum OperandKind {
    /** An integer register x0..x31. */
    GPR("register"),
    /** A floating-point register f0..f31. */
    FPR("register"),
    /** One of the integer registers x8..x15 that a 3-bit compressed register field can name. */
    GPR_COMPRESSED("register"),
    /** One of the floating-point registers f8..f15 of a 3-bit compressed register field. */
    FPR_COMPRESSED("register"),
    /** A sign-extended immediate operand of an arithmetic or logic instruction. */
    SIGNED_IMMEDIATE("immediate"),
    /** A zero-extended immediate (for example the scaled stack adjustment of c.addi4spn). */
    UNSIGNED_IMMEDIATE("immediate"),
    /** The 20-bit upper immediate of lui/auipc/c.lui, written as the value of bits 31..12. */
    UPPER_IMMEDIATE("immediate"),
    /** A signed byte offset added to a base register to form a memory address. */
    MEMORY_OFFSET("offset"),
    /** An unsigned, scaled byte offset from a base register (compressed loads and stores). */
    UNSIGNED_MEMORY_OFFSET("offset"),
    /** A signed byte offset from the instruction's own address (branch and jump targets). */
    PC_OFFSET("offset"),
    /** A shift amount. */
    SHIFT_AMOUNT("shift amount"),
    /** A 12-bit control and status register number. */
    CSR("CSR number"),
    /** The 5-bit unsigned immediate of the csrr*i instructions. */
    CSR_IMMEDIATE("immediate"),
    /** A floating-point rounding mode (0..4 and 7; 5 and 6 are reserved). */
    ROUNDING_MODE("rounding mode"),
    /** A FENCE predecessor or successor set: bits i, o, r, w. */
    FENCE_SET("fence set"),
    /** The acquire bit of an atomic instruction (written as the .aq suffix). */
    ACQUIRE("aq bit"),
    /** The release bit of an atomic instruction (written as the .rl suffix). */
    RELEASE("rl bit");

    private final String noun;

    OperandKind(String noun) {
        this.noun = noun;
    }

    /** The word used for this kind of operand in messages, e.g. "immediate". */
    public String noun() {
        return noun;
    }

    /** True for the register kinds. */
    public boolean isRegister() {
        return this == GPR || this == FPR || this == GPR_COMPRESSED || this == FPR_COMPRESSED;
    }

    /** True for floating-point register kinds. */
    public boolean isFloatRegister() {
        return this == FPR || this == FPR_COMPRESSED;
    }
}
