package dev.guestbench.isa;

/** Versions of the RISC-V privileged specification, which decide some CSR names and numbers. */
public enum PrivSpec {
    /** Draft 1.9.1. */
    V1_9_1("1.9.1"),
    /** Version 1.10. */
    V1_10("1.10"),
    /** Version 1.11 (the GNU assembler's default). */
    V1_11("1.11"),
    /** Version 1.12, the version this table describes. */
    V1_12("1.12");

    private final String text;

    PrivSpec(String text) {
        this.text = text;
    }

    /** The version as written, e.g. "1.11". */
    public String text() {
        return text;
    }

    /** The newest version. */
    public static PrivSpec latest() {
        return V1_12;
    }

    /**
     * The version an ELF attribute triple (major, minor, revision) names, or null when the triple
     * is not one of the known versions (the caller then uses the latest).
     */
    public static PrivSpec fromNumbers(long major, long minor, long revision) {
        if (major == 1 && minor == 9 && revision == 1) {
            return V1_9_1;
        }
        if (major == 1 && revision == 0) {
            if (minor == 10) {
                return V1_10;
            }
            if (minor == 11) {
                return V1_11;
            }
            if (minor == 12) {
                return V1_12;
            }
        }
        return null;
    }
}
