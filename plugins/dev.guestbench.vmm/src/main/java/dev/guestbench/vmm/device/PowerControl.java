package dev.guestbench.vmm.device;

/** What the guest can ask of the machine's power: the SiFive test finisher and SBI system reset use it. */
public interface PowerControl {

    /** The guest reports success and powers off (finisher 0x5555, SBI shutdown). */
    void pass();

    /** The guest reports failure with an exit code and powers off (finisher (code << 16) | 0x3333). */
    void fail(int code);

    /** The guest asks for a reset (finisher 0x7777, SBI reboot). */
    void reset();
}
