package dev.guestbench.isa;

/** The encoding formats of RV64GC: the six base formats, R4 and the nine compressed ones. */
public enum Format {
    /** Register-register: rd, rs1, rs2 and funct3/funct7. */
    R(4, "register-register"),
    /** Register-immediate: rd, rs1 and a 12-bit immediate. */
    I(4, "register-immediate"),
    /** Store: rs1, rs2 and a 12-bit offset split in two. */
    S(4, "store"),
    /** Conditional branch: rs1, rs2 and a 13-bit even offset. */
    B(4, "branch"),
    /** Upper immediate: rd and a 20-bit immediate. */
    U(4, "upper immediate"),
    /** Jump: rd and a 21-bit even offset. */
    J(4, "jump"),
    /** Fused multiply-add: rd, rs1, rs2, rs3 and a rounding mode. */
    R4(4, "four-register"),
    /** Compressed register: a full register field and rs2. */
    CR(2, "compressed register"),
    /** Compressed immediate: a full register field and a 6-bit immediate. */
    CI(2, "compressed immediate"),
    /** Compressed stack-relative store. */
    CSS(2, "compressed stack-relative store"),
    /** Compressed wide immediate: a 3-bit destination register and an 8-bit immediate. */
    CIW(2, "compressed wide immediate"),
    /** Compressed load: two 3-bit registers and a 5-bit offset. */
    CL(2, "compressed load"),
    /** Compressed store: two 3-bit registers and a 5-bit offset. */
    CS(2, "compressed store"),
    /** Compressed arithmetic: two 3-bit registers. */
    CA(2, "compressed arithmetic"),
    /** Compressed branch (or shift/and-immediate): a 3-bit register and an offset or immediate. */
    CB(2, "compressed branch"),
    /** Compressed jump: an 11-bit offset. */
    CJ(2, "compressed jump");

    private final int length;
    private final String title;

    Format(int length, String title) {
        this.length = length;
        this.title = title;
    }

    /** Instruction length in bytes: 2 or 4. */
    public int length() {
        return length;
    }

    /** A short name of the format, e.g. "register-immediate". */
    public String title() {
        return title;
    }
}
