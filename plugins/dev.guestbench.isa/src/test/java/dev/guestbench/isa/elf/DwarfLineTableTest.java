package dev.guestbench.isa.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The line table reader agrees with objdump --dwarf=decodedline on what GNU as writes, DWARF 3 and 5. */
class DwarfLineTableTest {

    private static final String SOURCE = String.join("\n",
            "    .text",
            "    .globl _start",
            "_start:",
            "    li a0, 1",
            "",
            "    # a comment",
            "    la a1, data",
            "loop:",
            "    addi a0, a0, 1",
            "    bnez a0, loop",
            "    call f",
            "    j _start",
            "f:  ret",
            "    .data",
            "data: .word 1",
            "");

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"-g", "-gdwarf-5", "-gdwarf-4", "-gdwarf-2"})
    void agreesWithObjdump(String debugOption) throws Exception {
        Path dir = Files.createTempDirectory("dwarf");
        Path src = dir.resolve("lines.S");
        Files.writeString(src, SOURCE);
        run(dir, "riscv64-unknown-elf-as", debugOption, "-march=rv64gc", "-o", "lines.o", "lines.S");
        run(dir, "riscv64-unknown-elf-ld", "-Ttext=0x80200000", "-o", "lines.elf", "lines.o");
        String decoded = run(dir, "riscv64-unknown-elf-objdump", "--dwarf=decodedline", "lines.elf");
        List<long[]> expected = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^lines\\.S\\s+(\\d+)\\s+0x([0-9a-f]+)").matcher(decoded);
        while (m.find()) {
            expected.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2), 16)});
        }
        assertFalse(expected.isEmpty(), decoded);
        DwarfLineTable table = DwarfLineTable.of(ElfFile.read(dir.resolve("lines.elf")));
        List<long[]> actual = new ArrayList<>();
        for (DwarfLineTable.Row r : table.rows()) {
            if (r.line() != 0) {
                assertEquals("lines.S", Path.of(r.file()).getFileName().toString());
                actual.add(new long[] {r.line(), r.address()});
            }
        }
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], actual.get(i)[0], "line of row " + i);
            assertEquals(expected.get(i)[1], actual.get(i)[1], "address of row " + i);
        }
        assertEquals(0x80200000L, table.addressOf("lines.S", 4));
        assertEquals(table.addressOf("lines.S", 7), table.addressOf("lines.S", 5), "a blank line: the next with code");
        assertEquals(4, table.rowAt(0x80200000L).line());
        assertEquals(9, table.rowAt(table.addressOf("lines.S", 9)).line());
        assertEquals(-1, table.addressOf("other.S", 4));
        assertNull(table.rowAt(0x1000));
    }

    @Test
    void aTruncatedSectionIsAClearError() {
        byte[] bad = {40, 0, 0, 0, 3, 0};
        ElfFormatException e = assertThrows(ElfFormatException.class,
                () -> DwarfLineTable.parse(bad, new byte[0], new byte[0], "bad.elf"));
        assertEquals(true, e.getMessage().startsWith("bad.elf: malformed .debug_line"), e.getMessage());
    }

    private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }
}
