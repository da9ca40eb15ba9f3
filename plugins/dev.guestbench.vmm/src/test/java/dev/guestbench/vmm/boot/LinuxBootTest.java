package dev.guestbench.vmm.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.guestbench.vmm.RunResult;
import dev.guestbench.vmm.Vm;
import dev.guestbench.vmm.VmConfig;
import dev.guestbench.vmm.device.ConsoleIo;
import dev.guestbench.vmm.exit.TrapHistory;
import dev.guestbench.vmm.exit.TrapRecord;
import dev.guestbench.vmm.memory.HostMemory;
import dev.guestbench.vmm.memory.PagingMode;

/**
 * Linux 6.1, built from Debian's linux-source with a small config and a built-in initramfs whose /init
 * prints a line and powers off, boots over Debian's OpenSBI to /init and powers off through SBI system
 * reset: on QEMU (the oracle) and on Guestbench in both paging modes, on one hart and on two; and on
 * Guestbench's built-in SBI.
 */
class LinuxBootTest {

    private static final Path FW_JUMP_BIN = Path.of("/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin");
    private static final Path FW_JUMP_ELF = Path.of("/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf");
    private static final String APPEND = "console=ttyS0 earlycon=sbi";
    private static final String INIT_LINE = "guestbench: init reached";
    /** Printed by the kernel right before it asks the firmware to power off (a reboot prints "Restarting"). */
    private static final String POWER_DOWN = "reboot: Power down";
    /** The firmware offers SRST, so the kernel powers off through it rather than the legacy SBI call. */
    private static final String SRST = "SBI SRST extension detected";
    /** Loose: the boot to power-off takes 21 (one hart) to 31 (two harts) million instructions. */
    private static final long MAX_INSTRUCTIONS = 200_000_000L;
    /** satp.MODE of Sv48: the widest mode Guestbench has, which the kernel's probe must settle on. */
    private static final long SATP_SV48 = 9;
    private static final long RUN_MINUTES = 10;

    private static LinuxTestKernel kernel;

    @BeforeAll
    static void buildKernel() {
        need(FW_JUMP_BIN, "opensbi");
        need(FW_JUMP_ELF, "opensbi");
        kernel = LinuxTestKernel.get();
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2 })
    void qemuBootsTheKernelToInitAndPowersOff(int harts) throws Exception {
        List<String> cmd = List.of("qemu-system-riscv64", "-machine", "virt", "-m", "128M", "-smp",
                Integer.toString(harts), "-bios", FW_JUMP_BIN.toString(), "-kernel", kernel.image().toString(),
                "-append", APPEND, "-nographic", "-no-reboot");
        Path out = Path.of("target", "linux-boot", "qemu-smp" + harts + ".out");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        } catch (IOException e) {
            throw new AssertionError("qemu-system-riscv64 does not run: install Debian's qemu-system-misc", e);
        }
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("QEMU did not power off in 2 minutes:\n" + tail(Files.readString(out), 30));
        }
        String console = Files.readString(out, StandardCharsets.ISO_8859_1);
        assertBootedToInitAndPoweredOff(console, harts, "QEMU");
        assertEquals(0, p.exitValue(), "QEMU's exit status:\n" + tail(console, 30));
    }

    @ParameterizedTest
    @EnumSource(PagingMode.class)
    void guestbenchBootsTheKernelOverOpenSbiToInitAndPowersOff(PagingMode paging) throws Exception {
        boot(new BootSpec(BootSpec.Firmware.IMAGE, image(FW_JUMP_ELF), image(kernel.image()), null, null, APPEND),
                paging, 1, "opensbi-" + paging.optionName());
    }

    @ParameterizedTest
    @EnumSource(PagingMode.class)
    void guestbenchBootsTheKernelOnTwoHartsOverOpenSbi(PagingMode paging) throws Exception {
        // The second hart comes up through SBI HSM; IPIs and remote fences go through OpenSBI and the CLINT.
        boot(new BootSpec(BootSpec.Firmware.IMAGE, image(FW_JUMP_ELF), image(kernel.image()), null, null, APPEND),
                paging, 2, "opensbi-smp2-" + paging.optionName());
    }

    @Test
    void guestbenchBootsTheKernelOverTheBuiltInSbiToInitAndPowersOff() throws Exception {
        // Direct boot, as KVM runs a kernel: the hypervisor answers the SBI calls, SRST among them.
        boot(new BootSpec(BootSpec.Firmware.BUILTIN, null, image(kernel.image()), null, null, APPEND),
                PagingMode.SHADOW, 1, "builtin-shadow");
    }

    private static void boot(BootSpec boot, PagingMode paging, int harts, String name) throws Exception {
        VmConfig config = VmConfig.of(VmConfig.DEFAULT_MEMORY, harts).withPaging(paging);
        InitWatch console = new InitWatch();
        Vm vm = new Vm(config, boot, console, new HostMemory(config.memoryBytes()), () -> false);
        console.vm = vm;
        console.start = System.nanoTime();
        RunResult result = runWithTimeout(vm);
        String text = console.text();
        Files.writeString(Path.of("target", "linux-boot", name + ".out"), text, StandardCharsets.ISO_8859_1);
        try (Writer w = Files.newBufferedWriter(Path.of("target", "linux-boot", name + "-traps.csv"))) {
            vm.trapHistory().writeCsv(w);
        }
        String why = result.ending() + " after " + result.instructions() + " instructions\n--- console:\n"
                + tail(text, 40) + "\n--- last exits and traps:\n" + lastTraps(vm.trapHistory(), 40);
        assertBootedToInitAndPoweredOff(text, harts, "Guestbench " + name + ": " + why);
        assertEquals(RunResult.Ending.PASSED, result.ending(), why);
        assertEquals(0, result.exitStatus(), why);
        // The kernel wrote Sv57 to satp first: that must have left satp unchanged, so it went on to Sv48.
        for (int h = 0; h < harts; h++) {
            assertEquals(SATP_SV48, vm.vcpus().get(h).state.satp >>> 60, "satp.MODE hart " + h + " runs with: " + why);
        }
        System.out.printf(Locale.ROOT, "LinuxBootTest: %s: /init after %d instructions, %.2f s;"
                + " power-off after %d instructions, %.2f s (%.1f MIPS), %d exits%n", name, console.initInstructions,
                console.initNanos / 1e9, result.instructions(), result.hostNanos() / 1e9, result.mips(),
                vm.trapHistory().total());
        vm.release();
    }

    /** The UART's other end: keeps the text and notes the instruction count and time when /init's line is out. */
    private static final class InitWatch implements ConsoleIo {
        private final StringBuilder text = new StringBuilder();
        volatile Vm vm;
        volatile long start;
        volatile long initInstructions = -1;
        volatile long initNanos = -1;

        @Override
        public synchronized void write(int b) {
            text.append((char) (b & 0xff));
            // The tty turns /init's "\n" into "\r\n".
            if (b == '\n' && initInstructions < 0
                    && text.indexOf(INIT_LINE, text.length() - INIT_LINE.length() - 2) >= 0) {
                initNanos = System.nanoTime() - start;
                initInstructions = vm.vcpus().stream().mapToLong(c -> c.state.retired).sum();
            }
        }

        @Override
        public int read() {
            return -1;
        }

        synchronized String text() {
            return text.toString();
        }
    }

    private static void assertBootedToInitAndPoweredOff(String console, int harts, String who) {
        assertTrue(console.contains("Linux version 6."), who + ": no kernel banner:\n" + tail(console, 30));
        String up = "smp: Brought up 1 node, " + harts + (harts == 1 ? " CPU" : " CPUs");
        assertTrue(console.contains(up), who + ": no '" + up + "':\n" + tail(console, 30));
        assertTrue(console.contains(SRST), who + ": the kernel did not find SBI SRST:\n" + tail(console, 30));
        int init = console.indexOf(INIT_LINE);
        assertTrue(init >= 0, who + ": /init was not reached:\n" + tail(console, 30));
        assertTrue(console.indexOf(POWER_DOWN, init) > 0, who + ": no power-off after /init:\n" + tail(console, 30));
    }

    private static RunResult runWithTimeout(Vm vm) throws InterruptedException {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "linux-boot");
            t.setDaemon(true); // a hung guest must not keep the test JVM alive
            return t;
        });
        try {
            Future<RunResult> f = ex.submit(() -> vm.run(MAX_INSTRUCTIONS));
            return f.get(RUN_MINUTES, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            vm.stop();
            throw new AssertionError("the boot did not end in " + RUN_MINUTES + " minutes:\n"
                    + lastTraps(vm.trapHistory(), 40));
        } catch (ExecutionException e) {
            throw new AssertionError("a Java exception escaped Vm.run: " + e.getCause() + "\n"
                    + lastTraps(vm.trapHistory(), 40), e.getCause());
        } finally {
            ex.shutdownNow();
        }
    }

    /** The last exits and traps, S-mode pcs named by kernel function, to see where a failed boot went. */
    private static String lastTraps(TrapHistory history, int n) {
        StringBuilder b = new StringBuilder();
        for (int k = Math.max(0, history.size() - n); k < history.size(); k++) {
            TrapRecord r = history.get(k);
            String where = r.privilege() == 1 ? kernel.symbolize(r.pc()) : null;
            b.append(String.format(Locale.ROOT, "%d %s %s %s pc=%#x%s insn=%#x tval=%#x %s detail=%#x%n", r.seq(),
                    r.reason().label(), TrapRecord.causeName(r.cause()), TrapRecord.privName(r.privilege()), r.pc(),
                    where == null ? "" : " <" + where + ">", r.bits(), r.tval(), r.disposition().label(), r.detail()));
        }
        return b.toString();
    }

    private static BootSpec.Image image(Path file) {
        try {
            return new BootSpec.Image(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void need(Path file, String debianPackage) {
        if (!Files.isRegularFile(file)) {
            fail(file + " is missing: install Debian's " + debianPackage);
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
