package dev.guestbench.asm.validation;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

import dev.guestbench.asm.ConstantValue;
import dev.guestbench.asm.model.Expression;
import dev.guestbench.asm.model.MemoryOperand;
import dev.guestbench.asm.model.Operand;
import dev.guestbench.asm.model.Statement;
import dev.guestbench.asm.model.StringOperand;
import dev.guestbench.asm.model.SymbolReference;
import dev.guestbench.isa.Csrs;
import dev.guestbench.isa.OperandKind;
import dev.guestbench.isa.Registers;
import dev.guestbench.isa.RoundingMode;

/**
 * Checks an instruction's operands against the forms the ISA table allows: how many, of which kind, and
 * whether constant immediates fit. Values the assembler alone knows (symbols, relocations, branch targets)
 * are left to it.
 */
public final class OperandChecker {

    /** A problem with an instruction's operands; {@code where} is the operand, or the statement itself. */
    public record OperandProblem(EObject where, String message, String code) {
    }

    /** Issue code: wrong number of operands. */
    public static final String OPERAND_COUNT = "operandCount";
    /** Issue code: an operand of the wrong kind (a register where a number belongs, ...). */
    public static final String OPERAND_KIND = "operandKind";
    /** Issue code: a constant that does not fit its field. */
    public static final String OUT_OF_RANGE = "outOfRange";

    private OperandChecker() {
    }

    /** The problem with the statement's operands, or null if one of the mnemonic's forms accepts them. */
    public static OperandProblem check(Statement statement) {
        String mnemonic = statement.getOperation();
        List<OperandForm> forms = OperandForms.of(mnemonic);
        if (forms.isEmpty()) {
            return null;
        }
        List<Operand> operands = statement.getOperands();
        OperandProblem best = null;
        int bestIndex = -1;
        boolean countMatched = false;
        for (OperandForm form : forms) {
            if (operands.size() < form.minCount() || operands.size() > form.slots().size()) {
                continue;
            }
            countMatched = true;
            int i = 0;
            OperandProblem problem = null;
            for (; i < operands.size(); i++) {
                problem = checkOperand(mnemonic, form.slots().get(i), operands.get(i));
                if (problem != null) {
                    break;
                }
            }
            if (problem == null) {
                return null;
            }
            if (i > bestIndex) {
                best = problem;
                bestIndex = i;
            }
        }
        if (!countMatched) {
            List<String> syntaxes = OperandForms.syntaxes(mnemonic);
            return new OperandProblem(statement, mnemonic + " takes " + describeCounts(forms) + ", not "
                    + operands.size() + ": " + String.join(" | ", syntaxes), OPERAND_COUNT);
        }
        return best;
    }

    private static String describeCounts(List<OperandForm> forms) {
        java.util.TreeSet<Integer> counts = new java.util.TreeSet<>();
        for (OperandForm f : forms) {
            for (int n = f.minCount(); n <= f.slots().size(); n++) {
                counts.add(n);
            }
        }
        StringBuilder sb = new StringBuilder();
        int k = 0;
        for (int n : counts) {
            if (k > 0) {
                sb.append(k == counts.size() - 1 ? " or " : ", ");
            }
            sb.append(n);
            k++;
        }
        return sb + (counts.size() == 1 && counts.first() == 1 ? " operand" : " operands");
    }

    private static OperandProblem checkOperand(String mnemonic, OperandForm.Slot slot, Operand written) {
        return switch (slot.kind()) {
            case REGISTER -> checkRegister(mnemonic, slot, written);
            case VALUE -> checkValue(mnemonic, slot, written);
            case MEMORY -> checkMemory(mnemonic, slot, written);
            case EXPRESSION -> checkExpression(mnemonic, slot, written);
            case FIXED_NUMBER -> {
                Long v = written instanceof Expression e ? ConstantValue.of(e) : null;
                yield v != null && v == slot.fixedNumber() ? null
                        : kind(written, mnemonic + " expects " + slot.fixedNumber() + " here");
            }
        };
    }

    private static OperandProblem checkRegister(String mnemonic, OperandForm.Slot slot, Operand written) {
        String name = written instanceof SymbolReference ref ? ref.getName() : null;
        boolean floating = slot.operand() != null ? slot.operand().kind().isFloatRegister() : slot.floating();
        int gpr = name == null ? -1 : Registers.parseGpr(name);
        int fpr = name == null ? -1 : Registers.parseFpr(name);
        if (slot.operand() == null && slot.fixedRegister() < 0) {
            // A macro's register: either file will do.
            return gpr >= 0 || fpr >= 0 ? null : kind(written, mnemonic + " expects a register as " + slot.name()
                    + ", not " + describe(written));
        }
        int number = floating ? fpr : gpr;
        if (number < 0) {
            String expected = floating ? "a floating-point register" : "an integer register";
            return kind(written, mnemonic + " expects " + expected + " as " + slot.name() + ", not "
                    + describe(written));
        }
        if (slot.fixedRegister() >= 0) {
            return number == slot.fixedRegister() ? null
                    : kind(written, mnemonic + " expects " + slot.name() + " here, not " + name);
        }
        String message = slot.operand().check(number, mnemonic);
        return message == null ? null : new OperandProblem(written, message, OPERAND_KIND);
    }

    private static OperandProblem checkValue(String mnemonic, OperandForm.Slot slot, Operand written) {
        OperandKind kind = slot.operand().kind();
        if (!(written instanceof Expression expression)) {
            return kind(written, mnemonic + " expects " + article(kind.noun()) + " as " + slot.name() + ", not "
                    + describe(written));
        }
        String symbol = expression instanceof SymbolReference ref ? ref.getName() : null;
        switch (kind) {
            case CSR -> {
                if (symbol != null) {
                    return Csrs.byName(symbol) != null ? null
                            : isRegister(symbol) ? kind(written, mnemonic + " expects a CSR, not register " + symbol)
                            : null; // an .equ'd CSR number, the assembler knows
                }
            }
            case ROUNDING_MODE -> {
                if (symbol != null) {
                    return RoundingMode.parse(symbol) != null ? null
                            : kind(written, "'" + symbol + "' is not a rounding mode (rne, rtz, rdn, rup, rmm, dyn)");
                }
            }
            case FENCE_SET -> {
                if (symbol != null) {
                    return symbol.matches("i?o?r?w?") && !symbol.isEmpty() ? null
                            : kind(written, "'" + symbol + "' is not a fence set (letters of iorw in that order)");
                }
            }
            default -> {
                if (symbol != null && isRegister(symbol)) {
                    return kind(written, mnemonic + " expects " + article(kind.noun()) + " as " + slot.name()
                            + ", not register " + symbol);
                }
            }
        }
        if (kind == OperandKind.PC_OFFSET) {
            return null; // a number here is an address; whether the target is in reach is the assembler's call
        }
        Long value = ConstantValue.of(expression);
        if (value == null) {
            return null;
        }
        String message = slot.operand().check(value, mnemonic);
        return message == null ? null : new OperandProblem(written, message, OUT_OF_RANGE);
    }

    private static OperandProblem checkMemory(String mnemonic, OperandForm.Slot slot, Operand written) {
        if (!(written instanceof MemoryOperand memory)) {
            return kind(written, mnemonic + " expects a memory operand " + slot.display() + ", not "
                    + describe(written));
        }
        OperandProblem base = checkRegister(mnemonic, slot.base(), memory.getBase());
        if (base != null) {
            return base;
        }
        Expression offset = memory.getOffset();
        if (offset == null) {
            return null;
        }
        if (slot.operand() == null) {
            Long v = ConstantValue.of(offset);
            return v != null && v == 0 ? null
                    : new OperandProblem(offset, mnemonic + " takes no offset: write (" + slot.base().display() + ")",
                            OUT_OF_RANGE);
        }
        OperandForm.Slot value = new OperandForm.Slot(OperandForm.SlotKind.VALUE, slot.operand().name(),
                slot.operand(), -1, false, null, false, 0);
        return checkValue(mnemonic, value, offset);
    }

    private static OperandProblem checkExpression(String mnemonic, OperandForm.Slot slot, Operand written) {
        if (written instanceof SymbolReference ref && isRegister(ref.getName())) {
            return kind(written, mnemonic + " expects " + (slot.name().equals("symbol") ? "a symbol" : "a value")
                    + " as " + slot.name() + ", not register " + ref.getName());
        }
        if (written instanceof MemoryOperand || written instanceof StringOperand) {
            return kind(written, mnemonic + " expects " + (slot.name().equals("symbol") ? "a symbol" : "a value")
                    + " as " + slot.name() + ", not " + describe(written));
        }
        return null;
    }

    private static boolean isRegister(String name) {
        return dev.guestbench.asm.Vocabulary.isRegister(name);
    }

    private static OperandProblem kind(Operand written, String message) {
        return new OperandProblem(written, message, OPERAND_KIND);
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String describe(Operand written) {
        if (written instanceof SymbolReference ref) {
            String n = ref.getName();
            return isRegister(n) ? "register " + n : Csrs.byName(n) != null ? "CSR " + n : "symbol " + n;
        }
        if (written instanceof MemoryOperand) {
            return "a memory operand";
        }
        if (written instanceof StringOperand) {
            return "a string";
        }
        Long v = written instanceof Expression e ? ConstantValue.of(e) : null;
        return v != null ? "the number " + v : "an expression";
    }
}
