package dev.guestbench.isa.elf;

/** One program header (segment) of an ELF64 file. */
public record ElfProgramHeader(int index, int type, int flags, long offset, long virtualAddress,
        long physicalAddress, long fileSize, long memorySize, long alignment) {

    /** A loadable segment. */
    public static final int PT_LOAD = 1;
    /** Segment flag: executable. */
    public static final int PF_X = 1;
    /** Segment flag: writable. */
    public static final int PF_W = 2;
    /** Segment flag: readable. */
    public static final int PF_R = 4;

    /** True for a loadable segment. */
    public boolean isLoad() {
        return type == PT_LOAD;
    }
}
