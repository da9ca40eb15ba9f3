package dev.guestbench.isa.elf;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The file-level attributes of a .riscv.attributes section: ISA string and privileged-spec version. */
public final class RiscvAttributes {
    /** Tag of the stack alignment. */
    public static final int TAG_STACK_ALIGN = 4;
    /** Tag of the ISA string, e.g. "rv64i2p1_m2p0_a2p1_f2p2_d2p2_c2p0_zicsr2p0". */
    public static final int TAG_ARCH = 5;
    /** Tag of the unaligned-access flag. */
    public static final int TAG_UNALIGNED_ACCESS = 6;
    /** Tag of the privileged specification's major version. */
    public static final int TAG_PRIV_SPEC = 8;
    /** Tag of the privileged specification's minor version. */
    public static final int TAG_PRIV_SPEC_MINOR = 10;
    /** Tag of the privileged specification's revision. */
    public static final int TAG_PRIV_SPEC_REVISION = 12;

    private final Map<Integer, Object> values;

    private RiscvAttributes(Map<Integer, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Parses the contents of a .riscv.attributes section. */
    public static RiscvAttributes parse(byte[] bytes, String sectionName) throws ElfFormatException {
        Reader r = new Reader(bytes, sectionName);
        Map<Integer, Object> values = new LinkedHashMap<>();
        if (bytes.length == 0) {
            return new RiscvAttributes(values);
        }
        if (bytes[0] != 'A') {
            throw r.error("unknown format version " + (bytes[0] & 0xff));
        }
        r.pos = 1;
        while (r.pos < bytes.length) {
            int start = r.pos;
            long length = r.u32();
            if (length < 4 || length > bytes.length - start) {
                throw r.error("subsection length " + length + " at offset " + start + " out of range");
            }
            int end = (int) (start + length);
            String vendor = r.string(end);
            if (vendor.equals("riscv")) {
                while (r.pos < end) {
                    int subStart = r.pos;
                    long tag = r.uleb(end);
                    long size = r.u32();
                    if (size < 5 || size > end - subStart) {
                        throw r.error("attribute block length " + size + " at offset " + subStart + " out of range");
                    }
                    int subEnd = (int) (subStart + size);
                    if (tag == 1) {
                        while (r.pos < subEnd) {
                            int attr = (int) r.uleb(subEnd);
                            // Odd tags (and the arch tag) hold strings, even tags numbers.
                            values.put(attr, (attr & 1) == 1 ? r.string(subEnd) : (Object) r.uleb(subEnd));
                        }
                    }
                    r.pos = subEnd;
                }
            }
            r.pos = end;
        }
        return new RiscvAttributes(values);
    }

    /** The ISA string, or null if it is not given. */
    public String arch() {
        Object v = values.get(TAG_ARCH);
        return v instanceof String s ? s : null;
    }

    /** A numeric attribute, or 0 if absent. */
    public long number(int tag) {
        Object v = values.get(tag);
        return v instanceof Long l ? l : 0;
    }

    /** All attributes by tag: strings for odd tags, Long for even ones. */
    public Map<Integer, Object> values() {
        return values;
    }

    /** Bounds-checked reading of the attribute encoding. */
    private static final class Reader {
        final byte[] b;
        final String section;
        int pos;

        Reader(byte[] b, String section) {
            this.b = b;
            this.section = section;
        }

        ElfFormatException error(String what) {
            return new ElfFormatException("malformed " + section + " section: " + what);
        }

        long u32() throws ElfFormatException {
            if (pos + 4 > b.length) {
                throw error("truncated length at offset " + pos);
            }
            long v = (b[pos] & 0xffL) | (b[pos + 1] & 0xffL) << 8 | (b[pos + 2] & 0xffL) << 16
                    | (b[pos + 3] & 0xffL) << 24;
            pos += 4;
            return v;
        }

        long uleb(int end) throws ElfFormatException {
            long v = 0;
            int shift = 0;
            while (true) {
                if (pos >= end) {
                    throw error("truncated number at offset " + pos);
                }
                int c = b[pos++] & 0xff;
                if (shift < 64) {
                    v |= (long) (c & 0x7f) << shift;
                }
                shift += 7;
                if ((c & 0x80) == 0) {
                    return v;
                }
            }
        }

        String string(int end) throws ElfFormatException {
            int start = pos;
            while (pos < end && b[pos] != 0) {
                pos++;
            }
            if (pos >= end) {
                throw error("unterminated string at offset " + start);
            }
            String s = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
            pos++;
            return s;
        }
    }
}
