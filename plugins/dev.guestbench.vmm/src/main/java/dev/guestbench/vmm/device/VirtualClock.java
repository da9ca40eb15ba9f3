package dev.guestbench.vmm.device;

/** The machine's time base (mtime), in ticks of the timebase frequency. */
public interface VirtualClock {

    /** The current value of mtime. */
    long mtime();

    /** Sets mtime, as a write to the CLINT's mtime register does. */
    void setMtime(long value);
}
