package dev.guestbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.guestbench.isa.disasm.ObjdumpListing;
import dev.guestbench.isa.elf.ElfFormatException;

/** {@code guestbench disasm}: the listing {@code riscv64-unknown-elf-objdump -d} prints for an ELF file. */
final class DisasmCommand implements Command {

    @Override
    public String name() {
        return "disasm";
    }

    @Override
    public String synopsis() {
        return "[-M no-aliases] FILE.elf";
    }

    @Override
    public String summary() {
        return "disassemble the code of a RISC-V ELF file as objdump -d does";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException {
        boolean aliases = true;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-M") || arg.startsWith("-M")) {
                String option = arg.equals("-M") ? (i + 1 < args.length ? args[++i] : null) : arg.substring(2);
                if (!"no-aliases".equals(option)) {
                    throw new UsageException("unknown disassembler option '" + option + "' (only no-aliases)");
                }
                aliases = false;
            } else if (arg.startsWith("-")) {
                throw new UsageException("unknown option '" + arg + "'");
            } else if (file != null) {
                throw new UsageException("one file at a time");
            } else {
                file = arg;
            }
        }
        if (file == null) {
            throw new UsageException("no file given");
        }
        Path path = Path.of(file);
        try {
            if (Files.isDirectory(path)) {
                err.println("guestbench disasm: " + file + ": is a directory");
                return 1;
            }
            out.print(ObjdumpListing.of(path, aliases));
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            err.println("guestbench disasm: " + file + ": no such file");
        } catch (ElfFormatException e) {
            err.println("guestbench disasm: " + file + ": " + e.getMessage());
        } catch (IOException e) {
            err.println("guestbench disasm: " + file + ": cannot read: " + e.getMessage());
        }
        return 1;
    }
}
