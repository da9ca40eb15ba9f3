package dev.guestbench.asm.assembler;

import dev.guestbench.asm.assembler.elf.ElfWriter;
import dev.guestbench.asm.assembler.emit.ObjectFile;
import dev.guestbench.asm.assembler.emit.SourceAssembler;
import dev.guestbench.asm.assembler.emit.Symbol;
import dev.guestbench.asm.assembler.link.Linker;
import dev.guestbench.asm.assembler.link.LinkerScript;
import dev.guestbench.asm.assembler.link.OutputSection;
import dev.guestbench.asm.assembler.source.Preprocessor;
import dev.guestbench.asm.assembler.source.SourceLine;
import dev.guestbench.isa.IsaSubset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The GNU-as-compatible RISC-V assembler and linker: assembles sources in the GNU as dialect and
 * links them into an ELF64 executable whose loaded bytes equal what riscv64-unknown-elf-as and
 * riscv64-unknown-elf-ld -Ttext=BASE make.
 */
public final class Assembler {
    private final AssemblerOptions options;

    /** An assembler with these options. */
    public Assembler(AssemblerOptions options) {
        this.options = options;
    }

    /** Only the diagnostics, for checking as the user types. */
    public List<AsmDiagnostic> check(List<SourceFile> sources) {
        return assemble(sources, false).diagnostics();
    }

    /** Assembles and links the sources. */
    public AssemblyResult assemble(List<SourceFile> sources) {
        return assemble(sources, true);
    }

    /**
     * Assembles one source into a relocatable object (what {@code as -c} writes): the result's
     * {@link AssemblyResult#object()} holds it, and no executable is made.
     */
    public AssemblyResult assembleObject(SourceFile source) {
        List<AsmException> errors = new ArrayList<>();
        IsaSubset isa;
        try {
            isa = IsaSubset.parse(options.march());
        } catch (IllegalArgumentException e) {
            return failed(List.of(new AsmDiagnostic("<options>", 1, 1, 0, AsmDiagnostic.Severity.ERROR,
                    "bad -march '" + options.march() + "': " + e.getMessage())));
        }
        List<SourceFile> sources = List.of(source);
        Preprocessor pre = new Preprocessor((from, name) -> include(sources, from, name), errors);
        ObjectFile obj = new ObjectFile(0, source.path());
        new SourceAssembler(obj, isa, options.relax(), pre, errors).run(pre.process(source.path(), source.text()));
        if (hasErrors(errors)) {
            return failed(diagnostics(errors));
        }
        Linker linker = new Linker(List.of(obj), options.base(), options.relax(), errors);
        int floatAbi = options.mabi().endsWith("d") ? 4 : options.mabi().endsWith("f") ? 2 : 0;
        byte[] object = null;
        try {
            linker.assembleOnly();
            object = dev.guestbench.asm.assembler.elf.ObjectWriter.write(obj, linker, options.relax(),
                    (obj.rvcUsed ? 1 : 0) | floatAbi, isa, errors);
        } catch (RuntimeException e) {
            errors.add(new AsmException(new SourceLine(source.path(), 1, ""), "internal error while writing the object: "
                    + e));
        }
        if (hasErrors(errors)) {
            return failed(diagnostics(errors));
        }
        return new AssemblyResult(diagnostics(errors), null, object, Map.of(), List.of());
    }

    private AssemblyResult assemble(List<SourceFile> sources, boolean write) {
        List<AsmException> errors = new ArrayList<>();
        IsaSubset isa;
        try {
            isa = IsaSubset.parse(options.march());
        } catch (IllegalArgumentException e) {
            return failed(List.of(new AsmDiagnostic("<options>", 1, 1, 0, AsmDiagnostic.Severity.ERROR,
                    "bad -march '" + options.march() + "': " + e.getMessage())));
        }
        Preprocessor pre = new Preprocessor((from, name) -> include(sources, from, name), errors);
        List<ObjectFile> objects = new ArrayList<>();
        for (SourceFile src : sources) {
            ObjectFile obj = new ObjectFile(objects.size(), src.path());
            List<SourceLine> lines = pre.process(src.path(), src.text());
            new SourceAssembler(obj, isa, options.relax(), pre, errors).run(lines);
            objects.add(obj);
        }
        if (hasErrors(errors)) {
            return failed(diagnostics(errors));
        }
        LinkerScript script = null;
        if (options.linkerScript() != null) {
            try {
                script = LinkerScript.parse(options.linkerScript());
            } catch (LinkerScript.ScriptException e) {
                return failed(List.of(new AsmDiagnostic("<linker script>", e.line(), e.column(), 1,
                        AsmDiagnostic.Severity.ERROR, e.getMessage())));
            }
        }
        Linker linker = new Linker(objects, options.base(), options.relax(), script, errors);
        try {
            linker.link();
        } catch (AsmException e) {
            errors.add(e);
        } catch (RuntimeException e) {
            // A bug of ours must not take the IDE or the command line down: report it as an error.
            errors.add(new AsmException(new SourceLine(sources.get(0).path(), 1, ""), "internal error while linking: " + e));
        }
        Map<String, Long> symbols = linker.symbols();
        if (hasErrors(errors) || !write) {
            return new AssemblyResult(diagnostics(errors), null, null, hasErrors(errors) ? Map.of() : symbols,
                    hasErrors(errors) ? List.of() : linker.lineTable());
        }
        List<ElfWriter.ElfSymbol> elfSymbols = new ArrayList<>();
        for (ObjectFile f : objects) {
            for (Symbol s : f.symbols.values()) {
                if (!s.isDefined() || s.name.startsWith(".L") || s.name.contains("\u0002") || !symbols.containsKey(s.name)) {
                    continue;
                }
                String section = s.frag == null ? null : outputName(linker.outputs(), s.frag.section);
                int type = "@function".equals(s.type) || "%function".equals(s.type) ? 2
                        : "@object".equals(s.type) || "%object".equals(s.type) ? 1 : 0;
                long value = s.frag != null ? s.frag.address + s.offset : symbols.get(s.name);
                elfSymbols.add(new ElfWriter.ElfSymbol(s.name, value, 0, s.global, type, section));
            }
        }
        for (Map.Entry<String, Long> e : linker.linkerSymbols().entrySet()) {
            if (!symbols.containsKey(e.getKey())) {
                elfSymbols.add(new ElfWriter.ElfSymbol(e.getKey(), e.getValue(), 0, true, 0, null));
            }
        }
        boolean rvc = objects.stream().anyMatch(o -> o.rvcUsed);
        int floatAbi = options.mabi().endsWith("d") ? 4 : options.mabi().endsWith("f") ? 2 : 0;
        String entryName = script != null && script.entry() != null ? script.entry() : "_start";
        long entry = symbols.getOrDefault(entryName, linker.outputs().isEmpty() ? options.base()
                : linker.outputs().get(0).address);
        byte[] elf = ElfWriter.write(linker.outputs(), elfSymbols, linker.lineTable(), entry,
                (rvc ? 1 : 0) | floatAbi);
        return new AssemblyResult(diagnostics(errors), elf, null, symbols, linker.lineTable());
    }

    private static String outputName(List<OutputSection> outputs, dev.guestbench.asm.assembler.emit.Section s) {
        for (OutputSection o : outputs) {
            if (o.inputs.contains(s)) {
                return o.name;
            }
        }
        return null;
    }

    private Preprocessor.IncludedFile include(List<SourceFile> sources, String from, String name) {
        Path dir = Path.of(from).toAbsolutePath().getParent();
        List<Path> candidates = new ArrayList<>();
        if (dir != null) {
            candidates.add(dir.resolve(name));
        }
        for (Path p : options.includeDirs()) {
            candidates.add(p.resolve(name));
        }
        for (Path c : candidates) {
            for (SourceFile s : sources) {
                if (Path.of(s.path()).toAbsolutePath().normalize().equals(c.normalize())) {
                    return new Preprocessor.IncludedFile(s.path(), s.text());
                }
            }
            if (Files.isRegularFile(c)) {
                try {
                    return new Preprocessor.IncludedFile(c.toString(), Files.readString(c));
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean hasErrors(List<AsmException> errors) {
        return errors.stream().anyMatch(e -> !e.getMessage().startsWith("\u0001"));
    }

    private static AssemblyResult failed(List<AsmDiagnostic> d) {
        return new AssemblyResult(d, null, null, Map.of(), List.of());
    }

    private static List<AsmDiagnostic> diagnostics(List<AsmException> errors) {
        List<AsmDiagnostic> out = new ArrayList<>();
        for (AsmException e : errors) {
            SourceLine l = e.line();
            boolean warning = e.getMessage().startsWith("\u0001");
            String msg = warning ? e.getMessage().substring(1) : e.getMessage();
            int col = e.column() > 0 ? e.column() : firstNonBlank(l);
            int len = e.length() > 0 ? e.length() : l == null ? 0 : Math.max(0, l.text().strip().length());
            out.add(new AsmDiagnostic(l == null ? "<unknown>" : l.path(), l == null ? 1 : l.line(), col, len,
                    warning ? AsmDiagnostic.Severity.WARNING : AsmDiagnostic.Severity.ERROR, msg));
        }
        out.sort(Comparator.comparing(AsmDiagnostic::path).thenComparingInt(AsmDiagnostic::line)
                .thenComparingInt(AsmDiagnostic::column));
        return new ArrayList<>(new java.util.LinkedHashSet<>(out));
    }

    private static int firstNonBlank(SourceLine l) {
        if (l == null) {
            return 1;
        }
        String t = l.text();
        int i = 0;
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i + 1;
    }
}
