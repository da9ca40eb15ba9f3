package dev.guestbench.debug.core.model;

import java.util.ArrayList;
import java.util.List;

import dev.guestbench.isa.elf.DwarfLineTable;
import dev.guestbench.isa.elf.ElfFile;
import dev.guestbench.isa.elf.ElfFormatException;
import dev.guestbench.isa.elf.ElfSymbol;

/** A kernel ELF as the debugger sees it: its labels (to name code addresses) and its line table. */
public final class KernelImage {

    private final String name;
    private final long[] labelAddresses;
    private final String[] labelNames;
    private final DwarfLineTable lines;

    private KernelImage(String name, List<ElfSymbol> symbols, DwarfLineTable lines) {
        this.name = name;
        List<ElfSymbol> labels = new ArrayList<>();
        for (ElfSymbol s : symbols) {
            if (s.isDefined() && s.name() != null && !s.name().isEmpty() && !s.name().startsWith(".L")
                    && s.type() != ElfSymbol.STT_SECTION && s.type() != ElfSymbol.STT_FILE) {
                labels.add(s);
            }
        }
        labels.sort((a, b) -> Long.compareUnsigned(a.value(), b.value()));
        labelAddresses = new long[labels.size()];
        labelNames = new String[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            labelAddresses[i] = labels.get(i).value();
            labelNames[i] = labels.get(i).name();
        }
        this.lines = lines;
    }

    /** Reads an ELF's labels and line table. */
    public static KernelImage of(byte[] elf, String name) throws ElfFormatException {
        ElfFile file = ElfFile.parse(elf, name);
        return new KernelImage(name, file.symbols(), DwarfLineTable.of(file));
    }

    /** A kernel nothing is known of (no symbols, no lines). */
    public static KernelImage none(String name) {
        return new KernelImage(name, List.of(), DwarfLineTable.empty());
    }

    public String name() {
        return name;
    }

    /** The line table (empty when the ELF has none). */
    public DwarfLineTable lines() {
        return lines;
    }

    /** "label" or "label+0x1c" for the nearest label at or below {@code address}; null when none is. */
    public String label(long address) {
        int lo = 0;
        int hi = labelAddresses.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(labelAddresses[mid], address) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return null;
        }
        // Several labels at one address: the last one sorted is as good a name as any; prefer a global-looking one.
        long offset = address - labelAddresses[found];
        return offset == 0 ? labelNames[found] : labelNames[found] + "+0x" + Long.toHexString(offset);
    }

    /** The address of a label, or -1. */
    public long address(String label) {
        for (int i = 0; i < labelNames.length; i++) {
            if (labelNames[i].equals(label)) {
                return labelAddresses[i];
            }
        }
        return -1;
    }
}
