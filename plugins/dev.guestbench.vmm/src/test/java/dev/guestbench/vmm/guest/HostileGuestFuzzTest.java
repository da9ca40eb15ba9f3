package dev.guestbench.vmm.guest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.guestbench.vmm.GuestRun;

/*
 * A hostile-guest fuzz test: at least 10,000 random firmware images per run (see
 * HostileProgramGenerator), each booted with {@code --bios FILE} and a short instruction limit.
 * Every run must return from {@code GuestRun.run} (the guest's own exit status, or 124 at the limit) with
 * no Java exception escaping and within a wall-clock limit; afterwards a known-good program must still run
 * exactly as on QEMU. A failure names the seed and the program index; rerun just that one with
 * {@code -Dguestbench.fuzz.seed=S -Dguestbench.fuzz.first=I -Dguestbench.fuzz.programs=1}.
 */
/** Hostile-guest fuzzing: thousands of random firmware images must neither break nor hang the hypervisor. */
class HostileGuestFuzzTest {

    static final int PROGRAMS = Integer.getInteger("guestbench.fuzz.programs", 10_000);
    static final int FIRST = Integer.getInteger("guestbench.fuzz.first", 0);
    static final long MAX_INSNS = 2_000;
    /** Wall-clock limit of one run: far above what 2,000 instructions can need. */
    static final long RUN_LIMIT_MS = 30_000;

    /** The seed of program {@code index} in a run with this base seed. */
    static long programSeed(long base, int index) {
        return base * 0x9E37_79B9_7F4A_7C15L + index;
    }

    @Test
    void hostileGuestsNeitherBreakNorHangTheHypervisor() throws Exception {
        long base = Long.getLong("guestbench.fuzz.seed", System.nanoTime());
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        Path dir = Path.of("target", "fuzz").toAbsolutePath();
        Files.createDirectories(dir);
        String reproduce = " (reproduce with -Dguestbench.fuzz.seed=" + base + " -Dguestbench.fuzz.first=%d"
                + " -Dguestbench.fuzz.programs=1)";

        AtomicInteger next = new AtomicInteger(FIRST);
        AtomicReference<String> failure = new AtomicReference<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicLong[] startedAt = new AtomicLong[threads];
        AtomicInteger[] current = new AtomicInteger[threads];
        Thread[] workers = new Thread[threads];
        long t0 = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            int me = w;
            startedAt[w] = new AtomicLong();
            current[w] = new AtomicInteger(-1);
            Path image = dir.resolve("worker-" + w + ".bin");
            workers[w] = new Thread(() -> {
                PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
                while (failure.get() == null) {
                    int index = next.getAndIncrement();
                    if (index >= FIRST + PROGRAMS) {
                        return;
                    }
                    byte[] program = new HostileProgramGenerator(programSeed(base, index)).generate();
                    try {
                        Files.write(image, program);
                    } catch (IOException e) {
                        failure.compareAndSet(null, "cannot write " + image + ": " + e);
                        return;
                    }
                    List<String> args = List.of("--bios", image.toString(), "-m", HostileProgramGenerator.RAM_ARG,
                            "--max-insns", Long.toString(MAX_INSNS));
                    current[me].set(index);
                    startedAt[me].set(System.nanoTime());
                    int status;
                    try {
                        status = GuestRun.run(args, InputStream.nullInputStream(), sink, sink);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, "program " + index + " of seed " + base + ": " + t
                                + " escaped GuestRun.run" + String.format(reproduce, index) + "\n" + stack(t));
                        return;
                    } finally {
                        startedAt[me].set(0);
                    }
                    if (status == 125) {
                        failure.compareAndSet(null, "program " + index + " of seed " + base + ": GuestRun rejected a"
                                + " bootable image (status 125)" + String.format(reproduce, index));
                        return;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    done.incrementAndGet();
                }
            }, "fuzz-" + w);
            workers[w].setDaemon(true); // a hung run must not keep the JVM alive after the failure
            workers[w].start();
        }
        // watch: every run must end
        while (failure.get() == null && anyAlive(workers)) {
            for (int w = 0; w < threads; w++) {
                long s = startedAt[w].get();
                if (s != 0 && (System.nanoTime() - s) / 1_000_000 > RUN_LIMIT_MS) {
                    int index = current[w].get();
                    failure.compareAndSet(null, "program " + index + " of seed " + base + " did not end within "
                            + RUN_LIMIT_MS / 1000 + " s (--max-insns " + MAX_INSNS + ")" + String.format(reproduce, index));
                }
            }
            Thread.sleep(50);
        }
        if (failure.get() != null) {
            fail(failure.get());
        }
        if (done.get() != PROGRAMS) {
            fail("only " + done.get() + " of " + PROGRAMS + " fuzz programs ran (seed " + base + ")");
        }
        System.out.printf("fuzz: %d programs (seed %d) in %.1f s on %d threads; exit statuses %s%n", PROGRAMS, base,
                (System.nanoTime() - t0) / 1e9, threads, new TreeMap<>(statuses));

        // the hypervisor is still usable: a known-good program runs exactly as on QEMU
        GuestDifferentialTest.check(GuestProgram.named("rv64m"));
    }

    private static boolean anyAlive(Thread[] threads) {
        for (Thread t : threads) {
            if (t.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private static String stack(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
