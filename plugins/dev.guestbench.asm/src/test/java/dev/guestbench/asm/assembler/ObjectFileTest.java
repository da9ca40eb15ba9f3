package dev.guestbench.asm.assembler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relocatable object (-c) is what GNU tools expect: relocations, relaxation marks, attributes. */
class ObjectFileTest {
    private static final String SRC = "\t.globl _start\n_start:\n\tcall f\n\tla a0, v\n1:\tbnez a0, 1b\n\t.align 3\n"
            + "f:\tret\n\t.data\nv:\t.dword f\n";

    private static Path object(boolean relax, String name) throws Exception {
        AssemblyResult r = new Assembler(AssemblerOptions.defaults().withRelax(relax))
                .assembleObject(new SourceFile("k.s", SRC));
        assertTrue(r.ok(), r.diagnostics()::toString);
        Path p = GnuTools.workDirectory("object-" + name).resolve("k.o");
        Files.write(p, r.object());
        return p;
    }

    @Test
    void relocationsAndRelaxMarks() throws Exception {
        String rel = GnuTools.run(List.of("riscv64-unknown-elf-readelf", "-W", "-r", object(true, "relax").toString()));
        for (String type : List.of("R_RISCV_CALL_PLT", "R_RISCV_RELAX", "R_RISCV_PCREL_HI20", "R_RISCV_PCREL_LO12_I",
                "R_RISCV_RVC_BRANCH", "R_RISCV_ALIGN", "R_RISCV_64")) {
            assertTrue(rel.contains(type), type + " in\n" + rel);
        }
    }

    @Test
    void noRelaxMarksWithoutRelaxation() throws Exception {
        String rel = GnuTools.run(List.of("riscv64-unknown-elf-readelf", "-W", "-r", object(false, "norelax").toString()));
        assertFalse(rel.contains("R_RISCV_RELAX"), rel);
        assertFalse(rel.contains("R_RISCV_ALIGN"), rel);
        assertTrue(rel.contains("R_RISCV_CALL_PLT"), rel);
    }

    @Test
    void attributesEqualGnuAs() throws Exception {
        Path dir = GnuTools.workDirectory("object-attributes");
        Path src = dir.resolve("k.s");
        Files.writeString(src, SRC);
        Path gnu = dir.resolve("gnu.o");
        GnuTools.run(List.of("riscv64-unknown-elf-as", "-march=rv64gc", "-mabi=lp64d", src.toString(), "-o",
                gnu.toString()));
        String ours = GnuTools.run(List.of("riscv64-unknown-elf-readelf", "-A", "-h", object(true, "attr").toString()));
        String theirs = GnuTools.run(List.of("riscv64-unknown-elf-readelf", "-A", "-h", gnu.toString()));
        assertEquals(theirs.substring(theirs.indexOf("Attribute Section")),
                ours.substring(ours.indexOf("Attribute Section")));
        assertTrue(ours.contains("REL (Relocatable file)"), ours);
        assertTrue(ours.contains("RVC, double-float ABI"), ours);
    }
}
