package dev.guestbench.isa.elf;

/** One section header of an ELF64 file, with its resolved name. */
public record ElfSection(int index, String name, int type, long flags, long address, long offset, long size,
        int link, int info, long addressAlignment, long entrySize) {

    /** Inactive section header. */
    public static final int SHT_NULL = 0;
    /** Program-defined contents. */
    public static final int SHT_PROGBITS = 1;
    /** Symbol table. */
    public static final int SHT_SYMTAB = 2;
    /** String table. */
    public static final int SHT_STRTAB = 3;
    /** Relocations with addends. */
    public static final int SHT_RELA = 4;
    /** Occupies no file space (.bss). */
    public static final int SHT_NOBITS = 8;
    /** Relocations without addends. */
    public static final int SHT_REL = 9;
    /** Extended section indices of a symbol table. */
    public static final int SHT_SYMTAB_SHNDX = 18;
    /** RISC-V attributes (.riscv.attributes). */
    public static final int SHT_RISCV_ATTRIBUTES = 0x70000003;

    /** Writable at run time. */
    public static final long SHF_WRITE = 0x1;
    /** Occupies memory at run time. */
    public static final long SHF_ALLOC = 0x2;
    /** Holds machine instructions. */
    public static final long SHF_EXECINSTR = 0x4;

    /** True if the section holds instructions. */
    public boolean isExecutable() {
        return (flags & SHF_EXECINSTR) != 0;
    }

    /** True if the section is loaded into memory. */
    public boolean isAllocated() {
        return (flags & SHF_ALLOC) != 0;
    }

    /** True if the section has bytes in the file (everything but NOBITS). */
    public boolean hasContents() {
        return type != SHT_NOBITS && type != SHT_NULL;
    }
}
