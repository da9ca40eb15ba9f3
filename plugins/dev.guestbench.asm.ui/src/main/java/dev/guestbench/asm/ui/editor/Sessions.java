package dev.guestbench.asm.ui.editor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Path;
import org.eclipse.emf.common.util.URI;

import dev.guestbench.asm.ide.editor.EditorSession;
import dev.guestbench.asm.ui.AsmUiPlugin;

/**
 * Opens ide-service sessions for workspace files: the document being edited, with every other assembly file
 * of its project (their open editors' text where they have one), so labels resolve across files.
 */
public final class Sessions {

    private Sessions() {
    }

    /** A session on {@code text} as the content of {@code file} (null for a file outside the workspace). */
    public static EditorSession open(IFile file, String name, String text) {
        EditorSession session = AsmUiPlugin.getDefault().session();
        if (file == null) {
            return session.load("inmemory:/" + URI.encodeSegment(name, false), text, Map.of());
        }
        return session.load(uri(file), text, projectFiles(file.getProject()));
    }

    /** The URI the services know a workspace file by. */
    public static String uri(IFile file) {
        return URI.createPlatformResourceURI(file.getFullPath().toString(), true).toString();
    }

    /** The workspace file of a URI the services returned, or null. */
    public static IFile file(String uri) {
        URI u = URI.createURI(uri);
        if (!u.isPlatformResource()) {
            return null;
        }
        return ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(u.toPlatformString(true)));
    }

    /** Every assembly file of a project by URI, with its current text. */
    public static Map<String, String> projectFiles(IProject project) {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            project.accept(resource -> {
                if (resource.getType() == IResource.FILE && isAssembly(resource)) {
                    IFile f = (IFile) resource;
                    String text = text(f);
                    if (text != null) {
                        files.put(uri(f), text);
                    }
                }
                return !resource.getName().equals("target") && !resource.getName().startsWith(".");
            });
        } catch (CoreException e) {
            ILog.of(Sessions.class).error("cannot list the assembly files of " + project.getName(), e);
        }
        return files;
    }

    /** Whether a resource is an assembly source file (.s or .S). */
    public static boolean isAssembly(IResource resource) {
        String ext = resource.getFileExtension();
        return "s".equals(ext) || "S".equals(ext);
    }

    /** A file's text: its open editor's buffer if it has one, else what is on disk; null if unreadable. */
    static String text(IFile file) {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(),
                LocationKind.IFILE);
        if (buffer != null) {
            return buffer.getDocument().get();
        }
        try (InputStream in = file.getContents(true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | CoreException e) {
            return null;
        }
    }
}
