package dev.guestbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command line as a user meets it: usage, errors on bad input, and disasm against objdump. */
class MainTest {

    private static final Path WORK = Path.of("target", "cli-test");
    private static Path elf;

    /** Output of one command line. */
    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void buildAProgramWithTheGnuToolchain() throws Exception {
        Files.createDirectories(WORK);
        Path source = WORK.resolve("prog.S");
        Files.writeString(source, """
                    .globl _start
                _start:
                    li      a0, 0
                    addi    sp, sp, -16
                loop:
                    csrr    t0, mcause
                    beqz    t0, loop
                    call    done
                done:
                    ret
                """);
        Path object = WORK.resolve("prog.o");
        elf = WORK.resolve("prog.elf");
        exec("riscv64-unknown-elf-as", "-march=rv64gc_zicsr_zifencei", "-o", object.toString(), source.toString());
        exec("riscv64-unknown-elf-ld", "-Ttext=0x80000000", "-o", elf.toString(), object.toString());
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing: install Debian's binutils-riscv64-unknown-elf", e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command[0] + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    @Test
    void noArgumentsPrintsUsage() {
        Result r = run();
        assertEquals(Main.USAGE, r.status());
        assertTrue(r.err().startsWith("usage: guestbench <command>"), r.err());
        assertTrue(r.err().contains("disasm"), r.err());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Result r = run("frobnicate");
        assertEquals(Main.USAGE, r.status());
        assertEquals("guestbench: unknown command 'frobnicate' (commands: asm, disasm, run)\n", r.err());
    }

    @Test
    void disasmMatchesObjdump() throws Exception {
        Result r = run("disasm", elf.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(exec("riscv64-unknown-elf-objdump", "-d", elf.toString()), r.out());
        assertTrue(r.out().contains("<loop>"), r.out());
    }

    @Test
    void disasmWithoutAliasesMatchesObjdump() throws Exception {
        Result r = run("disasm", "-M", "no-aliases", elf.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(exec("riscv64-unknown-elf-objdump", "-d", "-M", "no-aliases", elf.toString()), r.out());
        assertTrue(r.out().contains("c.li"), r.out());
    }

    @Test
    void aMissingFileIsReportedInOneLine() {
        Result r = run("disasm", "target/no-such.elf");
        assertEquals(1, r.status());
        assertEquals("guestbench disasm: target/no-such.elf: no such file\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aFileThatIsNotElfIsReportedInOneLine() throws IOException {
        Path text = WORK.resolve("notes.txt");
        Files.writeString(text, "this is not an ELF file\n");
        Result r = run("disasm", text.toString());
        assertEquals(1, r.status());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("guestbench disasm: " + text + ": "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aTruncatedElfIsReportedNotThrown() throws IOException {
        Path cut = WORK.resolve("cut.elf");
        byte[] bytes = Files.readAllBytes(elf);
        Files.write(cut, java.util.Arrays.copyOf(bytes, 100));
        Result r = run("disasm", cut.toString());
        assertEquals(1, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    private static Path guest(String name, String source, String base) throws Exception {
        Path src = WORK.resolve(name + ".S");
        Files.writeString(src, source);
        Path object = WORK.resolve(name + ".o");
        Path out = WORK.resolve(name + ".elf");
        exec("riscv64-unknown-elf-as", "-march=rv64gc_zicsr_zifencei", "-o", object.toString(), src.toString());
        exec("riscv64-unknown-elf-ld", "-N", "-Ttext=" + base, "-o", out.toString(), object.toString());
        return out;
    }

    @Test
    void runBootsAKernelWithTheBuiltInSbi() throws Exception {
        Path kernel = guest("hello", """
                    .globl _start
                _start:
                    la   t0, msg
                1:  lbu  a0, 0(t0)
                    beqz a0, 2f
                    li   a7, 1          # legacy console_putchar
                    ecall
                    addi t0, t0, 1
                    j    1b
                2:  li   a7, 0x53525354 # SBI system reset: shutdown
                    li   a6, 0
                    li   a0, 0
                    li   a1, 0
                    ecall
                msg: .asciz "hello, hypervisor\\n"
                """, "0x80200000");
        Result r = run("run", "--kernel", kernel.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("hello, hypervisor\n", r.out());
    }

    @Test
    void runExitsWithTheFinishersFailureCode() throws Exception {
        Path kernel = guest("fail", """
                    .globl _start
                _start:
                    li   t0, 0x100000
                    li   t1, (7 << 16) | 0x3333
                    sw   t1, 0(t0)
                1:  j    1b
                """, "0x80000000");
        Result r = run("run", "--bios", "none", "--kernel", kernel.toString());
        assertEquals(7, r.status(), r.err());
    }

    @Test
    void runStopsAtTheInstructionLimitWith124() throws Exception {
        Path kernel = guest("spin", """
                    .globl _start
                _start:
                1:  j    1b
                """, "0x80000000");
        Result r = run("run", "--bios", "none", "--kernel", kernel.toString(), "--max-insns", "100000", "--stats");
        assertEquals(124, r.status(), r.err());
        assertTrue(r.err().contains("retired 100000 instructions"), r.err());
    }

    @Test
    void runRejectsWhatCannotBootInOneLineWith125() throws Exception {
        Result missing = run("run", "--kernel", "target/no-such.elf");
        assertEquals(125, missing.status());
        assertEquals("guestbench run: --kernel target/no-such.elf: no such file\n", missing.err());

        Result nothing = run("run");
        assertEquals(125, nothing.status());
        assertTrue(nothing.err().startsWith("guestbench run: nothing to run"), nothing.err());

        Path cut = WORK.resolve("cut-kernel.elf");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(elf), 90));
        Result truncated = run("run", "--bios", "none", "--kernel", cut.toString());
        assertEquals(125, truncated.status());
        assertEquals(1, truncated.err().lines().count(), truncated.err());

        // Linked below RAM: a segment with nothing behind it.
        Path low = guest("low", ".globl _start\n_start: j _start\n", "0x1000");
        Result outside = run("run", "--bios", "none", "--kernel", low.toString());
        assertEquals(125, outside.status());
        assertTrue(outside.err().contains("outside RAM"), outside.err());

        Result badSize = run("run", "--bios", "none", "--kernel", elf.toString(), "-m", "lots");
        assertEquals(125, badSize.status());
        assertTrue(badSize.err().contains("-m takes a size"), badSize.err());
    }

    @Test
    void anUnknownDisassemblerOptionIsAUsageError() {
        Result r = run("disasm", "-M", "numeric", elf.toString());
        assertEquals(Main.USAGE, r.status());
        assertTrue(r.err().contains("unknown disassembler option 'numeric'"), r.err());
    }

    @Test
    void asmLinksTheSameBytesAsGnuAsAndLd() throws Exception {
        Path ours = WORK.resolve("ours.elf");
        Files.deleteIfExists(ours);
        Result r = run("asm", WORK.resolve("prog.S").toString(), "-o", ours.toString(), "--base", "0x80000000");
        assertEquals(0, r.status(), r.err());
        Path gnuBin = WORK.resolve("gnu.bin");
        Path ourBin = WORK.resolve("ours.bin");
        exec("riscv64-unknown-elf-objcopy", "-O", "binary", elf.toString(), gnuBin.toString());
        exec("riscv64-unknown-elf-objcopy", "-O", "binary", ours.toString(), ourBin.toString());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(gnuBin), Files.readAllBytes(ourBin)),
                "objcopy -O binary of guestbench asm equals GNU as + ld");
    }

    @Test
    void asmReportsErrorsLikeGnuAsAndWritesNothing() throws Exception {
        Path bad = WORK.resolve("bad.s");
        Files.writeString(bad, "_start:\n\taddi a0, a0, 5000\n");
        Path out = WORK.resolve("bad.elf");
        Files.deleteIfExists(out);
        Result r = run("asm", bad.toString(), "-o", out.toString());
        assertEquals(1, r.status());
        assertEquals(bad + ":2:15: error: immediate 5000 out of range -2048..2047 for addi\n", r.err());
        assertTrue(!Files.exists(out), "no output file after errors");
    }

    @Test
    void asmWithoutOutputIsAUsageError() {
        Result r = run("asm", "x.s");
        assertEquals(Main.USAGE, r.status());
        assertTrue(r.err().contains("-o OUT.elf"), r.err());
    }

    @Test
    void asmDashCWritesAnObjectThatGnuLdLinksToTheSameBytes() throws Exception {
        Path object = WORK.resolve("ours.o");
        Result r = run("asm", "-c", WORK.resolve("prog.S").toString(), "-o", object.toString());
        assertEquals(0, r.status(), r.err());
        Path linked = WORK.resolve("ours-linked.elf");
        exec("riscv64-unknown-elf-ld", "-Ttext=0x80000000", "-o", linked.toString(), object.toString());
        Path gnuBin = WORK.resolve("gnu-c.bin");
        Path ourBin = WORK.resolve("ours-c.bin");
        exec("riscv64-unknown-elf-objcopy", "-O", "binary", elf.toString(), gnuBin.toString());
        exec("riscv64-unknown-elf-objcopy", "-O", "binary", linked.toString(), ourBin.toString());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(gnuBin), Files.readAllBytes(ourBin)),
                "GNU ld links our object to the bytes of GNU as's");
    }

    @Test
    void asmWithALinkerScriptMatchesGnuLdWithTheSameScript() throws Exception {
        Path script = WORK.resolve("kernel.ld");
        Files.writeString(script, "ENTRY(_start)\nSECTIONS {\n  . = 0x80200000;\n  .text : { *(.text .text.*) }\n"
                + "  . = ALIGN(16);\n  .data : { *(.data) }\n  .bss : { *(.bss) }\n}\n");
        Path ours = WORK.resolve("ours-T.elf");
        Result r = run("asm", WORK.resolve("prog.S").toString(), "-o", ours.toString(), "-T", script.toString());
        assertEquals(0, r.status(), r.err());
        Path gnu = WORK.resolve("gnu-T.elf");
        exec("riscv64-unknown-elf-ld", "-T", script.toString(), "-o", gnu.toString(), WORK.resolve("prog.o").toString());
        Path gnuBin = WORK.resolve("gnu-T.bin");
        Path ourBin = WORK.resolve("ours-T.bin");
        exec("riscv64-unknown-elf-objcopy", "-O", "binary", gnu.toString(), gnuBin.toString());
        exec("riscv64-unknown-elf-objcopy", "-O", "binary", ours.toString(), ourBin.toString());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(gnuBin), Files.readAllBytes(ourBin)),
                "guestbench asm -T equals GNU ld -T");
    }
}
