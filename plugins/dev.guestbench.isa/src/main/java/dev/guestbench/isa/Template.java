package dev.guestbench.isa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The written form of an instruction's operands, e.g. {@code rd,off12(rs1)} or
 * {@code frd,frs1,frs2[,rm]}: operand tokens, literal punctuation and fixed register names, and at
 * most one optional part in brackets that is left out while its operand has its default value.
 */
public final class Template {

    /** One piece of a template: literal text or a reference to an operand by index. */
    public record Part(String literal, int operand, boolean optional) {
        /** True if this part is literal text. */
        public boolean isLiteral() {
            return literal != null;
        }
    }

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = Collections.unmodifiableList(parts);
    }

    /**
     * Parses a template. Identifiers that {@code tokenIndex} maps to a non-negative index are
     * operand references; other identifiers (like {@code sp}) and punctuation are literal.
     */
    static Template parse(String source, ToIntFunction<String> tokenIndex) {
        List<Part> parts = new ArrayList<>();
        boolean optional = false;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '[') {
                optional = true;
                i++;
            } else if (c == ']') {
                optional = false;
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '-') {
                int start = i;
                while (i < source.length()
                        && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '-')) {
                    i++;
                }
                String word = source.substring(start, i);
                int index = tokenIndex.applyAsInt(word);
                parts.add(index >= 0 ? new Part(null, index, optional) : new Part(word, -1, optional));
            } else {
                parts.add(new Part(String.valueOf(c), -1, optional));
                i++;
            }
        }
        return new Template(source, parts);
    }

    /** The pieces in order. */
    public List<Part> parts() {
        return parts;
    }

    /** The template as written in the table. */
    public String source() {
        return source;
    }

    /** True if the template has no operands and no text. */
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    @Override
    public String toString() {
        return source;
    }
}
