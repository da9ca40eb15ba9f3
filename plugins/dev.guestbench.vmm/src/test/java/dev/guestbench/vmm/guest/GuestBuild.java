package dev.guestbench.vmm.guest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/*
 * Compiles guest programs at test time with Debian's RISC-V cross toolchain into {@code target/guest}:
 * nothing is reused from an earlier build (the directory is emptied when the first program of a test
 * run is built); within one run each program is compiled once.
 */
/** Compiles guest programs at test time with Debian's RISC-V cross toolchain into {@code target/guest}. */
public final class GuestBuild {

    /** The compiler, from the Debian package gcc-riscv64-unknown-elf. */
    public static final String GCC = "riscv64-unknown-elf-gcc";
    /** binutils 2.40 wants Zicsr and Zifencei named in -march. */
    static final List<String> FLAGS = List.of("-march=rv64gc_zicsr_zifencei", "-mabi=lp64d", "-mcmodel=medany",
            "-nostdlib", "-static", "-ffreestanding", "-fno-pic", "-O2", "-Wall", "-Wl,--no-warn-rwx-segments");

    private static final Path OUT = Path.of("target", "guest").toAbsolutePath();
    private static final Map<String, Path> BUILT = new HashMap<>();
    private static boolean cleaned;

    private GuestBuild() {
    }

    /** Builds {@code program} (once per test run) and returns its ELF. */
    public static synchronized Path elf(GuestProgram program) {
        Path elf = BUILT.get(program.name());
        if (elf != null) {
            return elf;
        }
        requireCompiler();
        try {
            if (!cleaned) {
                deleteTree(OUT);
                cleaned = true;
            }
            Files.createDirectories(OUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path dir = GuestProgram.guestDir();
        Path rt = dir.resolve("rt");
        elf = OUT.resolve(program.name() + ".elf");
        List<String> cmd = new ArrayList<>();
        cmd.add(GCC);
        cmd.addAll(FLAGS);
        cmd.addAll(List.of("-I", rt.toString(), "-T", rt.resolve("link.ld").toString(),
                rt.resolve("crt0.S").toString(), rt.resolve("rt.c").toString()));
        if (program.usesPageTables()) {
            cmd.add(rt.resolve("pt.c").toString());
        }
        cmd.addAll(List.of(program.source().toString(), "-o", elf.toString()));
        Result r = exec(cmd, 120);
        if (r.status != 0 || !Files.isRegularFile(elf)) {
            fail("building guest program " + program.name() + " failed (status " + r.status + "):\n"
                    + String.join(" ", cmd) + "\n" + r.output);
        }
        BUILT.put(program.name(), elf);
        return elf;
    }

    /** Fails, naming the Debian package, when the cross compiler is not installed. */
    public static void requireCompiler() {
        requireTool(GCC, "gcc-riscv64-unknown-elf");
    }

    static void requireTool(String tool, String debianPackage) {
        Result r;
        try {
            r = exec(List.of(tool, "--version"), 30);
        } catch (UncheckedIOException e) {
            r = new Result(-1, e.getMessage());
        }
        if (r.status != 0) {
            fail(tool + " is not installed or does not run; install the Debian package " + debianPackage
                    + " (apt-get install " + debianPackage + ")\n" + r.output);
        }
    }

    private record Result(int status, String output) {
    }

    private static Result exec(List<String> cmd, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                    Path.of("/dev/null").toFile())).start();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = ("(reading the output failed: " + e + ")").getBytes(StandardCharsets.UTF_8);
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s");
            }
            reader.join(10_000);
            return new Result(p.exitValue(), out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
