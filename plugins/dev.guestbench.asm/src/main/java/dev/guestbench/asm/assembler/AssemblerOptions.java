package dev.guestbench.asm.assembler;

import java.nio.file.Path;
import java.util.List;

/**
 * How to assemble and link: {@code march}/{@code mabi} as GNU as takes them, the address of .text,
 * linker relaxation on or off, directories searched by .include and #include, and an optional
 * linker script text (only the simple subset described in {@code LinkerScript}).
 */
public record AssemblerOptions(String march, String mabi, long base, boolean relax, List<Path> includeDirs,
        String linkerScript) {

    /** rv64gc, lp64d, base 0x80000000, relaxation on, no include directories, no script. */
    public static AssemblerOptions defaults() {
        return new AssemblerOptions("rv64gc", "lp64d", 0x80000000L, true, List.of(), null);
    }

    /** These options with another -march. */
    public AssemblerOptions withMarch(String value) {
        return new AssemblerOptions(value, mabi, base, relax, includeDirs, linkerScript);
    }

    /** These options with another -mabi. */
    public AssemblerOptions withMabi(String value) {
        return new AssemblerOptions(march, value, base, relax, includeDirs, linkerScript);
    }

    /** These options with another base address for .text. */
    public AssemblerOptions withBase(long value) {
        return new AssemblerOptions(march, mabi, value, relax, includeDirs, linkerScript);
    }

    /** These options with relaxation on or off. */
    public AssemblerOptions withRelax(boolean value) {
        return new AssemblerOptions(march, mabi, base, value, includeDirs, linkerScript);
    }

    /** These options with include directories. */
    public AssemblerOptions withIncludeDirs(List<Path> value) {
        return new AssemblerOptions(march, mabi, base, relax, List.copyOf(value), linkerScript);
    }

    /** These options with a linker script text (null for none). */
    public AssemblerOptions withLinkerScript(String value) {
        return new AssemblerOptions(march, mabi, base, relax, includeDirs, value);
    }
}
