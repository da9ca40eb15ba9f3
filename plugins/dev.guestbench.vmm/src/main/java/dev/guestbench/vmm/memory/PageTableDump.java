package dev.guestbench.vmm.memory;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text form of a {@link PageTableSnapshot} that {@code guestbench run --dump-pt} prints: leaves in runs. */
public final class PageTableDump {

    private PageTableDump() {
    }

    /** Prints hart {@code hart}'s tables: the guest's leaves (runs of alike neighbours on one line), then the VMM's. */
    public static void print(PrintStream out, int hart, PageTableSnapshot snapshot) {
        long satp = snapshot.satp();
        int mode = Satp.mode(satp);
        out.printf(Locale.ROOT, "guestbench: hart %d page tables (paging %s): satp=0x%x mode=%s asid=%d root=0x%x%n",
                hart, snapshot.mode().optionName(), satp, Satp.modeName(mode), Satp.asid(satp),
                Satp.rootPpn(satp) << 12);
        if (mode == Satp.MODE_BARE) {
            out.println("  bare: virtual addresses are guest-physical");
        } else {
            out.println("  guest table (gva -> gpa, host frame, flags, shadow state):");
            printLeaves(out, snapshot.guest());
            if (snapshot.mode() == PagingMode.SHADOW) {
                out.println("  shadow table (gva -> host frame, flags):");
                printLeaves(out, snapshot.shadow());
            }
        }
        if (snapshot.mode() == PagingMode.NESTED) {
            out.printf(Locale.ROOT, "  g-stage table: %d host frames%n", snapshot.gstageFrames());
        }
        out.println("  " + snapshot.counters().statsLine().replace("guestbench: ", ""));
    }

    private static void printLeaves(PrintStream out, List<PageTableNode> roots) {
        List<PageTableNode> leaves = new ArrayList<>();
        collect(roots, leaves);
        if (leaves.isEmpty()) {
            out.println("    (no valid mappings)");
            return;
        }
        int i = 0;
        while (i < leaves.size()) {
            PageTableNode first = leaves.get(i);
            int j = i + 1;
            while (j < leaves.size() && continues(leaves.get(j - 1), leaves.get(j))) {
                j++;
            }
            PageTableNode last = leaves.get(j - 1);
            int count = j - i;
            out.printf(Locale.ROOT, "    0x%016x-0x%016x %s%s -> gpa 0x%x host frame %s %s%s%n", first.gva(),
                    last.gva() + last.size() - 1, count == 1 ? "" : count + "x", sizeName(first.size()),
                    first.target(), first.hostFrame() < 0 ? "-" : String.format(Locale.ROOT, "0x%x%s",
                            first.hostFrame(), count > 1 ? ".." : ""),
                    Pte.flags(first.pte()), first.sync() == PageTableNode.Sync.NONE ? ""
                            : " " + first.sync().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            i = j;
        }
    }

    private static boolean continues(PageTableNode a, PageTableNode b) {
        return a.size() == b.size() && a.gva() + a.size() == b.gva() && a.target() + a.size() == b.target()
                && (a.pte() & 0x3ff) == (b.pte() & 0x3ff) && a.sync() == b.sync();
    }

    private static void collect(List<PageTableNode> nodes, List<PageTableNode> into) {
        for (PageTableNode n : nodes) {
            if (n.children().isEmpty()) {
                if (n.isLeaf() || n.level() == 0) {
                    into.add(n);
                }
            } else {
                collect(n.children(), into);
            }
        }
    }

    private static String sizeName(long size) {
        if (size >= 1L << 30) {
            return (size >>> 30) + "G";
        }
        return size >= 1L << 20 ? (size >>> 20) + "M" : (size >>> 10) + "K";
    }
}
