package dev.guestbench.isa;

/** Names of FENCE predecessor/successor sets: a combination of the letters i, o, r and w. */
public final class FenceSet {
    /** Device input. */
    public static final int I = 8;
    /** Device output. */
    public static final int O = 4;
    /** Memory reads. */
    public static final int R = 2;
    /** Memory writes. */
    public static final int W = 1;

    private FenceSet() {
    }

    /** The set's letters in the order i, o, r, w, e.g. 3 gives "rw"; the empty set gives "". */
    public static String name(int set) {
        StringBuilder sb = new StringBuilder(4);
        if ((set & I) != 0) {
            sb.append('i');
        }
        if ((set & O) != 0) {
            sb.append('o');
        }
        if ((set & R) != 0) {
            sb.append('r');
        }
        if ((set & W) != 0) {
            sb.append('w');
        }
        return sb.toString();
    }

    /** Parses letters such as "rw" or "iorw" (each at most once, in any order); -1 if invalid or empty. */
    public static int parse(String letters) {
        int set = 0;
        for (int i = 0; i < letters.length(); i++) {
            int bit = switch (letters.charAt(i)) {
                case 'i' -> I;
                case 'o' -> O;
                case 'r' -> R;
                case 'w' -> W;
                default -> -1;
            };
            if (bit < 0 || (set & bit) != 0) {
                return -1;
            }
            set |= bit;
        }
        return set == 0 ? -1 : set;
    }
}
