package dev.guestbench.debug.core.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.CoreException;

import dev.guestbench.asm.assembler.AsmDiagnostic;
import dev.guestbench.asm.assembler.Assembler;
import dev.guestbench.asm.assembler.AssemblerOptions;
import dev.guestbench.asm.assembler.AssemblyResult;
import dev.guestbench.asm.assembler.SourceFile;
import dev.guestbench.debug.core.GuestDebug;

/**
 * Assembles a kernel's assembly source with Guestbench's assembler into an ELF with a DWARF line table
 * before a launch. The source is named by its absolute path, so the line table leads back to it.
 */
public final class SourceBuild {

    /** The most diagnostics an error message lists. */
    private static final int MAX_SHOWN = 20;

    private SourceBuild() {
    }

    /** Where the kernel is linked: 0x80200000 after built-in SBI or firmware, 0x80000000 with none. */
    public static long linkAddress(String firmware) {
        return GuestLaunch.FIRMWARE_NONE.equals(firmware) ? 0x8000_0000L : 0x8020_0000L;
    }

    /** Assembles {@code source} into {@code elf}, linked at {@code address}; errors name file, line and column. */
    public static void assemble(Path source, Path elf, long address) throws CoreException {
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw GuestDebug.error("cannot read " + source + ": " + e.getMessage(), e);
        }
        AssemblerOptions options = AssemblerOptions.defaults().withBase(address)
                .withIncludeDirs(List.of(source.toAbsolutePath().getParent()));
        AssemblyResult result = new Assembler(options)
                .assemble(List.of(new SourceFile(source.toAbsolutePath().toString(), text)));
        if (!result.ok()) {
            StringBuilder message = new StringBuilder("cannot assemble " + source.getFileName() + ":");
            int shown = 0;
            for (AsmDiagnostic d : result.diagnostics()) {
                if (d.severity() == AsmDiagnostic.Severity.ERROR && shown++ < MAX_SHOWN) {
                    message.append('\n').append(d);
                }
            }
            throw GuestDebug.error(message.toString(), null);
        }
        try {
            Files.createDirectories(elf.getParent());
            Files.write(elf, result.elf());
        } catch (IOException e) {
            throw GuestDebug.error("cannot write " + elf + ": " + e.getMessage(), e);
        }
    }
}
