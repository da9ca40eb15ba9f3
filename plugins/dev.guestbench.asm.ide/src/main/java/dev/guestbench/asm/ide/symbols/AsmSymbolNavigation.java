package dev.guestbench.asm.ide.symbols;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.xtext.findReferences.IReferenceFinder.IResourceAccess;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import dev.guestbench.asm.model.Label;

/**
 * Go to definition and find references for labels and symbols across the files of a workspace: the
 * current file first, then every file in the index.
 */
public class AsmSymbolNavigation extends DocumentSymbolService {

    @Inject
    private UriExtensions uris;
    @Inject
    private ResourceDescriptionsProvider indexProvider;

    @Override
    public List<? extends Location> getDefinitions(XtextResource resource, int offset, IResourceAccess access,
            CancelIndicator cancel) {
        Label local = SymbolOccurrences.localLabelAt(resource, offset);
        if (local != null) {
            return List.of(location(SymbolOccurrences.of(local)));
        }
        String name = SymbolOccurrences.symbolAt(resource, offset);
        if (name == null) {
            return List.of();
        }
        List<Location> out = new ArrayList<>();
        for (SymbolOccurrences.Occurrence o : SymbolOccurrences.find(name, workspace(resource, null))) {
            if (o.definition()) {
                out.add(location(o));
            }
        }
        return out;
    }

    @Override
    public List<? extends Location> getReferences(Document document, XtextResource resource, ReferenceParams params,
            IResourceAccess access, IResourceDescriptions index, CancelIndicator cancel) {
        int offset = document.getOffSet(params.getPosition());
        boolean declarations = params.getContext() == null || params.getContext().isIncludeDeclaration();
        return references(resource, offset, index, declarations);
    }

    @Override
    public List<? extends Location> getReferences(XtextResource resource, int offset, IResourceAccess access,
            IResourceDescriptions index, CancelIndicator cancel) {
        return references(resource, offset, index, true);
    }

    private List<Location> references(XtextResource resource, int offset, IResourceDescriptions index,
            boolean declarations) {
        String name = SymbolOccurrences.symbolAt(resource, offset);
        if (name == null) {
            return List.of();
        }
        List<Location> out = new ArrayList<>();
        for (SymbolOccurrences.Occurrence o : SymbolOccurrences.find(name, workspace(resource, index))) {
            if (declarations || !o.definition()) {
                out.add(location(o));
            }
        }
        return out;
    }

    /** The current file and every other file of the language the index knows, loaded in one resource set. */
    public List<Resource> workspace(XtextResource resource, IResourceDescriptions index) {
        Map<URI, Resource> files = new LinkedHashMap<>();
        files.put(resource.getURI(), resource);
        ResourceSet set = resource.getResourceSet();
        IResourceDescriptions descriptions = index != null ? index
                : set == null ? null : indexProvider.getResourceDescriptions(set);
        if (descriptions != null && set != null) {
            for (IResourceDescription d : descriptions.getAllResourceDescriptions()) {
                URI uri = d.getURI();
                if (!files.containsKey(uri) && resource.getResourceServiceProvider().canHandle(uri)) {
                    try {
                        files.put(uri, set.getResource(uri, true));
                    } catch (RuntimeException e) {
                        // A file that vanished or cannot be read has nothing to navigate to.
                    }
                }
            }
        }
        for (Resource r : set == null ? List.<Resource>of() : List.copyOf(set.getResources())) {
            files.putIfAbsent(r.getURI(), r);
        }
        return new ArrayList<>(files.values());
    }

    /** An occurrence as an LSP location. */
    public Location location(SymbolOccurrences.Occurrence o) {
        Document document = new Document(1, o.resource().getParseResult().getRootNode().getText());
        Range range = new Range(document.getPosition(o.offset()), document.getPosition(o.offset() + o.length()));
        return new Location(uris.toUriString(o.resource().getURI()), range);
    }
}
