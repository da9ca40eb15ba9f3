package dev.guestbench.vmm.device;

/**
 * Byte-lane arithmetic for little-endian registers accessed with a narrower width than their own, so a
 * device can serve any width at any offset inside a register without allocating.
 */
final class RegisterBytes {

    private RegisterBytes() {
    }

    /** All-ones in the low {@code width} bytes (width 1 to 8). */
    static long mask(int width) {
        return width >= 8 ? -1L : (1L << (width << 3)) - 1;
    }

    /** Whether {@code [offset, offset + width)} lies inside one register of {@code registerSize} bytes. */
    static boolean within(long offset, int width, int registerSize) {
        return (offset & (registerSize - 1)) + width <= registerSize;
    }

    /** The {@code width} bytes of {@code register} that start at byte {@code lane}. */
    static long extract(long register, int lane, int width) {
        return (register >>> (lane << 3)) & mask(width);
    }

    /** {@code register} with the {@code width} bytes at byte {@code lane} replaced by the low bytes of value. */
    static long merge(long register, int lane, int width, long value) {
        long m = mask(width) << (lane << 3);
        return (register & ~m) | ((value << (lane << 3)) & m);
    }
}
