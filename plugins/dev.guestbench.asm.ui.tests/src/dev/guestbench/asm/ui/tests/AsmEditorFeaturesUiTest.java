package dev.guestbench.asm.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.guestbench.asm.ui.editor.AsmEditor;
import dev.guestbench.asm.ui.editor.AsmNature;
import dev.guestbench.asm.ui.editor.ProblemMarkers;
import dev.guestbench.product.ExampleProject;

/**
 * The editor's language features in a real workbench: assist, hover, a quick fix, the outline, folding,
 * formatting, and problem markers from the builder after a save.
 */
class AsmEditorFeaturesUiTest {

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

    private static IFile write(String name, String text) throws CoreException {
        IFile file = examples.getFile(name);
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        if (file.exists()) {
            file.setContents(new ByteArrayInputStream(content), IResource.FORCE, null);
        } else {
            file.create(new ByteArrayInputStream(content), true, null);
        }
        return file;
    }

    private static AsmEditor open(IFile file) throws CoreException {
        return (AsmEditor) IDE.openEditor(Workbench.page(), file, true);
    }

    private static IDocument document(AsmEditor editor) {
        return editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    @Test
    void assistProposesCsrsAndMnemonicsWithTemplates() throws Exception {
        IFile file = write("assist.S", "_start:\n    csrr    a0, mca\n    ad\n");
        try {
            AsmEditor editor = open(file);
            String text = document(editor).get();
            List<String> csrs = display(editor.completionProposals(text.indexOf("mca") + 3));
            assertTrue(csrs.stream().anyMatch(s -> s.startsWith("mcause")), csrs.toString());
            List<String> mnemonics = display(editor.completionProposals(text.indexOf("    ad\n") + 6));
            assertTrue(mnemonics.stream().anyMatch(s -> s.startsWith("addi rd, rs1, imm")), mnemonics.toString());

            editor.selectAndReveal(text.indexOf("    ad\n") + 6, 0);
            ((ITextOperationTarget) editor.getAdapter(ITextOperationTarget.class))
                    .doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
            Workbench.settle();
            Workbench.screenshot("editor-assist.png");
        } finally {
            Workbench.page().closeAllEditors(false);
            file.delete(true, null);
        }
    }

    @Test
    void hoverShowsWhatAnInstructionAndACsrAre() throws Exception {
        AsmEditor editor = open(examples.getFile("traps/traps.S"));
        String text = document(editor).get();
        String csrw = editor.hoverInfo(text.indexOf("csrw    mtvec") + 1);
        assertNotNull(csrw);
        assertTrue(csrw.contains("csrw csr, rs1"), csrw);
        String mtvec = editor.hoverInfo(text.indexOf("mtvec, t0") + 1);
        assertTrue(mtvec.contains("CSR 0x305"), mtvec);
        assertTrue(mtvec.contains("MODE"), "the fields of mtvec: " + mtvec);
    }

    @Test
    void aQuickFixCorrectsAMisspeltMnemonic() throws Exception {
        IFile file = write("fix.S", "_start:\n    adi a0, a0, 1\n");
        try {
            AsmEditor editor = open(file);
            IDocument doc = document(editor);
            ICompletionProposal[] fixes = editor.quickFixes(doc.get().indexOf("adi") + 1);
            ICompletionProposal addi = Arrays.stream(fixes).filter(p -> p.getDisplayString().equals("Change to 'addi'"))
                    .findFirst().orElseThrow(() -> new AssertionError("no fix in " + display(fixes)));
            addi.apply(doc);
            assertEquals("_start:\n    addi a0, a0, 1\n", doc.get());
            Workbench.waitUntil("the error marker to go", LOOSE, () -> markers(file).length == 0);
        } finally {
            Workbench.page().closeAllEditors(false);
            file.delete(true, null);
        }
    }

    @Test
    void theOutlineShowsSectionsAndLabelsAndRegionsFold() throws Exception {
        AsmEditor editor = open(examples.getFile("traps/traps.S"));
        Workbench.page().showView(IPageLayout.ID_OUTLINE);
        Workbench.page().activate(editor);
        Workbench.waitUntil("the outline page", LOOSE, () -> editor.outlinePage() != null
                && !editor.outlinePage().symbols().isEmpty());
        List<DocumentSymbol> outline = editor.outlinePage().symbols();
        List<String> names = outline.stream().map(DocumentSymbol::getName).toList();
        assertTrue(names.containsAll(List.of("UART0", ".text", ".rodata", ".bss")), names.toString());
        DocumentSymbol text = outline.stream().filter(s -> s.getName().equals(".text")).findFirst().get();
        assertEquals(List.of("_start", "trap_vector", "print", "putc"),
                text.getChildren().stream().map(DocumentSymbol::getName).toList());
        Workbench.waitUntil("folding regions", LOOSE, () -> editor.foldingRegions() > 0);
        Workbench.screenshot("editor-outline.png");
    }

    @Test
    void formatAlignsColumns() throws Exception {
        IFile file = write("format.S", "_start:\naddi a0,a0,1 # one\n");
        try {
            AsmEditor editor = open(file);
            editor.format();
            assertEquals("_start:\n    addi    a0, a0, 1" + " ".repeat(11) + "# one\n", document(editor).get());
        } finally {
            Workbench.page().closeAllEditors(false);
            file.delete(true, null);
        }
    }

    @Test
    void theBuilderMarksProblemsOfFilesAfterASave() throws Exception {
        AsmNature.ensureOn(examples);
        Workbench.waitUntil("the Guestbench nature", LOOSE, () -> hasNature());
        // Written to disk, never opened: only the builder can mark it.
        IFile helper = write("helper.S", "    .globl helper\nhelper:\n    ret\n");
        IFile user = write("user.S", "_start:\n    call helper\n    call missing\n");
        try {
            Workbench.waitUntil("a builder marker on user.S", LOOSE, () -> markers(user).length == 1);
            assertTrue(markers(user)[0].getAttribute(IMarker.MESSAGE, "").startsWith("undefined symbol 'missing'"));
            assertEquals(3, markers(user)[0].getAttribute(IMarker.LINE_NUMBER, -1));

            AsmEditor editor = open(helper);
            document(editor).set("    .globl helper\nhelper:\n    ret\n    .globl missing\nmissing:\n    ret\n");
            editor.doSave(null);
            Workbench.waitUntil("the marker on user.S to go after helper.S is saved", LOOSE,
                    () -> markers(user).length == 0);
        } finally {
            Workbench.page().closeAllEditors(false);
            user.delete(true, null);
            helper.delete(true, null);
        }
    }

    private static boolean hasNature() {
        try {
            return examples.hasNature(AsmNature.ID);
        } catch (CoreException e) {
            return false;
        }
    }

    private static List<String> display(ICompletionProposal[] proposals) {
        return Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
    }

    private static IMarker[] markers(IFile file) {
        try {
            return file.exists() ? file.findMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_ZERO) : new IMarker[0];
        } catch (CoreException e) {
            throw new AssertionError(e);
        }
    }
}
