package dev.guestbench.asm.ide.contentassist;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;

import dev.guestbench.asm.Directives;
import dev.guestbench.asm.Suggestions;
import dev.guestbench.asm.model.Program;
import dev.guestbench.asm.symbols.SymbolTable;
import dev.guestbench.asm.validation.OperandForm;
import dev.guestbench.asm.validation.OperandForms;
import dev.guestbench.isa.Csr;
import dev.guestbench.isa.Csrs;
import dev.guestbench.isa.OperandKind;
import dev.guestbench.isa.Registers;
import dev.guestbench.isa.RoundingMode;

/**
 * Content assist for assembly, from the ISA table: mnemonics with their operand templates, directives,
 * snippets, and in operand positions what the mnemonic's forms accept there (registers, CSRs, rounding
 * modes, fence sets, labels in scope). The cursor's place is read from the line's text, so assist works on
 * half-written lines; the grammar's contexts only supply the document and the resource.
 */
public class AsmContentProposalProvider extends IdeContentProposalProvider {

    private static final int MNEMONIC_PRIORITY = 500;
    private static final int SNIPPET_PRIORITY = 400;
    private static final int OPERAND_PRIORITY = 600;
    private static final int LABEL_PRIORITY = 550;

    @Inject
    private ResourceDescriptionsProvider indexProvider;

    @Override
    public void createProposals(Collection<ContentAssistContext> contexts, IIdeContentProposalAcceptor acceptor) {
        if (contexts.isEmpty()) {
            return;
        }
        ContentAssistContext context = contexts.iterator().next();
        XtextResource resource = context.getResource();
        String text = context.getRootNode() != null ? context.getRootNode().getText() : "";
        createProposals(text, context.getOffset(), resource, acceptor);
    }

    /** Proposes what fits at {@code offset} of {@code text} (the content of {@code resource}). */
    public void createProposals(String text, int offset, XtextResource resource, IIdeContentProposalAcceptor acceptor) {
        LineContext line = LineContext.at(text, Math.min(offset, text.length()));
        switch (line.position()) {
            case MNEMONIC -> proposeMnemonics(line, acceptor);
            case OPERAND -> proposeOperands(line, resource, acceptor);
            case NONE -> {
            }
        }
    }

    private void proposeMnemonics(LineContext line, IIdeContentProposalAcceptor acceptor) {
        String prefix = line.prefix();
        if (prefix.isEmpty() || prefix.startsWith(".")) {
            for (Directives.Directive d : Directives.all().values()) {
                if (d.name().startsWith(prefix)) {
                    ContentAssistEntry e = entry(prefix, d.name(), d.syntax(), d.description(),
                            ContentAssistEntry.KIND_KEYWORD);
                    acceptor.accept(e, MNEMONIC_PRIORITY);
                }
            }
        }
        if (prefix.startsWith(".")) {
            return;
        }
        for (String mnemonic : Suggestions.mnemonics()) {
            if (!mnemonic.startsWith(prefix)) {
                continue;
            }
            List<OperandForm> forms = OperandForms.distinct(mnemonic);
            for (int i = 0; i < forms.size(); i++) {
                OperandForm form = forms.get(i);
                ContentAssistEntry e = new ContentAssistEntry();
                e.setPrefix(prefix);
                e.setKind(ContentAssistEntry.KIND_FUNCTION);
                e.setLabel(form.syntax());
                e.setDescription(firstSentence(form.description()));
                e.setDocumentation(form.description());
                placeholders(e, form.syntax(), mnemonic);
                // The machine instruction's own form first, then its aliases; compressed mnemonics last.
                acceptor.accept(e, MNEMONIC_PRIORITY - Math.min(i, 40) + (mnemonic.startsWith("c.") ? -50 : 0));
            }
        }
        for (Snippet s : Snippet.ALL) {
            if (s.name().startsWith(prefix) && !prefix.isEmpty() || prefix.isEmpty()) {
                ContentAssistEntry e = entry(prefix, s.body(), s.name() + " - " + s.description(), s.description(),
                        ContentAssistEntry.KIND_SNIPPET);
                acceptor.accept(e, SNIPPET_PRIORITY);
            }
        }
    }

    /** The proposal "addi rd, rs1, imm" with each operand name an edit position to type over. */
    private static void placeholders(ContentAssistEntry e, String syntax, String mnemonic) {
        String written = syntax.replace("[.aq][.rl]", "");
        written = written.replace("[", "").replace("]", "");
        if (!written.startsWith(mnemonic)) {
            written = mnemonic + written.substring(written.indexOf(' ') < 0 ? written.length() : written.indexOf(' '));
        }
        e.setProposal(written);
        int i = mnemonic.length();
        while (i < written.length()) {
            char c = written.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < written.length() && (Character.isLetterOrDigit(written.charAt(i)) || written.charAt(i) == '_')) {
                    i++;
                }
                e.getEditPositions().add(new TextRegion(start, i - start));
            } else {
                i++;
            }
        }
    }

    private void proposeOperands(LineContext line, XtextResource resource, IIdeContentProposalAcceptor acceptor) {
        String mnemonic = line.mnemonic();
        String prefix = line.prefix();
        if (mnemonic.startsWith(".")) {
            if (!mnemonic.equals(".section") && !mnemonic.equals(".option")) {
                proposeSymbols(prefix, resource, acceptor);
            }
            return;
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (OperandForm form : OperandForms.of(mnemonic)) {
            if (line.operandIndex() >= form.slots().size()) {
                continue;
            }
            OperandForm.Slot slot = form.slots().get(line.operandIndex());
            if (line.inParentheses() && slot.kind() == OperandForm.SlotKind.MEMORY) {
                kinds.add(slot.base().floating() ? "fpr" : "gpr");
                continue;
            }
            switch (slot.kind()) {
                case REGISTER -> kinds.add(slot.operand() != null && slot.operand().kind().isFloatRegister()
                        || slot.floating() ? "fpr" : slot.operand() == null && slot.fixedRegister() < 0 ? "any" : "gpr");
                case VALUE -> {
                    OperandKind kind = slot.operand().kind();
                    kinds.add(switch (kind) {
                        case CSR -> "csr";
                        case ROUNDING_MODE -> "rm";
                        case FENCE_SET -> "fence";
                        case PC_OFFSET -> "label";
                        default -> "value";
                    });
                }
                case MEMORY, EXPRESSION -> kinds.add("label");
                case FIXED_NUMBER -> {
                }
            }
        }
        for (String kind : kinds) {
            switch (kind) {
                case "gpr" -> registers(prefix, Registers.gprNames(), "integer register", acceptor);
                case "fpr" -> registers(prefix, Registers.fprNames(), "floating-point register", acceptor);
                case "any" -> {
                    registers(prefix, Registers.gprNames(), "integer register", acceptor);
                    registers(prefix, Registers.fprNames(), "floating-point register", acceptor);
                }
                case "csr" -> {
                    for (Csr csr : Csrs.rv64()) {
                        if (csr.name().startsWith(prefix)) {
                            acceptor.accept(entry(prefix, csr.name(), csr.name() + " (0x"
                                    + Integer.toHexString(csr.number()) + ")", csr.description(),
                                    ContentAssistEntry.KIND_PROPERTY), OPERAND_PRIORITY);
                        }
                    }
                }
                case "rm" -> {
                    for (RoundingMode rm : RoundingMode.values()) {
                        if (rm.asmName().startsWith(prefix)) {
                            acceptor.accept(entry(prefix, rm.asmName(), rm.asmName(), rm.description(),
                                    ContentAssistEntry.KIND_ENUM), OPERAND_PRIORITY);
                        }
                    }
                }
                case "fence" -> {
                    for (String set : List.of("rw", "iorw", "r", "w", "io", "i", "o")) {
                        if (set.startsWith(prefix)) {
                            acceptor.accept(entry(prefix, set, set, "fence set", ContentAssistEntry.KIND_ENUM),
                                    OPERAND_PRIORITY);
                        }
                    }
                }
                case "label", "value" -> proposeSymbols(prefix, resource, acceptor);
                default -> {
                }
            }
        }
    }

    private static void registers(String prefix, List<String> names, String what,
            IIdeContentProposalAcceptor acceptor) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.startsWith(prefix)) {
                String number = (what.startsWith("f") ? "f" : "x") + i;
                acceptor.accept(entry(prefix, name, name + " (" + number + ")", what + " " + number,
                        ContentAssistEntry.KIND_VARIABLE), OPERAND_PRIORITY);
            }
        }
    }

    /** Labels and symbols in scope: this file's, then the ones other files export. */
    private void proposeSymbols(String prefix, XtextResource resource, IIdeContentProposalAcceptor acceptor) {
        if (resource == null) {
            return;
        }
        Map<String, String> names = new LinkedHashMap<>();
        Program program = resource.getContents().isEmpty() ? null
                : resource.getContents().get(0) instanceof Program p ? p : null;
        SymbolTable table = SymbolTable.of(program);
        for (var entry : table.definitions().entrySet()) {
            names.put(entry.getKey(), entry.getValue().get(0).kind() == SymbolTable.Kind.LABEL ? "label" : "symbol");
        }
        for (IEObjectDescription d : indexProvider.getResourceDescriptions(resource).getExportedObjects()) {
            if (!d.getEObjectURI().trimFragment().equals(resource.getURI())) {
                names.putIfAbsent(d.getName().toString(),
                        "label in " + d.getEObjectURI().trimFragment().lastSegment());
            }
        }
        for (var entry : names.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                acceptor.accept(entry(prefix, entry.getKey(), entry.getKey(), entry.getValue(),
                        ContentAssistEntry.KIND_REFERENCE), LABEL_PRIORITY);
            }
        }
    }

    private static ContentAssistEntry entry(String prefix, String proposal, String label, String description,
            String kind) {
        ContentAssistEntry e = new ContentAssistEntry();
        e.setPrefix(prefix);
        e.setProposal(proposal);
        e.setLabel(label);
        e.setDescription(firstSentence(description));
        e.setDocumentation(description);
        e.setKind(kind);
        return e;
    }

    static String firstSentence(String text) {
        if (text == null) {
            return null;
        }
        int dot = text.indexOf(". ");
        return dot < 0 ? text : text.substring(0, dot + 1);
    }
}
