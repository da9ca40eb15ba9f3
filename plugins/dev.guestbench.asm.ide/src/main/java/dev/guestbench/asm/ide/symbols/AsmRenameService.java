package dev.guestbench.asm.ide.symbols;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;

import com.google.inject.Inject;

import dev.guestbench.asm.Vocabulary;

/** Renames a label or symbol everywhere it is defined and used, in every file of the workspace. */
public class AsmRenameService implements IRenameService2 {

    @Inject
    private AsmSymbolNavigation navigation;
    @Inject
    private ResourceDescriptionsProvider indexProvider;

    @Override
    public WorkspaceEdit rename(Options options) {
        String uri = options.getRenameParams().getTextDocument().getUri();
        String newName = options.getRenameParams().getNewName();
        return options.getLanguageServerAccess().doSyncRead(uri, context -> {
            XtextResource resource = (XtextResource) context.getResource();
            int offset = context.getDocument().getOffSet(options.getRenameParams().getPosition());
            ResourceSet live = options.getLanguageServerAccess().newLiveScopeResourceSet(resource.getURI());
            IResourceDescriptions index = indexProvider.getResourceDescriptions(live);
            List<Resource> files = new ArrayList<>();
            files.add(resource);
            for (Resource r : navigation.workspace(resource, index)) {
                if (r != resource && !r.getURI().equals(resource.getURI())) {
                    files.add(live.getResource(r.getURI(), true));
                }
            }
            return edit(resource, offset, newName, files);
        });
    }

    /** The edit renaming the symbol at {@code offset} of {@code resource} in {@code files}. */
    public WorkspaceEdit edit(XtextResource resource, int offset, String newName, List<Resource> files) {
        String problem = checkNewName(newName);
        String oldName = SymbolOccurrences.symbolAt(resource, offset);
        if (oldName == null) {
            problem = "only labels and symbols can be renamed";
        }
        if (problem != null) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, problem, null));
        }
        Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
        for (SymbolOccurrences.Occurrence o : SymbolOccurrences.find(oldName, files)) {
            Location location = navigation.location(o);
            changes.computeIfAbsent(location.getUri(), k -> new ArrayList<>())
                    .add(new TextEdit(location.getRange(), newName));
        }
        return new WorkspaceEdit(changes);
    }

    /** Why {@code name} cannot name a symbol, or null if it can. */
    public static String checkNewName(String name) {
        if (name == null || !name.matches("[A-Za-z_.$][A-Za-z0-9_.$]*")) {
            return "'" + name + "' is not a valid symbol name";
        }
        if (Vocabulary.isRegister(name) || Vocabulary.isCsr(name)) {
            return "'" + name + "' is a register or CSR name";
        }
        return null;
    }

    @Override
    public Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(
            PrepareRenameOptions options) {
        String uri = options.getParams().getTextDocument().getUri();
        return options.getLanguageServerAccess().doSyncRead(uri, context -> {
            XtextResource resource = (XtextResource) context.getResource();
            Document document = context.getDocument();
            int offset = document.getOffSet(options.getParams().getPosition());
            String name = SymbolOccurrences.symbolAt(resource, offset);
            if (name == null) {
                return null;
            }
            for (SymbolOccurrences.Occurrence o : SymbolOccurrences.find(name, List.of(resource))) {
                if (o.offset() <= offset && offset <= o.offset() + o.length()) {
                    Range range = new Range(document.getPosition(o.offset()),
                            document.getPosition(o.offset() + o.length()));
                    return Either3.forSecond(new PrepareRenameResult(range, name));
                }
            }
            return null;
        });
    }
}
