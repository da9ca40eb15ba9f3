package dev.guestbench.asm.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.guestbench.asm.Vocabulary;
import dev.guestbench.isa.Instruction;
import dev.guestbench.isa.PseudoInstruction;
import dev.guestbench.isa.PseudoInstructions;

/** Every way a mnemonic's operands may be written, from the ISA table; cached per mnemonic. */
public final class OperandForms {

    private static final Map<String, List<OperandForm>> CACHE = new ConcurrentHashMap<>();

    private OperandForms() {
    }

    /**
     * The forms of {@code mnemonic}, most usual first: the machine instruction, then full-size aliases,
     * compressed ones and macros. Empty for an unknown mnemonic.
     */
    public static List<OperandForm> of(String mnemonic) {
        return CACHE.computeIfAbsent(mnemonic, OperandForms::compute);
    }

    private static List<OperandForm> compute(String mnemonic) {
        List<OperandForm> forms = new ArrayList<>();
        Instruction instruction = Vocabulary.instruction(mnemonic);
        if (instruction != null) {
            forms.add(OperandForm.of(instruction));
        }
        List<OperandForm> aliases = new ArrayList<>();
        List<OperandForm> macros = new ArrayList<>();
        for (PseudoInstruction p : PseudoInstructions.byMnemonic(mnemonic)) {
            (p.isMacro() ? macros : aliases).add(OperandForm.of(p));
        }
        aliases.sort(Comparator.comparing(OperandForm::compressed));
        forms.addAll(aliases);
        forms.addAll(macros);
        return List.copyOf(forms);
    }

    /** The distinct syntaxes of a mnemonic without compressed-only variants (for messages and assist). */
    public static List<String> syntaxes(String mnemonic) {
        return distinct(mnemonic).stream().map(OperandForm::syntax).toList();
    }

    /**
     * The forms of a mnemonic with distinct syntaxes, most usual first, leaving out the compressed encodings
     * of a full-size mnemonic (the assembler picks those itself).
     */
    public static List<OperandForm> distinct(String mnemonic) {
        List<OperandForm> forms = of(mnemonic);
        List<OperandForm> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (OperandForm f : forms) {
            if ((!f.compressed() || mnemonic.startsWith("c.")) && seen.add(f.syntax())) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            for (OperandForm f : forms) {
                if (seen.add(f.syntax())) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
