package dev.guestbench.isa.disasm;

import dev.guestbench.isa.elf.ElfFile;
import dev.guestbench.isa.elf.ElfSection;
import dev.guestbench.isa.elf.ElfSymbol;
import java.util.ArrayList;
import java.util.List;

/**
 * The symbols objdump uses for labels and address names: the useful ones of .symtab, sorted the
 * way objdump sorts them, with its rules for picking the symbol that names an address.
 */
final class SortedSymbols {

    /** One symbol as objdump sees it; {@code section} is the ELF index, or {@link #ABS} for absolute ones. */
    record Symbol(String name, long value, int section, String sectionName, boolean local, boolean global,
            boolean function, boolean object, long size) {
    }

    /** Section number used for absolute symbols; sorts after every real section. */
    static final int ABS = Integer.MAX_VALUE;

    private final List<Symbol> symbols;
    private final boolean relocatable;

    SortedSymbols(ElfFile elf) {
        this.relocatable = hasRelocations(elf);
        List<Symbol> list = new ArrayList<>();
        List<ElfSection> sections = elf.sections();
        for (ElfSymbol s : elf.symbols()) {
            if (s.name().isEmpty() || s.type() == ElfSymbol.STT_SECTION || s.type() == ElfSymbol.STT_FILE
                    || !s.isDefined()) {
                continue;
            }
            int section;
            String sectionName;
            long value = s.value();
            if (s.sectionIndex() >= sections.size() || s.sectionIndex() >= 0xff00) {
                section = ABS;
                sectionName = "*ABS*";
            } else {
                section = s.sectionIndex();
                sectionName = sections.get(section).name();
                if (elf.header().isRelocatable()) {
                    value += sections.get(section).address();
                }
            }
            boolean function = s.type() == ElfSymbol.STT_FUNC || s.type() == ElfSymbol.STT_GNU_IFUNC;
            list.add(new Symbol(s.name(), value, section, sectionName, s.binding() == ElfSymbol.STB_LOCAL,
                    s.binding() == ElfSymbol.STB_GLOBAL, function, s.type() == ElfSymbol.STT_OBJECT, s.size()));
        }
        list.sort(SortedSymbols::compare);
        this.symbols = list;
    }

    /** True when the file carries relocations (objdump then prefers symbols of the current section). */
    private static boolean hasRelocations(ElfFile elf) {
        int symtab = -1;
        for (ElfSection s : elf.sections()) {
            if (s.type() == ElfSection.SHT_SYMTAB) {
                symtab = s.index();
            }
        }
        for (ElfSection s : elf.sections()) {
            if ((s.type() == ElfSection.SHT_RELA || s.type() == ElfSection.SHT_REL) && !s.isAllocated()
                    && s.link() == symtab && s.info() > 0 && s.info() < elf.sections().size()) {
                return true;
            }
        }
        return false;
    }

    /** objdump's symbol order: by address, section, then usefulness, size and name. */
    private static int compare(Symbol a, Symbol b) {
        int c = Long.compareUnsigned(a.value, b.value);
        if (c != 0) {
            return c;
        }
        if (a.section != b.section) {
            return Integer.compare(a.section, b.section);
        }
        boolean af = a.name.contains("gnu_compiled") || a.name.contains("gcc2_compiled");
        boolean bf = b.name.contains("gnu_compiled") || b.name.contains("gcc2_compiled");
        if (af != bf) {
            return af ? 1 : -1;
        }
        af = looksLikeFileName(a.name);
        bf = looksLikeFileName(b.name);
        if (af != bf) {
            return af ? 1 : -1;
        }
        if (a.function != b.function) {
            return a.function ? -1 : 1;
        }
        if (a.object != b.object) {
            return a.object ? -1 : 1;
        }
        if (a.local != b.local) {
            return a.local ? 1 : -1;
        }
        if (a.global != b.global) {
            return a.global ? -1 : 1;
        }
        if (a.size != b.size) {
            return Long.compareUnsigned(a.size, b.size) > 0 ? -1 : 1;
        }
        boolean ad = a.name.startsWith(".");
        boolean bd = b.name.startsWith(".");
        if (ad != bd) {
            return ad ? 1 : -1;
        }
        return a.name.compareTo(b.name);
    }

    private static boolean looksLikeFileName(String name) {
        int n = name.length();
        return n > 2 && name.charAt(n - 2) == '.' && (name.charAt(n - 1) == 'o' || name.charAt(n - 1) == 'a');
    }

    int size() {
        return symbols.size();
    }

    Symbol get(int index) {
        return symbols.get(index);
    }

    /** The RISC-V disassembler's test for symbols that may name addresses: no mapping or fake labels. */
    static boolean isValidLabel(Symbol s) {
        return !s.name.equals(".L0 ") && !isMappingSymbol(s.name);
    }

    static boolean isMappingSymbol(String name) {
        return name.equals("$d") || name.equals("$x") || name.startsWith("$xrv");
    }

    private boolean ok(boolean wantSection, int place, ElfSection section) {
        Symbol s = symbols.get(place);
        if (wantSection && !s.sectionName.equals(section.name())) {
            return false;
        }
        return isValidLabel(s);
    }

    /**
     * objdump's choice of the symbol naming an address: the closest one at or below it, preferring
     * symbols of {@code section}; returns the index into this list or -1.
     */
    int find(long vma, ElfSection section, boolean requireSection) {
        int count = symbols.size();
        if (count < 1) {
            return -1;
        }
        int min = 0;
        int max = count;
        while (min + 1 < max) {
            int mid = (max + min) / 2;
            int c = Long.compareUnsigned(symbols.get(mid).value, vma);
            if (c > 0) {
                max = mid;
            } else if (c < 0) {
                min = mid;
            } else {
                min = mid;
                break;
            }
        }
        int place = min;
        while (place > 0 && symbols.get(place).value == symbols.get(place - 1).value) {
            place--;
        }
        // Several symbols at the same address: prefer one in the current section.
        min = place;
        while (min < max && symbols.get(min).value == symbols.get(place).value) {
            if (ok(true, min, section)) {
                return min;
            }
            min++;
        }
        boolean wantSection = requireSection || (relocatable && Long.compareUnsigned(vma, section.address()) >= 0
                && Long.compareUnsigned(vma, section.address() + section.size()) < 0);
        if (!ok(wantSection, place, section)) {
            int newPlace = count;
            for (int i = min - 1; i >= 0; i--) {
                if (ok(wantSection, i, section)) {
                    if (newPlace == count) {
                        newPlace = i;
                    }
                    if (symbols.get(i).value != symbols.get(newPlace).value) {
                        break;
                    }
                    newPlace = i;
                }
            }
            if (newPlace != count) {
                place = newPlace;
            } else {
                for (int i = place + 1; i < count; i++) {
                    if (ok(wantSection, i, section)) {
                        place = i;
                        break;
                    }
                }
            }
            if (!ok(wantSection, place, section)) {
                return -1;
            }
        }
        return place;
    }
}
