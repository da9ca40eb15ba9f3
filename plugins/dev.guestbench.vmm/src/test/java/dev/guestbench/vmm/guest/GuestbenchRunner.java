package dev.guestbench.vmm.guest;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.guestbench.vmm.GuestRun;

/*
 * Runs a guest through GuestRun.run, the entry point of {@code guestbench run}, exactly as a user's
 * command line would, capturing the UART output; a Java exception escaping it, or a run that outlives its
 * wall-clock limit, is a test failure.
 */
/** Runs a guest through {@link GuestRun#run} as the command line would and captures its UART output. */
public final class GuestbenchRunner {

    /** Instructions a differential program may take: generous, the largest needs some tens of millions. */
    public static final long MAX_INSNS = 500_000_000L;

    private GuestbenchRunner() {
    }

    /** The arguments that boot {@code elf} bare-metal in M-mode, as QEMU's -bios none -kernel does. */
    public static List<String> kernelArgs(GuestProgram program, Path elf, String... more) {
        List<String> args = new ArrayList<>(List.of("--bios", "none", "--kernel", elf.toString()));
        if (program.harts() != 1) {
            args.addAll(List.of("--smp", Integer.toString(program.harts())));
        }
        args.addAll(List.of("--max-insns", Long.toString(MAX_INSNS)));
        args.addAll(List.of(more));
        return args;
    }

    /** Runs in the calling thread; a Throwable from GuestRun is rethrown as an AssertionError naming the args. */
    public static GuestOutput runHere(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = GuestRun.run(args, InputStream.nullInputStream(), o, e);
        } catch (Throwable t) {
            throw new AssertionError("a Java exception escaped GuestRun.run(" + args + "): " + t, t);
        }
        return new GuestOutput(status, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs on a thread of its own and fails when the run takes longer than {@code timeout}. */
    public static GuestOutput run(List<String> args, Duration timeout) {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "guestbench-run");
            t.setDaemon(true); // a hung guest must not keep the test JVM alive
            return t;
        });
        try {
            Future<GuestOutput> f = ex.submit(() -> runHere(args));
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("GuestRun.run(" + args + ") did not return in " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            ex.shutdownNow();
        }
    }
}
