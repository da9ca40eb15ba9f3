package dev.guestbench.isa;

import java.util.ArrayList;
import java.util.List;

/**
 * A value scattered over bit ranges of an instruction word, such as the B-type branch offset.
 *
 * <p>Written as a list of segments {@code "hi:lo>v"} (instruction bits hi..lo hold value bits from
 * v upwards) or {@code "b>v"} for a single bit, e.g. {@code "31>12 30:25>5 11:8>1 7>11"}.
 * The lowest value bit that any segment fills gives the implicit alignment (scale).
 */
public final class BitField {
    private final String spec;
    private final int[] insnLo;
    private final int[] width;
    private final int[] valueLo;
    private final boolean signed;
    private final int valueBits;
    private final int alignBits;
    private final int insnMask;

    private BitField(String spec, boolean signed) {
        this.spec = spec;
        this.signed = signed;
        String[] parts = spec.trim().split("\\s+");
        insnLo = new int[parts.length];
        width = new int[parts.length];
        valueLo = new int[parts.length];
        int top = 0;
        int low = Integer.MAX_VALUE;
        int mask = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            int gt = p.indexOf('>');
            String range = p.substring(0, gt);
            int v = Integer.parseInt(p.substring(gt + 1));
            int hi;
            int lo;
            int colon = range.indexOf(':');
            if (colon < 0) {
                hi = lo = Integer.parseInt(range);
            } else {
                hi = Integer.parseInt(range.substring(0, colon));
                lo = Integer.parseInt(range.substring(colon + 1));
            }
            if (hi < lo || lo < 0 || hi > 31) {
                throw new IllegalArgumentException("bad bit range in field " + spec);
            }
            insnLo[i] = lo;
            width[i] = hi - lo + 1;
            valueLo[i] = v;
            top = Math.max(top, v + width[i]);
            low = Math.min(low, v);
            int segMask = (int) (((1L << width[i]) - 1) << lo);
            if ((mask & segMask) != 0) {
                throw new IllegalArgumentException("overlapping segments in field " + spec);
            }
            mask |= segMask;
        }
        this.valueBits = top;
        this.alignBits = low;
        this.insnMask = mask;
    }

    /** An unsigned field. */
    public static BitField unsigned(String spec) {
        return new BitField(spec, false);
    }

    /** A two's-complement field whose highest value bit is the sign. */
    public static BitField signed(String spec) {
        return new BitField(spec, true);
    }

    /** Reads the value (sign-extended when signed) from instruction bits; allocates nothing. */
    public long extract(int bits) {
        long v = 0;
        for (int i = 0; i < insnLo.length; i++) {
            v |= (long) ((bits >>> insnLo[i]) & ((1 << width[i]) - 1)) << valueLo[i];
        }
        if (signed) {
            int shift = 64 - valueBits;
            v = (v << shift) >> shift;
        }
        return v;
    }

    /** Places a value into the field's bits (the caller checks range and alignment). */
    public int insert(long value) {
        int bits = 0;
        for (int i = 0; i < insnLo.length; i++) {
            bits |= (int) ((value >>> valueLo[i]) & ((1L << width[i]) - 1)) << insnLo[i];
        }
        return bits;
    }

    /** The instruction bits this field occupies. */
    public int insnMask() {
        return insnMask;
    }

    /** True if the field is read as a two's-complement number. */
    public boolean isSigned() {
        return signed;
    }

    /** Number of value bits, including the implicit low zero bits. */
    public int valueBits() {
        return valueBits;
    }

    /** The implicit alignment: values are multiples of {@code 1 << alignBits()}. */
    public int alignBits() {
        return alignBits;
    }

    /** Smallest representable value. */
    public long min() {
        return signed ? -(1L << (valueBits - 1)) : 0;
    }

    /** Largest representable value. */
    public long max() {
        long top = signed ? (1L << (valueBits - 1)) - 1 : (1L << valueBits) - 1;
        return top & ~((1L << alignBits) - 1);
    }

    /** The segments in the notation this field was written in. */
    public String spec() {
        return spec;
    }

    /** The segments as (instruction high bit, instruction low bit, value low bit) triples. */
    public List<int[]> segments() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < insnLo.length; i++) {
            out.add(new int[] {insnLo[i] + width[i] - 1, insnLo[i], valueLo[i]});
        }
        return out;
    }

    @Override
    public String toString() {
        return (signed ? "signed " : "unsigned ") + spec;
    }
}
