package dev.guestbench.vmm.debug;

import dev.guestbench.vmm.RunResult;

/**
 * Told what a debugged VM does. Run-state events come on the VM's thread and UART output on the console
 * thread: a listener must return quickly (a UI hands the work to its own thread).
 */
public interface DebugListener {

    /** vCPUs were suspended. */
    default void suspended(SuspendEvent event) {
    }

    /** vCPU {@code hart} (or every vCPU when -1) runs again. */
    default void resumed(int hart) {
    }

    /** The VM ended and can run no more. */
    default void terminated(RunResult.Ending ending, int failCode) {
    }

    /** The guest wrote these bytes to the UART. */
    default void consoleOutput(byte[] bytes) {
    }
}
