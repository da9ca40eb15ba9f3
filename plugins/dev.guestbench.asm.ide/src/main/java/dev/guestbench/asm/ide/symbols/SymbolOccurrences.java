package dev.guestbench.asm.ide.symbols;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

import dev.guestbench.asm.model.Label;
import dev.guestbench.asm.model.LocalLabelReference;
import dev.guestbench.asm.model.ModelPackage;
import dev.guestbench.asm.model.Program;
import dev.guestbench.asm.model.Statement;
import dev.guestbench.asm.model.SymbolReference;
import dev.guestbench.asm.symbols.SymbolReferences;
import dev.guestbench.asm.symbols.SymbolTable;

/**
 * Where a symbol (label, .equ constant) is defined and used in a set of files: the shared core of go to
 * definition, find references and rename, for the LSP services and our editor alike.
 */
public final class SymbolOccurrences {

    /** One place a symbol's name is written. */
    public record Occurrence(XtextResource resource, int offset, int length, boolean definition) {
    }

    private SymbolOccurrences() {
    }

    /**
     * The symbol named at {@code offset}, or null when the cursor is not on a symbol (registers, CSRs,
     * mnemonics and numeric local labels are not symbols).
     */
    public static String symbolAt(XtextResource resource, int offset) {
        INode leaf = leafAt(resource, offset);
        if (leaf == null) {
            return null;
        }
        EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
        if (element instanceof Label label && label.getName() != null && !SymbolTable.isNumeric(label.getName())
                && leaf.getText().equals(label.getName())) {
            return label.getName();
        }
        if (element instanceof SymbolReference ref && ref.getName() != null) {
            Statement statement = statementOf(ref);
            String op = statement == null ? "" : statement.getOperation();
            return SymbolReferences.isSymbolName(ref.getName(), op == null ? "" : op) ? ref.getName() : null;
        }
        return null;
    }

    /** The numeric local label a {@code 1b}/{@code 1f} at {@code offset} means, or null. */
    public static Label localLabelAt(XtextResource resource, int offset) {
        INode leaf = leafAt(resource, offset);
        if (leaf != null && NodeModelUtils.findActualSemanticObjectFor(leaf) instanceof LocalLabelReference ref) {
            return SymbolReferences.resolveLocal(ref, SymbolTable.of(program(resource)));
        }
        return null;
    }

    /** Every place {@code name} is defined or used in {@code resources}, definitions first in each file. */
    public static List<Occurrence> find(String name, Iterable<? extends Resource> resources) {
        List<Occurrence> out = new ArrayList<>();
        for (Resource r : resources) {
            if (!(r instanceof XtextResource resource) || program(resource) == null) {
                continue;
            }
            Program program = program(resource);
            for (SymbolTable.Definition d : SymbolTable.of(program).definitionsOf(name)) {
                INode node = d.where() instanceof Label label
                        ? NodeModelUtils.findNodesForFeature(label, ModelPackage.Literals.LABEL__NAME).get(0)
                        : NodeModelUtils.getNode(((Statement) d.where()).getOperands().get(0));
                out.add(new Occurrence(resource, node.getOffset(), name.length(), true));
            }
            for (SymbolReference ref : SymbolReferences.all(program)) {
                if (!name.equals(ref.getName())) {
                    continue;
                }
                Statement statement = statementOf(ref);
                String op = statement == null || statement.getOperation() == null ? "" : statement.getOperation();
                if (!SymbolReferences.isSymbolName(name, op)) {
                    continue;
                }
                boolean definingOperand = SymbolTable.DEFINING_DIRECTIVES.contains(op)
                        && statement.getOperands().get(0) == ref;
                if (!definingOperand) {
                    INode node = NodeModelUtils.getNode(ref);
                    out.add(new Occurrence(resource, node.getOffset(), name.length(), false));
                }
            }
        }
        return out;
    }

    /** The place of a label in its file. */
    public static Occurrence of(Label label) {
        INode node = NodeModelUtils.findNodesForFeature(label, ModelPackage.Literals.LABEL__NAME).get(0);
        return new Occurrence((XtextResource) label.eResource(), node.getOffset(), node.getLength(), true);
    }

    static Program program(XtextResource resource) {
        return !resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Program p ? p : null;
    }

    private static ILeafNode leafAt(XtextResource resource, int offset) {
        if (resource == null || resource.getParseResult() == null) {
            return null;
        }
        ICompositeNode root = resource.getParseResult().getRootNode();
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset);
        // At the end of a word the cursor is after its last character.
        if ((leaf == null || leaf.isHidden()) && offset > 0) {
            leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset - 1);
        }
        return leaf == null || leaf.isHidden() ? null : leaf;
    }

    private static Statement statementOf(EObject o) {
        EObject e = o;
        while (e != null && !(e instanceof Statement)) {
            e = e.eContainer();
        }
        return (Statement) e;
    }
}
