package dev.guestbench.asm.ide.highlighting;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.guestbench.asm.Vocabulary;
import dev.guestbench.asm.model.Label;
import dev.guestbench.asm.model.ModelPackage;
import dev.guestbench.asm.model.RelocationFunction;
import dev.guestbench.asm.model.Statement;
import dev.guestbench.asm.model.SymbolReference;

/**
 * Colours an assembly file: comments, strings and numbers from the tokens; mnemonics, directives,
 * registers, CSRs and labels from what the ISA table says each name is.
 */
public class AsmSemanticHighlightingCalculator implements ISemanticHighlightingCalculator {

    @Override
    public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor,
            CancelIndicator cancelIndicator) {
        if (resource == null || resource.getParseResult() == null) {
            return;
        }
        INode root = resource.getParseResult().getRootNode();
        for (ILeafNode leaf : root.getLeafNodes()) {
            String style = tokenStyle(leaf);
            if (style != null) {
                acceptor.addPosition(leaf.getOffset(), leaf.getLength(), style);
            }
        }
        var contents = resource.getAllContents();
        while (contents.hasNext()) {
            if (cancelIndicator.isCanceled()) {
                return;
            }
            EObject object = contents.next();
            if (object instanceof Statement statement) {
                String op = statement.getOperation();
                String style = op == null ? null
                        : op.startsWith(".") ? AsmHighlightingStyles.DIRECTIVE
                        : Vocabulary.isInstruction(op) ? AsmHighlightingStyles.MNEMONIC
                        : Vocabulary.isPseudoInstruction(op) ? AsmHighlightingStyles.PSEUDO : null;
                highlight(acceptor, statement, ModelPackage.Literals.STATEMENT__OPERATION, style);
            } else if (object instanceof Label) {
                highlight(acceptor, object, ModelPackage.Literals.LABEL__NAME, AsmHighlightingStyles.LABEL);
            } else if (object instanceof SymbolReference reference) {
                String name = reference.getName();
                String style = Vocabulary.isRegister(name) ? AsmHighlightingStyles.REGISTER
                        : Vocabulary.isCsr(name) ? AsmHighlightingStyles.CSR : null;
                highlight(acceptor, object, ModelPackage.Literals.SYMBOL_REFERENCE__NAME, style);
            } else if (object instanceof RelocationFunction) {
                highlight(acceptor, object, ModelPackage.Literals.RELOCATION_FUNCTION__FUNCTION,
                        AsmHighlightingStyles.RELOCATION);
            }
        }
    }

    private static void highlight(IHighlightedPositionAcceptor acceptor, EObject object, EStructuralFeature feature,
            String style) {
        if (style == null) {
            return;
        }
        for (INode node : NodeModelUtils.findNodesForFeature(object, feature)) {
            acceptor.addPosition(node.getOffset(), node.getLength(), style);
        }
    }

    /** The style a token has whatever it means: comments, strings, numbers. */
    private static String tokenStyle(ILeafNode leaf) {
        AbstractRule rule = leaf.getGrammarElement() instanceof RuleCall call ? call.getRule()
                : leaf.getGrammarElement() instanceof TerminalRule terminal ? terminal : null;
        if (rule == null) {
            return null;
        }
        return switch (rule.getName()) {
            case "SL_COMMENT", "ML_COMMENT" -> AsmHighlightingStyles.COMMENT;
            case "STRING" -> AsmHighlightingStyles.STRING;
            case "NUMBER", "CHAR", "LOCAL_LABEL_REF" -> AsmHighlightingStyles.NUMBER;
            default -> null;
        };
    }
}
