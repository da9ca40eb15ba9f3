package dev.guestbench.isa;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The extensions named by an ISA string such as {@code rv64gc} or
 * {@code rv64i2p1_m2p0_a2p1_f2p2_d2p2_c2p0_zicsr2p0_zifencei2p0}, with the implied ones added
 * ({@code g} is imafd plus Zicsr and Zifencei, d implies f, f implies Zicsr, m implies Zmmul).
 * Decides which instructions and aliases a disassembler may show.
 */
public final class IsaSubset {
    private static final IsaSubset RV64GC = parse("rv64gc");

    private final String text;
    private final int xlen;
    private final Set<String> names;

    private IsaSubset(String text, int xlen, Set<String> names) {
        this.text = text;
        this.xlen = xlen;
        this.names = Collections.unmodifiableSet(names);
    }

    /** RV64GC: I, M, A, F, D, C, Zicsr, Zifencei. */
    public static IsaSubset rv64gc() {
        return RV64GC;
    }

    /**
     * Parses an ISA string. Version numbers ("2p1") are accepted and ignored; unknown extensions
     * are kept by name. A string without the rv32/rv64 prefix gives an empty subset.
     */
    public static IsaSubset parse(String isa) {
        String s = isa.toLowerCase();
        Set<String> names = new LinkedHashSet<>();
        int xlen = 64;
        int pos;
        if (s.startsWith("rv32")) {
            xlen = 32;
            pos = 4;
        } else if (s.startsWith("rv64")) {
            pos = 4;
        } else if (s.startsWith("rv128")) {
            xlen = 128;
            pos = 5;
        } else {
            return new IsaSubset(isa, 64, names);
        }
        // Single-letter extensions up to the first underscore-separated multi-letter one.
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '_') {
                pos++;
                continue;
            }
            if (c == 'z' || c == 's' || c == 'x' || c == 'h') {
                int end = s.indexOf('_', pos);
                if (end < 0) {
                    end = s.length();
                }
                names.add(stripVersion(s.substring(pos, end)));
                pos = end;
                continue;
            }
            if (Character.isLetter(c)) {
                names.add(String.valueOf(c));
                pos++;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos))
                        || (s.charAt(pos) == 'p' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))))) {
                    pos++;
                }
            } else {
                pos++;
            }
        }
        if (names.contains("g")) {
            names.addAll(Set.of("i", "m", "a", "f", "d", "zicsr", "zifencei"));
        }
        if (names.contains("e")) {
            names.add("i");
        }
        if (names.contains("q")) {
            names.add("d");
        }
        if (names.contains("d")) {
            names.add("f");
        }
        if (names.contains("f")) {
            names.add("zicsr");
        }
        if (names.contains("m")) {
            names.add("zmmul");
        }
        return new IsaSubset(isa, xlen, names);
    }

    private static String stripVersion(String ext) {
        // A trailing version such as "2p0" or "1" is not part of the name.
        return ext.replaceFirst("\\d+(p\\d+)?$", "");
    }

    /** True if the named extension (lower case, e.g. "c", "zicsr") is present. */
    public boolean has(String extension) {
        return names.contains(extension);
    }

    /** The register width named by the string: 32, 64 or 128. */
    public int xlen() {
        return xlen;
    }

    /** Names of all present extensions, implied ones included. */
    public Set<String> extensions() {
        return names;
    }

    /** True if the extension is present; the base instructions and privileged ones always are. */
    public boolean has(Extension extension) {
        return switch (extension) {
            case I, PRIVILEGED, RETIRED -> true;
            default -> names.contains(extension.isaName());
        };
    }

    /** True if an instruction belongs to this subset. */
    public boolean supports(Instruction insn) {
        boolean main = has(insn.extension())
                || (insn.alternativeExtension() != null && has(insn.alternativeExtension()));
        if (!main) {
            return false;
        }
        for (Extension e : insn.alsoRequires()) {
            if (!has(e)) {
                return false;
            }
        }
        return true;
    }

    /** True if an alias may be used with this subset. */
    public boolean supports(PseudoInstruction alias) {
        if (alias.isMacro()) {
            return true;
        }
        return alias.hasOwnRequirement() ? has(alias.requirement()) : supports(alias.target());
    }

    @Override
    public String toString() {
        return text;
    }
}
