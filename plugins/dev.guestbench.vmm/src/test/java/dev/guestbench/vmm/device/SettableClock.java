package dev.guestbench.vmm.device;

/** A VirtualClock the test moves by hand. */
final class SettableClock implements VirtualClock {

    long now;

    @Override
    public long mtime() {
        return now;
    }

    @Override
    public void setMtime(long value) {
        now = value;
    }
}
