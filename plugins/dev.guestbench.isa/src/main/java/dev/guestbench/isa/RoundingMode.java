package dev.guestbench.isa;

/** The floating-point rounding modes of the rm field and of the frm CSR. */
public enum RoundingMode {
    /** Round to nearest, ties to even. */
    RNE(0, "round to nearest, ties to even"),
    /** Round towards zero. */
    RTZ(1, "round towards zero"),
    /** Round down, towards negative infinity. */
    RDN(2, "round down (towards negative infinity)"),
    /** Round up, towards positive infinity. */
    RUP(3, "round up (towards positive infinity)"),
    /** Round to nearest, ties away from zero. */
    RMM(4, "round to nearest, ties to the larger magnitude"),
    /** Use the mode in the frm CSR (only valid in an instruction's rm field). */
    DYN(7, "dynamic: use the mode held in the frm CSR");

    private final int encoding;
    private final String description;

    RoundingMode(int encoding, String description) {
        this.encoding = encoding;
        this.description = description;
    }

    /** The 3-bit encoding. */
    public int encoding() {
        return encoding;
    }

    /** The assembler name, e.g. "rne". */
    public String asmName() {
        return name().toLowerCase();
    }

    /** What the mode does. */
    public String description() {
        return description;
    }

    /** The mode with this encoding, or null for the reserved values 5 and 6. */
    public static RoundingMode of(int encoding) {
        for (RoundingMode m : values()) {
            if (m.encoding == encoding) {
                return m;
            }
        }
        return null;
    }

    /** The mode with this assembler name, or null. */
    public static RoundingMode parse(String name) {
        for (RoundingMode m : values()) {
            if (m.asmName().equals(name)) {
                return m;
            }
        }
        return null;
    }
}
