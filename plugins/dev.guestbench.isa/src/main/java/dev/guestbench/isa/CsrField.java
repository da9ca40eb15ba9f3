package dev.guestbench.isa;

/** A named bit field of a CSR. */
public record CsrField(String name, int lsb, int width, String description) {

    /** Highest bit of the field. */
    public int msb() {
        return lsb + width - 1;
    }

    /** The field's value within a CSR value. */
    public long extract(long csrValue) {
        long mask = width == 64 ? -1L : (1L << width) - 1;
        return (csrValue >>> lsb) & mask;
    }

    /** The mask of the field's bits within the CSR. */
    public long mask() {
        long mask = width == 64 ? -1L : (1L << width) - 1;
        return mask << lsb;
    }

    /** Bit position(s) as written in the specification, e.g. "12:11" or "3". */
    public String bits() {
        return width == 1 ? Integer.toString(lsb) : msb() + ":" + lsb;
    }
}
