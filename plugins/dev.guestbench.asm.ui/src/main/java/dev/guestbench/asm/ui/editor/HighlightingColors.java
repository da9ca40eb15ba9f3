package dev.guestbench.asm.ui.editor;

import java.util.Map;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

import dev.guestbench.asm.ide.highlighting.AsmHighlightingStyles;

/** The editor's colour for each highlighting style of the language services. */
final class HighlightingColors {

    private static final Map<String, TextAttribute> ATTRIBUTES = Map.of(
            AsmHighlightingStyles.MNEMONIC, attribute(0x7f, 0x00, 0x55, SWT.BOLD),
            AsmHighlightingStyles.PSEUDO, attribute(0x9c, 0x27, 0xb0, SWT.BOLD),
            AsmHighlightingStyles.DIRECTIVE, attribute(0x00, 0x55, 0xaa, SWT.NORMAL),
            AsmHighlightingStyles.REGISTER, attribute(0x00, 0x80, 0x80, SWT.NORMAL),
            AsmHighlightingStyles.CSR, attribute(0xb3, 0x5c, 0x00, SWT.BOLD),
            AsmHighlightingStyles.LABEL, attribute(0x1a, 0x1a, 0x8c, SWT.BOLD),
            AsmHighlightingStyles.NUMBER, attribute(0x12, 0x6e, 0x1e, SWT.NORMAL),
            AsmHighlightingStyles.STRING, attribute(0x2a, 0x00, 0xff, SWT.NORMAL),
            AsmHighlightingStyles.COMMENT, attribute(0x3f, 0x7f, 0x5f, SWT.ITALIC),
            AsmHighlightingStyles.RELOCATION, attribute(0x80, 0x40, 0x00, SWT.ITALIC));

    private HighlightingColors() {
    }

    /** The attribute of a style, or null for a style this editor does not colour. */
    static TextAttribute attribute(String style) {
        return ATTRIBUTES.get(style);
    }

    private static TextAttribute attribute(int r, int g, int b, int style) {
        // Colors without a device need no disposal (SWT 3.120+).
        return new TextAttribute(new Color(r, g, b), null, style);
    }
}
