package dev.guestbench.asm.symbols;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import dev.guestbench.asm.model.Label;
import dev.guestbench.asm.model.Line;
import dev.guestbench.asm.model.Program;
import dev.guestbench.asm.model.Statement;
import dev.guestbench.asm.model.SymbolReference;

/**
 * The symbols one file defines and declares: labels, {@code .equ}/{@code .set} constants, {@code .comm}
 * blocks, macros, and names made global or external. Numeric local labels ({@code 1:}) are kept apart.
 */
public final class SymbolTable {

    /** Directives whose first operand names a symbol they define. */
    public static final Set<String> DEFINING_DIRECTIVES = Set.of(".equ", ".set", ".equiv", ".eqv", ".comm", ".lcomm");
    /** Directives whose operands name symbols defined elsewhere or made visible. */
    public static final Set<String> DECLARING_DIRECTIVES = Set.of(".globl", ".global", ".extern", ".weak", ".local",
            ".hidden", ".type", ".size");

    /** Where a symbol is defined: a label, or the statement of a defining directive (or .macro). */
    public record Definition(String name, EObject where, Kind kind) {
    }

    /** What defines a symbol. */
    public enum Kind {
        LABEL, CONSTANT, COMMON, MACRO
    }

    private final Map<String, List<Definition>> definitions = new LinkedHashMap<>();
    private final Map<String, SymbolReference> declared = new LinkedHashMap<>();
    private final List<Label> numericLabels = new ArrayList<>();
    private Map<String, int[]> numericOffsets;
    private Map<String, List<Label>> numericByName;

    private SymbolTable() {
    }

    /** The symbols of a parsed file (null gives an empty table). */
    public static SymbolTable of(Program program) {
        SymbolTable table = new SymbolTable();
        if (program == null) {
            return table;
        }
        for (Line line : program.getLines()) {
            for (Label label : line.getLabels()) {
                String name = label.getName();
                if (name == null) {
                    continue;
                }
                if (isNumeric(name)) {
                    table.numericLabels.add(label);
                } else {
                    table.add(new Definition(name, label, Kind.LABEL));
                }
            }
            Statement statement = line.getStatement();
            if (statement == null || statement.getOperation() == null) {
                continue;
            }
            String op = statement.getOperation();
            if (DEFINING_DIRECTIVES.contains(op) && !statement.getOperands().isEmpty()
                    && statement.getOperands().get(0) instanceof SymbolReference ref) {
                table.add(new Definition(ref.getName(), statement, op.endsWith("comm") ? Kind.COMMON : Kind.CONSTANT));
            } else if (op.equals(".macro") && !statement.getOperands().isEmpty()
                    && statement.getOperands().get(0) instanceof SymbolReference ref) {
                table.add(new Definition(ref.getName(), statement, Kind.MACRO));
            } else if (DECLARING_DIRECTIVES.contains(op)) {
                for (var operand : statement.getOperands()) {
                    if (operand instanceof SymbolReference ref) {
                        table.declared.putIfAbsent(ref.getName(), ref);
                    }
                }
            }
        }
        return table;
    }

    private void add(Definition d) {
        definitions.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
    }

    /** True for a numeric local label name such as "1". */
    public static boolean isNumeric(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /** Every definition by name, in file order. */
    public Map<String, List<Definition>> definitions() {
        return definitions;
    }

    /** The definitions of a name in this file (empty if none). */
    public List<Definition> definitionsOf(String name) {
        return definitions.getOrDefault(name, List.of());
    }

    /** Whether the file defines {@code name}. */
    public boolean defines(String name) {
        return definitions.containsKey(name);
    }

    /** Whether the file names {@code name} in .globl/.extern/... (so another file or the linker defines it). */
    public boolean declares(String name) {
        return declared.containsKey(name);
    }

    /** The numeric local labels in file order. */
    public List<Label> numericLabels() {
        return numericLabels;
    }

    /**
     * The numeric label {@code number} nearest before (or at) {@code offset}, or after it, or null; found by
     * binary search, as large files hold thousands of {@code 1:}.
     */
    public Label numericLabel(String number, int offset, boolean backward) {
        if (numericOffsets == null) {
            Map<String, List<Label>> byName = new java.util.HashMap<>();
            for (Label l : numericLabels) {
                byName.computeIfAbsent(canonical(l.getName()), k -> new ArrayList<>()).add(l);
            }
            Map<String, int[]> offsets = new java.util.HashMap<>();
            byName.forEach((k, labels) -> offsets.put(k,
                    labels.stream().mapToInt(l -> org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(l).getOffset())
                            .toArray()));
            numericByName = byName;
            numericOffsets = offsets;
        }
        String key = canonical(number);
        int[] offsets = numericOffsets.get(key);
        if (offsets == null) {
            return null;
        }
        int i = java.util.Arrays.binarySearch(offsets, offset);
        // i >= 0: a label starts exactly here (it counts as "before"); else -(insertion point) - 1.
        int before = i >= 0 ? i : -i - 2;
        int after = i >= 0 ? i + 1 : -i - 1;
        int index = backward ? before : after;
        return index >= 0 && index < offsets.length ? numericByName.get(key).get(index) : null;
    }

    private static String canonical(String number) {
        String s = number.replaceFirst("^0+(?=.)", "");
        return s;
    }
}
