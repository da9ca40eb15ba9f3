package dev.guestbench.asm.ide;

import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.folding.IFoldingRangeProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.ide.server.symbol.IDocumentSymbolService;

import dev.guestbench.asm.ide.codeactions.AsmCodeActionService;
import dev.guestbench.asm.ide.contentassist.AsmContentAssistService;
import dev.guestbench.asm.ide.contentassist.AsmContentProposalProvider;
import dev.guestbench.asm.ide.folding.AsmFoldingRangeProvider;
import dev.guestbench.asm.ide.formatting.AsmFormatter;
import dev.guestbench.asm.ide.highlighting.AsmSemanticHighlightingCalculator;
import dev.guestbench.asm.ide.hover.AsmHoverService;
import dev.guestbench.asm.ide.symbols.AsmOutlineService;
import dev.guestbench.asm.ide.symbols.AsmRenameService;
import dev.guestbench.asm.ide.symbols.AsmSymbolNavigation;

/** Binds the assembly language's ide services (used by our editor and by LSP clients). */
public class AsmIdeModule extends AbstractAsmIdeModule {

    public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
        return AsmSemanticHighlightingCalculator.class;
    }

    public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
        return AsmContentProposalProvider.class;
    }

    public Class<? extends ContentAssistService> bindContentAssistService() {
        return AsmContentAssistService.class;
    }

    public Class<? extends IHoverService> bindIHoverService() {
        return AsmHoverService.class;
    }

    public Class<? extends IDocumentSymbolService> bindIDocumentSymbolService() {
        return AsmOutlineService.class;
    }

    public Class<? extends DocumentSymbolService> bindDocumentSymbolService() {
        return AsmSymbolNavigation.class;
    }

    public Class<? extends IFoldingRangeProvider> bindIFoldingRangeProvider() {
        return AsmFoldingRangeProvider.class;
    }

    public Class<? extends IFormatter2> bindIFormatter2() {
        return AsmFormatter.class;
    }

    public Class<? extends ICodeActionService2> bindICodeActionService2() {
        return AsmCodeActionService.class;
    }

    @Override
    public Class<? extends IRenameService2> bindIRenameService2() {
        return AsmRenameService.class;
    }
}
