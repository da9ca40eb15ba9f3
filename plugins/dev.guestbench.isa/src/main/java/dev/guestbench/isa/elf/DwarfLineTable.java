package dev.guestbench.isa.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The DWARF line table of an ELF ({@code .debug_line}, versions 2 to 5): which source line each code
 * address came from. A debugger maps a pc to a line with it and a line breakpoint to an address.
 */
public final class DwarfLineTable {

    /** One row: code from {@code address} on came from {@code line} of {@code file} (a path as the assembler saw it). */
    public record Row(long address, String file, int line) {
    }

    private static final int DW_LNS_COPY = 1;
    private static final int DW_LNS_ADVANCE_PC = 2;
    private static final int DW_LNS_ADVANCE_LINE = 3;
    private static final int DW_LNS_SET_FILE = 4;
    private static final int DW_LNS_CONST_ADD_PC = 8;
    private static final int DW_LNS_FIXED_ADVANCE_PC = 9;
    private static final int DW_LNE_END_SEQUENCE = 1;
    private static final int DW_LNE_SET_ADDRESS = 2;
    private static final int DW_LNE_DEFINE_FILE = 3;
    private static final int DW_LNCT_PATH = 1;
    private static final int DW_LNCT_DIRECTORY_INDEX = 2;

    /** Rows sorted by address; a row whose line is 0 ends a sequence (no source from there on). */
    private final List<Row> rows;

    private DwarfLineTable(List<Row> rows) {
        this.rows = rows;
    }

    /** An empty table (an ELF without line information). */
    public static DwarfLineTable empty() {
        return new DwarfLineTable(List.of());
    }

    /** The line table of {@code elf}, empty when it has no {@code .debug_line}. */
    public static DwarfLineTable of(ElfFile elf) throws ElfFormatException {
        ElfSection section = elf.section(".debug_line");
        if (section == null) {
            return empty();
        }
        ElfSection lineStr = elf.section(".debug_line_str");
        ElfSection str = elf.section(".debug_str");
        return parse(elf.contents(section), lineStr == null ? new byte[0] : elf.contents(lineStr),
                str == null ? new byte[0] : elf.contents(str), elf.name());
    }

    /** Parses a {@code .debug_line} section with the string sections its version-5 header may point into. */
    public static DwarfLineTable parse(byte[] debugLine, byte[] debugLineStr, byte[] debugStr, String name)
            throws ElfFormatException {
        List<Row> rows = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(debugLine).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (b.remaining() > 0) {
                parseUnit(b, debugLineStr, debugStr, rows);
            }
        } catch (RuntimeException e) {
            throw new ElfFormatException(name + ": malformed .debug_line at offset " + b.position() + ": " + e);
        }
        rows.sort(Comparator.comparingLong(Row::address));
        return new DwarfLineTable(List.copyOf(rows));
    }

    /** Every row, by address. */
    public List<Row> rows() {
        return rows;
    }

    /** The source row covering {@code address}, or null when no line produced it. */
    public Row rowAt(long address) {
        int lo = 0;
        int hi = rows.size() - 1;
        Row found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Row r = rows.get(mid);
            if (Long.compareUnsigned(r.address(), address) <= 0) {
                found = r;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found == null || found.line() == 0 ? null : found;
    }

    /**
     * The lowest address of code from {@code line} of the file whose path ends with {@code fileName}; when
     * that line has no code, the first line after it that has (as GDB places a breakpoint). -1 if none.
     */
    public long addressOf(String fileName, int line) {
        int bestLine = Integer.MAX_VALUE;
        long best = -1;
        for (Row r : rows) {
            if (r.line() == 0 || r.line() < line || !sameFile(r.file(), fileName)) {
                continue;
            }
            if (r.line() < bestLine || (r.line() == bestLine && Long.compareUnsigned(r.address(), best) < 0)) {
                bestLine = r.line();
                best = r.address();
            }
        }
        return best;
    }

    private static boolean sameFile(String path, String fileName) {
        String p = path.replace('\\', '/');
        String f = fileName.replace('\\', '/');
        return p.equals(f) || p.endsWith("/" + f) || f.endsWith("/" + p);
    }

    private static void parseUnit(ByteBuffer b, byte[] lineStr, byte[] str, List<Row> rows) {
        long length = b.getInt() & 0xffff_ffffL;
        boolean dwarf64 = length == 0xffff_ffffL;
        if (dwarf64) {
            length = b.getLong();
        }
        int end = Math.toIntExact(b.position() + length);
        int version = b.getShort() & 0xffff;
        if (version < 2 || version > 5) {
            throw new IllegalArgumentException("DWARF line table version " + version + " is not supported (2 to 5 are)");
        }
        int addressSize = 8;
        if (version >= 5) {
            addressSize = b.get();
            b.get(); // segment selector size
        }
        long headerLength = dwarf64 ? b.getLong() : b.getInt() & 0xffff_ffffL;
        int programStart = Math.toIntExact(b.position() + headerLength);
        int minInstLength = b.get() & 0xff;
        if (version >= 4) {
            b.get(); // maximum operations per instruction: 1 on RISC-V
        }
        b.get(); // default is_stmt: assembly has one statement per line, every row is kept
        int lineBase = b.get();
        int lineRange = b.get() & 0xff;
        int opcodeBase = b.get() & 0xff;
        int[] standardLengths = new int[opcodeBase];
        for (int i = 1; i < opcodeBase; i++) {
            standardLengths[i] = b.get() & 0xff;
        }
        List<String> dirs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        if (version >= 5) {
            readEntries(b, dwarf64, addressSize, lineStr, str, dirs, null);
            readEntries(b, dwarf64, addressSize, lineStr, str, files, dirs);
        } else {
            dirs.add("");
            String d;
            while (!(d = cString(b)).isEmpty()) {
                dirs.add(d);
            }
            files.add("");
            String f;
            while (!(f = cString(b)).isEmpty()) {
                int dir = (int) uleb(b);
                uleb(b);
                uleb(b);
                files.add(join(dirs, dir, f));
            }
        }
        b.position(programStart);
        long address = 0;
        int file = 1;
        int line = 1;
        while (b.position() < end) {
            int op = b.get() & 0xff;
            if (op >= opcodeBase) {
                int adjusted = op - opcodeBase;
                address += (long) (adjusted / lineRange) * minInstLength;
                line += lineBase + adjusted % lineRange;
                rows.add(new Row(address, fileName(files, file), line));
            } else if (op == 0) {
                long len = uleb(b);
                int next = Math.toIntExact(b.position() + len);
                int ext = b.get() & 0xff;
                switch (ext) {
                    case DW_LNE_END_SEQUENCE -> {
                        rows.add(new Row(address, fileName(files, file), 0));
                        address = 0;
                        file = 1;
                        line = 1;
                    }
                    case DW_LNE_SET_ADDRESS -> address = len - 1 == 4 ? b.getInt() & 0xffff_ffffL : b.getLong();
                    case DW_LNE_DEFINE_FILE -> files.add(cString(b));
                    default -> {
                        // Other extended opcodes (discriminators) do not move the row.
                    }
                }
                b.position(next);
            } else {
                switch (op) {
                    case DW_LNS_COPY -> rows.add(new Row(address, fileName(files, file), line));
                    case DW_LNS_ADVANCE_PC -> address += uleb(b) * minInstLength;
                    case DW_LNS_ADVANCE_LINE -> line += (int) sleb(b);
                    case DW_LNS_SET_FILE -> file = (int) uleb(b);
                    case DW_LNS_CONST_ADD_PC -> address += (long) ((255 - opcodeBase) / lineRange) * minInstLength;
                    case DW_LNS_FIXED_ADVANCE_PC -> address += b.getShort() & 0xffff;
                    default -> {
                        for (int i = 0; i < standardLengths[op]; i++) {
                            uleb(b);
                        }
                    }
                }
            }
        }
        b.position(end);
    }

    /** DWARF 5 directory or file entries, described by (content type, form) pairs. */
    private static void readEntries(ByteBuffer b, boolean dwarf64, int addressSize, byte[] lineStr, byte[] str,
            List<String> out, List<String> dirs) {
        int formatCount = b.get() & 0xff;
        long[] types = new long[formatCount];
        long[] forms = new long[formatCount];
        for (int i = 0; i < formatCount; i++) {
            types[i] = uleb(b);
            forms[i] = uleb(b);
        }
        long count = uleb(b);
        for (long n = 0; n < count; n++) {
            String path = "";
            int dir = 0;
            for (int i = 0; i < formatCount; i++) {
                Object v = readForm(b, (int) forms[i], dwarf64, addressSize, lineStr, str);
                if (types[i] == DW_LNCT_PATH) {
                    path = (String) v;
                } else if (types[i] == DW_LNCT_DIRECTORY_INDEX) {
                    dir = (int) (long) (Long) v;
                }
            }
            out.add(dirs == null ? path : join(dirs, dir, path));
        }
    }

    private static Object readForm(ByteBuffer b, int form, boolean dwarf64, int addressSize, byte[] lineStr,
            byte[] str) {
        return switch (form) {
            case 0x08 -> cString(b); // DW_FORM_string
            case 0x1f -> stringAt(lineStr, dwarf64 ? b.getLong() : b.getInt() & 0xffff_ffffL); // line_strp
            case 0x0e -> stringAt(str, dwarf64 ? b.getLong() : b.getInt() & 0xffff_ffffL); // strp
            case 0x0b -> (long) (b.get() & 0xff); // data1
            case 0x05 -> (long) (b.getShort() & 0xffff); // data2
            case 0x06 -> b.getInt() & 0xffff_ffffL; // data4
            case 0x07 -> b.getLong(); // data8
            case 0x0f -> uleb(b); // udata
            case 0x1e -> { // data16 (an MD5)
                b.position(b.position() + 16);
                yield 0L;
            }
            case 0x09 -> { // block
                b.position(b.position() + (int) uleb(b));
                yield 0L;
            }
            default -> throw new IllegalArgumentException("DWARF form 0x" + Integer.toHexString(form)
                    + " in a line table header is not supported");
        };
    }

    private static String join(List<String> dirs, int dir, String file) {
        if (file.startsWith("/") || dir < 0 || dir >= dirs.size() || dirs.get(dir).isEmpty()) {
            return file;
        }
        return dirs.get(dir) + "/" + file;
    }

    private static String fileName(List<String> files, int index) {
        return index >= 0 && index < files.size() ? files.get(index) : "?";
    }

    private static String stringAt(byte[] section, long offset) {
        int start = Math.toIntExact(offset);
        int end = start;
        while (end < section.length && section[end] != 0) {
            end++;
        }
        return new String(section, start, end - start, StandardCharsets.UTF_8);
    }

    private static String cString(ByteBuffer b) {
        int start = b.position();
        while (b.get() != 0) {
            // scan to the NUL
        }
        return new String(b.array(), start, b.position() - start - 1, StandardCharsets.UTF_8);
    }

    private static long uleb(ByteBuffer b) {
        long v = 0;
        int shift = 0;
        int x;
        do {
            x = b.get() & 0xff;
            v |= (long) (x & 0x7f) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        return v;
    }

    private static long sleb(ByteBuffer b) {
        long v = 0;
        int shift = 0;
        int x;
        do {
            x = b.get() & 0xff;
            v |= (long) (x & 0x7f) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        if (shift < 64 && (x & 0x40) != 0) {
            v |= -1L << shift;
        }
        return v;
    }
}
