package dev.guestbench.isa;

/**
 * One encoded operand of an instruction: its name, kind, bit field, range and constraints.
 *
 * <p>Values are plain numbers: register numbers (x8..x15 as 8..15 for the compressed fields),
 * immediates and offsets as their real (sign-extended, scaled) value, upper immediates as the
 * 20-bit value of bits 31..12, rounding modes, fence sets and aq/rl bits as small integers.
 * Extraction and insertion allocate nothing.
 */
public final class Operand {

    /** How a zero value is treated by an operand that must not be zero. */
    public enum ZeroRule {
        /** Zero is an ordinary value. */
        ALLOWED,
        /** Zero makes the word a different instruction or no instruction at all. */
        ILLEGAL,
        /** The specification reserves zero; the GNU disassembler still shows such words. */
        RESERVED
    }

    /** {@link #excludedValue()} when no value is excluded. */
    public static final int NO_EXCLUSION = Integer.MIN_VALUE;

    private final String token;
    private final String name;
    private final OperandKind kind;
    private final BitField field;
    private final int registerBase;
    private final ZeroRule zeroRule;
    private final int excluded;
    private final boolean upperWrap;
    private final String description;

    Operand(String token, String name, OperandKind kind, BitField field, int registerBase,
            ZeroRule zeroRule, int excluded, boolean upperWrap, String description) {
        this.token = token;
        this.name = name;
        this.kind = kind;
        this.field = field;
        this.registerBase = registerBase;
        this.zeroRule = zeroRule;
        this.excluded = excluded;
        this.upperWrap = upperWrap;
        this.description = description;
    }

    /** This operand with a rule for the value zero. */
    Operand withZeroRule(ZeroRule rule) {
        return new Operand(token, name, kind, field, registerBase, rule, excluded, upperWrap, description);
    }

    /** This operand with one value that is not allowed (it belongs to another instruction). */
    Operand excluding(int value) {
        return new Operand(token, name, kind, field, registerBase, zeroRule, value, upperWrap, description);
    }

    /** The identifier used for this operand in the instruction table's syntax strings, e.g. "crdq". */
    public String token() {
        return token;
    }

    /** The name shown to people, e.g. "rd", "rs1", "imm", "offset". */
    public String name() {
        return name;
    }

    /** What the operand denotes. */
    public OperandKind kind() {
        return kind;
    }

    /** Where the operand sits in the instruction word. */
    public BitField field() {
        return field;
    }

    /** How a zero value is treated. */
    public ZeroRule zeroRule() {
        return zeroRule;
    }

    /** A single value that is not allowed, or {@link #NO_EXCLUSION}. */
    public int excludedValue() {
        return excluded;
    }

    /** A one-line explanation of the operand, for documentation. */
    public String description() {
        return description;
    }

    /** Reads the operand's value from instruction bits. */
    public long extract(int bits) {
        long v = field.extract(bits);
        if (registerBase != 0) {
            return v + registerBase;
        }
        if (upperWrap) {
            return v & 0xfffff;
        }
        return v;
    }

    /** Puts a value into the operand's bits without checking it; see {@link #check}. */
    public int insert(long value) {
        if (registerBase != 0) {
            return field.insert(value - registerBase);
        }
        if (upperWrap && value >= 0x80000) {
            return field.insert(value - 0x100000);
        }
        return field.insert(value);
    }

    /** Smallest accepted value. */
    public long min() {
        if (registerBase != 0) {
            return registerBase;
        }
        return upperWrap ? 0 : field.min();
    }

    /** Largest accepted value. */
    public long max() {
        if (registerBase != 0) {
            return registerBase + field.max();
        }
        return upperWrap ? 0xfffff : field.max();
    }

    /** Values must be multiples of this. */
    public int alignment() {
        return 1 << field.alignBits();
    }

    /**
     * True if a value read by {@link #extract} is acceptable to a strict (architectural) decoder.
     */
    boolean acceptsDecoded(long value, boolean lenient) {
        if (value == 0 && zeroRule != ZeroRule.ALLOWED) {
            return lenient && zeroRule == ZeroRule.RESERVED;
        }
        if (excluded != NO_EXCLUSION && value == excluded) {
            return false;
        }
        if (kind == OperandKind.ROUNDING_MODE && (value == 5 || value == 6)) {
            return lenient;
        }
        return true;
    }

    /**
     * Checks a value for an instruction and returns a message a person understands, or null if
     * the value can be encoded.
     */
    public String check(long value, String mnemonic) {
        if (kind.isRegister()) {
            String regs = kind.isFloatRegister() ? "f" : "x";
            if (value < min() || value > max()) {
                if (registerBase != 0 && value >= 0 && value < 32) {
                    return "register " + Registers.name(kind.isFloatRegister(), (int) value) + " (" + regs
                            + value + ") is not one of " + regs + "8.." + regs + "15 for " + mnemonic + " ("
                            + name + ")";
                }
                return "register number " + value + " out of range 0..31 for " + mnemonic + " (" + name + ")";
            }
            if (value == 0 && zeroRule != ZeroRule.ALLOWED) {
                return "register " + Registers.name(kind.isFloatRegister(), 0) + " (" + regs + "0) is not allowed as "
                        + name + " of " + mnemonic;
            }
            if (excluded != NO_EXCLUSION && value == excluded) {
                return "register " + Registers.name(kind.isFloatRegister(), (int) value) + " (" + regs + value
                        + ") is not allowed as " + name + " of " + mnemonic;
            }
            return null;
        }
        String noun = kind.noun();
        if (kind == OperandKind.UPPER_IMMEDIATE && upperWrap) {
            boolean ok = (value >= 1 && value <= 0x1f) || (value >= 0xfffe0 && value <= 0xfffff);
            if (!ok) {
                return noun + " " + hex(value) + " out of range 0x1..0x1f or 0xfffe0..0xfffff for " + mnemonic;
            }
            return null;
        }
        if (value < min() || value > max()) {
            return noun + " " + show(value) + " out of range " + show(min()) + ".." + show(max()) + " for "
                    + mnemonic;
        }
        int align = alignment();
        if (align > 1 && (value % align) != 0) {
            return noun + " " + value + " is not a multiple of " + align + " for " + mnemonic;
        }
        if (value == 0 && zeroRule != ZeroRule.ALLOWED) {
            return noun + " 0 is not allowed for " + mnemonic + " (it must be nonzero)";
        }
        if (excluded != NO_EXCLUSION && value == excluded) {
            return noun + " " + value + " is not allowed for " + mnemonic;
        }
        if (kind == OperandKind.ROUNDING_MODE && (value == 5 || value == 6)) {
            return "rounding mode " + value + " is reserved (use 0..4 or 7) for " + mnemonic;
        }
        return null;
    }

    private String show(long v) {
        return kind == OperandKind.UPPER_IMMEDIATE || kind == OperandKind.CSR ? hex(v) : Long.toString(v);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    @Override
    public String toString() {
        return name;
    }
}
