package dev.guestbench.vmm.exit;

/** The devices behind guest-physical addresses that are not RAM, as the VMM reaches them. */
public interface PhysicalBus {

    /** Whether a device register block holds every byte of {@code [pa, pa + size)}. */
    boolean claims(long pa, int size);

    /** Reads a device register (the caller checked {@link #claims}). */
    long read(long pa, int size);

    /** Writes a device register (the caller checked {@link #claims}). */
    void write(long pa, int size, long value);
}
