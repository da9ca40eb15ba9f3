package dev.guestbench.isa.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A small, valid RISC-V ELF64 executable built byte by byte, with the offsets of its parts, so
 * that tests can corrupt exactly one field.
 */
public final class TestElf {
    static final long TEXT_ADDRESS = 0x80000000L;
    static final int PHOFF = 64;
    static final int TEXT_OFFSET = 128;
    static final int TEXT_SIZE = 8;
    static final int SYMTAB_OFFSET = 136;
    static final int SYMBOLS = 3;
    static final int STRTAB_OFFSET = SYMTAB_OFFSET + SYMBOLS * 24;
    static final byte[] STRTAB = "\0_start\0loop\0".getBytes(StandardCharsets.ISO_8859_1);
    static final int SHSTRTAB_OFFSET = STRTAB_OFFSET + STRTAB.length;
    static final byte[] SHSTRTAB = "\0.text\0.symtab\0.strtab\0.shstrtab\0".getBytes(StandardCharsets.ISO_8859_1);
    static final int SHOFF = (SHSTRTAB_OFFSET + SHSTRTAB.length + 7) & ~7;
    static final int SECTIONS = 5;
    static final int SIZE = SHOFF + SECTIONS * 64;

    private TestElf() {
    }

    /** Offset of section header {@code index}. */
    static int sectionHeader(int index) {
        return SHOFF + index * 64;
    }

    /** Offset of symbol {@code index} in .symtab. */
    static int symbol(int index) {
        return SYMTAB_OFFSET + index * 24;
    }

    /** The bytes of the file. */
    public static byte[] build() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        b.position(16);
        b.putShort((short) ElfHeader.ET_EXEC).putShort((short) ElfHeader.EM_RISCV).putInt(1);
        b.putLong(TEXT_ADDRESS).putLong(PHOFF).putLong(SHOFF);
        b.putInt(ElfHeader.EF_RISCV_RVC).putShort((short) 64).putShort((short) 56).putShort((short) 1);
        b.putShort((short) 64).putShort((short) SECTIONS).putShort((short) 4);
        // One loadable segment holding .text.
        b.position(PHOFF);
        b.putInt(ElfProgramHeader.PT_LOAD).putInt(ElfProgramHeader.PF_R | ElfProgramHeader.PF_X);
        b.putLong(TEXT_OFFSET).putLong(TEXT_ADDRESS).putLong(TEXT_ADDRESS).putLong(TEXT_SIZE).putLong(TEXT_SIZE)
                .putLong(0x1000);
        // addi a0, a0, 1 ; ret
        b.position(TEXT_OFFSET);
        b.putInt(0x00150513).putInt(0x00008067);
        b.position(SYMTAB_OFFSET + 24);
        b.putInt(1).put((byte) (ElfSymbol.STB_GLOBAL << 4 | ElfSymbol.STT_FUNC)).put((byte) 0).putShort((short) 1)
                .putLong(TEXT_ADDRESS).putLong(8);
        b.putInt(8).put((byte) (ElfSymbol.STB_LOCAL << 4 | ElfSymbol.STT_NOTYPE)).put((byte) 0).putShort((short) 1)
                .putLong(TEXT_ADDRESS + 4).putLong(0);
        b.position(STRTAB_OFFSET);
        b.put(STRTAB);
        b.put(SHSTRTAB);
        b.position(SHOFF + 64);
        section(b, 1, ElfSection.SHT_PROGBITS, ElfSection.SHF_ALLOC | ElfSection.SHF_EXECINSTR, TEXT_ADDRESS,
                TEXT_OFFSET, TEXT_SIZE, 0, 0, 4, 0);
        section(b, 7, ElfSection.SHT_SYMTAB, 0, 0, SYMTAB_OFFSET, SYMBOLS * 24, 3, 2, 8, 24);
        section(b, 15, ElfSection.SHT_STRTAB, 0, 0, STRTAB_OFFSET, STRTAB.length, 0, 0, 1, 0);
        section(b, 23, ElfSection.SHT_STRTAB, 0, 0, SHSTRTAB_OFFSET, SHSTRTAB.length, 0, 0, 1, 0);
        return b.array();
    }

    private static void section(ByteBuffer b, int name, int type, long flags, long addr, long offset, long size,
            int link, int info, long align, long entsize) {
        b.putInt(name).putInt(type).putLong(flags).putLong(addr).putLong(offset).putLong(size).putInt(link)
                .putInt(info).putLong(align).putLong(entsize);
    }

    static void putShort(byte[] elf, int at, int value) {
        ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) value);
    }

    static void putInt(byte[] elf, int at, int value) {
        ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }

    static void putLong(byte[] elf, int at, long value) {
        ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).putLong(at, value);
    }
}
