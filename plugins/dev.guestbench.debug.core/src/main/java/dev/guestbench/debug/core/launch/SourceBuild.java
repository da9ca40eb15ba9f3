package dev.guestbench.debug.core.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

import dev.guestbench.debug.core.GuestDebug;

/**
 * Assembles a kernel's assembly source into an ELF with a DWARF line table before a launch. Until
 * Guestbench's own assembler is in the build this runs GNU as and ld from Debian's
 * binutils-riscv64-unknown-elf; it is the one place to switch over.
 */
public final class SourceBuild {

    /** Where the kernel is linked: 0x80200000 after built-in SBI or firmware, 0x80000000 with none. */
    public static long linkAddress(String firmware) {
        return GuestLaunch.FIRMWARE_NONE.equals(firmware) ? 0x8000_0000L : 0x8020_0000L;
    }

    private SourceBuild() {
    }

    /** Assembles {@code source} into {@code elf}, linked at {@code address}; errors name the file and line. */
    public static void assemble(Path source, Path elf, long address, IProgressMonitor monitor) throws CoreException {
        try {
            Files.createDirectories(elf.getParent());
            Path object = elf.resolveSibling(elf.getFileName() + ".o");
            run(List.of("riscv64-unknown-elf-as", "-g", "-march=rv64gc_zicsr_zifencei", "-o", object.toString(),
                    source.toString()), source.getParent(), monitor);
            run(List.of("riscv64-unknown-elf-ld", "-Ttext=0x" + Long.toHexString(address), "-e", "_start",
                    "--no-warn-rwx-segments", "-o", elf.toString(), object.toString()), source.getParent(), monitor);
            Files.deleteIfExists(object);
        } catch (IOException e) {
            throw GuestDebug.error("cannot assemble " + source + ": " + e.getMessage(), e);
        }
    }

    private static void run(List<String> command, Path dir, IProgressMonitor monitor) throws CoreException, IOException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw GuestDebug.error(command.get(0) + " is needed to assemble kernels until Guestbench's assembler is"
                    + " built in: install the Debian package binutils-riscv64-unknown-elf", e);
        }
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        }, "guestbench-assembler-output");
        reader.setDaemon(true);
        reader.start();
        try {
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (monitor != null && monitor.isCanceled()) {
                    p.destroyForcibly();
                    throw GuestDebug.error("assembling was cancelled", null);
                }
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw GuestDebug.error("assembling was interrupted", e);
        }
        if (p.exitValue() != 0) {
            String text = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8).trim();
            throw GuestDebug.error(text.isEmpty() ? String.join(" ", command) + " failed" : text, null);
        }
    }
}
