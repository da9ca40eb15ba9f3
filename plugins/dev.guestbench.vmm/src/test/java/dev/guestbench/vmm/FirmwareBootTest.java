package dev.guestbench.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.guestbench.vmm.memory.PagingMode;

/**
 * Real firmware from Debian boots on the hypervisor: OpenSBI to its banner and platform summary (1 and 4
 * harts), and U-Boot to its prompt, answering a command typed on the console, in the three ways it can run
 * (S-mode over OpenSBI, S-mode over the built-in SBI, M-mode as the firmware itself). Each of these boots
 * runs in both paging modes ({@code --paging shadow} and {@code --paging nested}).
 */
class FirmwareBootTest {

    private static final Path FW_JUMP = Path.of("/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf");
    private static final Path UBOOT_SMODE = Path.of("/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin");
    private static final Path UBOOT_MMODE = Path.of("/usr/lib/u-boot/qemu-riscv64/u-boot.bin");
    /** Generous: U-Boot waits out a 2-second autoboot delay in virtual time before its prompt. */
    private static final String LIMIT = "20000000000";
    private static final int CTRL_A = 1;

    private static Path need(Path file, String debianPackage) {
        if (!Files.isRegularFile(file)) {
            fail(file + " is missing: install Debian's " + debianPackage);
        }
        return file;
    }

    @ParameterizedTest(name = "--paging {0}")
    @EnumSource(PagingMode.class)
    void openSbiBootsToItsPlatformSummaryOnOneHart(PagingMode paging) {
        String out = runUntil(paging(paging, "--bios", need(FW_JUMP, "opensbi").toString(), "--max-insns", "30000000"), null);
        assertTrue(out.contains("OpenSBI v"), out);
        assertTrue(out.contains("Platform Name             : riscv-virtio,qemu"), out);
        assertTrue(out.contains("Platform HART Count       : 1"), out);
        assertTrue(out.contains("Platform Console Device   : uart8250"), out);
        assertTrue(out.contains("Platform Timer Device     : aclint-mtimer @ 10000000Hz"), out);
        assertTrue(out.contains("Boot HART Base ISA        : rv64imafdc"), out);
        assertTrue(out.contains("Boot HART PMP Count       : 16"), out);
        assertTrue(out.contains("Domain0 Next Address      : 0x0000000080200000"), out);
    }

    @ParameterizedTest(name = "--paging {0}")
    @EnumSource(PagingMode.class)
    void openSbiBringsUpFourHarts(PagingMode paging) {
        String out = runUntil(paging(paging, "--bios", need(FW_JUMP, "opensbi").toString(), "--smp", "4", "--max-insns",
                "60000000"), null);
        assertTrue(out.contains("Platform HART Count       : 4"), out);
        assertTrue(out.contains("Domain0 HARTs             : 0*,1*,2*,3*"), out);
        assertTrue(out.contains("Boot HART MEDELEG"), out);
    }

    @ParameterizedTest(name = "--paging {0}")
    @EnumSource(PagingMode.class)
    void uBootInSupervisorModeOverOpenSbiAnswersAtItsPrompt(PagingMode paging) {
        String out = runUntil(paging(paging, "--bios", need(FW_JUMP, "opensbi").toString(), "--kernel",
                need(UBOOT_SMODE, "u-boot-qemu").toString(), "--max-insns", LIMIT), "version");
        assertTrue(out.contains("OpenSBI v"), out);
        assertVersionAnswered(out);
    }

    @ParameterizedTest(name = "--paging {0}")
    @EnumSource(PagingMode.class)
    void uBootInSupervisorModeOverTheBuiltInSbiAnswersAtItsPrompt(PagingMode paging) {
        String out = runUntil(paging(paging, "--bios", "builtin", "--kernel", need(UBOOT_SMODE, "u-boot-qemu").toString(),
                "--max-insns", LIMIT), "version");
        assertTrue(!out.contains("OpenSBI"), "no firmware runs in the guest in direct boot");
        assertVersionAnswered(out);
    }

    @ParameterizedTest(name = "--paging {0}")
    @EnumSource(PagingMode.class)
    void uBootAsMachineModeFirmwareAnswersAtItsPrompt(PagingMode paging) {
        String out = runUntil(paging(paging, "--bios", need(UBOOT_MMODE, "u-boot-qemu").toString(), "--max-insns", LIMIT),
                "version");
        assertVersionAnswered(out);
    }

    @Test
    void fwDynamicFindsTheKernelThroughTheInformationBlockInA2() throws Exception {
        Path fwDynamic = need(Path.of("/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.elf"), "opensbi");
        Path kernel = assemble("hello", Files.readString(Path.of("../../examples/hello/hello.S")), "0x80200000");
        String out = runUntil(List.of("--bios", fwDynamic.toString(), "--kernel", kernel.toString()), null, 0);
        assertTrue(out.contains("Domain0 Next Address      : 0x0000000080200000"), out);
        assertTrue(out.contains("Hello from a Guestbench guest kernel!"), out);
    }

    @Test
    void theInitrdLiesWhereQemuPutsItAndA1HoldsTheDeviceTree() throws Exception {
        // A bare-metal kernel at 0x80000000 with 128 MiB: the initrd goes 64 MiB above the kernel's entry.
        // The kernel prints the initrd's first bytes and the device tree's magic, then passes.
        Path kernel = assemble("initrd", """
                    .globl _start
                _start:
                    li      t0, 0x84000000
                    ld      s0, 0(t0)
                    lwu     s1, 0(a1)           # the device tree's magic, big-endian d00dfeed
                    li      t1, 0x10000000
                    li      t2, 16
                1:  andi    a0, s0, 0xff        # 16 bytes of output: 8 from the initrd, 8 nibbles of magic
                    addi    t3, t2, -8
                    bgtz    t3, 2f
                    andi    a0, s1, 0xf
                    addi    a0, a0, 'a'
                    srli    s1, s1, 4
                    j       3f
                2:  srli    s0, s0, 8
                3:  sb      a0, 0(t1)
                    addi    t2, t2, -1
                    bnez    t2, 1b
                    li      t0, 0x100000
                    li      t1, 0x5555
                    sw      t1, 0(t0)
                4:  j       4b
                """, "0x80000000");
        Path initrd = Files.createDirectories(Path.of("target", "firmware-boot")).resolve("initrd.img");
        Files.writeString(initrd, "INITRD!!and more");
        String out = runUntil(List.of("--bios", "none", "--kernel", kernel.toString(), "--initrd", initrd.toString()),
                null, 0);
        // The magic's bytes d0 0d fe ed read little-endian are 0xedfe0dd0; its nibbles from the low end,
        // 0 d d 0 e f d e, print as the letters a + nibble.
        assertEquals("INITRD!!annaopno", out);
    }

    /** {@code args} with {@code --paging mode} in front. */
    private static List<String> paging(PagingMode mode, String... args) {
        List<String> all = new ArrayList<>(List.of("--paging", mode.optionName()));
        all.addAll(List.of(args));
        return all;
    }

    /** Assembles and links a guest with the Debian cross toolchain. */
    private static Path assemble(String name, String source, String base) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "firmware-boot"));
        Path src = dir.resolve(name + ".S");
        Files.writeString(src, source);
        exec("riscv64-unknown-elf-as", "-march=rv64gc_zicsr_zifencei", "-o", dir.resolve(name + ".o").toString(),
                src.toString());
        exec("riscv64-unknown-elf-ld", "-N", "-Ttext=" + base, "-o", dir.resolve(name + ".elf").toString(),
                dir.resolve(name + ".o").toString());
        return dir.resolve(name + ".elf");
    }

    private static void exec(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing: install Debian's binutils-riscv64-unknown-elf", e);
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ":\n" + log);
    }

    private static void assertVersionAnswered(String out) {
        int prompt = out.indexOf("=> ");
        assertTrue(prompt >= 0, "no U-Boot prompt in:\n" + out);
        String after = out.substring(prompt);
        assertTrue(after.contains("U-Boot 20"), "U-Boot did not print its version after 'version':\n" + after);
        assertTrue(after.indexOf("=> ", 3) > 0, "no second prompt after the command:\n" + after);
        assertTrue(out.contains("CPU:   rv64imafdc_zicsr_zifencei"), out);
    }

    /**
     * Runs a guest; when {@code command} is given, types it at the first U-Boot prompt and stops the machine
     * with Ctrl-A X once the next prompt appears. Returns the console output.
     */
    private static String runUntil(List<String> args, String command) {
        return runUntil(args, command, command == null ? 124 : 0);
    }

    private static String runUntil(List<String> args, String command, int expectedStatus) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PromptWatcher out = new PromptWatcher(command);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> GuestRun.run(args, out.input(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        int status;
        try {
            status = run.get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            fail("the guest did not finish: " + e + "\n" + out.text() + "\n" + err.toString(StandardCharsets.UTF_8));
            return "";
        }
        String text = out.text();
        assertEquals(expectedStatus, status, "exit status:\n" + text + err);
        return text;
    }

    /** The console's output side: it answers the U-Boot prompt and ends the run, like a person at a terminal. */
    private static final class PromptWatcher extends OutputStream {
        private final StringBuilder text = new StringBuilder();
        private final String command;
        private final PipedOutputStream keys = new PipedOutputStream();
        private final PipedInputStream input;
        private final List<String> sent = new ArrayList<>();

        PromptWatcher(String command) {
            this.command = command;
            try {
                this.input = new PipedInputStream(keys, 256);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        InputStream input() {
            return command == null ? InputStream.nullInputStream() : input;
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public synchronized void write(int b) {
            text.append((char) (b & 0xff));
            if (command == null || !endsWithPrompt()) {
                return;
            }
            try {
                if (sent.isEmpty()) {
                    type(command + "\n");
                } else if (sent.size() == 1) {
                    type(new String(new char[] { CTRL_A, 'x' }));
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        private boolean endsWithPrompt() {
            int n = text.length();
            return n >= 3 && text.charAt(n - 3) == '=' && text.charAt(n - 2) == '>' && text.charAt(n - 1) == ' ';
        }

        private void type(String keysToSend) throws IOException {
            sent.add(keysToSend);
            keys.write(keysToSend.getBytes(StandardCharsets.US_ASCII));
            keys.flush();
        }
    }
}
