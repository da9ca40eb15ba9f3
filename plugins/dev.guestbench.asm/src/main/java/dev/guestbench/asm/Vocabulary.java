package dev.guestbench.asm;

import dev.guestbench.isa.Csrs;
import dev.guestbench.isa.Instruction;
import dev.guestbench.isa.PseudoInstructions;
import dev.guestbench.isa.Registers;

/**
 * What a name means in the assembly language (an instruction, a pseudo-instruction, a register, a CSR),
 * answered from the ISA table so the grammar lists none of them.
 */
public final class Vocabulary {

    private static final String[] ORDERING_SUFFIXES = { ".aqrl", ".aq", ".rl" };

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
        return !PseudoInstructions.byMnemonic(name).isEmpty();
    }

    /** Whether {@code name} is an integer or floating-point register, by ABI name or number. */
    public static boolean isRegister(String name) {
        return Registers.parseGpr(name) >= 0 || Registers.parseFpr(name) >= 0;
    }

    /** Whether {@code name} is a CSR's name. */
    public static boolean isCsr(String name) {
        return Csrs.byName(name) != null;
    }
}
