package dev.guestbench.vmm.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.guestbench.isa.elf.ElfFile;
import dev.guestbench.isa.elf.ElfSymbol;
import dev.guestbench.vmm.VmConfig;
import dev.guestbench.vmm.boot.BootSpec;

/** A guest of src/test/debug-guest, assembled and linked at 0x80200000 with the RISC-V cross binutils. */
record DebugGuest(byte[] elf, Map<String, Long> symbols) {

    private static final Path SOURCES = Path.of("src/test/debug-guest").toAbsolutePath();
    private static final Path OUT = Path.of("target/debug-guest").toAbsolutePath();

    static DebugGuest build(String name) throws Exception {
        Files.createDirectories(OUT);
        Path object = OUT.resolve(name + ".o");
        Path elf = OUT.resolve(name + ".elf");
        run("riscv64-unknown-elf-as", "-march=rv64gc_zicsr", "-o", object.toString(),
                SOURCES.resolve(name + ".S").toString());
        run("riscv64-unknown-elf-ld", "-Ttext=0x80200000", "-e", "_start", "-o", elf.toString(), object.toString());
        byte[] bytes = Files.readAllBytes(elf);
        Map<String, Long> symbols = new HashMap<>();
        for (ElfSymbol s : ElfFile.parse(bytes, name).symbols()) {
            if (s.name() != null && !s.name().isEmpty()) {
                symbols.put(s.name(), s.value());
            }
        }
        return new DebugGuest(bytes, symbols);
    }

    long symbol(String name) {
        Long v = symbols.get(name);
        if (v == null) {
            fail("no symbol " + name);
        }
        return v;
    }

    /** A debugger over this guest in direct boot (S-mode, built-in SBI). */
    VmDebugger debugger(int harts) throws Exception {
        return debugger(harts, dev.guestbench.vmm.memory.PagingMode.SHADOW);
    }

    /** A debugger over this guest in direct boot with the given paging mode. */
    VmDebugger debugger(int harts, dev.guestbench.vmm.memory.PagingMode paging) throws Exception {
        BootSpec boot = new BootSpec(BootSpec.Firmware.BUILTIN, null, new BootSpec.Image("guest.elf", elf), null, null,
                null);
        return VmDebugger.boot(VmConfig.of(16L << 20, harts).withPaging(paging), boot);
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail(cmd[0] + " does not run; install binutils-riscv64-unknown-elf: " + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " hangs");
        }
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
    }
}
