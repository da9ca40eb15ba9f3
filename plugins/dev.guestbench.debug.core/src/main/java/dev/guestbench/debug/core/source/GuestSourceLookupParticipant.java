package dev.guestbench.debug.core.source;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.sourcelookup.AbstractSourceLookupParticipant;

import dev.guestbench.debug.core.model.GuestStackFrame;

/**
 * Names a frame's source as the line table does. A path that is absolute and inside the workspace is
 * found directly; otherwise the source containers (the project) are searched by name.
 */
public final class GuestSourceLookupParticipant extends AbstractSourceLookupParticipant {

    @Override
    public String getSourceName(Object object) throws CoreException {
        if (object instanceof GuestStackFrame frame && frame.sourcePath() != null) {
            String path = frame.sourcePath();
            return new File(path).isAbsolute() ? new File(path).getName() : path;
        }
        return null;
    }

    @Override
    public Object[] findSourceElements(Object object) throws CoreException {
        if (object instanceof GuestStackFrame frame && frame.sourcePath() != null) {
            File file = new File(frame.sourcePath());
            if (file.isAbsolute()) {
                IFile[] found = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toURI());
                List<Object> existing = new ArrayList<>();
                for (IFile f : found) {
                    if (f.exists()) {
                        existing.add(f);
                    }
                }
                if (!existing.isEmpty()) {
                    return existing.toArray();
                }
            }
        }
        return super.findSourceElements(object);
    }
}
