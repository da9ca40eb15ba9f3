package dev.guestbench.asm.ui.editor;

import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.xtext.util.CancelIndicator;

import dev.guestbench.asm.ide.analysis.Analysis;
import dev.guestbench.asm.ui.AsmUiPlugin;

/**
 * What the builder does with one file: the language's validation over the file and its project's other
 * files. The one place the assembler's own diagnostics will join (see the editor's README section).
 */
final class KernelBuildStep {

    private KernelBuildStep() {
    }

    static Analysis check(IFile file, String text, Map<String, String> projectFiles) {
        return AsmUiPlugin.getDefault().session().load(Sessions.uri(file), text, projectFiles)
                .analyse(CancelIndicator.NullImpl);
    }
}
