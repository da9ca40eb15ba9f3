package dev.guestbench.asm.ui.editor;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.util.CancelIndicator;

import dev.guestbench.asm.assembler.AssemblerOptions;
import dev.guestbench.asm.assembler.Assembler;
import dev.guestbench.asm.assembler.AssemblyResult;
import dev.guestbench.asm.assembler.SourceFile;
import dev.guestbench.asm.ide.analysis.Analysis;
import dev.guestbench.asm.ide.hover.BuiltAddresses;
import dev.guestbench.asm.ui.AsmUiPlugin;

/**
 * What the builder does: checks each file with the language's validation (the assembler's diagnostics
 * included), and assembles each kernel (the assembly files of one folder) into {@code build/NAME.elf} in
 * that folder, whose symbol addresses the hovers then show.
 */
final class KernelBuildStep {

    private KernelBuildStep() {
    }

    static Analysis check(IFile file, String text, Map<String, String> projectFiles) {
        return AsmUiPlugin.getDefault().session().load(Sessions.uri(file), text, projectFiles)
                .analyse(CancelIndicator.NullImpl);
    }

    /** Assembles every kernel of the project whose files have no errors; returns the ELF files written. */
    static List<IFile> assembleKernels(Map<String, String> projectFiles, Map<IFile, Boolean> hasErrors)
            throws CoreException {
        Map<IContainer, List<IFile>> kernels = new LinkedHashMap<>();
        for (String uri : projectFiles.keySet()) {
            IFile file = Sessions.file(uri);
            if (file != null) {
                kernels.computeIfAbsent(file.getParent(), k -> new ArrayList<>()).add(file);
            }
        }
        List<IFile> written = new ArrayList<>();
        BuiltAddresses addresses = AsmUiPlugin.getDefault().injector().getInstance(BuiltAddresses.class);
        for (Map.Entry<IContainer, List<IFile>> kernel : kernels.entrySet()) {
            if (kernel.getValue().stream().anyMatch(f -> hasErrors.getOrDefault(f, false))) {
                continue; // the markers say why; an ELF of the last good state would mislead
            }
            List<SourceFile> sources = new ArrayList<>();
            for (IFile f : kernel.getValue()) {
                sources.add(new SourceFile(f.getLocation() != null ? f.getLocation().toString() : f.getName(),
                        projectFiles.get(Sessions.uri(f))));
            }
            AssemblyResult result = new Assembler(AssemblerOptions.defaults()).assemble(sources);
            if (!result.ok() || result.elf() == null) {
                continue;
            }
            IFile elf = write(kernel.getKey(), result.elf());
            written.add(elf);
            for (IFile f : kernel.getValue()) {
                addresses.update(Sessions.uri(f), result.symbols());
            }
        }
        return written;
    }

    private static IFile write(IContainer folder, byte[] bytes) throws CoreException {
        String name = folder.getName() + ".elf";
        IFolder build = folder.getFolder(new org.eclipse.core.runtime.Path("build"));
        if (!build.exists()) {
            build.create(IResource.FORCE | IResource.DERIVED, true, null);
        }
        IFile elf = build.getFile(name);
        if (elf.exists()) {
            elf.setContents(new ByteArrayInputStream(bytes), IResource.FORCE | IResource.DERIVED, null);
        } else {
            elf.create(new ByteArrayInputStream(bytes), IResource.FORCE | IResource.DERIVED, null);
        }
        return elf;
    }
}
