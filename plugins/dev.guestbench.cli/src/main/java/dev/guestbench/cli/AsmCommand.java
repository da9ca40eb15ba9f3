package dev.guestbench.cli;

import dev.guestbench.asm.assembler.AsmDiagnostic;
import dev.guestbench.asm.assembler.Assembler;
import dev.guestbench.asm.assembler.AssemblerOptions;
import dev.guestbench.asm.assembler.AssemblyResult;
import dev.guestbench.asm.assembler.SourceFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code guestbench asm}: assembles GNU-as-dialect sources and links them into a RISC-V ELF
 * executable, as riscv64-unknown-elf-as and riscv64-unknown-elf-ld -Ttext=BASE would. Errors are
 * printed as {@code file:line:col: error: message}; no output file is written then.
 */
final class AsmCommand implements Command {

    @Override
    public String name() {
        return "asm";
    }

    @Override
    public String synopsis() {
        return "FILE... -o OUT.elf [--base ADDR] [-T SCRIPT] [-march=ISA] [-mabi=ABI] [-mno-relax] [-I DIR]"
                + " | -c FILE -o FILE.o";
    }

    @Override
    public String summary() {
        return "assemble and link .s/.S files into an ELF executable (GNU as + ld compatible)";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws UsageException {
        List<String> files = new ArrayList<>();
        String output = null;
        String script = null;
        boolean objectOnly = false;
        AssemblerOptions options = AssemblerOptions.defaults();
        List<Path> includes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-o" -> output = value(args, ++i, a);
                case "--base" -> options = options.withBase(address(value(args, ++i, a)));
                case "-T" -> script = value(args, ++i, a);
                case "-I" -> includes.add(Path.of(value(args, ++i, a)));
                case "-c" -> objectOnly = true;
                case "-mno-relax" -> options = options.withRelax(false);
                case "-mrelax" -> options = options.withRelax(true);
                default -> {
                    if (a.startsWith("-march=")) {
                        options = options.withMarch(a.substring(7));
                    } else if (a.startsWith("-mabi=")) {
                        options = options.withMabi(a.substring(6));
                    } else if (a.startsWith("-I") && a.length() > 2) {
                        includes.add(Path.of(a.substring(2)));
                    } else if (a.startsWith("--base=")) {
                        options = options.withBase(address(a.substring(7)));
                    } else if (a.startsWith("-") && !a.equals("-")) {
                        throw new UsageException("unknown option '" + a + "'");
                    } else {
                        files.add(a);
                    }
                }
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("no source file given");
        }
        if (output == null) {
            throw new UsageException("no output file given (-o OUT.elf)");
        }
        if (objectOnly && files.size() != 1) {
            throw new UsageException("-c takes one source file");
        }
        List<SourceFile> sources = new ArrayList<>();
        for (String f : files) {
            try {
                sources.add(new SourceFile(f, Files.readString(Path.of(f))));
            } catch (NoSuchFileException e) {
                err.println("guestbench asm: " + f + ": no such file");
                return 1;
            } catch (IOException e) {
                err.println("guestbench asm: " + f + ": cannot read: " + e.getMessage());
                return 1;
            }
        }
        if (script != null) {
            try {
                options = options.withLinkerScript(Files.readString(Path.of(script)));
            } catch (IOException e) {
                err.println("guestbench asm: " + script + ": cannot read the linker script");
                return 1;
            }
        }
        Assembler assembler = new Assembler(options.withIncludeDirs(includes));
        AssemblyResult result = objectOnly ? assembler.assembleObject(sources.get(0)) : assembler.assemble(sources);
        for (AsmDiagnostic d : result.diagnostics()) {
            err.println(d);
        }
        if (!result.ok()) {
            return 1;
        }
        try {
            Files.write(Path.of(output), objectOnly ? result.object() : result.elf());
        } catch (IOException e) {
            err.println("guestbench asm: " + output + ": cannot write: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static long address(String text) throws UsageException {
        try {
            String t = text.toLowerCase().replace("_", "");
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new UsageException("bad address '" + text + "'");
        }
    }
}
