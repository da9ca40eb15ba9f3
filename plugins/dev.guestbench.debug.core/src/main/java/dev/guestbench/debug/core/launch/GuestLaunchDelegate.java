package dev.guestbench.debug.core.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;

import dev.guestbench.debug.core.GuestDebug;
import dev.guestbench.debug.core.model.GuestDebugTarget;
import dev.guestbench.debug.core.model.GuestProcess;
import dev.guestbench.debug.core.model.KernelImage;
import dev.guestbench.isa.elf.ElfFormatException;
import dev.guestbench.vmm.VmConfig;
import dev.guestbench.vmm.boot.BootException;
import dev.guestbench.vmm.boot.BootSpec;
import dev.guestbench.vmm.debug.VmDebugger;
import dev.guestbench.vmm.memory.HostMemory;
import dev.guestbench.vmm.memory.PagingMode;

/**
 * Launches a "Guest kernel" configuration: assembles the kernel if it is a source, boots a VM under a
 * {@link VmDebugger}, and adds it to the launch as a process (the UART console) and, in debug mode, as a
 * debug target. The platform runs this in a cancellable job, never on the UI thread.
 */
public final class GuestLaunchDelegate extends LaunchConfigurationDelegate {

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Booting guest kernel", 4);
        IProject project = project(configuration);
        String kernelPath = configuration.getAttribute(GuestLaunch.KERNEL, "");
        if (kernelPath.isBlank()) {
            throw GuestDebug.error("the launch configuration names no kernel (Main tab)", null);
        }
        IFile kernelFile = project.getFile(kernelPath);
        if (!kernelFile.exists()) {
            throw GuestDebug.error("the kernel " + kernelFile.getFullPath() + " does not exist", null);
        }
        String firmware = configuration.getAttribute(GuestLaunch.FIRMWARE, GuestLaunch.FIRMWARE_BUILTIN);

        progress.subTask("Preparing " + kernelFile.getName());
        Path elf = kernelElf(kernelFile, firmware, progress.split(2));
        checkCancel(progress);

        progress.subTask("Booting the VM");
        byte[] elfBytes = read(elf, "kernel");
        BootSpec boot = bootSpec(configuration, firmware, kernelFile.getName(), elfBytes);
        VmConfig config = vmConfig(configuration);
        KernelImage image;
        try {
            image = KernelImage.of(elfBytes, kernelFile.getName());
        } catch (ElfFormatException e) {
            image = KernelImage.none(kernelFile.getName());
        }
        VmDebugger debugger;
        try {
            debugger = new VmDebugger(config, boot, new HostMemory(config.memoryBytes()));
        } catch (BootException | IllegalArgumentException e) {
            throw GuestDebug.error("cannot boot " + kernelFile.getName() + ": " + e.getMessage(), e);
        }
        progress.worked(1);
        if (progress.isCanceled()) {
            debugger.terminate();
            throw new OperationCanceledException();
        }
        GuestProcess process = new GuestProcess(launch, debugger, "VM: " + kernelFile.getName());
        boolean debug = ILaunchManager.DEBUG_MODE.equals(mode);
        if (debug) {
            GuestDebugTarget target = new GuestDebugTarget(launch, process, debugger, image);
            launch.addDebugTarget(target);
            target.started();
            debugger.start(configuration.getAttribute(GuestLaunch.STOP_AT_ENTRY, false));
        } else {
            debugger.start(false);
        }
        progress.done();
    }

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        // Nothing for the workspace build to do: the kernel is assembled by the launch itself.
        return false;
    }

    private static IProject project(ILaunchConfiguration configuration) throws CoreException {
        String name = configuration.getAttribute(GuestLaunch.PROJECT, "");
        if (name.isBlank()) {
            throw GuestDebug.error("the launch configuration names no project (Main tab)", null);
        }
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (!project.isOpen()) {
            throw GuestDebug.error("the project " + name + " does not exist or is closed", null);
        }
        return project;
    }

    /** The ELF to boot: the kernel itself, or the one assembled from it into the project's build folder. */
    private static Path kernelElf(IFile kernel, String firmware, IProgressMonitor monitor) throws CoreException {
        Path path = kernel.getLocation().toPath();
        String ext = kernel.getFileExtension() == null ? "" : kernel.getFileExtension().toLowerCase(Locale.ROOT);
        if (!ext.equals("s")) {
            return path;
        }
        IFile out = kernel.getProject().getFile("build/" + kernel.getProjectRelativePath().removeFileExtension()
                .addFileExtension("elf").toString());
        Path elf = out.getLocation().toPath();
        SourceBuild.assemble(path, elf, SourceBuild.linkAddress(firmware));
        out.getParent().refreshLocal(IResource.DEPTH_INFINITE, null);
        return elf;
    }

    private static BootSpec bootSpec(ILaunchConfiguration c, String firmware, String kernelName, byte[] kernel)
            throws CoreException {
        BootSpec.Image image = new BootSpec.Image(kernelName, kernel);
        String initrdPath = c.getAttribute(GuestLaunch.INITRD, "");
        BootSpec.Image initrd = initrdPath.isBlank() ? null
                : new BootSpec.Image(initrdPath, read(Path.of(initrdPath), "initrd"));
        String cmdline = c.getAttribute(GuestLaunch.COMMAND_LINE, "");
        String bootargs = cmdline.isBlank() ? null : cmdline;
        try {
            return switch (firmware) {
                case GuestLaunch.FIRMWARE_NONE -> new BootSpec(BootSpec.Firmware.NONE, null, image, initrd, null, bootargs);
                case GuestLaunch.FIRMWARE_FILE -> {
                    String bios = c.getAttribute(GuestLaunch.FIRMWARE_PATH, "");
                    if (bios.isBlank()) {
                        throw GuestDebug.error("firmware 'file' needs a firmware file (Main tab)", null);
                    }
                    yield new BootSpec(BootSpec.Firmware.IMAGE, new BootSpec.Image(bios, read(Path.of(bios), "firmware")),
                            image, initrd, null, bootargs);
                }
                default -> new BootSpec(BootSpec.Firmware.BUILTIN, null, image, initrd, null, bootargs);
            };
        } catch (IllegalArgumentException e) {
            throw GuestDebug.error(e.getMessage(), e);
        }
    }

    /** The machine the configuration describes; bad values give an error naming the attribute. */
    static VmConfig vmConfig(ILaunchConfiguration c) throws CoreException {
        int memory = c.getAttribute(GuestLaunch.MEMORY_MB, GuestLaunch.DEFAULT_MEMORY_MB);
        int harts = c.getAttribute(GuestLaunch.HARTS, GuestLaunch.DEFAULT_HARTS);
        int history = c.getAttribute(GuestLaunch.TRAP_HISTORY, GuestLaunch.DEFAULT_TRAP_HISTORY);
        String paging = c.getAttribute(GuestLaunch.PAGING, GuestLaunch.DEFAULT_PAGING);
        PagingMode mode = "nested".equals(paging) ? PagingMode.NESTED : PagingMode.SHADOW;
        try {
            return new VmConfig((long) memory << 20, harts, history, VmConfig.DEFAULT_INSTRUCTIONS_PER_TICK, true, mode);
        } catch (IllegalArgumentException e) {
            throw GuestDebug.error("Machine tab: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file, String what) throws CoreException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw GuestDebug.error("cannot read the " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkCancel(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }
}
