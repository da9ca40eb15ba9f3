package dev.guestbench.vmm.device;

import java.util.Locale;

/**
 * One register, or one piece of internal state, of a device as a debugger shows it.
 *
 * @param group where it belongs inside the device: "" for the device itself, else e.g. "context 1 (hart 0, S-mode)"
 * @param name the register's name ("LSR", "mtimecmp[0]")
 * @param offset its offset in the device's register block, or {@link #INTERNAL} for state no register shows
 * @param width its width in bytes
 * @param value what a guest read would return now (for a write-only register: the value last written)
 * @param meaning the value decoded ("DR THRE TEMT", "8N1"), or ""
 */
public record DeviceRegister(String group, String name, long offset, int width, long value, String meaning) {

    /** {@link #offset()} of state that has no register of its own (a FIFO's fill, an interrupt line). */
    public static final long INTERNAL = -1;

    /** The value in hex, zero-padded to the register's width. */
    public String hexValue() {
        long masked = width >= 8 ? value : value & ((1L << (8 * width)) - 1);
        return String.format(Locale.ROOT, "0x%0" + (2 * width) + "x", masked);
    }

    /** Space-separated names of the set bits of {@code value}; {@code names[i]} is bit i's name (null: unnamed). */
    static String bits(long value, String... names) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null && (value & (1L << i)) != 0) {
                if (s.length() > 0) {
                    s.append(' ');
                }
                s.append(names[i]);
            }
        }
        return s.length() == 0 ? "none" : s.toString();
    }
}
