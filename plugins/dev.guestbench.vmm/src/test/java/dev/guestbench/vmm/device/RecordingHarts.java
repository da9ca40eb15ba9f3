package dev.guestbench.vmm.device;

/** A HartInterrupts that keeps each hart's mip bits and counts how often the lines were driven. */
final class RecordingHarts implements HartInterrupts {

    final long[] mip;
    int calls;

    RecordingHarts(int harts) {
        mip = new long[harts];
    }

    @Override
    public void setPending(int hart, int bit, boolean level) {
        calls++;
        if (level) {
            mip[hart] |= 1L << bit;
        } else {
            mip[hart] &= ~(1L << bit);
        }
    }

    boolean pending(int hart, int bit) {
        return (mip[hart] & (1L << bit)) != 0;
    }
}
