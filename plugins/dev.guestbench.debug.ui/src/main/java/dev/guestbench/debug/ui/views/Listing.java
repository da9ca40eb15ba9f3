package dev.guestbench.debug.ui.views;

/** Disassembly text for table cells, which do not expand tabs. */
final class Listing {

    private Listing() {
    }

    /** "addi\ta0,a0,1" as "addi    a0,a0,1": the mnemonic padded to eight columns. */
    static String spaced(String objdumpText) {
        int tab = objdumpText.indexOf('\t');
        if (tab < 0) {
            return objdumpText;
        }
        StringBuilder s = new StringBuilder(objdumpText.substring(0, tab));
        do {
            s.append(' ');
        } while (s.length() < 8);
        return s.append(objdumpText.substring(tab + 1).replace('\t', ' ')).toString();
    }
}
