package dev.guestbench.debug.ui;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.eclipse.debug.ui.IValueDetailListener;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.part.FileEditorInput;

import dev.guestbench.asm.ui.editor.AsmEditor;
import dev.guestbench.debug.core.breakpoints.GuestAddressBreakpoint;
import dev.guestbench.debug.core.breakpoints.GuestLineBreakpoint;
import dev.guestbench.debug.core.breakpoints.GuestPageTableBreakpoint;
import dev.guestbench.debug.core.breakpoints.GuestTrapBreakpoint;
import dev.guestbench.debug.core.breakpoints.GuestWatchpoint;
import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.debug.core.model.GuestStackFrame;
import dev.guestbench.debug.core.model.GuestThread;

/** Labels of the guest debug model's elements and breakpoints, and the editor that shows their source. */
public final class GuestModelPresentation extends LabelProvider implements IDebugModelPresentation {

    @Override
    public void setAttribute(String attribute, Object value) {
    }

    @Override
    public String getText(Object element) {
        try {
            if (element instanceof GuestDebugTarget t) {
                return t.getName() + (t.isTerminated() ? " <terminated>" : "");
            }
            if (element instanceof GuestThread t) {
                return t.getName();
            }
            if (element instanceof GuestStackFrame f) {
                return f.getName();
            }
            if (element instanceof GuestLineBreakpoint b) {
                return b.getMarker().getResource().getName() + " [line: " + b.getLineNumber() + "]";
            }
            if (element instanceof GuestAddressBreakpoint b) {
                return String.format("Address 0x%x", b.address());
            }
            if (element instanceof GuestPageTableBreakpoint b) {
                return GuestPageTableBreakpoint.describe(b.filter());
            }
            if (element instanceof GuestWatchpoint b) {
                return b.describe();
            }
            if (element instanceof GuestTrapBreakpoint b) {
                return GuestTrapBreakpoint.describe(b.filter());
            }
        } catch (CoreException e) {
            return element.toString();
        }
        return null;
    }

    @Override
    public void computeDetail(IValue value, IValueDetailListener listener) {
        String detail;
        try {
            detail = value.getValueString();
        } catch (DebugException e) {
            detail = e.getMessage();
        }
        listener.detailComputed(value, detail);
    }

    @Override
    public IEditorInput getEditorInput(Object element) {
        if (element instanceof IFile file) {
            return new FileEditorInput(file);
        }
        if (element instanceof GuestLineBreakpoint b && b.getMarker().getResource() instanceof IFile file) {
            return new FileEditorInput(file);
        }
        return null;
    }

    @Override
    public String getEditorId(IEditorInput input, Object element) {
        return AsmEditor.ID;
    }

    /** Whether a debug element belongs to the guest model. */
    static boolean isGuest(IDebugElement e) {
        return e instanceof GuestThread || e instanceof GuestDebugTarget || e instanceof GuestStackFrame;
    }
}
