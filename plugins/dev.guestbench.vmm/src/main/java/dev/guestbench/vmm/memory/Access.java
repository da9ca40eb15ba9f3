package dev.guestbench.vmm.memory;

/** The three kinds of memory access, with the exception causes each raises. */
public final class Access {

    public static final int FETCH = 0;
    public static final int LOAD = 1;
    public static final int STORE = 2;

    private static final int[] PAGE_FAULT = { 12, 13, 15 };
    private static final int[] ACCESS_FAULT = { 1, 5, 7 };

    private Access() {
    }

    /** The page-fault cause of an access kind (instruction 12, load 13, store/AMO 15). */
    public static int pageFault(int access) {
        return PAGE_FAULT[access];
    }

    /** The access-fault cause of an access kind (instruction 1, load 5, store/AMO 7). */
    public static int accessFault(int access) {
        return ACCESS_FAULT[access];
    }

    /**
     * Whether a leaf's flags allow the access at privilege {@code priv} (0 U, 1 S) with mstatus's SUM and MXR,
     * as the privileged spec's step 5 says. Stores need D as well: a clean page's first store goes back to
     * the walk, which sets D.
     */
    public static boolean permitted(long flags, int access, int priv, boolean sum, boolean mxr) {
        boolean user = (flags & Pte.U) != 0;
        if (priv == 0) {
            if (!user) {
                return false;
            }
        } else if (user && (access == FETCH || !sum)) {
            // S-mode never executes user pages, and touches their data only with SUM.
            return false;
        }
        return switch (access) {
            case FETCH -> (flags & Pte.X) != 0;
            case LOAD -> (flags & Pte.R) != 0 || (mxr && (flags & Pte.X) != 0);
            default -> (flags & (Pte.W | Pte.D)) == (Pte.W | Pte.D);
        };
    }
}
