package dev.guestbench.asm.ide.editor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.folding.FoldingRange;
import org.eclipse.xtext.ide.editor.folding.IFoldingRangeProvider;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.symbol.IDocumentSymbolService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LazyStringInputStream;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.guestbench.asm.ide.analysis.Analysis;
import dev.guestbench.asm.ide.analysis.DocumentAnalyzer;
import dev.guestbench.asm.ide.analysis.Problem;
import dev.guestbench.asm.ide.codeactions.AsmCodeActionService;
import dev.guestbench.asm.ide.contentassist.AsmContentProposalProvider;
import dev.guestbench.asm.ide.symbols.AsmRenameService;
import dev.guestbench.asm.ide.symbols.AsmSymbolNavigation;

/**
 * One version of a document and the other files of its project, parsed together, and the language's ide
 * services over them: what an editor that is not an LSP client (our JFace editor, the tests) calls. Each
 * method runs the same service the LSP server runs for the same request.
 */
public class EditorSession {

    @Inject
    private Provider<XtextResourceSet> resourceSets;
    @Inject
    private DocumentAnalyzer analyzer;
    @Inject
    private AsmContentProposalProvider proposals;
    @Inject
    private Provider<IdeContentProposalAcceptor> acceptors;
    @Inject
    private IHoverService hovers;
    @Inject
    private IDocumentSymbolService outline;
    @Inject
    private IFoldingRangeProvider folding;
    @Inject
    private FormattingService formatting;
    @Inject
    private AsmSymbolNavigation navigation;
    @Inject
    private AsmRenameService rename;
    @Inject
    private AsmCodeActionService codeActions;

    private XtextResource resource;
    private Document document;
    private String uri;

    /**
     * Loads the document {@code text} of {@code uri} with the other files of its project ({@code others}:
     * uri to text). URIs are anything EMF accepts, e.g. {@code platform:/resource/project/kernel.S}.
     */
    public EditorSession load(String uri, String text, Map<String, String> others) {
        XtextResourceSet set = resourceSets.get();
        this.uri = uri;
        this.resource = parse(set, uri, text);
        this.document = new Document(1, text);
        for (Map.Entry<String, String> e : others.entrySet()) {
            if (!e.getKey().equals(uri)) {
                parse(set, e.getKey(), e.getValue());
            }
        }
        return this;
    }

    private static XtextResource parse(XtextResourceSet set, String uri, String text) {
        XtextResource r = (XtextResource) set.createResource(URI.createURI(uri));
        try {
            r.load(new LazyStringInputStream(text, "UTF-8"), null);
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
        return r;
    }

    /** The parsed document. */
    public XtextResource resource() {
        return resource;
    }

    /** The document's text and positions. */
    public Document document() {
        return document;
    }

    /** Problems and highlighting. */
    public Analysis analyse(CancelIndicator cancel) {
        return analyzer.analyse(resource, cancel);
    }

    /** Content assist proposals at {@code offset}, best first. */
    public List<ContentAssistEntry> complete(int offset) {
        IdeContentProposalAcceptor acceptor = acceptors.get();
        proposals.createProposals(document.getContents(), offset, resource, acceptor);
        List<ContentAssistEntry> out = new ArrayList<>();
        acceptor.getEntries().forEach(out::add);
        return out;
    }

    /** The hover text (Markdown) at {@code offset}, or null. */
    public String hover(int offset) {
        HoverParams params = new HoverParams(new TextDocumentIdentifier(uri), document.getPosition(offset));
        Hover hover = hovers.hover(document, resource, params, CancelIndicator.NullImpl);
        if (hover == null || hover.getContents() == null || !hover.getContents().isRight()) {
            return null;
        }
        String value = hover.getContents().getRight().getValue();
        return value == null || value.isEmpty() ? null : value;
    }

    /** The outline: sections holding labels, constants and macros. */
    public List<DocumentSymbol> outline() {
        return outline.getSymbols(document, resource, new DocumentSymbolParams(new TextDocumentIdentifier(uri)),
                CancelIndicator.NullImpl);
    }

    /** Foldable regions. */
    public List<FoldingRange> folding() {
        return new ArrayList<>(folding.getFoldingRanges(resource, CancelIndicator.NullImpl));
    }

    /** The edits that align the whole document (or the lines of [offset, offset + length)) in columns. */
    public List<TextEdit> format(int offset, int length) {
        return formatting.format(resource, document, offset, length, new FormattingOptions(4, true));
    }

    /** Where the symbol at {@code offset} is defined (in any file of the session). */
    public List<Location> definitions(int offset) {
        return new ArrayList<>(navigation.getDefinitions(resource, offset, null, CancelIndicator.NullImpl));
    }

    /** Where the symbol at {@code offset} is defined and used. */
    public List<Location> references(int offset) {
        return new ArrayList<>(navigation.getReferences(resource, offset, null, null, CancelIndicator.NullImpl));
    }

    /** The edits renaming the symbol at {@code offset} in every file; throws when it cannot be renamed. */
    public WorkspaceEdit rename(int offset, String newName) {
        List<Resource> files = navigation.workspace(resource, null);
        return rename.edit(resource, offset, newName, files);
    }

    /** The quick fixes of a problem. */
    public List<CodeAction> fixes(Problem problem) {
        if (problem.code() == null) {
            return List.of();
        }
        Range range = new Range(document.getPosition(problem.offset()),
                document.getPosition(problem.offset() + problem.length()));
        Diagnostic d = new Diagnostic(range, problem.message(), DiagnosticSeverity.Error, "guestbench");
        d.setCode(Either.forLeft(problem.code()));
        String token = document.getContents().substring(problem.offset(), problem.offset() + problem.length());
        return codeActions.fixes(problem.code(), token, d, document, resource, uri);
    }
}
