package dev.guestbench.asm.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.guestbench.asm.ui.editor.AsmEditor;
import dev.guestbench.asm.ui.editor.ProblemMarkers;
import dev.guestbench.product.ExampleProject;

/** The assembly editor in a real workbench: examples open in it, coloured, and errors become markers. */
class AsmEditorUiTest {

    private static final Duration LOOSE = Duration.ofSeconds(60);
    private static IProject examples;

    @BeforeAll
    static void importExamples() throws CoreException {
        Path dir = Path.of(System.getProperty("guestbench.examples.dir", "../../examples"));
        assertTrue(Files.isDirectory(dir), "examples folder " + dir.toAbsolutePath() + " is missing");
        examples = ExampleProject.importInto(ExampleProject.NAME, dir, null);
        Workbench.shell().setBounds(0, 0, 1280, 800);
    }

    @AfterEach
    void closeEditors() {
        Workbench.page().closeAllEditors(false);
    }

    @Test
    void anExampleOpensInTheGuestbenchEditorWithItsColours() throws Exception {
        IFile file = examples.getFile("traps/traps.S");
        assertTrue(file.exists(), "the examples project should hold traps/traps.S");
        IEditorPart editor = IDE.openEditor(Workbench.page(), file, true);
        assertInstanceOf(AsmEditor.class, editor);

        StyledText text = (StyledText) editor.getAdapter(Control.class);
        String source = text.getText();
        int csrw = source.indexOf("csrw    mtvec");
        int mtvec = csrw + "csrw    ".length();
        int comment = source.indexOf("# counts the traps taken");
        Workbench.waitUntil("the editor to colour the source", LOOSE, () -> text.getStyleRangeAtOffset(mtvec) != null);

        StyleRange csr = text.getStyleRangeAtOffset(mtvec);
        assertNotNull(csr.foreground, "a CSR name has a colour");
        assertEquals(SWT.BOLD, csr.fontStyle & SWT.BOLD, "a CSR name is bold");
        StyleRange mnemonic = text.getStyleRangeAtOffset(csrw);
        assertNotNull(mnemonic, "csrw is coloured");
        assertTrue(!mnemonic.foreground.equals(csr.foreground), "a pseudo-instruction and a CSR differ in colour");
        StyleRange commentStyle = text.getStyleRangeAtOffset(comment);
        assertNotNull(commentStyle, "comments are coloured");
        assertEquals(SWT.ITALIC, commentStyle.fontStyle & SWT.ITALIC, "comments are italic");
        assertEquals(0, file.findMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_ZERO).length,
                "the example has no problems");

        IViewPart explorer = Workbench.page().showView(IPageLayout.ID_PROJECT_EXPLORER);
        ((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(file));
        Workbench.page().activate(editor);
        Workbench.screenshot("ide.png");
    }

    @Test
    void anUnknownInstructionBecomesAnErrorMarkerUntilItIsFixed() throws Exception {
        IFile file = examples.getFile("broken.S");
        byte[] content = "    .text\n_start:\n    adi a0, a0, 1\n".getBytes(StandardCharsets.UTF_8);
        if (file.exists()) {
            file.setContents(new ByteArrayInputStream(content), IResource.FORCE, null);
        } else {
            file.create(new ByteArrayInputStream(content), true, null);
        }
        ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file, true);
        Workbench.waitUntil("an error marker on broken.S", LOOSE, () -> markers(file).length == 1);

        IMarker marker = markers(file)[0];
        assertTrue(marker.getAttribute(IMarker.MESSAGE, "").startsWith("unknown instruction 'adi'"),
                marker.getAttribute(IMarker.MESSAGE, ""));
        assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(3, marker.getAttribute(IMarker.LINE_NUMBER, -1));
        Workbench.page().showView(IPageLayout.ID_PROBLEM_VIEW);
        Workbench.page().activate(editor);
        Workbench.screenshot("editor-error.png");

        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        document.set("    .text\n_start:\n    addi a0, a0, 1\n");
        Workbench.waitUntil("the marker to go once the mistake is fixed", LOOSE, () -> markers(file).length == 0);
        editor.doSave(null);
        file.delete(true, null);
    }

    private static IMarker[] markers(IFile file) {
        try {
            return file.findMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_ZERO);
        } catch (CoreException e) {
            throw new AssertionError(e);
        }
    }
}
