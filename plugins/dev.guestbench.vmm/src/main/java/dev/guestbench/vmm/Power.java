package dev.guestbench.vmm;

import dev.guestbench.vmm.device.PowerControl;

/** The machine's power state: running until the guest passes, fails or resets it. */
final class Power implements PowerControl {

    /** What ended the run. */
    enum State {
        ON, PASSED, FAILED, RESET, QUIT
    }

    private volatile State state = State.ON;
    private volatile int failCode;
    private final Runnable onStop;

    Power(Runnable onStop) {
        this.onStop = onStop;
    }

    @Override
    public void pass() {
        stop(State.PASSED, 0);
    }

    @Override
    public void fail(int code) {
        stop(State.FAILED, code);
    }

    @Override
    public void reset() {
        stop(State.RESET, 0);
    }

    /** Someone outside the guest stopped the machine (Ctrl-A X, the debugger). */
    void quit() {
        stop(State.QUIT, 0);
    }

    private void stop(State s, int code) {
        if (state == State.ON) {
            failCode = code;
            state = s;
            onStop.run();
        }
    }

    State state() {
        return state;
    }

    int failCode() {
        return failCode;
    }

    boolean isOff() {
        return state != State.ON;
    }
}
