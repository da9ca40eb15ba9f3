package dev.guestbench.isa.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.guestbench.isa.elf.ElfFormatException;
import dev.guestbench.isa.elf.TestElf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The listing entry point reports unusable files with one-line messages. */
class ObjdumpListingErrorTest {

    @Test
    void rejectsFilesThatAreNotRiscvElf() throws IOException {
        Path dir = GnuToolchain.workDirectory("listing-errors");
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a binary\n");
        assertEquals("not an ELF file",
                assertThrows(ElfFormatException.class, () -> ObjdumpListing.of(text, true)).getMessage());
        byte[] x86 = TestElf.build();
        x86[18] = 62;
        assertEquals("not a RISC-V ELF file (machine 62, x86-64)",
                assertThrows(ElfFormatException.class, () -> ObjdumpListing.of(x86, "host.elf", true)).getMessage());
        byte[] truncated = new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1};
        assertEquals("truncated ELF header (file is 7 bytes)",
                assertThrows(ElfFormatException.class, () -> ObjdumpListing.of(truncated, "t", true)).getMessage());
    }

    @Test
    void handBuiltFileIsListedAsObjdumpListsIt() throws IOException {
        // The ELF reader tests corrupt this file; here the GNU tools confirm it is a real ELF file.
        Path file = GnuToolchain.workDirectory("listing-built").resolve("built.elf");
        Files.write(file, TestElf.build());
        String difference = GnuToolchain.firstDifference(GnuToolchain.objdump(file, true), ObjdumpListing.of(file, true));
        assertEquals(null, difference);
    }
}
