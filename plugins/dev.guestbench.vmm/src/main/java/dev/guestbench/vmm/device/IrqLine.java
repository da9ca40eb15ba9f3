package dev.guestbench.vmm.device;

/** One level-triggered interrupt wire from a device to an interrupt controller (a PLIC source). */
@FunctionalInterface
public interface IrqLine {

    /** Drives the wire high ({@code true}) or low; calling it again with the same level changes nothing. */
    void set(boolean level);
}
