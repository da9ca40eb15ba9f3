package dev.guestbench.asm.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

import com.google.inject.Inject;

import dev.guestbench.asm.Suggestions;
import dev.guestbench.asm.Vocabulary;
import dev.guestbench.asm.model.Label;
import dev.guestbench.asm.model.LocalLabelReference;
import dev.guestbench.asm.model.ModelPackage;
import dev.guestbench.asm.model.Program;
import dev.guestbench.asm.model.Statement;
import dev.guestbench.asm.model.SymbolReference;
import dev.guestbench.asm.symbols.SymbolReferences;
import dev.guestbench.asm.symbols.SymbolTable;

/** Checks of assembly source beyond its syntax; the facts come from the ISA table. */
public class AsmValidator extends AbstractAsmValidator {

    /** Issue code of a mnemonic that is neither an instruction nor a pseudo-instruction; data: suggestions. */
    public static final String UNKNOWN_MNEMONIC = "unknownMnemonic";
    /** Issue code of a symbol no file defines; data: suggestions. */
    public static final String UNDEFINED_SYMBOL = "undefinedSymbol";
    /** Issue code of a label defined twice in one file. */
    public static final String DUPLICATE_LABEL = "duplicateLabel";
    /** Issue code of a numeric label reference (1b, 1f) with no such label in that direction. */
    public static final String UNDEFINED_LOCAL_LABEL = "undefinedLocalLabel";

    @Inject
    private ResourceDescriptionsProvider indexProvider;

    @Check
    public void checkMnemonicExists(Statement statement) {
        String op = statement.getOperation();
        if (op == null || op.startsWith(".")) {
            return;
        }
        if (!Vocabulary.isInstruction(op) && !Vocabulary.isPseudoInstruction(op)) {
            List<String> suggestions = Suggestions.forMnemonic(op);
            String hint = suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", quoted(suggestions)) + "?";
            error("unknown instruction '" + op + "'" + hint, ModelPackage.Literals.STATEMENT__OPERATION,
                    UNKNOWN_MNEMONIC, suggestions.toArray(String[]::new));
        }
    }

    @Check
    public void checkOperands(Statement statement) {
        String op = statement.getOperation();
        if (op == null || op.startsWith(".")) {
            return;
        }
        OperandChecker.OperandProblem problem = OperandChecker.check(statement);
        if (problem == null) {
            return;
        }
        if (problem.where() == statement) {
            error(problem.message(), ModelPackage.Literals.STATEMENT__OPERATION, problem.code());
        } else {
            error(problem.message(), problem.where(), null, problem.code());
        }
    }

    /** Labels and symbols, once per file: duplicates, undefined names, local label references. */
    @Check(CheckType.FAST)
    public void checkSymbols(Program program) {
        SymbolTable table = SymbolTable.of(program);
        for (var entry : table.definitions().entrySet()) {
            List<SymbolTable.Definition> defs = entry.getValue();
            for (int i = 1; i < defs.size(); i++) {
                EObject where = defs.get(i).where();
                int firstLine = line(defs.get(0).where());
                String message = "'" + entry.getKey() + "' is already defined on line " + firstLine;
                if (where instanceof Label) {
                    error(message, where, ModelPackage.Literals.LABEL__NAME, DUPLICATE_LABEL);
                } else {
                    error(message, where, null, DUPLICATE_LABEL);
                }
            }
        }
        IResourceDescriptions index = null;
        Set<String> known = new HashSet<>();
        for (SymbolReference ref : SymbolReferences.checkedReferences(program)) {
            String name = ref.getName();
            if (table.defines(name) || table.declares(name) || known.contains(name)) {
                continue;
            }
            if (index == null) {
                index = indexProvider.getResourceDescriptions(program.eResource());
            }
            if (definedElsewhere(index, name, program)) {
                known.add(name);
                continue;
            }
            List<String> candidates = new ArrayList<>(table.definitions().keySet());
            List<String> suggestions = Suggestions.closest(name, candidates);
            String hint = suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", quoted(suggestions)) + "?";
            error("undefined symbol '" + name + "'" + hint, ref, ModelPackage.Literals.SYMBOL_REFERENCE__NAME,
                    UNDEFINED_SYMBOL, suggestions.toArray(String[]::new));
        }
        for (LocalLabelReference ref : SymbolReferences.localReferences(program)) {
            if (SymbolReferences.resolveLocal(ref, table) == null) {
                String value = ref.getValue();
                String number = value.substring(0, value.length() - 1);
                boolean backward = value.endsWith("b");
                error("no label " + number + ": " + (backward ? "before" : "after") + " this line", ref,
                        ModelPackage.Literals.LOCAL_LABEL_REFERENCE__VALUE, UNDEFINED_LOCAL_LABEL);
            }
        }
    }

    private static boolean definedElsewhere(IResourceDescriptions index, String name, Program program) {
        for (IEObjectDescription d : index.getExportedObjects(EcorePackage.Literals.EOBJECT,
                QualifiedName.create(name), false)) {
            if (!d.getEObjectURI().trimFragment().equals(program.eResource().getURI())) {
                return true;
            }
        }
        return false;
    }

    private static int line(EObject object) {
        ICompositeNode node = NodeModelUtils.getNode(object);
        return node == null ? 0 : node.getStartLine();
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").toList();
    }
}
