package dev.guestbench.asm.ide.symbols;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.symbol.IDocumentSymbolService;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.guestbench.asm.model.Label;
import dev.guestbench.asm.model.Line;
import dev.guestbench.asm.model.Program;
import dev.guestbench.asm.model.Statement;
import dev.guestbench.asm.model.SymbolReference;
import dev.guestbench.asm.symbols.SymbolTable;

/**
 * The outline of an assembly file: its sections, holding their labels; constants (.equ) and macros
 * (.macro) where they are defined. Each label's range runs to the next label or section.
 */
public class AsmOutlineService implements IDocumentSymbolService {

    private static final List<String> SECTION_DIRECTIVES = List.of(".text", ".data", ".bss", ".rodata", ".section");

    @Override
    public List<DocumentSymbol> getSymbols(Document document, XtextResource resource, DocumentSymbolParams params,
            CancelIndicator cancel) {
        List<DocumentSymbol> top = new ArrayList<>();
        if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Program program)) {
            return top;
        }
        DocumentSymbol section = null;
        DocumentSymbol label = null;
        int end = document.getContents().length();
        for (Line line : program.getLines()) {
            Statement s = line.getStatement();
            for (Label l : line.getLabels()) {
                if (l.getName() == null || SymbolTable.isNumeric(l.getName())) {
                    continue;
                }
                close(label, document, l);
                label = symbol(document, l.getName(), SymbolKind.Function, l, end, "label");
                (section == null ? top : section.getChildren()).add(label);
            }
            if (s == null || s.getOperation() == null) {
                continue;
            }
            String op = s.getOperation();
            if (SECTION_DIRECTIVES.contains(op)) {
                close(label, document, s);
                close(section, document, s);
                label = null;
                String name = op.equals(".section") && !s.getOperands().isEmpty()
                        && s.getOperands().get(0) instanceof SymbolReference ref ? ref.getName() : op;
                section = symbol(document, name, SymbolKind.Namespace, s, end, "section");
                section.setChildren(new ArrayList<>());
                top.add(section);
            } else if ((SymbolTable.DEFINING_DIRECTIVES.contains(op) || op.equals(".macro"))
                    && !s.getOperands().isEmpty() && s.getOperands().get(0) instanceof SymbolReference ref) {
                boolean macro = op.equals(".macro");
                DocumentSymbol d = symbol(document, ref.getName(), macro ? SymbolKind.Method : SymbolKind.Constant, s,
                        -1, op);
                (section == null ? top : section.getChildren()).add(d);
            }
        }
        return top;
    }

    private static DocumentSymbol symbol(Document document, String name, SymbolKind kind, EObject where, int end,
            String detail) {
        ICompositeNode node = NodeModelUtils.getNode(where);
        int offset = node.getOffset();
        Range selection = new Range(document.getPosition(offset), document.getPosition(node.getEndOffset()));
        Range range = new Range(document.getPosition(offset), document.getPosition(end < 0 ? node.getEndOffset() : end));
        DocumentSymbol symbol = new DocumentSymbol(name, kind, range, selection, detail);
        symbol.setChildren(new ArrayList<>());
        return symbol;
    }

    /** Ends a symbol's range where {@code next} starts. */
    private static void close(DocumentSymbol symbol, Document document, EObject next) {
        if (symbol != null) {
            int offset = NodeModelUtils.getNode(next).getOffset();
            symbol.getRange().setEnd(document.getPosition(offset));
        }
    }
}
