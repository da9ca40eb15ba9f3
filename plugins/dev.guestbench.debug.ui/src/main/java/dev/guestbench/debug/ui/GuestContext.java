package dev.guestbench.debug.ui;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.guestbench.debug.core.model.GuestDebugElement;
import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.debug.core.model.GuestThread;
import dev.guestbench.isa.elf.DwarfLineTable;

/** Which guest VM and vCPU the views show: the debug context's, else the newest guest launch's. */
public final class GuestContext {

    private GuestContext() {
    }

    /** The guest target of the debug context, else of the newest launch that has one; null if none. */
    public static GuestDebugTarget target() {
        IAdaptable context = DebugUITools.getDebugContext();
        if (context instanceof GuestDebugElement e) {
            return e.guestTarget();
        }
        if (context instanceof ILaunch launch && launch.getDebugTarget() instanceof GuestDebugTarget t) {
            return t;
        }
        GuestDebugTarget newest = null;
        for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
            for (IDebugTarget t : launch.getDebugTargets()) {
                if (t instanceof GuestDebugTarget g && (newest == null || !g.isTerminated())) {
                    newest = g;
                }
            }
        }
        return newest;
    }

    /** The vCPU of the debug context (0 when the context is the VM itself). */
    public static int hart() {
        IAdaptable context = DebugUITools.getDebugContext();
        if (context instanceof GuestThread t) {
            return t.hart();
        }
        if (context instanceof dev.guestbench.debug.core.model.GuestStackFrame f) {
            return f.guestThread().hart();
        }
        return 0;
    }

    /** Opens the source line that {@code pc}'s code came from; false when no line or file is known. */
    public static boolean openSource(IWorkbenchPage page, GuestDebugTarget target, long pc) {
        DwarfLineTable.Row row = target.kernel().lines().rowAt(pc);
        if (row == null) {
            return false;
        }
        IFile[] files = ResourcesPlugin.getWorkspace().getRoot()
                .findFilesForLocationURI(new java.io.File(row.file()).toURI());
        if (files.length == 0 || !files[0].exists()) {
            return false;
        }
        try {
            if (IDE.openEditor(page, files[0]) instanceof ITextEditor editor) {
                var doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
                var line = doc.getLineInformation(row.line() - 1);
                editor.selectAndReveal(line.getOffset(), line.getLength());
            }
            return true;
        } catch (PartInitException | org.eclipse.jface.text.BadLocationException e) {
            return false;
        }
    }
}
