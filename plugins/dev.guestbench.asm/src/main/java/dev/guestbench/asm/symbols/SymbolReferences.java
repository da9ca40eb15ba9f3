package dev.guestbench.asm.symbols;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.guestbench.asm.Vocabulary;
import dev.guestbench.asm.model.Label;
import dev.guestbench.asm.model.Line;
import dev.guestbench.asm.model.LocalLabelReference;
import dev.guestbench.asm.model.Operand;
import dev.guestbench.asm.model.Program;
import dev.guestbench.asm.model.Statement;
import dev.guestbench.asm.model.SymbolReference;
import dev.guestbench.isa.RoundingMode;

/** Finds the uses of symbols in a file, and resolves numeric local label references ({@code 1b}, {@code 1f}). */
public final class SymbolReferences {

    /** Data directives whose operands may name symbols (addresses stored in memory). */
    public static final Set<String> DATA_DIRECTIVES = Set.of(".word", ".dword", ".half", ".byte", ".quad", ".2byte",
            ".4byte", ".8byte", ".short", ".long", ".int", ".zero", ".space", ".skip", ".fill", ".org");

    private SymbolReferences() {
    }

    /** Every SymbolReference in the file, wherever it is (registers and CSRs included). */
    public static List<SymbolReference> all(Program program) {
        List<SymbolReference> out = new ArrayList<>();
        program.eAllContents().forEachRemaining(o -> {
            if (o instanceof SymbolReference ref && ref.getName() != null) {
                out.add(ref);
            }
        });
        return out;
    }

    /**
     * The references that must name a defined symbol: operands of instructions and data directives, and
     * the values of .equ/.set; not registers, CSRs, rounding modes, fence sets or the location counter.
     */
    public static List<SymbolReference> checkedReferences(Program program) {
        List<SymbolReference> out = new ArrayList<>();
        for (Line line : program.getLines()) {
            Statement s = line.getStatement();
            if (s == null || s.getOperation() == null) {
                continue;
            }
            String op = s.getOperation();
            boolean instruction = !op.startsWith(".");
            int first = SymbolTable.DEFINING_DIRECTIVES.contains(op) ? 1 : 0;
            if (!instruction && !DATA_DIRECTIVES.contains(op) && first == 0) {
                continue;
            }
            List<Operand> operands = s.getOperands();
            for (int i = first; i < operands.size(); i++) {
                collect(operands.get(i), op, out);
            }
        }
        return out;
    }

    private static void collect(EObject operand, String op, List<SymbolReference> out) {
        List<EObject> objects = new ArrayList<>();
        objects.add(operand);
        operand.eAllContents().forEachRemaining(objects::add);
        for (EObject o : objects) {
            if (o instanceof SymbolReference ref && ref.getName() != null && isSymbolName(ref.getName(), op)) {
                out.add(ref);
            }
        }
    }

    /** Whether a name in an operand of {@code op} stands for a symbol (not a register, CSR, ...). */
    public static boolean isSymbolName(String name, String op) {
        if (name.equals(".") || Vocabulary.isRegister(name) || Vocabulary.isCsr(name)) {
            return false;
        }
        if (RoundingMode.parse(name) != null && !op.startsWith(".")) {
            return false;
        }
        return !(op.startsWith("fence") && name.matches("i?o?r?w?"));
    }

    /** Every numeric local label reference in the file. */
    public static List<LocalLabelReference> localReferences(Program program) {
        List<LocalLabelReference> out = new ArrayList<>();
        program.eAllContents().forEachRemaining(o -> {
            if (o instanceof LocalLabelReference ref && ref.getValue() != null) {
                out.add(ref);
            }
        });
        return out;
    }

    /** The label a {@code 1b}/{@code 1f} reference means: the nearest {@code 1:} before/after it, or null. */
    public static Label resolveLocal(LocalLabelReference ref, SymbolTable table) {
        String value = ref.getValue();
        String number = value.substring(0, value.length() - 1);
        return table.numericLabel(number, offset(ref), value.endsWith("b"));
    }

    private static int offset(EObject o) {
        ICompositeNode node = NodeModelUtils.getNode(o);
        return node == null ? -1 : node.getOffset();
    }
}
