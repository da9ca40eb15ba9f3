package dev.guestbench.asm;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.guestbench.isa.Csrs;
import dev.guestbench.isa.Instruction;
import dev.guestbench.isa.PseudoInstruction;
import dev.guestbench.isa.PseudoInstructions;
import dev.guestbench.isa.Registers;

/**
 * What a name means in the assembly language (an instruction, a pseudo-instruction, a register, a CSR),
 * answered from the ISA table so the grammar lists none of them.
 */
public final class Vocabulary {

    private static final String[] ORDERING_SUFFIXES = { ".aqrl", ".aq", ".rl" };
    /** What a name is, looked up once per name: the editor asks for every token on every keystroke. */
    private static final Map<String, Integer> KINDS = new ConcurrentHashMap<>();
    private static final int REGISTER = 1;
    private static final int CSR = 2;
    private static final Set<String> PSEUDO_MNEMONICS = pseudoMnemonics();

    private Vocabulary() {
    }

    /** The machine instruction a mnemonic names (with an atomic's .aq/.rl suffix), or null. */
    public static Instruction instruction(String mnemonic) {
        Instruction instruction = Instruction.byMnemonic(mnemonic);
        if (instruction != null) {
            return instruction;
        }
        for (String suffix : ORDERING_SUFFIXES) {
            if (mnemonic.endsWith(suffix)) {
                Instruction base = Instruction.byMnemonic(mnemonic.substring(0, mnemonic.length() - suffix.length()));
                return base != null && base.hasOrderingSuffix() ? base : null;
            }
        }
        return null;
    }

    /** Whether {@code name} is a machine instruction's mnemonic. */
    public static boolean isInstruction(String name) {
        return instruction(name) != null;
    }

    /** Whether {@code name} is a pseudo-instruction (and not a machine instruction of the same name). */
    public static boolean isPseudoInstruction(String name) {
        return PSEUDO_MNEMONICS.contains(name);
    }

    /** Whether {@code name} is an integer or floating-point register, by ABI name or number. */
    public static boolean isRegister(String name) {
        return (kind(name) & REGISTER) != 0;
    }

    /** Whether {@code name} is a CSR's name. */
    public static boolean isCsr(String name) {
        return (kind(name) & CSR) != 0;
    }

    private static int kind(String name) {
        Integer kind = KINDS.get(name);
        if (kind == null) {
            kind = (Registers.parseGpr(name) >= 0 || Registers.parseFpr(name) >= 0 ? REGISTER : 0)
                    | (Csrs.byName(name) != null ? CSR : 0);
            if (KINDS.size() < 100_000) { // user symbols too; a bound keeps a runaway file from growing it
                KINDS.put(name, kind);
            }
        }
        return kind;
    }

    private static Set<String> pseudoMnemonics() {
        Set<String> names = new HashSet<>();
        for (PseudoInstruction p : PseudoInstructions.all()) {
            names.add(p.mnemonic());
        }
        return Set.copyOf(names);
    }
}
