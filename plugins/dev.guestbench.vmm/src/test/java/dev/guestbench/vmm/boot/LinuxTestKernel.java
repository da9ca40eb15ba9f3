package dev.guestbench.vmm.boot;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/*
 * The kernel is built by src/test/linux/build-linux.sh, which caches it under ~/.cache/guestbench/linux
 * (or $GUESTBENCH_LINUX_CACHE) keyed by a hash of its inputs: a local run reuses it, a fresh CI machine
 * builds it once. The script checks its tools and names the Debian package of anything missing.
 */
/** The test Linux kernel (Image, vmlinux, System.map), built from Debian's linux-source once per cache. */
final class LinuxTestKernel {

    /** The build script, relative to the bundle (surefire runs in the bundle's directory). */
    static final Path SCRIPT = Path.of("src", "test", "linux", "build-linux.sh");
    /** Generous: 2 minutes on 2 free cores, but the cores may be shared. */
    private static final long BUILD_MINUTES = 40;
    /** Where the kernel links itself ({@code PAGE_OFFSET} of the kernel mapping) and where it runs physically. */
    private static final long LINK_BASE = 0xffff_ffff_8000_0000L;
    private static final long LOAD_BASE = 0x8020_0000L;

    private static LinuxTestKernel built;

    private final Path dir;
    private final TreeMap<Long, String> symbols = new TreeMap<>(Long::compareUnsigned);

    private LinuxTestKernel(Path dir) {
        this.dir = dir;
    }

    /** Builds the kernel, or finds it in the cache; fails the test with the script's message if it cannot. */
    static synchronized LinuxTestKernel get() {
        if (built == null) {
            built = new LinuxTestKernel(runScript());
            built.readSymbols();
        }
        return built;
    }

    private static Path runScript() {
        Path log;
        try {
            Path target = Files.createDirectories(Path.of("target", "linux-boot"));
            log = target.resolve("build-linux.log");
            Path printed = target.resolve("build-linux.dir");
            Process p = new ProcessBuilder("bash", SCRIPT.toString()).redirectError(log.toFile())
                    .redirectOutput(printed.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail(SCRIPT + " did not finish in " + BUILD_MINUTES + " minutes");
            }
            String text = Files.readString(printed, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0 || text.isEmpty()) {
                fail(SCRIPT + " failed (status " + p.exitValue() + "):\n" + Files.readString(log));
            }
            Path dir = Path.of(text.lines().reduce((a, b) -> b).orElseThrow());
            if (!Files.isRegularFile(dir.resolve("Image"))) {
                fail(SCRIPT + " printed " + dir + ", which holds no Image");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void readSymbols() {
        try {
            for (String line : Files.readAllLines(dir.resolve("System.map"))) {
                String[] f = line.split(" ");
                if (f.length == 3 && "tTwW".indexOf(f[1].charAt(0)) >= 0) {
                    symbols.put(Long.parseUnsignedLong(f[0], 16), f[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw kernel image, as {@code -kernel} takes it. */
    Path image() {
        return dir.resolve("Image");
    }

    /** The directory holding the build's results and log. */
    Path dir() {
        return dir;
    }

    /**
     * The kernel function a pc lies in ("setup_vm+0x1c"), for a virtual pc or a physical one from before the
     * kernel turned on paging; null outside the kernel's text.
     */
    String symbolize(long pc) {
        long va = Long.compareUnsigned(pc, LINK_BASE) >= 0 ? pc : pc - LOAD_BASE + LINK_BASE;
        Map.Entry<Long, String> e = symbols.floorEntry(va);
        if (e == null || va - e.getKey() > 0x10000) {
            return null;
        }
        return e.getValue() + "+0x" + Long.toHexString(va - e.getKey());
    }
}
