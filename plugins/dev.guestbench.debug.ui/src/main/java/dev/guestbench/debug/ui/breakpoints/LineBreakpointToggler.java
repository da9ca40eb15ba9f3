package dev.guestbench.debug.ui.breakpoints;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.ISuspendResume;
import org.eclipse.debug.ui.actions.IRunToLineTarget;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.texteditor.ITextEditor;

import dev.guestbench.debug.core.GuestDebug;
import dev.guestbench.debug.core.breakpoints.GuestLineBreakpoint;
import dev.guestbench.debug.core.model.GuestDebugElement;
import dev.guestbench.debug.core.model.GuestThread;

/** Line breakpoints and run-to-line in the assembly editor. */
public final class LineBreakpointToggler implements IToggleBreakpointsTarget, IRunToLineTarget {

    @Override
    public void toggleLineBreakpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
        IResource resource = resource(part);
        if (resource == null || !(selection instanceof ITextSelection text)) {
            return;
        }
        int line = text.getStartLine() + 1;
        toggle(resource, line);
    }

    /** Removes the guest line breakpoint on {@code line} of {@code resource}, or adds one; returns it when added. */
    public static GuestLineBreakpoint toggle(IResource resource, int line) throws CoreException {
        for (IBreakpoint b : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(GuestDebug.MODEL_ID)) {
            if (b instanceof GuestLineBreakpoint lb && resource.equals(lb.getMarker().getResource())
                    && lb.getLineNumber() == line) {
                lb.delete();
                return null;
            }
        }
        GuestLineBreakpoint b = new GuestLineBreakpoint(resource, line);
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(b);
        return b;
    }

    private static IResource resource(IWorkbenchPart part) {
        if (part instanceof ITextEditor editor) {
            return editor.getEditorInput().getAdapter(IFile.class);
        }
        return null;
    }

    @Override
    public boolean canToggleLineBreakpoints(IWorkbenchPart part, ISelection selection) {
        return resource(part) != null;
    }

    @Override
    public void toggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
    }

    @Override
    public boolean canToggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }

    @Override
    public void toggleWatchpoints(IWorkbenchPart part, ISelection selection) {
    }

    @Override
    public boolean canToggleWatchpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }

    @Override
    public void runToLine(IWorkbenchPart part, ISelection selection, ISuspendResume target) throws CoreException {
        IResource resource = resource(part);
        if (resource == null || !(selection instanceof ITextSelection text) || !(target instanceof GuestDebugElement e)) {
            return;
        }
        GuestThread thread = target instanceof GuestThread t ? t : e.guestTarget().thread(0);
        String file = resource.getLocation() != null ? resource.getLocation().toOSString() : resource.getName();
        long address = e.guestTarget().kernel().lines().addressOf(file, text.getStartLine() + 1);
        if (address == -1) {
            throw new DebugException(new org.eclipse.core.runtime.Status(org.eclipse.core.runtime.IStatus.ERROR,
                    GuestDebug.PLUGIN_ID, "line " + (text.getStartLine() + 1) + " of " + resource.getName()
                            + " has no code in the running kernel"));
        }
        thread.runTo(address);
    }

    @Override
    public boolean canRunToLine(IWorkbenchPart part, ISelection selection, ISuspendResume target) {
        return target instanceof GuestDebugElement && target.canResume();
    }
}
