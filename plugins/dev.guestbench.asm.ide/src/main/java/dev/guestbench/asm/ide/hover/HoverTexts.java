package dev.guestbench.asm.ide.hover;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;

import dev.guestbench.asm.Directives;
import dev.guestbench.asm.Vocabulary;
import dev.guestbench.asm.model.Label;
import dev.guestbench.asm.model.LocalLabelReference;
import dev.guestbench.asm.model.Program;
import dev.guestbench.asm.model.Statement;
import dev.guestbench.asm.model.SymbolReference;
import dev.guestbench.asm.symbols.SymbolReferences;
import dev.guestbench.asm.symbols.SymbolTable;
import dev.guestbench.isa.Csr;
import dev.guestbench.isa.CsrField;
import dev.guestbench.isa.Csrs;
import dev.guestbench.isa.Instruction;
import dev.guestbench.isa.Operand;
import dev.guestbench.isa.PseudoInstruction;
import dev.guestbench.isa.PseudoInstructions;
import dev.guestbench.isa.Registers;

/**
 * The hover text (Markdown) for the name under the cursor: what an instruction does, its encoding and
 * operands; a pseudo-instruction's expansion; a CSR's fields; a register; a directive; a label's place and,
 * once built, its address.
 */
public class HoverTexts {

    /** A hover's text and the range of the document it is about. */
    public record HoverText(String markdown, TextRegion region) {
    }

    @Inject
    private BuiltAddresses addresses;

    /** The hover at {@code offset}, or null when there is nothing to say. */
    public HoverText at(XtextResource resource, int offset) {
        if (resource == null || resource.getParseResult() == null) {
            return null;
        }
        ICompositeNode root = resource.getParseResult().getRootNode();
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset);
        if (leaf == null || leaf.isHidden()) {
            return null;
        }
        EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
        String text = leaf.getText();
        TextRegion region = new TextRegion(leaf.getOffset(), leaf.getLength());
        String markdown = null;
        if (element instanceof Statement statement && text.equals(statement.getOperation())) {
            markdown = text.startsWith(".") ? directive(text) : mnemonic(text);
        } else if (element instanceof SymbolReference ref) {
            markdown = name(ref, resource);
        } else if (element instanceof Label label && text.equals(label.getName())) {
            markdown = label(label.getName(), resource, label);
        } else if (element instanceof LocalLabelReference ref) {
            Program program = (Program) resource.getContents().get(0);
            Label target = SymbolReferences.resolveLocal(ref, SymbolTable.of(program));
            markdown = target == null ? null : "local label `" + target.getName() + ":` on line "
                    + NodeModelUtils.getNode(target).getStartLine();
        }
        return markdown == null ? null : new HoverText(markdown, region);
    }

    /** An instruction's or pseudo-instruction's documentation. */
    public static String mnemonic(String mnemonic) {
        StringBuilder sb = new StringBuilder();
        Instruction instruction = Vocabulary.instruction(mnemonic);
        if (instruction != null) {
            sb.append("**").append(instruction.syntax()).append("**\n\n");
            sb.append(instruction.description()).append("\n\n");
            sb.append("Encoding: ").append(instruction.format().title()).append(", ")
                    .append(instruction.length() * 8).append(" bits, match `0x")
                    .append(Integer.toHexString(instruction.match())).append("` mask `0x")
                    .append(Integer.toHexString(instruction.mask())).append("`; extension ")
                    .append(instruction.extension().isaName()).append("\n\n");
            List<Operand> operands = instruction.operands();
            if (!operands.isEmpty()) {
                sb.append("Operands:\n");
                for (Operand o : operands) {
                    sb.append("- `").append(o.name()).append("`: ").append(o.description());
                    if (!o.kind().isRegister() && o.kind() != dev.guestbench.isa.OperandKind.ACQUIRE
                            && o.kind() != dev.guestbench.isa.OperandKind.RELEASE) {
                        sb.append(" (").append(o.min()).append("..").append(o.max());
                        if (o.alignment() > 1) {
                            sb.append(", multiple of ").append(o.alignment());
                        }
                        sb.append(")");
                    }
                    sb.append(" - bits ").append(o.field()).append('\n');
                }
            }
        }
        List<PseudoInstruction> pseudos = PseudoInstructions.byMnemonic(mnemonic);
        if (!pseudos.isEmpty()) {
            if (sb.length() > 0) {
                sb.append("\nAlso a pseudo-instruction:\n");
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (PseudoInstruction p : pseudos) {
                if ((p.target() != null && p.target().isCompressed()) || !seen.add(p.syntax())) {
                    continue;
                }
                sb.append("**").append(p.syntax()).append("** = `").append(p.expansion()).append("`\n\n")
                        .append(p.description()).append("\n\n");
            }
        }
        return sb.length() == 0 ? null : sb.toString().strip();
    }

    /** A directive's syntax and description. */
    public static String directive(String name) {
        Directives.Directive d = Directives.byName(name);
        return d == null ? null : "**" + d.syntax() + "**\n\n" + d.description();
    }

    /** A CSR's number, access and fields. */
    public static String csr(Csr csr) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(csr.name()).append("** (CSR 0x").append(Integer.toHexString(csr.number()))
                .append(", ").append(csr.accessLabel()).append(")\n\n").append(csr.description());
        if (!csr.fields().isEmpty()) {
            sb.append("\n\nFields:\n");
            for (CsrField f : csr.fields()) {
                sb.append("- `").append(f.name()).append("` [").append(f.bits()).append("]: ")
                        .append(f.description()).append('\n');
            }
        }
        return sb.toString().strip();
    }

    /** A register's names and role. */
    public static String register(String name) {
        int gpr = Registers.parseGpr(name);
        if (gpr >= 0) {
            return "**" + Registers.gpr(gpr) + "** = x" + gpr + ": " + role(gpr);
        }
        int fpr = Registers.parseFpr(name);
        return fpr < 0 ? null : "**" + Registers.fpr(fpr) + "** = f" + fpr + ": floating-point register";
    }

    private static String role(int x) {
        return switch (x) {
            case 0 -> "hard-wired zero";
            case 1 -> "return address";
            case 2 -> "stack pointer";
            case 3 -> "global pointer";
            case 4 -> "thread pointer";
            case 5, 6, 7, 28, 29, 30, 31 -> "temporary (caller-saved)";
            case 8 -> "saved register / frame pointer (callee-saved)";
            case 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27 -> "saved register (callee-saved)";
            case 10, 11 -> "argument / return value (caller-saved)";
            default -> "argument (caller-saved)";
        };
    }

    private String name(SymbolReference ref, XtextResource resource) {
        String name = ref.getName();
        String register = register(name);
        if (register != null) {
            return register;
        }
        Csr csr = Csrs.byName(name);
        if (csr != null) {
            return csr(csr);
        }
        Program program = (Program) resource.getContents().get(0);
        SymbolTable table = SymbolTable.of(program);
        List<SymbolTable.Definition> defs = table.definitionsOf(name);
        if (!defs.isEmpty()) {
            return label(name, resource, defs.get(0).where());
        }
        Long address = addresses.address(resource.getURI().toString(), name);
        return "symbol `" + name + "` (defined in another file)"
                + (address == null ? "" : "\n\naddress 0x" + Long.toHexString(address) + " (last build)");
    }

    private String label(String name, XtextResource resource, EObject where) {
        StringBuilder sb = new StringBuilder();
        sb.append(where instanceof Label ? "label" : "symbol").append(" `").append(name).append("`, line ")
                .append(NodeModelUtils.getNode(where).getStartLine());
        if (where instanceof Statement s && s.getOperands().size() > 1) {
            sb.append(": `").append(NodeModelUtils.getTokenText(NodeModelUtils.getNode(s)).strip()).append('`');
        }
        Long address = addresses.address(resource.getURI().toString(), name);
        sb.append("\n\n").append(address == null ? "address: not built yet"
                : "address 0x" + Long.toHexString(address) + " (last build)");
        return sb.toString();
    }
}
