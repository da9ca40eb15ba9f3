package dev.guestbench.asm.ide.codeactions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;

import com.google.inject.Inject;

import dev.guestbench.asm.Suggestions;
import dev.guestbench.asm.model.Program;
import dev.guestbench.asm.symbols.SymbolTable;
import dev.guestbench.asm.validation.AsmValidator;

/**
 * Quick fixes: replace an unknown mnemonic or an undefined symbol by a close known one, declare an
 * undefined symbol as external, or add the missing label.
 */
public class AsmCodeActionService implements ICodeActionService2 {

    @Inject
    private ResourceDescriptionsProvider indexProvider;

    @Override
    public List<Either<Command, CodeAction>> getCodeActions(Options options) {
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        Document document = options.getDocument();
        XtextResource resource = (XtextResource) options.getResource();
        for (Diagnostic d : options.getCodeActionParams().getContext().getDiagnostics()) {
            String code = d.getCode() == null ? null : d.getCode().isLeft() ? d.getCode().getLeft() : null;
            if (code == null) {
                continue;
            }
            String token = document.getSubstring(d.getRange());
            for (CodeAction action : fixes(code, token, d, document, resource, options.getURI())) {
                out.add(Either.forRight(action));
            }
        }
        return out;
    }

    /** The fixes for one diagnostic about {@code token}. */
    public List<CodeAction> fixes(String code, String token, Diagnostic d, Document document,
            XtextResource resource, String uri) {
        List<CodeAction> out = new ArrayList<>();
        if (AsmValidator.UNKNOWN_MNEMONIC.equals(code)) {
            for (String s : Suggestions.forMnemonic(token)) {
                out.add(action("Change to '" + s + "'", d, uri, new TextEdit(d.getRange(), s)));
            }
        } else if (AsmValidator.UNDEFINED_SYMBOL.equals(code)) {
            for (String s : Suggestions.closest(token, symbols(resource))) {
                out.add(action("Change to '" + s + "'", d, uri, new TextEdit(d.getRange(), s)));
            }
            Position top = new Position(0, 0);
            out.add(action("Declare '" + token + "' as .extern", d, uri,
                    new TextEdit(new Range(top, top), "    .extern " + token + "\n")));
            String text = document.getContents();
            Position end = document.getPosition(text.length());
            String lineBreak = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            out.add(action("Add label '" + token + ":' at the end of the file", d, uri,
                    new TextEdit(new Range(end, end), lineBreak + token + ":\n")));
        }
        return out;
    }

    private Set<String> symbols(XtextResource resource) {
        Set<String> names = new LinkedHashSet<>();
        if (!resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Program program) {
            names.addAll(SymbolTable.of(program).definitions().keySet());
        }
        for (IEObjectDescription d : indexProvider.getResourceDescriptions(resource).getExportedObjects()) {
            names.add(d.getName().toString());
        }
        return names;
    }

    private static CodeAction action(String title, Diagnostic d, String uri, TextEdit edit) {
        CodeAction action = new CodeAction(title);
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(d));
        action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edit))));
        return action;
    }
}
