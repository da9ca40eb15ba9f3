package dev.guestbench.vmm.device;

/**
 * A device register block on the bus. Offsets are relative to where the device is attached; the bus has
 * already checked that {@code offset + width} lies inside {@link #size()}.
 */
public interface MmioDevice {

    /** A short name for traces and the debugger ("uart0", "plic"). */
    String name();

    /** Size of the register block in bytes. */
    long size();

    /**
     * Reads {@code width} bytes (1, 2, 4 or 8) at {@code offset}; the value is zero-extended. Registers
     * that do not exist read as 0. Never throws for any offset or width.
     */
    long read(long offset, int width);

    /** Writes the low {@code width} bytes of {@code value} at {@code offset}. Never throws. */
    void write(long offset, int width, long value);
}
