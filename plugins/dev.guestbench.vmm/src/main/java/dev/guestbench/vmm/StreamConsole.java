package dev.guestbench.vmm;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import dev.guestbench.vmm.device.ConsoleIo;
import dev.guestbench.vmm.sched.Scheduler;

/**
 * The UART's other end for the command line: guest output to a stream, input from a stream read on a
 * daemon thread. As QEMU's -nographic console, Ctrl-A X stops the machine and Ctrl-A Ctrl-A sends a
 * Ctrl-A; when input is a terminal it is switched to raw mode for the run and restored after.
 */
final class StreamConsole implements ConsoleIo, Scheduler.IdleWait, AutoCloseable {

    private static final int CTRL_A = 1;
    private static final int EOF = -1;

    private final PrintStream out;
    private final BlockingQueue<Integer> input = new ArrayBlockingQueue<>(4096);
    private final String savedTerminal;
    private volatile boolean inputEnded;
    private volatile Runnable onQuit = () -> {
    };

    private StreamConsole(InputStream in, PrintStream out, String savedTerminal) {
        this.out = out;
        this.savedTerminal = savedTerminal;
        Thread reader = new Thread(() -> pump(in), "guestbench-console-input");
        reader.setDaemon(true);
        reader.start();
    }

    /** A console over {@code in}/{@code out}; a terminal on standard input goes raw until {@link #close()}. */
    static StreamConsole open(InputStream in, PrintStream out) {
        String saved = in == System.in ? rawTerminal() : null;
        return new StreamConsole(in, out, saved);
    }

    /** What to do on Ctrl-A X. */
    void onQuit(Runnable action) {
        this.onQuit = action;
    }

    private void pump(InputStream in) {
        try {
            boolean escape = false;
            int b;
            while ((b = in.read()) != EOF) {
                if (escape) {
                    escape = false;
                    if (b == 'x' || b == 'X') {
                        onQuit.run();
                        continue;
                    }
                    if (b != CTRL_A) {
                        continue;
                    }
                } else if (b == CTRL_A) {
                    escape = true;
                    continue;
                }
                input.put(b);
            }
        } catch (IOException | InterruptedException e) {
            // Input is gone: the guest simply gets no more bytes.
        } finally {
            inputEnded = true;
            input.offer(EOF);
        }
    }

    @Override
    public void write(int b) {
        out.write(b);
        if (b == '\n') {
            out.flush();
        }
    }

    @Override
    public int read() {
        Integer b = input.peek();
        if (b == null || b == EOF) {
            return -1;
        }
        input.poll();
        return b;
    }

    @Override
    public boolean awaitEvent() {
        out.flush();
        try {
            while (true) {
                Integer b = input.peek();
                if (b != null) {
                    return b != EOF;
                }
                if (inputEnded) {
                    return false;
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
        if (savedTerminal != null) {
            stty(savedTerminal);
        }
    }

    /** Puts the terminal on standard input in raw mode; returns its old settings, or null if it is none. */
    private static String rawTerminal() {
        String saved = stty("-g");
        if (saved == null || saved.isBlank()) {
            return null;
        }
        return stty("raw", "-echo") == null ? null : saved.trim();
    }

    private static String stty(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectInput(Redirect.INHERIT).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
