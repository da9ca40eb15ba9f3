package dev.guestbench.isa.elf;

/** The fields of an ELF64 file header. */
public record ElfHeader(int type, int machine, long version, long entry, long programHeaderOffset,
        long sectionHeaderOffset, int flags, int headerSize, int programHeaderEntrySize, int programHeaderCount,
        int sectionHeaderEntrySize, int sectionHeaderCount, int sectionNameTableIndex) {

    /** Relocatable object file. */
    public static final int ET_REL = 1;
    /** Executable file. */
    public static final int ET_EXEC = 2;
    /** Shared object or position-independent executable. */
    public static final int ET_DYN = 3;
    /** The RISC-V machine number. */
    public static final int EM_RISCV = 243;
    /** e_flags bit: the file uses compressed instructions. */
    public static final int EF_RISCV_RVC = 0x1;

    /** True for a relocatable object file (.o). */
    public boolean isRelocatable() {
        return type == ET_REL;
    }

    /** True for an executable. */
    public boolean isExecutable() {
        return type == ET_EXEC;
    }
}
