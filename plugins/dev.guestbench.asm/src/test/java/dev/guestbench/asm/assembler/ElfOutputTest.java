package dev.guestbench.asm.assembler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestbench.isa.disasm.ObjdumpListing;
import dev.guestbench.isa.elf.ElfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The executable is well formed: readelf and our own ELF reader and disassembler accept it, its
 * symbols are there, and the DWARF line table read back by readelf maps addresses to the lines.
 */
class ElfOutputTest {
    private static final String KERNEL = """
            \t.text
            \t.globl _start
            _start:
            \tli a0, 1
            \tcall work
            1:\tj 1b

            work:
            \taddi a0, a0, 1
            \tret
            \t.data
            counter:\t.dword 0
            """;

    private static AssemblyResult build() {
        AssemblyResult r = new Assembler(AssemblerOptions.defaults())
                .assemble(List.of(new SourceFile("kernel.s", KERNEL)));
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        return r;
    }

    @Test
    void readelfAcceptsHeadersSectionsAndSymbols() throws Exception {
        Path dir = GnuTools.workDirectory("elf");
        Path elf = dir.resolve("k.elf");
        Files.write(elf, build().elf());
        String out = GnuTools.run(List.of("riscv64-unknown-elf-readelf", "-W", "-h", "-l", "-S", "-s", elf.toString()));
        assertTrue(out.contains("EXEC (Executable file)"), out);
        assertTrue(out.contains("RISC-V"), out);
        assertTrue(out.contains("Entry point address:               0x80000000"), out);
        assertTrue(out.contains("RVC, double-float ABI"), out);
        assertTrue(out.matches("(?s).*LOAD\\s+0x[0-9a-f]+ 0x0000000080000000.*"), out);
        assertTrue(out.matches("(?s).*GLOBAL\\s+DEFAULT\\s+\\d+ _start.*"), out);
        assertTrue(out.matches("(?s).*LOCAL\\s+DEFAULT\\s+\\d+ work.*"), out);
        assertTrue(!out.contains("Warning") && !out.contains("Error"), out);
    }

    @Test
    void ourReaderAndDisassemblerAgreeWithObjdump() throws Exception {
        AssemblyResult r = build();
        ElfFile f = ElfFile.parse(r.elf(), "k.elf");
        assertEquals(0x80000000L, f.section(".text").address());
        Path dir = GnuTools.workDirectory("elf-disasm");
        Path elf = dir.resolve("k.elf");
        Files.write(elf, r.elf());
        String ours = ObjdumpListing.of(r.elf(), elf.toString(), true);
        String gnu = GnuTools.objdump(elf);
        assertEquals(gnu, ours);
    }

    @Test
    void symbolValues() {
        AssemblyResult r = build();
        assertEquals(0x80000000L, r.symbols().get("_start"));
        assertTrue(r.symbols().get("work") > r.symbols().get("_start"));
        // .data starts on the next page at the same offset as the end of .text (ld's DATA_SEGMENT_ALIGN)
        assertEquals(0x8000100cL, r.symbols().get("counter"));
    }

    @Test
    void lineTableReadBackByReadelf() throws Exception {
        AssemblyResult r = build();
        Path dir = GnuTools.workDirectory("elf-lines");
        Path elf = dir.resolve("k.elf");
        Files.write(elf, r.elf());
        String out = GnuTools.run(List.of("riscv64-unknown-elf-readelf", "--debug-dump=decodedline", elf.toString()));
        List<String> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[0].equals("kernel.s") && f[2].startsWith("0x")) {
                rows.add(f[1] + "@" + f[2]);
            }
        }
        List<String> expected = new ArrayList<>();
        for (LineEntry e : r.lineTable()) {
            expected.add(e.line() + "@0x" + Long.toHexString(e.address()));
        }
        assertEquals(expected, rows.subList(0, Math.min(rows.size(), expected.size())), out);
        // li on line 4, call on 5 (relaxed to jal), j on 6, addi on 9, ret on 10
        assertEquals(List.of(4, 5, 6, 9, 10), r.lineTable().stream().map(LineEntry::line).toList());
        assertEquals(0x80000000L, r.lineTable().get(0).address());
    }
}
