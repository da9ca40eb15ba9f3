package dev.guestbench.isa;

/** The ISA extension an instruction belongs to. */
public enum Extension {
    /** RV64I, the base integer instruction set. */
    I("i", "RV64I base integer instructions"),
    /** Integer multiplication and division. */
    M("m", "M: integer multiply and divide"),
    /** The multiply-only subset of M (the disassembler accepts mul* when only this is present). */
    ZMMUL("zmmul", "Zmmul: integer multiply only"),
    /** Atomic memory operations and load-reserved/store-conditional. */
    A("a", "A: atomic instructions"),
    /** Single-precision floating point. */
    F("f", "F: single-precision floating point"),
    /** Double-precision floating point. */
    D("d", "D: double-precision floating point"),
    /** Compressed 16-bit instructions. */
    C("c", "C: compressed instructions"),
    /** Control and status register instructions. */
    ZICSR("zicsr", "Zicsr: control and status register access"),
    /** The instruction-fetch fence. */
    ZIFENCEI("zifencei", "Zifencei: instruction-fetch fence"),
    /** Machine- and supervisor-mode instructions of the privileged architecture 1.12. */
    PRIVILEGED("", "privileged architecture: machine and supervisor mode"),
    /**
     * Encodings that are not part of RV64GC with the 1.12 privileged architecture but that the GNU
     * disassembler still names (uret, hret, sfence.vm, dret, the all-zero c.unimp). The decoder
     * reports them as illegal; only the disassembler lists them.
     */
    RETIRED("", "withdrawn, debug-mode or reserved encoding that is illegal on an RV64GC hart");

    private final String isaName;
    private final String title;

    Extension(String isaName, String title) {
        this.isaName = isaName;
        this.title = title;
    }

    /** The name in an ISA string such as "rv64imac_zicsr", or "" if it has none. */
    public String isaName() {
        return isaName;
    }

    /** A short human-readable title. */
    public String title() {
        return title;
    }
}
