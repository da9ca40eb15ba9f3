package dev.guestbench.vmm.device;

/** An IrqLine that remembers its level and counts the calls. */
final class RecordingLine implements IrqLine {

    boolean level;
    int calls;

    @Override
    public void set(boolean on) {
        calls++;
        level = on;
    }
}
