package dev.guestbench.asm.validation;

import java.util.ArrayList;
import java.util.List;

import dev.guestbench.isa.Instruction;
import dev.guestbench.isa.Operand;
import dev.guestbench.isa.OperandKind;
import dev.guestbench.isa.PseudoInstruction;
import dev.guestbench.isa.Registers;
import dev.guestbench.isa.Template;

/**
 * One way of writing a mnemonic's operands, taken from the ISA table: the written operands in order, and
 * the syntax to show people ("addi rd, rs1, imm").
 */
public record OperandForm(String syntax, List<Slot> slots, boolean compressed, String description) {

    /** What may be written in one comma-separated operand position. */
    public enum SlotKind {
        /** A register; {@link Slot#operand()} checks it, or {@link Slot#fixedRegister()} names the only one. */
        REGISTER,
        /** A value described by {@link Slot#operand()} (immediate, offset, CSR, rounding mode, fence set). */
        VALUE,
        /** {@code offset(base)}: {@link Slot#operand()} is the offset (null when only {@code (base)} is allowed). */
        MEMORY,
        /** A symbol or constant expression of a macro (la's symbol, li's immediate). */
        EXPRESSION,
        /** A literal number the form fixes (the 0 in "c.mv rd, rs2, 0" forms). */
        FIXED_NUMBER
    }

    /**
     * One operand position. For MEMORY slots {@code base} describes the base register (its own operand or
     * {@code fixedRegister}).
     */
    public record Slot(SlotKind kind, String name, Operand operand, int fixedRegister, boolean floating,
            Slot base, boolean optional, long fixedNumber) {

        /** The name shown in messages and templates ("rd", "offset(rs1)"). */
        public String display() {
            return kind == SlotKind.MEMORY ? (operand == null ? "" : operand.name()) + "(" + base.display() + ")"
                    : name;
        }
    }

    public OperandForm {
        slots = List.copyOf(slots);
    }

    /** Fewest operands this form accepts. */
    public int minCount() {
        return (int) slots.stream().filter(s -> !s.optional()).count();
    }

    /** The written form of a machine instruction. */
    public static OperandForm of(Instruction instruction) {
        return new OperandForm(instruction.syntax(), slots(instruction.template(), instruction.operands()),
                instruction.isCompressed(), instruction.description());
    }

    /** The written form of an alias (null for a macro, see {@link #ofMacro}). */
    public static OperandForm of(PseudoInstruction pseudo) {
        if (pseudo.isMacro()) {
            return ofMacro(pseudo);
        }
        return new OperandForm(pseudo.syntax(), slots(pseudo.template(), pseudo.target().operands()),
                pseudo.target().isCompressed(), pseudo.description());
    }

    private static OperandForm ofMacro(PseudoInstruction macro) {
        String syntax = macro.syntax();
        List<Slot> slots = new ArrayList<>();
        int space = syntax.indexOf(' ');
        if (space > 0) {
            for (String name : syntax.substring(space + 1).split(",")) {
                name = name.trim();
                boolean register = name.equals("rd") || name.startsWith("rs") || name.equals("rt");
                slots.add(register ? new Slot(SlotKind.REGISTER, name, null, -1, false, null, false, 0)
                        : new Slot(SlotKind.EXPRESSION, name, null, -1, false, null, false, 0));
            }
        }
        return new OperandForm(syntax, slots, false, macro.description());
    }

    /** Splits a template at its commas into slots. */
    private static List<Slot> slots(Template template, List<Operand> operands) {
        List<Slot> slots = new ArrayList<>();
        List<Template.Part> group = new ArrayList<>();
        boolean optional = false;
        for (Template.Part part : template.parts()) {
            if (part.isLiteral() && part.literal().equals(",")) {
                if (!group.isEmpty()) {
                    slots.add(slot(group, operands, optional));
                }
                group = new ArrayList<>();
                optional = part.optional();
                continue;
            }
            optional |= part.optional();
            group.add(part);
        }
        if (!group.isEmpty()) {
            slots.add(slot(group, operands, optional));
        }
        return slots;
    }

    private static Slot slot(List<Template.Part> group, List<Operand> operands, boolean optional) {
        int open = -1;
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i).isLiteral() && group.get(i).literal().equals("(")) {
                open = i;
            }
        }
        if (open >= 0) {
            Operand offset = open > 0 && !group.get(0).isLiteral() ? operands.get(group.get(0).operand()) : null;
            Slot base = single(group.get(open + 1), operands, false);
            return new Slot(SlotKind.MEMORY, null, offset, -1, false, base, optional, 0);
        }
        return single(group.get(0), operands, optional);
    }

    private static Slot single(Template.Part part, List<Operand> operands, boolean optional) {
        if (part.isLiteral()) {
            String text = part.literal();
            int gpr = Registers.parseGpr(text);
            if (gpr >= 0) {
                return new Slot(SlotKind.REGISTER, text, null, gpr, false, null, optional, 0);
            }
            int fpr = Registers.parseFpr(text);
            if (fpr >= 0) {
                return new Slot(SlotKind.REGISTER, text, null, fpr, true, null, optional, 0);
            }
            return new Slot(SlotKind.FIXED_NUMBER, text, null, -1, false, null, optional, Long.decode(text));
        }
        Operand operand = operands.get(part.operand());
        OperandKind kind = operand.kind();
        if (kind.isRegister()) {
            return new Slot(SlotKind.REGISTER, operand.name(), operand, -1, kind.isFloatRegister(), null, optional, 0);
        }
        return new Slot(SlotKind.VALUE, operand.name(), operand, -1, false, null, optional, 0);
    }
}
