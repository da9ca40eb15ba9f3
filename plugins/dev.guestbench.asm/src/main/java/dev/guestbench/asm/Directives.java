package dev.guestbench.asm;

import java.util.LinkedHashMap;
import java.util.Map;

/** The assembler directives the language knows, with their written form and what each does. */
public final class Directives {

    /** One directive: its syntax and a sentence about it. */
    public record Directive(String name, String syntax, String description) {
    }

    private static final Map<String, Directive> ALL = new LinkedHashMap<>();

    static {
        add(".text", ".text", "Switches to the code section (.text).");
        add(".data", ".data", "Switches to the initialised data section (.data).");
        add(".bss", ".bss", "Switches to the zero-initialised data section (.bss); takes no bytes in the file.");
        add(".rodata", ".section .rodata", "Read-only data; written as .section .rodata.");
        add(".section", ".section name[, \"flags\"[, @type]]", "Switches to the named section, creating it with the flags (a: allocated, w: writable, x: executable).");
        add(".globl", ".globl symbol", "Makes a symbol visible to the linker and to other files.");
        add(".global", ".global symbol", "Same as .globl: makes a symbol visible to other files.");
        add(".local", ".local symbol", "Keeps a symbol local to this file.");
        add(".weak", ".weak symbol", "Makes a symbol global but weak: another definition may override it.");
        add(".extern", ".extern symbol", "Declares a symbol defined in another file or by the linker.");
        add(".equ", ".equ symbol, expression", "Gives a symbol a constant value.");
        add(".set", ".set symbol, expression", "Gives a symbol a value; it may be set again later.");
        add(".equiv", ".equiv symbol, expression", "Like .equ, but an error if the symbol is already defined.");
        add(".byte", ".byte expression[, ...]", "Emits 8-bit values.");
        add(".half", ".half expression[, ...]", "Emits 16-bit values.");
        add(".short", ".short expression[, ...]", "Emits 16-bit values.");
        add(".2byte", ".2byte expression[, ...]", "Emits unaligned 16-bit values.");
        add(".word", ".word expression[, ...]", "Emits 32-bit values.");
        add(".long", ".long expression[, ...]", "Emits 32-bit values.");
        add(".int", ".int expression[, ...]", "Emits 32-bit values.");
        add(".4byte", ".4byte expression[, ...]", "Emits unaligned 32-bit values.");
        add(".dword", ".dword expression[, ...]", "Emits 64-bit values.");
        add(".quad", ".quad expression[, ...]", "Emits 64-bit values.");
        add(".8byte", ".8byte expression[, ...]", "Emits unaligned 64-bit values.");
        add(".zero", ".zero size", "Emits size zero bytes.");
        add(".space", ".space size[, fill]", "Reserves size bytes, filled with fill (default 0).");
        add(".skip", ".skip size[, fill]", "Same as .space.");
        add(".fill", ".fill repeat[, size[, value]]", "Emits repeat copies of a size-byte value.");
        add(".ascii", ".ascii \"text\"", "Emits the bytes of a string, without a terminating NUL.");
        add(".asciz", ".asciz \"text\"", "Emits the bytes of a string followed by a NUL byte.");
        add(".string", ".string \"text\"", "Same as .asciz: a NUL-terminated string.");
        add(".align", ".align n", "Aligns the location counter to 2^n bytes (RISC-V: power of two exponent).");
        add(".p2align", ".p2align n[, fill[, max]]", "Aligns the location counter to 2^n bytes.");
        add(".balign", ".balign bytes[, fill[, max]]", "Aligns the location counter to a multiple of bytes.");
        add(".option", ".option rvc|norvc|push|pop|relax|norelax", "Changes assembler options for the code that follows.");
        add(".macro", ".macro name[, args]", "Starts a macro definition, ended by .endm.");
        add(".endm", ".endm", "Ends a macro definition.");
        add(".type", ".type symbol, @function|@object", "Sets a symbol's ELF type.");
        add(".size", ".size symbol, expression", "Sets a symbol's ELF size.");
        add(".org", ".org address", "Moves the location counter forward to an offset in the section.");
        add(".include", ".include \"file\"", "Assembles another file here.");
        add(".file", ".file \"name\"", "Names the source file for debug information.");
        add(".comm", ".comm symbol, size[, align]", "Declares a common (zero-initialised, shared) block.");
        add(".lcomm", ".lcomm symbol, size", "Reserves a local zero-initialised block in .bss.");
    }

    private Directives() {
    }

    private static void add(String name, String syntax, String description) {
        ALL.put(name, new Directive(name, syntax, description));
    }

    /** Every directive, in a useful order. */
    public static Map<String, Directive> all() {
        return ALL;
    }

    /** The directive of a name, or null. */
    public static Directive byName(String name) {
        return ALL.get(name);
    }
}
