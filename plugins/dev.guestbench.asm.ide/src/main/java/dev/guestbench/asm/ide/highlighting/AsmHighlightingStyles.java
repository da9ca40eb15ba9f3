package dev.guestbench.asm.ide.highlighting;

/**
 * Names of the highlighting styles of the assembly language. Editors (our JFace editor, an LSP client's
 * semantic tokens) map each to their own colours; the names are the contract between them.
 */
public final class AsmHighlightingStyles {
    /** A machine instruction's mnemonic (`addi`). */
    public static final String MNEMONIC = "mnemonic";
    /** A pseudo-instruction that expands to others (`li`, `call`). */
    public static final String PSEUDO = "pseudo";
    /** An assembler directive (`.text`, `.word`). */
    public static final String DIRECTIVE = "directive";
    /** An integer or floating-point register (`a0`, `x5`, `ft3`). */
    public static final String REGISTER = "register";
    /** A control and status register (`mstatus`). */
    public static final String CSR = "csr";
    /** A label where it is defined (`loop:`). */
    public static final String LABEL = "label";
    /** A number, character constant or local-label reference (`1b`). */
    public static final String NUMBER = "number";
    /** A string literal. */
    public static final String STRING = "string";
    /** A comment. */
    public static final String COMMENT = "comment";
    /** A relocation function (`%hi`, `%pcrel_lo`). */
    public static final String RELOCATION = "relocation";

    private AsmHighlightingStyles() {
    }
}
