package dev.guestbench.isa.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.guestbench.isa.disasm.ObjdumpListing;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ELF reader: a valid file, and malformed ones that must give clear one-line messages. */
class ElfFileTest {

    private static String error(byte[] bytes) {
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfFile.parse(bytes, "test.elf"));
        assertFalse(e.getMessage().contains("\n"), "one-line message expected: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsAValidExecutable() throws Exception {
        ElfFile elf = ElfFile.parse(TestElf.build(), "test.elf");
        assertEquals(ElfHeader.ET_EXEC, elf.header().type());
        assertTrue(elf.header().isExecutable());
        assertEquals(TestElf.TEXT_ADDRESS, elf.header().entry());
        assertEquals(TestElf.SECTIONS, elf.sections().size());
        ElfSection text = elf.section(".text");
        assertEquals(1, text.index());
        assertTrue(text.isExecutable() && text.isAllocated() && text.hasContents());
        assertEquals(TestElf.TEXT_ADDRESS, text.address());
        assertArrayEquals(new byte[] {0x13, 0x05, 0x15, 0x00, 0x67, (byte) 0x80, 0x00, 0x00}, elf.contents(text));
        assertEquals(".shstrtab", elf.sections().get(4).name());
        assertEquals(2, elf.symbols().size());
        ElfSymbol start = elf.symbols().get(0);
        assertEquals("_start", start.name());
        assertEquals(ElfSymbol.STT_FUNC, start.type());
        assertEquals(ElfSymbol.STB_GLOBAL, start.binding());
        assertEquals(8, start.size());
        assertEquals("loop", elf.symbols().get(1).name());
        assertEquals(TestElf.TEXT_ADDRESS + 4, elf.symbols().get(1).value());
        assertEquals(1, elf.programHeaders().size());
        ElfProgramHeader load = elf.programHeaders().get(0);
        assertTrue(load.isLoad());
        assertEquals(TestElf.TEXT_SIZE, load.fileSize());
        assertArrayEquals(elf.contents(text), elf.contents(load));
        assertNull(elf.riscvAttributes());
        assertNull(elf.section(".data"));
    }

    @Test
    void notAnElfFile() {
        assertEquals("not an ELF file", error(new byte[0]));
        assertEquals("not an ELF file", error("#!/bin/sh\necho hello\n".getBytes()));
        byte[] elf = TestElf.build();
        elf[1] = 'X';
        assertEquals("not an ELF file", error(elf));
    }

    @Test
    void truncatedHeader() {
        byte[] elf = TestElf.build();
        assertEquals("truncated ELF header (file is 10 bytes)", error(Arrays.copyOf(elf, 10)));
        assertEquals("truncated ELF header (file is 63 bytes, the header needs 64)", error(Arrays.copyOf(elf, 63)));
    }

    @Test
    void wrongClassByteOrderVersionOrMachine() {
        byte[] elf = TestElf.build();
        elf[4] = 1;
        assertEquals("not a 64-bit ELF file (it is ELF32)", error(elf));
        elf = TestElf.build();
        elf[5] = 2;
        assertEquals("not a little-endian ELF file (data encoding 2)", error(elf));
        elf = TestElf.build();
        elf[6] = 7;
        assertEquals("unsupported ELF version 7", error(elf));
        elf = TestElf.build();
        TestElf.putShort(elf, 18, 62);
        assertEquals("not a RISC-V ELF file (machine 62, x86-64)", error(elf));
    }

    @Test
    void sectionHeaderTablePastTheEnd() {
        byte[] elf = TestElf.build();
        TestElf.putLong(elf, 40, elf.length - 10);
        assertTrue(error(elf).startsWith("section header table extends past end of file (offset 0x"));
        byte[] truncated = Arrays.copyOf(TestElf.build(), TestElf.SIZE - 30);
        assertEquals("section header table extends past end of file (offset 0x" + Integer.toHexString(TestElf.SHOFF)
                + ", 5 entries of 64 bytes, file size 0x" + Integer.toHexString(TestElf.SIZE - 30) + ")",
                error(truncated));
        elf = TestElf.build();
        TestElf.putLong(elf, 40, -64);
        assertTrue(error(elf).startsWith("section header table extends past end of file"));
        elf = TestElf.build();
        TestElf.putShort(elf, 58, 40);
        assertEquals("unexpected section header size 40 (expected 64)", error(elf));
    }

    @Test
    void sectionContentsPastTheEnd() {
        byte[] elf = TestElf.build();
        TestElf.putLong(elf, TestElf.sectionHeader(1) + 24, 0xffff0);
        assertEquals("section 1 extends past end of file (offset 0xffff0, size 0x8, file size 0x"
                + Integer.toHexString(TestElf.SIZE) + ")", error(elf));
        elf = TestElf.build();
        TestElf.putLong(elf, TestElf.sectionHeader(2) + 32, Long.MAX_VALUE);
        assertTrue(error(elf).startsWith("section 2 extends past end of file"));
    }

    @Test
    void sectionNamesOutOfRange() {
        byte[] elf = TestElf.build();
        TestElf.putInt(elf, TestElf.sectionHeader(1), 0x4000);
        assertEquals("section 1 name offset 0x4000 outside the section name table (size 0x"
                + Integer.toHexString(TestElf.SHSTRTAB.length) + ")", error(elf));
        elf = TestElf.build();
        TestElf.putShort(elf, 62, 9);
        assertEquals("section name string table index 9 out of range (5 sections)", error(elf));
    }

    @Test
    void symbolProblems() {
        byte[] elf = TestElf.build();
        TestElf.putInt(elf, TestElf.symbol(1), 0x1000);
        assertEquals("symbol 1 name offset 0x1000 outside string table .strtab (size 0x"
                + Integer.toHexString(TestElf.STRTAB.length) + ")", error(elf));
        elf = TestElf.build();
        TestElf.putShort(elf, TestElf.symbol(1) + 6, 77);
        assertEquals("symbol 1 (_start) refers to section 77, which does not exist", error(elf));
        elf = TestElf.build();
        TestElf.putInt(elf, TestElf.sectionHeader(2) + 40, 1);
        assertEquals(".symtab links to section 1, which is not a string table", error(elf));
        elf = TestElf.build();
        TestElf.putLong(elf, TestElf.sectionHeader(2) + 56, 16);
        assertEquals(".symtab has entry size 16 (expected 24)", error(elf));
        elf = TestElf.build();
        TestElf.putLong(elf, TestElf.sectionHeader(2) + 32, 70);
        assertEquals(".symtab size 0x46 is not a multiple of 24", error(elf));
        elf = TestElf.build();
        // Remove the terminating NUL of the last string in .strtab.
        elf[TestElf.STRTAB_OFFSET + TestElf.STRTAB.length - 1] = 'x';
        assertEquals("unterminated string at offset 0x8 in .strtab", error(elf));
    }

    @Test
    void programHeaderProblems() {
        byte[] elf = TestElf.build();
        TestElf.putLong(elf, TestElf.PHOFF + 8, TestElf.SIZE - 4);
        assertEquals("program header 0 (LOAD) extends past end of file (offset 0x" + Integer.toHexString(TestElf.SIZE - 4)
                + ", size 0x8, file size 0x" + Integer.toHexString(TestElf.SIZE) + ")", error(elf));
        elf = TestElf.build();
        TestElf.putLong(elf, TestElf.PHOFF + 40, 4);
        assertEquals("program header 0 (LOAD) has file size 0x8 larger than its memory size 0x4", error(elf));
        elf = TestElf.build();
        TestElf.putLong(elf, 32, TestElf.SIZE - 20);
        assertTrue(error(elf).startsWith("program header table extends past end of file (offset 0x"));
    }

    @Test
    void riscvAttributes() throws Exception {
        byte[] good = {'A', 0x1d, 0, 0, 0, 'r', 'i', 's', 'c', 'v', 0, 1, 0x13, 0, 0, 0, 5, 'r', 'v', '6', '4', 'g', 'c',
            0, 8, 1, 10, 11, 12, 0};
        RiscvAttributes a = RiscvAttributes.parse(good, ".riscv.attributes");
        assertEquals("rv64gc", a.arch());
        assertEquals(1, a.number(RiscvAttributes.TAG_PRIV_SPEC));
        assertEquals(11, a.number(RiscvAttributes.TAG_PRIV_SPEC_MINOR));
        ElfFormatException e = assertThrows(ElfFormatException.class,
                () -> RiscvAttributes.parse(Arrays.copyOf(good, 20), ".riscv.attributes"));
        assertTrue(e.getMessage().startsWith("malformed .riscv.attributes section: "), e.getMessage());
        byte[] wrongVersion = good.clone();
        wrongVersion[0] = 'B';
        assertEquals("malformed .riscv.attributes section: unknown format version 66",
                assertThrows(ElfFormatException.class, () -> RiscvAttributes.parse(wrongVersion, ".riscv.attributes"))
                        .getMessage());
    }

    @Test
    void randomCorruptionGivesOnlyClearErrors() {
        byte[] base = TestElf.build();
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 5000; round++) {
            byte[] elf = base.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                elf[random.nextInt(elf.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(10) == 0) {
                elf = Arrays.copyOf(elf, random.nextInt(elf.length));
            }
            try {
                ObjdumpListing.of(elf, "fuzz.elf", random.nextBoolean());
            } catch (ElfFormatException expected) {
                assertFalse(expected.getMessage().isEmpty());
            } catch (RuntimeException crash) {
                fail("round " + round + " crashed: " + crash, crash);
            }
        }
    }
}
