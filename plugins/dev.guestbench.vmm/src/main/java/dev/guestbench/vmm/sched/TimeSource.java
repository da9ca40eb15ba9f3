package dev.guestbench.vmm.sched;

/** Something whose interrupts depend on time: the CLINT's mtimecmp, the SBI timers of direct boot. */
public interface TimeSource {

    /** Time moved: raise or lower the interrupt lines that depend on it. */
    void timeChanged();

    /** The next time at which an interrupt line will rise, or Long.MAX_VALUE if none is armed. */
    long nextDeadline();
}
