package dev.guestbench.isa.disasm;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the GNU RISC-V binutils (the oracle of the disassembler tests). A missing toolchain fails the
 * test with a message saying what to install; it never skips.
 */
final class GnuToolchain {
    static final String MARCH = "-march=rv64gc_zicsr_zifencei";
    private static final String INSTALL_HINT =
            " not found: install the GNU RISC-V binutils 2.40 (Debian/Ubuntu: apt-get install binutils-riscv64-unknown-elf)";

    private GnuToolchain() {
    }

    /** A fresh working directory under target/ (the tests run in the bundle directory). */
    static Path workDirectory(String name) throws IOException {
        Path dir = Path.of("target", "isa-tests", name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    /** Copies a classpath resource (e.g. "/corpus/base_integer.S") to a file. */
    static Path copyResource(String resource, Path target) throws IOException {
        try (InputStream in = GnuToolchain.class.getResourceAsStream(resource)) {
            if (in == null) {
                fail("test resource " + resource + " is missing from the classpath");
            }
            Files.copy(in, target);
        }
        return target;
    }

    /** Reads a classpath resource as text. */
    static String readResource(String resource) throws IOException {
        try (InputStream in = GnuToolchain.class.getResourceAsStream(resource)) {
            if (in == null) {
                fail("test resource " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Assembles a source file into an object file. */
    static Path assemble(Path source, Path object, String... options) {
        List<String> cmd = new ArrayList<>(List.of("riscv64-unknown-elf-as"));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of(source.toString(), "-o", object.toString()));
        run(cmd);
        return object;
    }

    /** Links one object file at 0x80000000. */
    static Path link(Path object, Path executable) {
        run(List.of("riscv64-unknown-elf-ld", "-Ttext=0x80000000", object.toString(), "-o", executable.toString()));
        return executable;
    }

    /** The output of objdump -d (and -M no-aliases unless {@code aliases}). */
    static String objdump(Path file, boolean aliases) {
        List<String> cmd = new ArrayList<>(List.of("riscv64-unknown-elf-objdump", "-d"));
        if (!aliases) {
            cmd.addAll(List.of("-M", "no-aliases"));
        }
        cmd.add(file.toString());
        return run(cmd);
    }

    /** Fails if the toolchain is not installed, with the package to install. */
    static void require() {
        for (String tool : List.of("riscv64-unknown-elf-as", "riscv64-unknown-elf-ld", "riscv64-unknown-elf-objdump")) {
            run(List.of(tool, "--version"));
        }
    }

    private static String run(List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            fail(command.get(0) + INSTALL_HINT);
            return null;
        }
        try {
            byte[] outBytes = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish");
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + err.strip());
            }
            return new String(outBytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            fail("could not run " + String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while running " + command.get(0));
        }
        return null;
    }

    /**
     * Compares two listings line by line and returns null if equal, else a message with the first
     * differing line and its number.
     */
    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : "<end of output>";
            String y = i < a.length ? a[i] : "<end of output>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + " differs\n  objdump: " + visible(x) + "\n  ours:    " + visible(y);
            }
        }
        return null;
    }

    private static String visible(String s) {
        return s.replace("\t", "\\t");
    }
}
