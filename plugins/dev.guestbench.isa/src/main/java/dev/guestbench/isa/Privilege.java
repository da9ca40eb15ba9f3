package dev.guestbench.isa;

/** The lowest privilege level allowed to access a CSR, encoded in bits 9..8 of its number. */
public enum Privilege {
    /** User mode (and every higher mode). */
    USER("U"),
    /** Supervisor mode (and machine mode). */
    SUPERVISOR("S"),
    /** Hypervisor and virtual-supervisor CSRs, reachable from HS-mode and machine mode. */
    HYPERVISOR("H"),
    /** Machine mode only. */
    MACHINE("M");

    private final String letter;

    Privilege(String letter) {
        this.letter = letter;
    }

    /** The usual one-letter name: U, S, H or M. */
    public String letter() {
        return letter;
    }

    /** The privilege encoded in a CSR number. */
    public static Privilege ofCsr(int number) {
        return values()[(number >>> 8) & 3];
    }
}
