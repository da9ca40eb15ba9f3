package dev.guestbench.asm.assembler.emit;

import dev.guestbench.asm.assembler.LineEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What assembling one source file gives: its sections in creation order, symbols and line rows. */
public final class ObjectFile {
    public final int index;
    public final String path;
    public final Map<String, Section> sections = new LinkedHashMap<>();
    public final Map<String, Symbol> symbols = new LinkedHashMap<>();
    /** Line rows, addresses filled in by the linker from (frag, offset). */
    public final List<LineRow> lines = new ArrayList<>();
    /** True if C was enabled anywhere (the EF_RISCV_RVC flag the linker looks at). */
    public boolean rvcUsed;

    /** One line row: an instruction at an offset of a piece came from a line. */
    public record LineRow(Frag frag, int offset, String path, int line) {
        /** The row with the final address. */
        public LineEntry entry() {
            return new LineEntry(frag.address + offset, path, line);
        }
    }

    /** An empty object file. */
    public ObjectFile(int index, String path) {
        this.index = index;
        this.path = path;
    }

    /** The symbol with this name in this file, created undefined if new. */
    public Symbol symbol(String name) {
        return symbols.computeIfAbsent(name, n -> new Symbol(n, index));
    }
}
