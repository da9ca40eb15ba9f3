package dev.guestbench.isa.elf;

/** One entry of the .symtab symbol table, with its resolved name. */
public record ElfSymbol(int index, String name, long value, long size, int type, int binding, int visibility,
        int sectionIndex) {

    /** Undefined section index. */
    public static final int SHN_UNDEF = 0;
    /** Absolute value, not relative to a section. */
    public static final int SHN_ABS = 0xfff1;
    /** Common symbol. */
    public static final int SHN_COMMON = 0xfff2;
    /** Symbol type: unspecified. */
    public static final int STT_NOTYPE = 0;
    /** Symbol type: data object. */
    public static final int STT_OBJECT = 1;
    /** Symbol type: function. */
    public static final int STT_FUNC = 2;
    /** Symbol type: section. */
    public static final int STT_SECTION = 3;
    /** Symbol type: source file. */
    public static final int STT_FILE = 4;
    /** Symbol type: common data object. */
    public static final int STT_COMMON = 5;
    /** Symbol type: thread-local data. */
    public static final int STT_TLS = 6;
    /** Symbol type: indirect function. */
    public static final int STT_GNU_IFUNC = 10;
    /** Binding: local. */
    public static final int STB_LOCAL = 0;
    /** Binding: global. */
    public static final int STB_GLOBAL = 1;
    /** Binding: weak. */
    public static final int STB_WEAK = 2;

    /** True if the symbol is defined in a section or absolute (not undefined or common). */
    public boolean isDefined() {
        return sectionIndex != SHN_UNDEF && sectionIndex != SHN_COMMON;
    }
}
