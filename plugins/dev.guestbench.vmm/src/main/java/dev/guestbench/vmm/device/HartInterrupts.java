package dev.guestbench.vmm.device;

/**
 * The interrupt lines of the harts, as devices drive them: each call sets or clears one bit of a hart's
 * mip (MSIP 3, MTIP 7, MEIP 11, SEIP 9; see {@link #MSIP} and the others). May be called from any thread.
 */
public interface HartInterrupts {
    /** Supervisor software interrupt bit of mip. */
    int SSIP = 1;
    /** Machine software interrupt bit of mip (CLINT msip). */
    int MSIP = 3;
    /** Supervisor timer interrupt bit of mip. */
    int STIP = 5;
    /** Machine timer interrupt bit of mip (CLINT mtimecmp). */
    int MTIP = 7;
    /** Supervisor external interrupt bit of mip (PLIC S-mode context). */
    int SEIP = 9;
    /** Machine external interrupt bit of mip (PLIC M-mode context). */
    int MEIP = 11;

    /** Raises ({@code level} true) or lowers interrupt line {@code bit} of hart {@code hart}. */
    void setPending(int hart, int bit, boolean level);
}
