package dev.guestbench.vmm.guest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/*
 * Runs an ELF the way the issue defines the oracle, {@code qemu-system-riscv64 -machine virt -bios none
 * -nographic -kernel X.elf} (plus {@code -smp N} and the program's declared extra options), and captures
 * the UART output and the exit status the test finisher gave.
 */
/** Runs an ELF on QEMU's virt machine, the oracle, and captures its UART output and exit status. */
public final class QemuRunner {

    /** The emulator, from the Debian package qemu-system-misc. */
    public static final String QEMU = "qemu-system-riscv64";

    private QemuRunner() {
    }

    /** The command line for {@code program}. */
    public static List<String> command(GuestProgram program, Path elf) {
        List<String> cmd = new ArrayList<>(List.of(QEMU, "-machine", "virt", "-bios", "none", "-nographic"));
        if (program.harts() != 1) {
            cmd.addAll(List.of("-smp", Integer.toString(program.harts())));
        }
        cmd.addAll(program.qemuArgs());
        cmd.addAll(List.of("-kernel", elf.toString()));
        return cmd;
    }

    /** Runs {@code program} on QEMU; fails when QEMU is missing or the run outlives {@code timeout}. */
    public static GuestOutput run(GuestProgram program, Path elf, Duration timeout) {
        GuestBuild.requireTool(QEMU, "qemu-system-misc");
        List<String> cmd = command(program, elf);
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread o = pump(p.getInputStream(), out);
            Thread e = pump(p.getErrorStream(), err);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                o.join(5_000);
                fail("QEMU did not finish " + program.name() + " in " + timeout.toSeconds() + " s: " + String.join(" ", cmd)
                        + "\nlast output:\n" + new GuestOutput(-1, out.toString(StandardCharsets.ISO_8859_1), "").tail(10));
            }
            o.join(10_000);
            e.join(10_000);
            return new GuestOutput(p.exitValue(), out.toString(StandardCharsets.ISO_8859_1),
                    err.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(to);
            } catch (IOException ignored) {
                // the process went away; what was read so far is what we have
            }
        }, "qemu-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
