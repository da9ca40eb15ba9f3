package dev.guestbench.asm.assembler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Assembles every corpus program with GNU as + ld and with ours, with and without relaxation, and
 * compares the loaded bytes (objcopy -O binary) and the symbol values. A difference is reported
 * with its first offset and both disassemblies around it.
 */
class DifferentialTest {

    static Stream<Arguments> programs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(GnuTools.CORPUS)) {
            for (Path p : files.sorted().toList()) {
                String n = p.getFileName().toString();
                if ((n.endsWith(".s") || n.endsWith(".S")) && !n.startsWith("multi_")) {
                    out.add(Arguments.of(n, List.of(p), true, null));
                    out.add(Arguments.of(n, List.of(p), false, null));
                }
            }
        }
        // The disassembler's corpus in the isa bundle is more assembly written in this project
        // (isa_switch.S needs -march switches GNU as only takes per file).
        Path isaCorpus = Path.of("..", "dev.guestbench.isa", "src", "test", "resources", "corpus");
        try (Stream<Path> files = Files.list(isaCorpus)) {
            for (Path p : files.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".S") && !n.equals("isa_switch.S")) {
                    out.add(Arguments.of("isa/" + n, List.of(p), true, null));
                }
            }
        }
        List<Path> multi = List.of(GnuTools.CORPUS.resolve("multi_a.s"), GnuTools.CORPUS.resolve("multi_b.s"));
        out.add(Arguments.of("multi_a.s+multi_b.s", multi, true, null));
        out.add(Arguments.of("multi_a.s+multi_b.s", multi, false, null));
        Path script = GnuTools.CORPUS.resolve("scripts/kernel.ld");
        List<Path> kernel = List.of(GnuTools.CORPUS.resolve("scripts/kernel.s"));
        out.add(Arguments.of("scripts/kernel.s -T kernel.ld", kernel, true, script));
        out.add(Arguments.of("scripts/kernel.s -T kernel.ld", kernel, false, script));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} relax={2}")
    @MethodSource("programs")
    void sameBytesAndSymbolsAsGnu(String name, List<Path> sources, boolean relax, Path script) throws IOException {
        Path dir = GnuTools.workDirectory(dirName(name) + (relax ? "-relax" : "-norelax"));
        Path gnuElf = GnuTools.gnuBuild(sources, dir, relax, script);
        AssemblyResult ours = new Assembler(options(relax, script)).assemble(GnuTools.sources(sources));
        assertTrue(ours.ok(), () -> "our assembler reported errors: " + ours.diagnostics());
        Path ourElf = dir.resolve("ours.elf");
        Files.write(ourElf, ours.elf());
        byte[] expected = GnuTools.binary(gnuElf);
        byte[] actual = GnuTools.binary(ourElf);
        String diff = firstDifference(expected, actual, gnuElf, ourElf);
        if (diff != null) {
            fail(name + ": loaded bytes differ from GNU as + ld\n" + diff);
        }
        Map<String, java.util.Set<Long>> gnuSymbols = nm(gnuElf);
        Map<String, Long> mismatched = new TreeMap<>();
        for (Map.Entry<String, Long> e : ours.symbols().entrySet()) {
            // Local names may repeat across files: ours must be one of GNU's values for the name.
            java.util.Set<Long> g = gnuSymbols.get(e.getKey());
            if (g == null || !g.contains(e.getValue())) {
                mismatched.put(e.getKey(), e.getValue());
            }
        }
        assertTrue(mismatched.isEmpty(), () -> "symbol values differ (ours): " + hex(mismatched) + "; GNU: "
                + hex(gnuSymbols));
        assertTrue(ours.symbols().containsKey("_start"), "the program defines _start");
    }

    @ParameterizedTest(name = "{0} relax={2}")
    @MethodSource("programs")
    void objectFilesLinkedByGnuLdGiveGnuBytes(String name, List<Path> sources, boolean relax, Path script)
            throws IOException {
        Path dir = GnuTools.workDirectory("obj-" + dirName(name) + (relax ? "-relax" : "-norelax"));
        Path gnuElf = GnuTools.gnuBuild(sources, dir, relax, script);
        Assembler asm = new Assembler(options(relax, null));
        List<String> ld = new ArrayList<>(List.of("riscv64-unknown-elf-ld", "--no-warn-rwx-segments"));
        ld.addAll(script == null ? List.of("-Ttext=0x80000000") : List.of("-T", script.toString()));
        int i = 0;
        for (SourceFile src : GnuTools.sources(sources)) {
            AssemblyResult r = asm.assembleObject(src);
            assertTrue(r.ok(), () -> "our assembler reported errors: " + r.diagnostics());
            Path obj = dir.resolve("ours" + (i++) + ".o");
            Files.write(obj, r.object());
            ld.add(obj.toString());
        }
        Path ourElf = dir.resolve("ours-linked.elf");
        ld.addAll(List.of("-o", ourElf.toString()));
        GnuTools.run(ld);
        String diff = firstDifference(GnuTools.binary(gnuElf), GnuTools.binary(ourElf), gnuElf, ourElf);
        if (diff != null) {
            fail(name + ": our object files linked by GNU ld differ from GNU as's\n" + diff);
        }
    }

    private static String dirName(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static AssemblerOptions options(boolean relax, Path script) throws IOException {
        AssemblerOptions o = AssemblerOptions.defaults().withRelax(relax).withIncludeDirs(List.of(GnuTools.CORPUS));
        return script == null ? o : o.withLinkerScript(Files.readString(script));
    }

    private static Map<String, java.util.Set<Long>> nm(Path elf) {
        Map<String, java.util.Set<Long>> out = new TreeMap<>();
        for (String line : GnuTools.run(List.of("riscv64-unknown-elf-nm", elf.toString())).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3) {
                out.computeIfAbsent(f[2], k -> new java.util.TreeSet<>()).add(Long.parseUnsignedLong(f[0], 16));
            }
        }
        return out;
    }

    private static String hex(Map<String, ?> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append('=').append(v instanceof Long l ? Long.toHexString(l) : v).append(' '));
        return sb.toString();
    }

    /** Null if equal, else the first differing offset and both disassemblies around it. */
    static String firstDifference(byte[] expected, byte[] actual, Path gnuElf, Path ourElf) {
        int n = Math.min(expected.length, actual.length);
        int at = -1;
        for (int i = 0; i < n; i++) {
            if (expected[i] != actual[i]) {
                at = i;
                break;
            }
        }
        if (at < 0 && expected.length == actual.length) {
            return null;
        }
        if (at < 0) {
            at = n;
        }
        long address = 0x80000000L + at;
        return String.format("first difference at offset 0x%x (address 0x%x); sizes GNU %d, ours %d%n"
                + "--- GNU around it:%n%s--- ours around it:%n%s", at, address, expected.length, actual.length,
                around(GnuTools.objdump(gnuElf), address), around(GnuTools.objdump(ourElf), address));
    }

    private static String around(String listing, long address) {
        String[] lines = listing.split("\n");
        int best = -1;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            int colon = t.indexOf(':');
            if (colon > 0 && t.substring(0, colon).matches("[0-9a-f]+")) {
                long a = Long.parseUnsignedLong(t.substring(0, colon), 16);
                if (a <= address) {
                    best = i;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, best - 6); i < Math.min(lines.length, best + 7); i++) {
            sb.append(i == best ? ">> " : "   ").append(lines[i]).append('\n');
        }
        return sb.toString();
    }

    @org.junit.jupiter.api.Test
    void corpusCoversEveryExecutableInstruction() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(GnuTools.CORPUS)) {
            for (Path p : files.toList()) {
                if (Files.isRegularFile(p)) {
                    all.append(Files.readString(p).toLowerCase()).append('\n');
                }
            }
        }
        String text = all.toString();
        List<String> missing = new ArrayList<>();
        for (dev.guestbench.isa.Instruction i : dev.guestbench.isa.Instruction.values()) {
            if (!i.isExecutable()) {
                continue;
            }
            if (!java.util.regex.Pattern.compile("(?m)^\\s*(\\w+:)?\\s*" + java.util.regex.Pattern.quote(i.mnemonic())
                    + "(\\.aq|\\.rl|\\.aqrl)?(\\s|$)").matcher(text).find()) {
                missing.add(i.mnemonic());
            }
        }
        assertEquals(List.of(), missing, "instructions the corpus does not use");
    }
}
