package dev.guestbench.product;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;

/** A workspace project filled with a copy of a folder of example kernels. */
public final class ExampleProject {

    /** Name of the project the IDE creates for the examples. */
    public static final String NAME = "examples";

    private ExampleProject() {
    }

    /** The workspace project called {@code name} (it may not exist). */
    public static IProject project(String name) {
        return ResourcesPlugin.getWorkspace().getRoot().getProject(name);
    }

    /**
     * Creates project {@code name} with a copy of every file under {@code source}, unless the project exists
     * already (the user's edits are never overwritten). Returns the project.
     */
    public static IProject importInto(String name, Path source, IProgressMonitor monitor) throws CoreException {
        IProject project = project(name);
        if (project.exists()) {
            if (!project.isOpen()) {
                project.open(monitor);
            }
            return project;
        }
        if (!Files.isDirectory(source)) {
            throw new CoreException(Status.error("examples folder " + source + " does not exist"));
        }
        IWorkspaceRunnable create = m -> {
            project.create(m);
            project.open(m);
            for (Path file : filesUnder(source)) {
                copy(file, source.relativize(file), project, m);
            }
        };
        ResourcesPlugin.getWorkspace().run(create, monitor);
        return project;
    }

    private static List<Path> filesUnder(Path source) throws CoreException {
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new CoreException(Status.error("cannot list " + source, e));
        }
    }

    private static void copy(Path file, Path relative, IProject project, IProgressMonitor monitor)
            throws CoreException {
        IContainer parent = project;
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            IFolder folder = parent.getFolder(IPath.fromOSString(relative.getName(i).toString()));
            if (!folder.exists()) {
                folder.create(true, true, monitor);
            }
            parent = folder;
        }
        IFile target = parent.getFile(IPath.fromOSString(relative.getFileName().toString()));
        try (InputStream in = Files.newInputStream(file)) {
            target.create(in, true, monitor);
        } catch (IOException e) {
            throw new CoreException(Status.error("cannot read " + file, e));
        }
    }
}
