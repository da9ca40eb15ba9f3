package dev.guestbench.asm.validation;

import org.eclipse.xtext.validation.Check;

import dev.guestbench.asm.Vocabulary;
import dev.guestbench.asm.model.ModelPackage;
import dev.guestbench.asm.model.Statement;

/** Checks of assembly source beyond its syntax; the facts come from the ISA table. */
public class AsmValidator extends AbstractAsmValidator {

    /** Issue code of a mnemonic that is neither an instruction nor a pseudo-instruction. */
    public static final String UNKNOWN_MNEMONIC = "unknownMnemonic";

    @Check
    public void checkMnemonicExists(Statement statement) {
        String op = statement.getOperation();
        if (op == null || op.startsWith(".")) {
            return;
        }
        if (!Vocabulary.isInstruction(op) && !Vocabulary.isPseudoInstruction(op)) {
            error("unknown instruction '" + op + "'", ModelPackage.Literals.STATEMENT__OPERATION, UNKNOWN_MNEMONIC);
        }
    }
}
