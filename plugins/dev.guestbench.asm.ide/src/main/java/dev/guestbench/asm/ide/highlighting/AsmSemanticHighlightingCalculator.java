package dev.guestbench.asm.ide.highlighting;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.guestbench.asm.Vocabulary;

/**
 * Colours an assembly file in one pass over its tokens: comments, strings and numbers by token type;
 * mnemonics, directives, registers, CSRs, labels and relocations by the grammar feature a token is assigned
 * to and what the ISA table says its name is.
 */
public class AsmSemanticHighlightingCalculator implements ISemanticHighlightingCalculator {

    /** What a grammar element means for colouring, decided once per element. */
    private enum Role {
        NONE, COMMENT, STRING, NUMBER, OPERATION, LABEL, SYMBOL, RELOCATION
    }

    private final Map<EObject, Role> roles = new ConcurrentHashMap<>();

    @Override
    public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor,
            CancelIndicator cancelIndicator) {
        if (resource == null || resource.getParseResult() == null) {
            return;
        }
        INode root = resource.getParseResult().getRootNode();
        int count = 0;
        for (ILeafNode leaf : root.getLeafNodes()) {
            if ((++count & 1023) == 0 && cancelIndicator.isCanceled()) {
                return;
            }
            EObject grammarElement = leaf.getGrammarElement();
            if (grammarElement == null) {
                continue;
            }
            String style = switch (roles.computeIfAbsent(grammarElement, AsmSemanticHighlightingCalculator::role)) {
                case COMMENT -> AsmHighlightingStyles.COMMENT;
                case STRING -> AsmHighlightingStyles.STRING;
                case NUMBER -> AsmHighlightingStyles.NUMBER;
                case LABEL -> AsmHighlightingStyles.LABEL;
                case RELOCATION -> AsmHighlightingStyles.RELOCATION;
                case OPERATION -> operationStyle(leaf.getText());
                case SYMBOL -> symbolStyle(leaf.getText());
                case NONE -> null;
            };
            if (style != null) {
                acceptor.addPosition(leaf.getOffset(), leaf.getLength(), style);
            }
        }
    }

    private static String operationStyle(String op) {
        return op.startsWith(".") ? AsmHighlightingStyles.DIRECTIVE
                : Vocabulary.isInstruction(op) ? AsmHighlightingStyles.MNEMONIC
                : Vocabulary.isPseudoInstruction(op) ? AsmHighlightingStyles.PSEUDO : null;
    }

    private static String symbolStyle(String name) {
        return Vocabulary.isRegister(name) ? AsmHighlightingStyles.REGISTER
                : Vocabulary.isCsr(name) ? AsmHighlightingStyles.CSR : null;
    }

    private static Role role(EObject grammarElement) {
        AbstractRule rule = grammarElement instanceof RuleCall call ? call.getRule()
                : grammarElement instanceof TerminalRule terminal ? terminal : null;
        if (rule != null) {
            switch (rule.getName()) {
                case "SL_COMMENT", "ML_COMMENT":
                    return Role.COMMENT;
                case "STRING":
                    return Role.STRING;
                case "NUMBER", "CHAR", "LOCAL_LABEL_REF":
                    if (!inRule(grammarElement, "Label")) {
                        return Role.NUMBER;
                    }
                    break;
                default:
                    break;
            }
        }
        Assignment assignment = GrammarUtil.containingAssignment(grammarElement);
        if (assignment == null) {
            return Role.NONE;
        }
        String ruleName = GrammarUtil.containingRule(assignment).getName();
        return switch (assignment.getFeature()) {
            case "operation" -> Role.OPERATION;
            case "name" -> ruleName.equals("Label") ? Role.LABEL : ruleName.equals("Primary") ? Role.SYMBOL : Role.NONE;
            case "function" -> Role.RELOCATION;
            default -> Role.NONE;
        };
    }

    private static boolean inRule(EObject grammarElement, String ruleName) {
        return GrammarUtil.containingRule(grammarElement).getName().equals(ruleName);
    }
}
