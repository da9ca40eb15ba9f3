package dev.guestbench.isa;

/**
 * Fixed bits of an encoding (match under mask), built from the opcode and function fields so the
 * instruction table reads like the specification's opcode maps.
 */
record Enc(int match, int mask) {

    static final int OP_LOAD = 0x03;
    static final int OP_LOAD_FP = 0x07;
    static final int OP_MISC_MEM = 0x0f;
    static final int OP_IMM = 0x13;
    static final int OP_AUIPC = 0x17;
    static final int OP_IMM_32 = 0x1b;
    static final int OP_STORE = 0x23;
    static final int OP_STORE_FP = 0x27;
    static final int OP_AMO = 0x2f;
    static final int OP_OP = 0x33;
    static final int OP_LUI = 0x37;
    static final int OP_OP_32 = 0x3b;
    static final int OP_MADD = 0x43;
    static final int OP_MSUB = 0x47;
    static final int OP_NMSUB = 0x4b;
    static final int OP_NMADD = 0x4f;
    static final int OP_FP = 0x53;
    static final int OP_BRANCH = 0x63;
    static final int OP_JALR = 0x67;
    static final int OP_JAL = 0x6f;
    static final int OP_SYSTEM = 0x73;

    private static final int RS2 = 0x01f00000;
    private static final int RM = 0x00007000;

    /** Only the 7-bit major opcode is fixed (U and J formats). */
    static Enc op(int opcode) {
        return new Enc(opcode, 0x7f);
    }

    /** Major opcode and funct3 fixed (I, S and B formats). */
    static Enc f3(int opcode, int funct3) {
        return new Enc(opcode | funct3 << 12, 0x707f);
    }

    /** Major opcode, funct3 and funct7 fixed (R format). */
    static Enc r(int opcode, int funct3, int funct7) {
        return new Enc(opcode | funct3 << 12 | funct7 << 25, 0xfe00707f);
    }

    /** A 64-bit shift-immediate: funct6 in bits 31..26, the shift amount in 25..20. */
    static Enc shift(int funct3, int funct6) {
        return new Enc(OP_IMM | funct3 << 12 | funct6 << 26, 0xfc00707f);
    }

    /** An atomic memory operation: funct5 in bits 31..27, aq and rl free. */
    static Enc amo(int width, int funct5) {
        return new Enc(OP_AMO | width << 12 | funct5 << 27, 0xf800707f);
    }

    /** Load-reserved: like an AMO but rs2 must be zero. */
    static Enc lr(int width) {
        return new Enc(OP_AMO | width << 12 | 0b00010 << 27, 0xf9f0707f);
    }

    /** A fused multiply-add: fmt in bits 26..25, rounding mode free. */
    static Enc fma(int opcode, int fmt) {
        return new Enc(opcode | fmt << 25, 0x0600007f);
    }

    /** OP-FP with funct7 fixed and the rounding mode free. */
    static Enc fpRm(int funct7) {
        return new Enc(OP_FP | funct7 << 25, 0xfe00007f);
    }

    /** OP-FP with funct7 and funct3 fixed. */
    static Enc fp(int funct7, int funct3) {
        return new Enc(OP_FP | funct3 << 12 | funct7 << 25, 0xfe00707f);
    }

    /** OP-FP with funct7 and rs2 fixed and the rounding mode free. */
    static Enc fp1Rm(int funct7, int rs2) {
        return new Enc(OP_FP | rs2 << 20 | funct7 << 25, 0xfe00007f | RS2);
    }

    /** OP-FP with funct7, rs2 and funct3 fixed. */
    static Enc fp1(int funct7, int rs2, int funct3) {
        return new Enc(OP_FP | funct3 << 12 | rs2 << 20 | funct7 << 25, 0xfe00707f | RS2);
    }

    /** OP-FP with funct7 and rs2 fixed and the rounding-mode field required to be zero. */
    static Enc fp1Rm0(int funct7, int rs2) {
        return new Enc(OP_FP | rs2 << 20 | funct7 << 25, 0xfe00007f | RS2 | RM);
    }

    /** A whole 32-bit word. */
    static Enc word(int word) {
        return new Enc(word, 0xffffffff);
    }

    /** Explicit match and mask. */
    static Enc of(int match, int mask) {
        return new Enc(match, mask);
    }

    /** A compressed instruction with only quadrant and funct3 fixed. */
    static Enc c(int quadrant, int funct3) {
        return new Enc(quadrant | funct3 << 13, 0xe003);
    }

    /** Instruction length in bytes implied by the low two bits of the match. */
    int length() {
        return (match & 3) == 3 ? 4 : 2;
    }
}
