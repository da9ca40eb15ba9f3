package dev.guestbench.vmm.guest;

import java.util.List;

/** A readable account of where two outputs first differ: line numbers, context, both versions. */
public final class OutputDiff {

    private static final int CONTEXT = 3;

    private OutputDiff() {
    }

    /** Null when equal; otherwise the first differing line with context from both sides. */
    public static String firstDifference(List<String> expected, List<String> actual, String expectedName, String actualName) {
        int n = Math.min(expected.size(), actual.size());
        int i = 0;
        while (i < n && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        if (i == n && expected.size() == actual.size()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        b.append("outputs differ at line ").append(i + 1).append(" (").append(expectedName).append(": ")
                .append(expected.size()).append(" lines, ").append(actualName).append(": ").append(actual.size())
                .append(" lines)\n");
        for (int k = Math.max(0, i - CONTEXT); k < i; k++) {
            b.append(String.format("  %5d   %s%n", k + 1, expected.get(k)));
        }
        b.append(String.format("- %5d   %s%n", i + 1, i < expected.size() ? expected.get(i) : "<end of " + expectedName + ">"));
        b.append(String.format("+ %5d   %s%n", i + 1, i < actual.size() ? actual.get(i) : "<end of " + actualName + ">"));
        for (int k = i + 1; k < Math.min(i + 1 + CONTEXT, Math.max(expected.size(), actual.size())); k++) {
            String e = k < expected.size() ? expected.get(k) : "<end>";
            String a = k < actual.size() ? actual.get(k) : "<end>";
            if (e.equals(a)) {
                b.append(String.format("  %5d   %s%n", k + 1, e));
            } else {
                b.append(String.format("- %5d   %s%n+ %5d   %s%n", k + 1, e, k + 1, a));
            }
        }
        b.append("(- ").append(expectedName).append(", + ").append(actualName).append(')');
        return b.toString();
    }
}
