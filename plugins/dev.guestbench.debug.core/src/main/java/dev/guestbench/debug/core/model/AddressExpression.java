package dev.guestbench.debug.core.model;

import java.util.Locale;

/**
 * An address as a user types it in the Memory view or a watchpoint dialog: {@code 0x80200000},
 * {@code 80200000} (hex), {@code #1024} (decimal), a kernel label {@code _start}, {@code label+0x10} or
 * {@code label-8}; with a {@code phys:} (or {@code p:}) prefix it is guest-physical, else guest-virtual.
 *
 * @param address the address
 * @param physical whether it is guest-physical
 */
public record AddressExpression(long address, boolean physical) {

    /** Parses {@code text}; labels come from {@code kernel} (may be null). IllegalArgumentException says what is wrong. */
    public static AddressExpression parse(String text, KernelImage kernel) {
        String s = text.trim();
        boolean physical = false;
        String lower = s.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"phys:", "p:"}) {
            if (lower.startsWith(prefix)) {
                physical = true;
                s = s.substring(prefix.length()).trim();
                break;
            }
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no address: type e.g. 0x80200000, _start+0x10 or phys:0x80000000");
        }
        int op = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
        long value;
        if (op > 0) {
            long base = term(s.substring(0, op).trim(), kernel, text);
            long offset = term(s.substring(op + 1).trim(), null, text);
            value = s.charAt(op) == '+' ? base + offset : base - offset;
        } else {
            value = term(s, kernel, text);
        }
        return new AddressExpression(value, physical);
    }

    /** A label of {@code kernel} (when given: a label named like a hex number wins, as in gdb), or a number. */
    private static long term(String t, KernelImage kernel, String whole) {
        if (kernel != null && !t.isEmpty()) {
            long a = kernel.address(t);
            if (a != -1) {
                return a;
            }
        }
        String n = t.toLowerCase(Locale.ROOT).replace("_", "");
        try {
            if (n.startsWith("#")) {
                return Long.parseUnsignedLong(n.substring(1));
            }
            if (!n.isEmpty()) {
                return Long.parseUnsignedLong(n.startsWith("0x") ? n.substring(2) : n, 16);
            }
        } catch (NumberFormatException e) {
            // Neither: said below.
        }
        throw new IllegalArgumentException("'" + t + "' in '" + whole.trim() + "' is not a hex number"
                + (kernel != null ? " nor a label of " + kernel.name() : ""));
    }

    /** "0x80200000" or "phys:0x80000000". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s0x%x", physical ? "phys:" : "", address);
    }
}
