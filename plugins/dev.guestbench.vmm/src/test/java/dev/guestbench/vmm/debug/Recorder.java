package dev.guestbench.vmm.debug;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.guestbench.vmm.RunResult;

/** Collects a debugger's events for a test to wait on. */
final class Recorder implements DebugListener {

    final BlockingQueue<SuspendEvent> suspends = new LinkedBlockingQueue<>();
    final BlockingQueue<RunResult.Ending> ends = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    volatile long outputBytes;
    volatile int outputCalls;

    @Override
    public void suspended(SuspendEvent event) {
        suspends.add(event);
    }

    @Override
    public void terminated(RunResult.Ending ending, int failCode) {
        ends.add(ending);
    }

    @Override
    public synchronized void consoleOutput(byte[] bytes) {
        outputBytes += bytes.length;
        outputCalls++;
        if (output.size() < 1 << 16) {
            output.writeBytes(bytes);
        }
    }

    synchronized String output() {
        return output.toString(StandardCharsets.US_ASCII);
    }

    SuspendEvent nextSuspend() throws InterruptedException {
        SuspendEvent e = suspends.poll(10, TimeUnit.SECONDS);
        assertNotNull(e, "no suspend within 10 s");
        return e;
    }

    RunResult.Ending nextEnd() throws InterruptedException {
        RunResult.Ending e = ends.poll(10, TimeUnit.SECONDS);
        assertNotNull(e, "not terminated within 10 s");
        return e;
    }
}
