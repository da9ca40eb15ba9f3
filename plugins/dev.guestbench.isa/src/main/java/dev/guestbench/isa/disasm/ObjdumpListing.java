package dev.guestbench.isa.disasm;

import dev.guestbench.isa.IsaSubset;
import dev.guestbench.isa.PrivSpec;
import dev.guestbench.isa.elf.ElfFile;
import dev.guestbench.isa.elf.ElfFormatException;
import dev.guestbench.isa.elf.ElfSection;
import dev.guestbench.isa.elf.RiscvAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Produces exactly the text of {@code riscv64-unknown-elf-objdump -d [-M no-aliases] FILE} (GNU
 * binutils 2.40) for an ELF64 RISC-V executable or object file: the file header line, one block per
 * code section, a label line per symbol, instruction lines with address, raw bytes and disassembly,
 * and data (mapping symbol {@code $d}) as {@code .word}/{@code .short}/{@code .byte}.
 */
public final class ObjdumpListing {
    private static final int SKIP_ZEROES = 8;
    private static final int SKIP_ZEROES_AT_END = 3;
    /** What objdump's memory reader returns when a read crosses the end of the block (EIO). */
    private static final int READ_ERROR_LENGTH = 5;

    private enum MapState { INSN, DATA }

    private final String displayName;
    private final ElfFile elf;
    private final SortedSymbols symbols;
    private final Disassembler disassembler;
    private final StringBuilder out = new StringBuilder();

    // State that objdump keeps across blocks and sections.
    private int lastMapSymbol = -1;
    private long lastStopOffset;
    private int bytesPerChunk;
    private int bytesPerLine;

    // The section and block being listed.
    private ElfSection section;
    private byte[] data;
    private int symtabPos;
    private long stopOffset;

    private ObjdumpListing(byte[] file, String displayName, boolean aliases) throws ElfFormatException {
        this.displayName = displayName;
        this.elf = ElfFile.parse(file, displayName);
        this.symbols = new SortedSymbols(elf);
        RiscvAttributes attributes = elf.riscvAttributes();
        String arch = attributes != null && attributes.arch() != null ? attributes.arch() : "rv64gc";
        PrivSpec spec = null;
        if (attributes != null) {
            spec = PrivSpec.fromNumbers(attributes.number(RiscvAttributes.TAG_PRIV_SPEC),
                    attributes.number(RiscvAttributes.TAG_PRIV_SPEC_MINOR),
                    attributes.number(RiscvAttributes.TAG_PRIV_SPEC_REVISION));
        }
        Long gp = null;
        for (int i = 0; i < symbols.size(); i++) {
            if (symbols.get(i).name().equals("__global_pointer$")) {
                gp = symbols.get(i).value();
            }
        }
        this.disassembler = new Disassembler(aliases, IsaSubset.parse(arch), spec == null ? PrivSpec.latest() : spec,
                this::appendAddress, gp);
    }

    /**
     * Lists a file as {@code objdump -d} does ({@code aliases} false gives {@code -M no-aliases}).
     * The file name is printed as given.
     *
     * @throws ElfFormatException if the file is not an ELF64 little-endian RISC-V file or is malformed
     * @throws IOException if the file cannot be read
     */
    public static String of(Path file, boolean aliases) throws IOException {
        return of(Files.readAllBytes(file), file.toString(), aliases);
    }

    /** Lists the bytes of an ELF file; {@code displayName} is the name objdump would print. */
    public static String of(byte[] elfBytes, String displayName, boolean aliases) throws ElfFormatException {
        ObjdumpListing listing = new ObjdumpListing(elfBytes.clone(), displayName, aliases);
        listing.run();
        return listing.out.toString();
    }

    private void run() {
        out.append('\n').append(sanitize(displayName)).append(":     file format elf64-littleriscv\n\n");
        for (ElfSection s : elf.sections()) {
            if (s.isExecutable() && s.hasContents() && s.size() > 0) {
                listSection(s);
            }
        }
    }

    private void listSection(ElfSection s) {
        section = s;
        data = elf.contents(s);
        long stop = s.size();
        long addrOffset = 0;
        out.append("\nDisassembly of section ").append(sanitize(s.name())).append(":\n");
        int place = symbols.find(s.address(), s, true);
        SortedSymbols.Symbol sym = place < 0 ? null : symbols.get(place);
        while (addrOffset < stop) {
            long addr = s.address() + addrOffset;
            if (sym != null && Long.compareUnsigned(sym.value(), addr) <= 0) {
                symtabPos = place;
            } else {
                symtabPos = -1;
            }
            out.append('\n');
            appendAddressWithSymbol(sym, addr, false);
            out.append(":\n");
            SortedSymbols.Symbol next;
            if (sym != null && Long.compareUnsigned(sym.value(), addr) > 0) {
                next = sym;
            } else if (sym == null) {
                next = null;
            } else {
                while (place < symbols.size() && !isNextSymbol(symbols.get(place), sym)) {
                    place++;
                }
                next = place >= symbols.size() ? null : symbols.get(place);
            }
            long nextStop;
            if (sym != null && Long.compareUnsigned(sym.value(), addr) > 0) {
                nextStop = sym.value() - s.address();
            } else if (next == null) {
                nextStop = stop;
            } else {
                nextStop = next.value() - s.address();
            }
            if (Long.compareUnsigned(nextStop, stop) > 0 || Long.compareUnsigned(nextStop, addrOffset) <= 0) {
                nextStop = stop;
            }
            boolean insns = sym == null || sym.section() != s.index() || Long.compareUnsigned(sym.value(), addr) > 0
                    || (!sym.object() && !sym.name().contains("gnu_compiled") && !sym.name().contains("gcc2_compiled"))
                    || sym.function();
            listBytes(insns, addrOffset, nextStop);
            addrOffset = nextStop;
            sym = next;
        }
    }

    private boolean isNextSymbol(SortedSymbols.Symbol candidate, SortedSymbols.Symbol current) {
        return candidate.sectionName().equals(section.name())
                && Long.compareUnsigned(candidate.value(), current.value()) > 0
                && SortedSymbols.isValidLabel(candidate);
    }

    private void listBytes(boolean insns, long start, long stop) {
        int octetsPerLine = insns ? 4 : 16;
        int skipAddrChars = addressSkip();
        long addrOffset = start;
        int octets;
        while (addrOffset < stop) {
            long z = addrOffset;
            while (z < stop && data[(int) z] == 0) {
                z++;
            }
            if (z - addrOffset >= SKIP_ZEROES || (z == stop && z - addrOffset < SKIP_ZEROES_AT_END)) {
                if (z != stop) {
                    z = addrOffset + ((z - addrOffset) & ~3);
                }
                octets = (int) (z - addrOffset);
                out.append("\t...\n");
                addrOffset += octets;
                continue;
            }
            appendLineAddress(section.address() + addrOffset, skipAddrChars);
            StringBuilder text = new StringBuilder();
            if (insns) {
                bytesPerLine = 0;
                bytesPerChunk = 0;
                stopOffset = stop;
                octets = disassembleOne(section.address() + addrOffset, (int) addrOffset, (int) stop, text);
                if (bytesPerLine != 0) {
                    octetsPerLine = bytesPerLine;
                }
            } else {
                octets = octetsPerLine;
                if (addrOffset + octets > stop) {
                    octets = (int) (stop - addrOffset);
                }
                for (int j = 0; j < octets; j++) {
                    int b = data[(int) addrOffset + j] & 0xff;
                    text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                }
            }
            int pb = Math.min(octets, octetsPerLine);
            int bpc = bytesPerChunk != 0 ? bytesPerChunk : 1;
            for (long j = addrOffset; j < addrOffset + pb; j += bpc) {
                appendChunk(j, bpc, stop);
            }
            for (; pb < octetsPerLine; pb += bpc) {
                out.append("  ".repeat(bpc)).append(' ');
            }
            out.append(insns ? "\t" : "    ");
            out.append(text);
            while (pb < octets) {
                out.append('\n');
                long j = addrOffset + pb;
                appendLineAddress(section.address() + j, skipAddrChars);
                pb += octetsPerLine;
                if (pb > octets) {
                    pb = octets;
                }
                for (; j < addrOffset + pb; j += bpc) {
                    appendChunk(j, bpc, stop);
                }
            }
            out.append('\n');
            addrOffset += octets;
        }
    }

    /** Raw bytes of one chunk, most significant first; bytes past the block end are left blank. */
    private void appendChunk(long j, int bpc, long stop) {
        if (j + bpc <= stop) {
            for (int k = bpc - 1; k >= 0; k--) {
                out.append(hex2(data[(int) j + k] & 0xff));
            }
        }
        out.append(' ');
    }

    /** How many leading address digits objdump drops for this section (in steps of four). */
    private int addressSkip() {
        String end = hex16(section.address() + section.size());
        int skip = 0;
        while (skip < end.length() && end.charAt(skip) == '0') {
            skip++;
        }
        if (skip == end.length() && section.address() != 0) {
            skip = 0;
        }
        if (skip != 0) {
            skip = (skip - 1) & -4;
        }
        return skip;
    }

    private void appendLineAddress(long address, int skip) {
        char[] buf = hex16(address).toCharArray();
        int s = skip;
        while (s < buf.length && buf[s] == '0') {
            buf[s++] = ' ';
        }
        if (s == buf.length) {
            buf[s - 1] = '0';
        }
        out.append(buf, skip, buf.length - skip).append(":\t");
    }

    /** objdump's RISC-V entry point: decide between code and data, then print one item. */
    private int disassembleOne(long memaddr, int offset, int stop, StringBuilder text) {
        MapState state = searchMappingSymbol(memaddr);
        if (state == MapState.DATA) {
            int size = (int) dataLength(memaddr);
            bytesPerChunk = size;
            if (offset + size > stop) {
                return readError(memaddr, text);
            }
            long v = 0;
            for (int i = size - 1; i >= 0; i--) {
                v = v << 8 | (data[offset + i] & 0xff);
            }
            switch (size) {
                case 1 -> {
                    bytesPerLine = 6;
                    text.append(".byte\t0x").append(hex2((int) v));
                }
                case 2 -> {
                    bytesPerLine = 8;
                    text.append(".short\t0x").append(String.format("%04x", v));
                }
                default -> {
                    bytesPerLine = 8;
                    text.append(".word\t0x").append(String.format("%08x", v));
                }
            }
            return size;
        }
        if (offset + 2 > stop) {
            return readError(memaddr, text);
        }
        int first = (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
        int length = Disassembler.instructionLength(first);
        if (offset + length > stop) {
            return readError(memaddr, text);
        }
        bytesPerChunk = length % 4 == 0 ? 4 : 2;
        bytesPerLine = 8;
        return disassembler.disassemble(memaddr, data, offset, stop, text);
    }

    private int readError(long memaddr, StringBuilder text) {
        text.append("Address 0x").append(Long.toHexString(memaddr)).append(" is out of bounds.\n");
        return READ_ERROR_LENGTH;
    }

    /** Finds the mapping symbol ($x, $xrv..., $d) in force at an address, as the GNU disassembler does. */
    private MapState searchMappingSymbol(long memaddr) {
        MapState[] state = {MapState.INSN};
        if (symbols.size() == 0) {
            return state[0];
        }
        if (memaddr == 0) {
            lastMapSymbol = -1;
        }
        boolean fromLast = lastMapSymbol >= 0 && stopOffset == lastStopOffset;
        int n = symtabPos + 1;
        if (fromLast && n >= lastMapSymbol) {
            n = lastMapSymbol;
        }
        int found = -1;
        for (; n < symbols.size(); n++) {
            if (Long.compareUnsigned(symbols.get(n).value(), memaddr) > 0) {
                break;
            }
            if (applyMappingSymbol(n, state)) {
                found = n;
            }
        }
        if (found < 0) {
            n = symtabPos;
            if (fromLast && n >= lastMapSymbol) {
                n = lastMapSymbol;
            }
            for (; n >= 0; n--) {
                if (Long.compareUnsigned(symbols.get(n).value(), section.address()) < 0) {
                    break;
                }
                if (applyMappingSymbol(n, state)) {
                    found = n;
                    break;
                }
            }
        }
        lastMapSymbol = found;
        lastStopOffset = stopOffset;
        return state[0];
    }

    /** If symbol n is a mapping symbol of this section, applies it (an ISA string switches extensions). */
    private boolean applyMappingSymbol(int n, MapState[] state) {
        SortedSymbols.Symbol s = symbols.get(n);
        if (s.section() != section.index()) {
            return false;
        }
        String name = s.name();
        if (name.equals("$x")) {
            state[0] = MapState.INSN;
        } else if (name.equals("$d")) {
            state[0] = MapState.DATA;
        } else if (name.startsWith("$xrv")) {
            state[0] = MapState.INSN;
            disassembler.setIsa(IsaSubset.parse(name.substring(2)));
        } else {
            return false;
        }
        return true;
    }

    /** How many bytes of data to print as one item: up to 4, cut at the next mapping symbol or section end. */
    private long dataLength(long memaddr) {
        long length = 4;
        boolean found = false;
        if (symbols.size() != 0 && lastMapSymbol >= 0) {
            MapState[] ignored = {MapState.INSN};
            for (int n = lastMapSymbol + 1; n < symbols.size(); n++) {
                long addr = symbols.get(n).value();
                if (Long.compareUnsigned(addr, memaddr) > 0 && applyMappingSymbol(n, ignored)) {
                    if (addr - memaddr < length) {
                        length = addr - memaddr;
                    }
                    found = true;
                    break;
                }
            }
        }
        if (!found) {
            long left = section.address() + section.size() - memaddr;
            length = Long.compareUnsigned(left, length) < 0 ? left : length;
        }
        return length == 3 ? 2 : length;
    }

    /** objdump's way of writing an address in an operand: {@code 80000010 <loop>} (or 0x... without symbols). */
    private void appendAddress(StringBuilder sb, long vma) {
        if (symbols.size() < 1) {
            sb.append("0x").append(Long.toHexString(vma));
            return;
        }
        int place = symbols.find(vma, section, false);
        appendAddressWithSymbol(sb, place < 0 ? null : symbols.get(place), vma, true);
    }

    private void appendAddressWithSymbol(SortedSymbols.Symbol sym, long vma, boolean skipZeroes) {
        appendAddressWithSymbol(out, sym, vma, skipZeroes);
    }

    private void appendAddressWithSymbol(StringBuilder sb, SortedSymbols.Symbol sym, long vma, boolean skipZeroes) {
        sb.append(skipZeroes ? Long.toHexString(vma) : hex16(vma)).append(' ');
        if (sym == null) {
            sb.append('<').append(sanitize(section.name()));
            long base = section.address();
            if (Long.compareUnsigned(vma, base) < 0) {
                sb.append("-0x").append(Long.toHexString(base - vma));
            } else if (Long.compareUnsigned(vma, base) > 0) {
                sb.append("+0x").append(Long.toHexString(vma - base));
            }
            sb.append('>');
            return;
        }
        sb.append('<').append(sanitize(sym.name()));
        if (Long.compareUnsigned(sym.value(), vma) > 0) {
            sb.append("-0x").append(Long.toHexString(sym.value() - vma));
        } else if (Long.compareUnsigned(vma, sym.value()) > 0) {
            sb.append("+0x").append(Long.toHexString(vma - sym.value()));
        }
        sb.append('>');
    }

    private static String hex16(long v) {
        String h = Long.toHexString(v);
        return "0".repeat(16 - h.length()) + h;
    }

    private static String hex2(int b) {
        return b < 16 ? "0" + Integer.toHexString(b) : Integer.toHexString(b);
    }

    /** objdump shows control characters in names as ^X. */
    private static String sanitize(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append('^').append((char) (c + 0x40));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
