package dev.guestbench.vmm.debug;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Consumer;

import dev.guestbench.vmm.device.ConsoleIo;
import dev.guestbench.vmm.sched.Scheduler;

/**
 * The UART's other end in a debug session. Output is buffered and handed on in chunks by a daemon thread
 * every {@link #FLUSH_MILLIS} ms, so a guest that floods the UART costs its listeners a call per chunk,
 * not per byte; beyond {@link #MAX_PENDING} bytes waiting, output is dropped and counted. Input is queued
 * for the guest; while every hart idles the VM's thread waits here until input comes or the debugger
 * wakes it.
 */
final class DebugConsole implements ConsoleIo, Scheduler.IdleWait {

    static final int FLUSH_MILLIS = 30;
    static final int MAX_PENDING = 4 << 20;

    private final Consumer<byte[]> sink;
    private final ArrayDeque<Integer> input = new ArrayDeque<>();
    private byte[] pending = new byte[4096];
    private int pendingLength;
    private long dropped;
    private boolean woken;
    private volatile boolean closed;
    private final Thread flusher;
    private final Object flushLock = new Object();

    DebugConsole(Consumer<byte[]> sink, String name) {
        this.sink = sink;
        this.flusher = new Thread(this::flushLoop, name + "-console");
        flusher.setDaemon(true);
        flusher.start();
    }

    @Override
    public synchronized void write(int b) {
        if (pendingLength == pending.length) {
            if (pending.length >= MAX_PENDING) {
                dropped++;
                return;
            }
            pending = Arrays.copyOf(pending, pending.length * 2);
        }
        pending[pendingLength++] = (byte) b;
    }

    @Override
    public synchronized int read() {
        Integer b = input.poll();
        return b == null ? -1 : b;
    }

    /** Queues bytes typed for the guest and wakes an idle VM. */
    synchronized void type(byte[] bytes) {
        for (byte b : bytes) {
            input.add(b & 0xff);
        }
        notifyAll();
    }

    @Override
    public boolean awaitEvent() {
        flush();
        synchronized (this) {
            while (input.isEmpty() && !woken && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            woken = false;
            return !closed;
        }
    }

    /** Ends a wait in {@link #awaitEvent} (the debugger needs the VM's thread). */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Bytes dropped because listeners did not keep up. */
    synchronized long dropped() {
        return dropped;
    }

    /** Hands what is buffered to the sink now (on the calling thread). */
    void flush() {
        // One flush at a time, so that chunks reach the sink in the order the guest wrote them.
        synchronized (flushLock) {
            byte[] chunk;
            synchronized (this) {
                if (pendingLength == 0) {
                    return;
                }
                chunk = Arrays.copyOf(pending, pendingLength);
                pendingLength = 0;
                if (pending.length > 4096) {
                    pending = new byte[4096];
                }
            }
            sink.accept(chunk);
        }
    }

    /** Flushes what is left and stops the flusher thread. */
    void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        flush();
        flusher.interrupt();
    }

    private void flushLoop() {
        while (!closed) {
            try {
                Thread.sleep(FLUSH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            flush();
        }
    }
}
