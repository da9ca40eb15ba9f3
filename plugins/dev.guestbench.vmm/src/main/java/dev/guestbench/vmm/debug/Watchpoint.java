package dev.guestbench.vmm.debug;

import java.util.Locale;

/**
 * A data watchpoint: stops the VM right after a guest access of {@code kind} that touches
 * {@code [address, address + length)}, guest-virtual (compared with the address the instruction used, in
 * whatever address space it runs) or guest-physical (any virtual alias of those bytes).
 */
public record Watchpoint(long address, int length, Kind kind, boolean physical) {

    /** The most bytes one watchpoint covers. */
    public static final int MAX_LENGTH = 1 << 20;

    /** Which accesses stop: gdb's rwatch, watch and awatch. */
    public enum Kind {
        /** Loads (and the read of an atomic). */
        READ,
        /** Stores (and the write of an atomic, an SC that matched its reservation included). */
        WRITE,
        /** Both. */
        ACCESS;

        /** Whether an access that read and/or wrote matches. */
        public boolean matches(boolean read, boolean write) {
            return this == ACCESS ? read || write : this == READ ? read : write;
        }

        /** The lower-case name: "read", "write", "access". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Watchpoint {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("a watchpoint covers 1 to " + MAX_LENGTH + " bytes, not " + length);
        }
        if (Long.compareUnsigned(address, -1L - length + 1) > 0) {
            throw new IllegalArgumentException(String.format("[0x%x, +%d) wraps past the end of the address space",
                    address, length));
        }
        if (kind == null) {
            throw new IllegalArgumentException("a watchpoint needs a kind");
        }
    }

    /** Whether an access of {@code size} bytes at {@code at} overlaps the watched bytes. */
    public boolean overlaps(long at, int size) {
        return Long.compareUnsigned(at + size - 1, address) >= 0
                && Long.compareUnsigned(at, address + length - 1) <= 0;
    }

    /** "write watchpoint [0x80201000, +8) virtual". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s watchpoint [0x%x, +%d) %s", kind.label(), address, length,
                physical ? "physical" : "virtual");
    }
}
