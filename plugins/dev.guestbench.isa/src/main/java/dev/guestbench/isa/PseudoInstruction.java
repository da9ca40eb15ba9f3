package dev.guestbench.isa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A pseudo-instruction: another name and written form for one real instruction with some operands
 * fixed or tied together (an alias such as {@code mv rd, rs1} for {@code addi rd, rs1, 0}), or a
 * macro that expands to a sequence chosen by the assembler (such as {@code li} with a 64-bit
 * constant or {@code call}).
 *
 * <p>Aliases say whether the disassembler shows them: {@link Display#PREFERRED} ones replace the
 * real instruction when aliases are on, {@link Display#ALWAYS} ones even when they are off, and
 * {@link Display#NEVER} ones exist for the assembler only.
 */
public final class PseudoInstruction {

    /** When the disassembler uses an alias. */
    public enum Display {
        /** Shown instead of the real instruction when aliases are on. */
        PREFERRED,
        /** Shown instead of the real instruction even when aliases are off. */
        ALWAYS,
        /** Accepted by the assembler, never shown by the disassembler. */
        NEVER
    }

    /** A fixed value or a tie between two operands of the real instruction. */
    public record Condition(int operand, Relation relation, long value) {
        /** True if the condition holds for these instruction bits. */
        boolean holds(Instruction target, int bits) {
            long v = target.operand(bits, operand);
            return switch (relation) {
                case EQUALS -> v == value;
                case DIFFERS -> v != value;
                case SAME_AS -> v == target.operand(bits, (int) value);
            };
        }
    }

    /** How a condition relates an operand to its value. */
    public enum Relation {
        /** The operand has this value. */
        EQUALS,
        /** The operand does not have this value. */
        DIFFERS,
        /** The operand equals the operand whose index is the value. */
        SAME_AS
    }

    private final String mnemonic;
    private final Instruction target;
    private final Template template;
    private final List<Condition> conditions;
    private final Display display;
    private final Extension requirement;
    private final String syntax;
    private final String expansion;
    private final String description;

    private PseudoInstruction(String mnemonic, Instruction target, Template template, List<Condition> conditions,
            Display display, Extension requirement, String syntax, String expansion, String description) {
        this.mnemonic = mnemonic;
        this.target = target;
        this.template = template;
        this.conditions = conditions;
        this.display = display;
        this.requirement = requirement;
        this.syntax = syntax;
        this.expansion = expansion;
        this.description = description;
    }

    /**
     * An alias of one instruction.
     *
     * @param template the written operands, using the target's operand tokens
     * @param conditions comma-separated {@code tok=value}, {@code tok!=value} or {@code tok==tok2}
     * @param requirement the extension the alias needs, or null for the target's
     */
    static PseudoInstruction alias(String mnemonic, Instruction target, String template, String conditions,
            Display display, Extension requirement, String description) {
        Template t = Template.parse(template, tok -> tokenIndexOrMinus(target, tok));
        List<Condition> conds = new ArrayList<>();
        for (String c : conditions.split(",")) {
            c = c.trim();
            if (!c.isEmpty()) {
                conds.add(parseCondition(target, c));
            }
        }
        String syntax = render(mnemonic, t, target);
        String expansion = expand(target, t, conds);
        return new PseudoInstruction(mnemonic, target, t, Collections.unmodifiableList(conds), display,
                requirement, syntax, expansion, description);
    }

    /** A macro the assembler expands into one or more instructions of its choosing. */
    static PseudoInstruction macro(String syntax, String expansion, String description) {
        String mnemonic = syntax.contains(" ") ? syntax.substring(0, syntax.indexOf(' ')) : syntax;
        return new PseudoInstruction(mnemonic, null, null, List.of(), Display.NEVER, Extension.I, syntax, expansion,
                description);
    }

    private static Condition parseCondition(Instruction target, String text) {
        Relation rel;
        String[] sides;
        if (text.contains("==")) {
            rel = Relation.SAME_AS;
            sides = text.split("==");
        } else if (text.contains("!=")) {
            rel = Relation.DIFFERS;
            sides = text.split("!=");
        } else {
            rel = Relation.EQUALS;
            sides = text.split("=");
        }
        int index = tokenIndex(target, sides[0].trim());
        String v = sides[1].trim();
        long value;
        if (rel == Relation.SAME_AS) {
            value = tokenIndex(target, v);
        } else {
            Operand op = target.operands().get(index);
            int reg = !op.kind().isRegister() ? -1
                    : op.kind().isFloatRegister() ? Registers.parseFpr(v) : Registers.parseGpr(v);
            value = reg >= 0 ? reg : Long.decode(v);
        }
        return new Condition(index, rel, value);
    }

    private static int tokenIndex(Instruction target, String token) {
        int i = tokenIndexOrMinus(target, token);
        if (i < 0) {
            throw new IllegalStateException(target.mnemonic() + " has no operand " + token);
        }
        return i;
    }

    private static int tokenIndexOrMinus(Instruction target, String token) {
        for (int i = 0; i < target.operandCount(); i++) {
            if (target.operands().get(i).token().equals(token)) {
                return i;
            }
        }
        return -1;
    }

    private static String render(String mnemonic, Template t, Instruction target) {
        StringBuilder sb = new StringBuilder(mnemonic);
        if (!t.isEmpty()) {
            sb.append(' ');
        }
        for (Template.Part p : t.parts()) {
            if (p.isLiteral()) {
                sb.append(p.literal()).append(p.literal().equals(",") ? " " : "");
            } else {
                sb.append(target.operands().get(p.operand()).name());
            }
        }
        return sb.toString();
    }

    /** Writes the real instruction with the alias's operand names and fixed values filled in. */
    private static String expand(Instruction target, Template aliasTemplate, List<Condition> conds) {
        StringBuilder sb = new StringBuilder(target.mnemonic());
        if (!target.template().isEmpty()) {
            sb.append(' ');
        }
        for (Template.Part p : target.template().parts()) {
            if (p.isLiteral()) {
                sb.append(p.literal()).append(p.literal().equals(",") ? " " : "");
                continue;
            }
            Operand op = target.operands().get(p.operand());
            String text = op.name();
            for (Condition c : conds) {
                if (c.operand() == p.operand() && c.relation() == Relation.EQUALS) {
                    text = op.kind().isRegister() ? Registers.name(op.kind().isFloatRegister(), (int) c.value())
                            : op.kind() == OperandKind.CSR ? Csrs.displayName((int) c.value())
                            : op.kind() == OperandKind.FENCE_SET ? FenceSet.name((int) c.value())
                            : Long.toString(c.value());
                } else if (c.relation() == Relation.SAME_AS
                        && (c.operand() == p.operand() || c.value() == p.operand())) {
                    // Tied operands are both written with the name of the one the alias shows.
                    int shown = usesOperand(aliasTemplate, c.operand()) ? c.operand() : (int) c.value();
                    text = target.operands().get(shown).name();
                }
            }
            sb.append(text);
        }
        return sb.toString();
    }

    private static boolean usesOperand(Template t, int operand) {
        for (Template.Part p : t.parts()) {
            if (!p.isLiteral() && p.operand() == operand) {
                return true;
            }
        }
        return false;
    }

    /** The pseudo-instruction's mnemonic, e.g. "mv". */
    public String mnemonic() {
        return mnemonic;
    }

    /** The real instruction an alias stands for, or null for a macro. */
    public Instruction target() {
        return target;
    }

    /** True for macros, which the assembler expands itself. */
    public boolean isMacro() {
        return target == null;
    }

    /** How an alias's operands are written, over the target's operands; null for macros. */
    public Template template() {
        return template;
    }

    /** The fixed values and ties on the target's operands. */
    public List<Condition> conditions() {
        return conditions;
    }

    /** When the disassembler shows this alias. */
    public Display display() {
        return display;
    }

    /** The extension the alias needs, which may differ from its target's (frcsr needs F). */
    public Extension requirement() {
        return requirement != null ? requirement : target.extension();
    }

    /** True if the alias sets its own requirement rather than using its target's. */
    public boolean hasOwnRequirement() {
        return requirement != null;
    }

    /** The written form with operand names, e.g. "mv rd, rs1". */
    public String syntax() {
        return syntax;
    }

    /** What it stands for, e.g. "addi rd, rs1, 0". */
    public String expansion() {
        return expansion;
    }

    /** A paragraph describing what the pseudo-instruction does. */
    public String description() {
        return description;
    }

    /** True if these bits of the target instruction satisfy every condition of the alias. */
    public boolean matches(int bits) {
        for (int i = 0, n = conditions.size(); i < n; i++) {
            if (!conditions.get(i).holds(target, bits)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return syntax;
    }
}
