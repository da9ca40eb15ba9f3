package dev.guestbench.asm.ide.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Runs the language's ide services (parser, validator, semantic highlighting) over the text of one document,
 * for editors that are not Xtext's own: our JFace editor in the workbench, and tests.
 */
public class DocumentAnalyzer {

    @Inject
    private Provider<XtextResourceSet> resourceSets;
    @Inject
    private IResourceFactory resourceFactory;
    @Inject
    private IResourceValidator validator;
    @Inject
    private ISemanticHighlightingCalculator highlighter;

    /**
     * Analyses {@code text} as the content of a file called {@code fileName} (the name only tells the
     * language; nothing is read from disk).
     */
    public Analysis analyse(String text, String fileName, CancelIndicator cancel) {
        XtextResourceSet set = resourceSets.get();
        XtextResource resource = (XtextResource) resourceFactory
                .createResource(URI.createURI("inmemory:/" + URI.encodeSegment(fileName, false)));
        set.getResources().add(resource);
        try {
            resource.load(new LazyStringInputStream(text, "UTF-8"), null);
        } catch (IOException e) {
            // Reading from a string does not fail; if it ever does, say so as a problem, not an exception.
            return new Analysis(List.of(new Problem(Problem.Severity.ERROR, "cannot read document: " + e.getMessage(),
                    0, 0, 1, 1)), List.of());
        }
        return analyse(resource, cancel);
    }

    /** Validates and highlights a loaded resource (its resource set holds the other files it may refer to). */
    public Analysis analyse(XtextResource resource, CancelIndicator cancel) {
        List<Problem> problems = new ArrayList<>();
        for (Issue issue : validator.validate(resource, CheckMode.ALL, cancel)) {
            problems.add(toProblem(issue));
        }
        problems.sort(Comparator.comparingInt(Problem::offset));
        List<Highlight> highlights = new ArrayList<>();
        highlighter.provideHighlightingFor(resource, (offset, length, styles) -> {
            for (String style : styles) {
                highlights.add(new Highlight(offset, length, style));
            }
        }, cancel);
        highlights.sort(Comparator.comparingInt(Highlight::offset));
        return new Analysis(problems, highlights);
    }

    /** An Xtext issue as a problem. */
    public static Problem toProblem(Issue issue) {
        Problem.Severity severity = issue.getSeverity() == Severity.ERROR ? Problem.Severity.ERROR
                : issue.getSeverity() == Severity.WARNING ? Problem.Severity.WARNING : Problem.Severity.INFO;
        int offset = issue.getOffset() == null ? 0 : issue.getOffset();
        int length = issue.getLength() == null ? 0 : issue.getLength();
        int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
        int column = issue.getColumn() == null ? 1 : issue.getColumn();
        return new Problem(severity, issue.getMessage(), offset, length, line, column, issue.getCode());
    }
}
