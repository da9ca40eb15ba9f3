package dev.guestbench.isa.elf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed ELF64 little-endian RISC-V file (executable or relocatable object): header, sections,
 * program headers and the .symtab symbols. Every offset and size is checked against the file; a
 * malformed file gives an {@link ElfFormatException} with a one-line message, never an index error.
 */
public final class ElfFile {
    private static final int EHDR_SIZE = 64;
    private static final int SHDR_SIZE = 64;
    private static final int PHDR_SIZE = 56;
    private static final int SYM_SIZE = 24;
    private static final int SHN_LORESERVE = 0xff00;
    private static final int SHN_XINDEX = 0xffff;

    private final String name;
    private final byte[] data;
    private final ElfHeader header;
    private final List<ElfSection> sections;
    private final List<ElfProgramHeader> programHeaders;
    private final List<ElfSymbol> symbols;

    private ElfFile(String name, byte[] data) throws ElfFormatException {
        this.name = name;
        this.data = data;
        this.header = readHeader();
        this.sections = Collections.unmodifiableList(readSections());
        this.programHeaders = Collections.unmodifiableList(readProgramHeaders());
        this.symbols = Collections.unmodifiableList(readSymbols());
    }

    /** Reads and parses a file. */
    public static ElfFile read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Parses the bytes of an ELF file; {@code name} is only used in messages. */
    public static ElfFile parse(byte[] bytes, String name) throws ElfFormatException {
        return new ElfFile(name, bytes.clone());
    }

    /** The name given when the file was read. */
    public String name() {
        return name;
    }

    /** The file header. */
    public ElfHeader header() {
        return header;
    }

    /** All section headers in file order (index 0 is the null section). */
    public List<ElfSection> sections() {
        return sections;
    }

    /** The first section with this name, or null. */
    public ElfSection section(String sectionName) {
        for (ElfSection s : sections) {
            if (s.name().equals(sectionName)) {
                return s;
            }
        }
        return null;
    }

    /** All program headers. */
    public List<ElfProgramHeader> programHeaders() {
        return programHeaders;
    }

    /** The symbols of .symtab in table order, without the null symbol 0; empty if there is no .symtab. */
    public List<ElfSymbol> symbols() {
        return symbols;
    }

    /** Size of the file in bytes. */
    public long size() {
        return data.length;
    }

    /** A copy of a section's bytes in the file (empty for NOBITS sections). */
    public byte[] contents(ElfSection section) {
        if (!section.hasContents()) {
            return new byte[0];
        }
        byte[] out = new byte[(int) section.size()];
        System.arraycopy(data, (int) section.offset(), out, 0, out.length);
        return out;
    }

    /** A copy of a segment's bytes in the file (p_filesz bytes; empty for a PT_NULL entry). */
    public byte[] contents(ElfProgramHeader segment) {
        if (segment.type() == 0) {
            return new byte[0];
        }
        byte[] out = new byte[(int) segment.fileSize()];
        System.arraycopy(data, (int) segment.offset(), out, 0, out.length);
        return out;
    }

    /** The RISC-V attributes (from .riscv.attributes), or null when the file has none. */
    public RiscvAttributes riscvAttributes() throws ElfFormatException {
        for (ElfSection s : sections) {
            if (s.type() == ElfSection.SHT_RISCV_ATTRIBUTES) {
                return RiscvAttributes.parse(contents(s), s.name());
            }
        }
        return null;
    }

    private ElfHeader readHeader() throws ElfFormatException {
        if (data.length < 4 || data[0] != 0x7f || data[1] != 'E' || data[2] != 'L' || data[3] != 'F') {
            throw new ElfFormatException("not an ELF file");
        }
        if (data.length < 16) {
            throw new ElfFormatException("truncated ELF header (file is " + data.length + " bytes)");
        }
        if (data[4] != 2) {
            throw new ElfFormatException(data[4] == 1 ? "not a 64-bit ELF file (it is ELF32)"
                    : "not a 64-bit ELF file (ELF class " + (data[4] & 0xff) + ")");
        }
        if (data[5] != 1) {
            throw new ElfFormatException("not a little-endian ELF file (data encoding " + (data[5] & 0xff) + ")");
        }
        if (data[6] != 1) {
            throw new ElfFormatException("unsupported ELF version " + (data[6] & 0xff));
        }
        if (data.length < EHDR_SIZE) {
            throw new ElfFormatException("truncated ELF header (file is " + data.length + " bytes, the header needs "
                    + EHDR_SIZE + ")");
        }
        int machine = u16(18);
        if (machine != ElfHeader.EM_RISCV) {
            throw new ElfFormatException("not a RISC-V ELF file (machine " + machine + machineName(machine) + ")");
        }
        return new ElfHeader(u16(16), machine, u32(20), u64(24), u64(32), u64(40), (int) u32(48), u16(52), u16(54),
                u16(56), u16(58), u16(60), u16(62));
    }

    private static String machineName(int machine) {
        return switch (machine) {
            case 3 -> ", i386";
            case 40 -> ", ARM";
            case 62 -> ", x86-64";
            case 183 -> ", AArch64";
            default -> "";
        };
    }

    private List<ElfSection> readSections() throws ElfFormatException {
        long shoff = header.sectionHeaderOffset();
        long count = header.sectionHeaderCount();
        if (shoff == 0) {
            return new ArrayList<>();
        }
        if (header.sectionHeaderEntrySize() != SHDR_SIZE) {
            throw new ElfFormatException("unexpected section header size " + header.sectionHeaderEntrySize()
                    + " (expected " + SHDR_SIZE + ")");
        }
        checkRange(shoff, SHDR_SIZE, "section header table extends past end of file (offset " + hex(shoff) + ")");
        if (count == 0) {
            // More than 0xff00 sections: the real count is in the size of section 0.
            count = u64(shoff + 32);
        }
        if (count < 0 || count > (data.length - shoff) / SHDR_SIZE) {
            throw new ElfFormatException("section header table extends past end of file (offset " + hex(shoff)
                    + ", " + count + " entries of " + SHDR_SIZE + " bytes, file size " + hex(data.length) + ")");
        }
        int n = (int) count;
        long[] nameOffsets = new long[n];
        List<ElfSection> raw = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long at = shoff + (long) i * SHDR_SIZE;
            nameOffsets[i] = u32(at);
            int type = (int) u32(at + 4);
            long offset = u64(at + 24);
            long size = u64(at + 32);
            raw.add(new ElfSection(i, "", type, u64(at + 8), u64(at + 16), offset, size, (int) u32(at + 40),
                    (int) u32(at + 44), u64(at + 48), u64(at + 56)));
            if (type != ElfSection.SHT_NOBITS && type != ElfSection.SHT_NULL && !fits(offset, size)) {
                throw new ElfFormatException("section " + i + " extends past end of file (offset " + hex(offset)
                        + ", size " + hex(size) + ", file size " + hex(data.length) + ")");
            }
        }
        int strIndex = header.sectionNameTableIndex();
        if (strIndex == SHN_XINDEX) {
            strIndex = raw.get(0).link();
        }
        if (strIndex != 0 && (strIndex < 0 || strIndex >= n)) {
            throw new ElfFormatException("section name string table index " + strIndex + " out of range (" + n
                    + " sections)");
        }
        List<ElfSection> out = new ArrayList<>(n);
        ElfSection names = strIndex == 0 ? null : raw.get(strIndex);
        if (names != null && names.type() == ElfSection.SHT_NOBITS) {
            throw new ElfFormatException("section name string table (section " + strIndex + ") has no contents");
        }
        for (int i = 0; i < n; i++) {
            ElfSection s = raw.get(i);
            String sectionName = "";
            if (names != null) {
                if (nameOffsets[i] >= names.size()) {
                    throw new ElfFormatException("section " + i + " name offset " + hex(nameOffsets[i])
                            + " outside the section name table (size " + hex(names.size()) + ")");
                }
                sectionName = string(names, nameOffsets[i], "the section name table");
            }
            out.add(new ElfSection(i, sectionName, s.type(), s.flags(), s.address(), s.offset(), s.size(), s.link(),
                    s.info(), s.addressAlignment(), s.entrySize()));
        }
        return out;
    }

    private List<ElfProgramHeader> readProgramHeaders() throws ElfFormatException {
        long phoff = header.programHeaderOffset();
        int count = header.programHeaderCount();
        List<ElfProgramHeader> out = new ArrayList<>();
        if (count == 0 || phoff == 0) {
            return out;
        }
        if (header.programHeaderEntrySize() != PHDR_SIZE) {
            throw new ElfFormatException("unexpected program header size " + header.programHeaderEntrySize()
                    + " (expected " + PHDR_SIZE + ")");
        }
        if (!fits(phoff, (long) count * PHDR_SIZE)) {
            throw new ElfFormatException("program header table extends past end of file (offset " + hex(phoff)
                    + ", " + count + " entries, file size " + hex(data.length) + ")");
        }
        for (int i = 0; i < count; i++) {
            long at = phoff + (long) i * PHDR_SIZE;
            ElfProgramHeader p = new ElfProgramHeader(i, (int) u32(at), (int) u32(at + 4), u64(at + 8), u64(at + 16),
                    u64(at + 24), u64(at + 32), u64(at + 40), u64(at + 48));
            if (p.type() != 0 && !fits(p.offset(), p.fileSize())) {
                String type = p.isLoad() ? "LOAD" : "type " + hex(p.type() & 0xffffffffL);
                throw new ElfFormatException("program header " + i + " (" + type + ") extends past end of file (offset "
                        + hex(p.offset()) + ", size " + hex(p.fileSize()) + ", file size " + hex(data.length) + ")");
            }
            if (p.isLoad()) {
                if (Long.compareUnsigned(p.fileSize(), p.memorySize()) > 0) {
                    throw new ElfFormatException("program header " + i + " (LOAD) has file size " + hex(p.fileSize())
                            + " larger than its memory size " + hex(p.memorySize()));
                }
            }
            out.add(p);
        }
        return out;
    }

    private List<ElfSymbol> readSymbols() throws ElfFormatException {
        List<ElfSymbol> out = new ArrayList<>();
        ElfSection symtab = null;
        for (ElfSection s : sections) {
            if (s.type() == ElfSection.SHT_SYMTAB) {
                symtab = s;
                break;
            }
        }
        if (symtab == null) {
            return out;
        }
        String tableName = symtab.name().isEmpty() ? "symbol table" : symtab.name();
        if (symtab.entrySize() != SYM_SIZE) {
            throw new ElfFormatException(tableName + " has entry size " + symtab.entrySize() + " (expected " + SYM_SIZE
                    + ")");
        }
        if (symtab.size() % SYM_SIZE != 0) {
            throw new ElfFormatException(tableName + " size " + hex(symtab.size()) + " is not a multiple of "
                    + SYM_SIZE);
        }
        int link = symtab.link();
        if (link <= 0 || link >= sections.size() || sections.get(link).type() != ElfSection.SHT_STRTAB) {
            throw new ElfFormatException(tableName + " links to section " + link + ", which is not a string table");
        }
        ElfSection strtab = sections.get(link);
        String strName = strtab.name().isEmpty() ? "its string table" : strtab.name();
        ElfSection shndx = null;
        for (ElfSection s : sections) {
            if (s.type() == ElfSection.SHT_SYMTAB_SHNDX && s.link() == symtab.index()) {
                shndx = s;
            }
        }
        long count = symtab.size() / SYM_SIZE;
        for (int i = 1; i < count; i++) {
            long at = symtab.offset() + (long) i * SYM_SIZE;
            long nameOffset = u32(at);
            int info = data[(int) at + 4] & 0xff;
            int other = data[(int) at + 5] & 0xff;
            int sectionIndex = u16(at + 6);
            if (nameOffset >= strtab.size()) {
                throw new ElfFormatException("symbol " + i + " name offset " + hex(nameOffset) + " outside string table "
                        + strName + " (size " + hex(strtab.size()) + ")");
            }
            String symbolName = string(strtab, nameOffset, strName);
            if (sectionIndex == SHN_XINDEX) {
                if (shndx == null || (long) i * 4 + 4 > shndx.size()) {
                    throw new ElfFormatException("symbol " + i + " (" + symbolName
                            + ") needs an extended section index, but there is none");
                }
                sectionIndex = (int) u32(shndx.offset() + (long) i * 4);
            } else if (sectionIndex != 0 && sectionIndex < SHN_LORESERVE && sectionIndex >= sections.size()) {
                throw new ElfFormatException("symbol " + i + " (" + symbolName + ") refers to section " + sectionIndex
                        + ", which does not exist");
            }
            out.add(new ElfSymbol(i, symbolName, u64(at + 8), u64(at + 16), info & 0xf, info >>> 4, other & 3,
                    sectionIndex));
        }
        return out;
    }

    /** A NUL-terminated name from a string table; names are read as UTF-8, as a terminal shows them. */
    private String string(ElfSection table, long offset, String tableName) throws ElfFormatException {
        long start = table.offset() + offset;
        long end = table.offset() + table.size();
        for (long p = start; p < end; p++) {
            if (data[(int) p] == 0) {
                return new String(data, (int) start, (int) (p - start), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new ElfFormatException("unterminated string at offset " + hex(offset) + " in " + tableName);
    }

    private boolean fits(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= data.length && length <= data.length - offset;
    }

    private void checkRange(long offset, long length, String message) throws ElfFormatException {
        if (!fits(offset, length)) {
            throw new ElfFormatException(message);
        }
    }

    private int u16(long at) {
        int i = (int) at;
        return (data[i] & 0xff) | (data[i + 1] & 0xff) << 8;
    }

    private long u32(long at) {
        int i = (int) at;
        return (data[i] & 0xffL) | (data[i + 1] & 0xffL) << 8 | (data[i + 2] & 0xffL) << 16 | (data[i + 3] & 0xffL) << 24;
    }

    private long u64(long at) {
        return u32(at) | u32(at + 4) << 32;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
