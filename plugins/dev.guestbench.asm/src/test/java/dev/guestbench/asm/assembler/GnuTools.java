package dev.guestbench.asm.assembler;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Debian RISC-V cross toolchain, the oracle of the assembler tests. A missing tool fails
 * the test with the package to install; it never skips.
 */
final class GnuTools {
    static final Path CORPUS = Path.of("src", "test", "corpus");
    private static final String HINT = " not found: install binutils-riscv64-unknown-elf and gcc-riscv64-unknown-elf"
            + " (the guestbench script's TEST_PACKAGES)";

    private GnuTools() {
    }

    /** A fresh directory under target/. */
    static Path workDirectory(String name) throws IOException {
        Path dir = Path.of("target", "asm-tests", name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    /** Assembles (gcc for .S so that cpp runs) and links at 0x80000000; returns the executable. */
    static Path gnuBuild(List<Path> sources, Path dir, boolean relax) {
        return gnuBuild(sources, dir, relax, null);
    }

    /** As {@link #gnuBuild(List, Path, boolean)}, linking with a linker script if one is given. */
    static Path gnuBuild(List<Path> sources, Path dir, boolean relax, Path script) {
        List<String> objects = new ArrayList<>();
        int i = 0;
        for (Path src : sources) {
            Path obj = dir.resolve("gnu" + (i++) + ".o");
            List<String> cmd = new ArrayList<>();
            if (src.toString().endsWith(".S")) {
                cmd.addAll(List.of("riscv64-unknown-elf-gcc", "-c", "-march=rv64gc", "-mabi=lp64d", "-I" + CORPUS,
                        "-Wa,-I" + CORPUS));
                if (!relax) {
                    cmd.add("-mno-relax");
                }
            } else {
                cmd.addAll(List.of("riscv64-unknown-elf-as", "-march=rv64gc", "-mabi=lp64d", "-I", CORPUS.toString()));
                if (!relax) {
                    cmd.add("-mno-relax");
                }
            }
            cmd.addAll(List.of(src.toString(), "-o", obj.toString()));
            run(cmd);
            objects.add(obj.toString());
        }
        Path elf = dir.resolve("gnu.elf");
        List<String> ld = new ArrayList<>(List.of("riscv64-unknown-elf-ld", "--no-warn-rwx-segments"));
        ld.addAll(script == null ? List.of("-Ttext=0x80000000") : List.of("-T", script.toString()));
        ld.addAll(objects);
        ld.addAll(List.of("-o", elf.toString()));
        run(ld);
        return elf;
    }

    /** objcopy -O binary of an executable. */
    static byte[] binary(Path elf) throws IOException {
        Path bin = elf.resolveSibling(elf.getFileName() + ".bin");
        run(List.of("riscv64-unknown-elf-objcopy", "-O", "binary", elf.toString(), bin.toString()));
        return Files.readAllBytes(bin);
    }

    /** objdump -d of an executable. */
    static String objdump(Path elf) {
        return run(List.of("riscv64-unknown-elf-objdump", "-d", elf.toString()));
    }

    /** Runs a command and returns its standard output; fails the test if it fails. */
    static String run(List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            fail(command.get(0) + HINT);
            return null;
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish");
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + err.strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            fail("could not run " + String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        return null;
    }

    /** Reads sources into SourceFiles. */
    static List<SourceFile> sources(List<Path> paths) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        for (Path p : paths) {
            out.add(new SourceFile(p.toString(), Files.readString(p)));
        }
        return out;
    }
}
