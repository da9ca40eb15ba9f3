package dev.guestbench.asm.ide;

import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;

import dev.guestbench.asm.ide.highlighting.AsmSemanticHighlightingCalculator;

/** Binds the assembly language's ide services (used by our editor and by LSP clients). */
public class AsmIdeModule extends AbstractAsmIdeModule {

    public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
        return AsmSemanticHighlightingCalculator.class;
    }
}
