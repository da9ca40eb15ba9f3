package dev.guestbench.vmm.boot;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Debian tools the device tree tests use as oracles (dtc, qemu-system-riscv64). A missing tool fails
 * the test with the package to install; it never skips.
 */
final class DeviceTreeOracle {

    /** Where the tests may write: under the bundle's target folder, which the build owns. */
    static final Path SCRATCH = Path.of("target", "devicetree-test");

    /** What a finished command left behind. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private DeviceTreeOracle() {
    }

    /** The executable {@code command} on PATH, or a failed test naming {@code debianPackage}. */
    static Path require(String command, String debianPackage) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail(command + " is not on PATH: install the Debian package " + debianPackage
                + " (apt-get install " + debianPackage + ")");
    }

    /** Runs {@code command} to completion (at most a minute) and returns its exit code and output. */
    static Result run(List<String> command) {
        try {
            Files.createDirectories(SCRATCH);
            Path out = Files.createTempFile(SCRATCH, "out", ".txt");
            Path err = Files.createTempFile(SCRATCH, "err", ".txt");
            try {
                Process p = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return fail(String.join(" ", command) + " did not finish within 60 s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return fail("cannot run " + String.join(" ", command) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + command.get(0));
        }
    }

    /** A decompiled blob: the dts text and dtc's warnings, each without the leading file name. */
    record Decompiled(String dts, List<String> warnings) {
    }

    /** {@code dtc -I dtb -O dts} of {@code dtb}; fails the test if dtc reports an error. */
    static Decompiled decompile(Path dtb) {
        Path dtc = require("dtc", "device-tree-compiler");
        Path dts = dtb.resolveSibling(dtb.getFileName() + ".dts");
        Result r = run(List.of(dtc.toString(), "-I", "dtb", "-O", "dts", "-o", dts.toString(), dtb.toString()));
        if (r.exitCode() != 0 || r.stderr().contains("ERROR")) {
            fail("dtc rejects " + dtb + " (exit " + r.exitCode() + "):\n" + r.stderr());
        }
        List<String> warnings = new ArrayList<>();
        for (String line : r.stderr().split("\n")) {
            if (!line.isBlank()) {
                // "FILE: Warning (check): /path: text" -> "Warning (check): /path: text"
                int at = line.indexOf(": ");
                warnings.add(at >= 0 && line.startsWith(dts.toString()) ? line.substring(at + 2) : line);
            }
        }
        try {
            return new Decompiled(Files.readString(dts, StandardCharsets.UTF_8), warnings);
        } catch (IOException e) {
            return fail("cannot read " + dts + ": " + e);
        }
    }

    /**
     * QEMU's own device tree for {@code virt} with {@code harts} harts and {@code megabytes} of RAM, dumped to
     * {@code name}.dtb in the scratch folder; {@code extra} are further QEMU arguments.
     */
    static Path qemuDtb(String name, int harts, int megabytes, List<String> extra) {
        Path qemu = require("qemu-system-riscv64", "qemu-system-misc");
        Path dtb = SCRATCH.resolve(name + ".dtb");
        List<String> command = new ArrayList<>(List.of(qemu.toString(), "-machine", "virt,dumpdtb=" + dtb,
                "-m", megabytes + "M", "-smp", Integer.toString(harts), "-display", "none", "-serial", "none",
                "-monitor", "none", "-nodefaults"));
        command.addAll(extra);
        try {
            Files.createDirectories(SCRATCH);
            Files.deleteIfExists(dtb);
        } catch (IOException e) {
            return fail("cannot prepare " + dtb + ": " + e);
        }
        Result r = run(command);
        if (r.exitCode() != 0 || !Files.isRegularFile(dtb)) {
            fail("QEMU did not dump its device tree (exit " + r.exitCode() + "):\n" + r.stderr());
        }
        return dtb;
    }

    /** Writes {@code bytes} to {@code name} in the scratch folder. */
    static Path scratchFile(String name, byte[] bytes) {
        try {
            Files.createDirectories(SCRATCH);
            return Files.write(SCRATCH.resolve(name), bytes);
        } catch (IOException e) {
            return fail("cannot write " + name + ": " + e);
        }
    }
}
