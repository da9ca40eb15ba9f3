package dev.guestbench.asm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.guestbench.isa.Instruction;
import dev.guestbench.isa.PseudoInstruction;
import dev.guestbench.isa.PseudoInstructions;

/** "Did you mean" for names: the known names closest to a misspelt one by edit distance. */
public final class Suggestions {

    private static final int MAX_DISTANCE = 2;
    private static final int MAX_SUGGESTIONS = 3;
    private static volatile Set<String> mnemonics;

    private Suggestions() {
    }

    /** Every mnemonic the assembler knows: instructions (with .aq/.rl forms) and pseudo-instructions. */
    public static Set<String> mnemonics() {
        Set<String> result = mnemonics;
        if (result == null) {
            result = new TreeSet<>();
            for (Instruction i : Instruction.values()) {
                if (!i.isExecutable() || i.isHint()) {
                    continue;
                }
                result.add(i.mnemonic());
                if (i.hasOrderingSuffix()) {
                    result.add(i.mnemonic() + ".aq");
                    result.add(i.mnemonic() + ".rl");
                    result.add(i.mnemonic() + ".aqrl");
                }
            }
            for (PseudoInstruction p : PseudoInstructions.all()) {
                result.add(p.mnemonic());
            }
            mnemonics = result = Set.copyOf(result);
        }
        return result;
    }

    /** The mnemonics closest to {@code name}, best first (at most three, none if nothing is close). */
    public static List<String> forMnemonic(String name) {
        return closest(name, mnemonics());
    }

    /** The names among {@code candidates} closest to {@code name}, best first. */
    public static List<String> closest(String name, Collection<String> candidates) {
        String lower = name.toLowerCase();
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        int limit = lower.length() <= 2 ? 1 : MAX_DISTANCE;
        for (String candidate : candidates) {
            if (candidate.equals(name)) {
                continue;
            }
            int d = distance(lower, candidate.toLowerCase());
            if (d <= limit) {
                scored.add(new Scored(candidate, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(MAX_SUGGESTIONS).map(Scored::name).toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > MAX_DISTANCE) {
            return MAX_DISTANCE + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
