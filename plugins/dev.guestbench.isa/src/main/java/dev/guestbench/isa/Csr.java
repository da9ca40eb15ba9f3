package dev.guestbench.isa;

import java.util.List;

/**
 * One control and status register: number, name, who may access it, what it holds and its fields.
 * A few numbers had other names in older privileged specifications; each such name is its own
 * entry with the version range in which it applies.
 */
public final class Csr {
    private final int number;
    private final String name;
    private final String extension;
    private final boolean rv32Only;
    private final PrivSpec since;
    private final PrivSpec until;
    private final String description;
    private final List<CsrField> fields;

    Csr(int number, String name, String extension, boolean rv32Only, PrivSpec since, PrivSpec until,
            String description, List<CsrField> fields) {
        this.number = number;
        this.name = name;
        this.extension = extension;
        this.rv32Only = rv32Only;
        this.since = since;
        this.until = until;
        this.description = description;
        this.fields = List.copyOf(fields);
    }

    /** The 12-bit CSR number. */
    public int number() {
        return number;
    }

    /** The assembler name, e.g. "mstatus". */
    public String name() {
        return name;
    }

    /** The lowest privilege that may access it (from bits 9..8 of the number). */
    public Privilege privilege() {
        return Privilege.ofCsr(number);
    }

    /** True if the number marks it read-only (bits 11..10 are both set). */
    public boolean isReadOnly() {
        return (number >>> 10) == 3;
    }

    /** The extension or specification part that defines it, e.g. "Zicntr", "S", "H", "Smstateen". */
    public String extension() {
        return extension;
    }

    /** True for the upper halves that exist only on RV32 (such as cycleh); RV64 has no such CSR. */
    public boolean isRv32Only() {
        return rv32Only;
    }

    /** The first privileged specification with this name for the number. */
    public PrivSpec since() {
        return since;
    }

    /** The first privileged specification in which this name no longer applies, or null. */
    public PrivSpec until() {
        return until;
    }

    /** True if the name applies under the given privileged specification. */
    public boolean existsIn(PrivSpec spec) {
        return spec.compareTo(since) >= 0 && (until == null || spec.compareTo(until) < 0);
    }

    /** True if an RV64 hart with the 1.12 privileged architecture can have this CSR. */
    public boolean isRv64Current() {
        return !rv32Only && existsIn(PrivSpec.V1_12);
    }

    /** What the register holds and is used for. */
    public String description() {
        return description;
    }

    /** The named fields, lowest bit first; empty when the register is one plain value. */
    public List<CsrField> fields() {
        return fields;
    }

    /** The field with this name, or null. */
    public CsrField field(String fieldName) {
        for (CsrField f : fields) {
            if (f.name().equals(fieldName)) {
                return f;
            }
        }
        return null;
    }

    /** "U", "S", "H" or "M" plus "RW" or "RO", e.g. "MRW". */
    public String accessLabel() {
        return privilege().letter() + (isReadOnly() ? "RO" : "RW");
    }

    @Override
    public String toString() {
        return name + " (0x" + Integer.toHexString(number) + ")";
    }
}
