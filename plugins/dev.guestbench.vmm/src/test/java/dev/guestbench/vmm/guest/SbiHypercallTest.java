package dev.guestbench.vmm.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.guestbench.vmm.GuestRun;

/**
 * The built-in SBI of direct boot against OpenSBI: an S-mode kernel written here (src/test/guest/sbi) calls
 * the base, TIME, IPI, RFENCE, HSM, SRST extensions and the legacy console on two harts, on QEMU over its
 * OpenSBI and on Guestbench with --bios builtin, and both must print the same lines. DBCN, which OpenSBI
 * 1.0 lacks, is checked on Guestbench alone, as is the trap history's record of each hypercall.
 */
class SbiHypercallTest {

    private static final Path SOURCES = Path.of("src", "test", "guest", "sbi");
    private static final Path OUT = Path.of("target", "guest-sbi");

    @Test
    void theBuiltInSbiAnswersAsOpenSbiDoes() throws Exception {
        Path elf = build();
        List<String> qemu = section(runQemu(elf));
        Path trace = OUT.resolve("sbi-traps.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GuestRun.run(List.of("--bios", "builtin", "--smp", "2", "--kernel", elf.toString(), "--max-insns",
                "200000000", "--trace-traps", trace.toString()), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String ours = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, "SBI shutdown ends the run with status 0:\n" + ours + err);
        List<String> guestbench = section(ours);
        List<String> withoutDbcn = guestbench.stream().filter(l -> !l.startsWith("dbcn:")).toList();
        assertEquals(String.join("\n", qemu), String.join("\n", withoutDbcn));

        assertTrue(guestbench.contains("dbcn: console_write of a buffer"), ours);
        assertTrue(guestbench.contains("dbcn: console_write returned 0 and 32"), ours);
        assertTrue(guestbench.contains("dbcn: console_write_byte, byte by byte"), ours);
        assertTrue(guestbench.contains("dbcn: console_write with an address above 4 GiB, error: -3"), ours);

        String csv = Files.readString(trace);
        assertTrue(csv.contains(",ecall,ecall_from_s,S,"), "ecalls from S-mode are recorded");
        assertTrue(csv.contains(",hypercall,0x54494d4500000000,"), "set_timer is recorded as a TIME hypercall");
        assertTrue(csv.contains(",hypercall,0x48534d00000000,"), "hart_start is recorded as an HSM hypercall");
        assertTrue(csv.contains(",interrupt,supervisor_timer_interrupt,"), "the timer interrupt is recorded");
    }

    /** The lines between the test's begin and end markers. */
    private static List<String> section(String output) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String l : output.replace("\r", "").split("\n")) {
            if (l.equals("sbi test begin")) {
                in = true;
            }
            if (in) {
                lines.add(l);
            }
            if (l.equals("sbi test end")) {
                break;
            }
        }
        assertTrue(!lines.isEmpty() && lines.get(lines.size() - 1).equals("sbi test end"),
                "the kernel did not finish:\n" + output);
        return lines;
    }

    private static Path build() throws IOException, InterruptedException {
        GuestBuild.requireCompiler();
        Files.createDirectories(OUT);
        Path elf = OUT.resolve("sbi.elf");
        List<String> cmd = new ArrayList<>(List.of(GuestBuild.GCC));
        cmd.addAll(GuestBuild.FLAGS);
        cmd.addAll(List.of("-T", SOURCES.resolve("link.ld").toString(), SOURCES.resolve("start.S").toString(),
                SOURCES.resolve("sbi.c").toString(), "-o", elf.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("building the SBI test kernel failed:\n" + String.join(" ", cmd) + "\n" + log);
        }
        return elf;
    }

    /** QEMU with its default firmware (OpenSBI fw_dynamic) loading the kernel at its ELF addresses. */
    private static String runQemu(Path elf) throws IOException, InterruptedException {
        GuestBuild.requireTool("qemu-system-riscv64", "qemu-system-misc");
        Path log = OUT.resolve("qemu.out");
        Process p = new ProcessBuilder("qemu-system-riscv64", "-machine", "virt", "-nographic", "-smp", "2",
                "-kernel", elf.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("QEMU did not finish the SBI test kernel:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), "QEMU's run of the SBI test kernel failed:\n" + output);
        return output;
    }
}
