package dev.guestbench.vmm.memory;

/** The fields of the satp CSR (RV64) and the translation schemes this machine implements. */
public final class Satp {

    /** MODE: no translation. */
    public static final int MODE_BARE = 0;
    /** MODE: Sv39, three levels. */
    public static final int MODE_SV39 = 8;
    /** MODE: Sv48, four levels. */
    public static final int MODE_SV48 = 9;
    /** MODE: Sv57, which this machine does not implement (a write selecting it is ignored). */
    public static final int MODE_SV57 = 10;

    /** Bits of the PPN field. */
    public static final long PPN_MASK = (1L << 44) - 1;

    private Satp() {
    }

    /** The MODE field. */
    public static int mode(long satp) {
        return (int) (satp >>> 60);
    }

    /** The ASID field (16 bits). */
    public static int asid(long satp) {
        return (int) (satp >>> 44) & 0xffff;
    }

    /** The physical page number of the root table. */
    public static long rootPpn(long satp) {
        return satp & PPN_MASK;
    }

    /** Whether this machine translates with {@code mode} (Bare, Sv39, Sv48). */
    public static boolean supported(int mode) {
        return mode == MODE_BARE || mode == MODE_SV39 || mode == MODE_SV48;
    }

    /** Page-table levels of a mode: 3 for Sv39, 4 for Sv48, 0 for Bare. */
    public static int levels(int mode) {
        return switch (mode) {
            case MODE_SV39 -> 3;
            case MODE_SV48 -> 4;
            default -> 0;
        };
    }

    /** The scheme's name as the spec writes it ("Sv39"). */
    public static String modeName(int mode) {
        return switch (mode) {
            case MODE_BARE -> "Bare";
            case MODE_SV39 -> "Sv39";
            case MODE_SV48 -> "Sv48";
            case MODE_SV57 -> "Sv57";
            default -> "mode " + mode;
        };
    }
}
