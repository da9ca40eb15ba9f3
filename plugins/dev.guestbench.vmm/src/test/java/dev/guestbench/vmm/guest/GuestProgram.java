package dev.guestbench.vmm.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/*
 * One guest test program in {@code src/test/guest} (a {@code .c} or {@code .S} file beside the runtime in
 * {@code rt/}), with the directives its source declares on lines of their own:
 * {@code // guest-smp: N} (harts), {@code // guest-qemu-args: ...} (extra QEMU options) and
 * {@code // guest-output: scheduling-dependent} (lines starting with "order:" depend on scheduling). A source
 * with a line {@code #include "pt.h"} uses the page-table builder, so {@code rt/pt.c} is linked in.
 */
/** One guest test program in {@code src/test/guest}, with the directives its source declares. */
public record GuestProgram(String name, Path source, int harts, List<String> qemuArgs, boolean schedulingDependent,
        boolean usesPageTables) {

    /** Where the guest sources are: the Maven build runs tests in the bundle's directory. */
    public static Path guestDir() {
        Path dir = Path.of(System.getProperty("guestbench.guest.dir", "src/test/guest")).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("rt"))) {
            throw new IllegalStateException("guest sources not found at " + dir
                    + " (run the tests from plugins/dev.guestbench.vmm or set -Dguestbench.guest.dir)");
        }
        return dir;
    }

    /** Every program, sorted by name. */
    public static List<GuestProgram> all() {
        try (Stream<Path> files = Files.list(guestDir())) {
            return files.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".S"))
                    .sorted()
                    .map(GuestProgram::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The program called {@code name} (its file name without the extension). */
    public static GuestProgram named(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no guest program " + name + " in " + guestDir()));
    }

    private static GuestProgram read(Path source) {
        String file = source.getFileName().toString();
        String name = file.substring(0, file.lastIndexOf('.'));
        int harts = 1;
        List<String> qemuArgs = new ArrayList<>();
        boolean scheduling = false;
        boolean pageTables = false;
        try {
            for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
                if (line.startsWith("// guest-smp:")) {
                    harts = Integer.parseInt(line.substring("// guest-smp:".length()).trim());
                } else if (line.startsWith("// guest-qemu-args:")) {
                    for (String a : line.substring("// guest-qemu-args:".length()).trim().split("\\s+")) {
                        if (!a.isEmpty()) {
                            qemuArgs.add(a);
                        }
                    }
                } else if (line.startsWith("#include \"pt.h\"")) {
                    pageTables = true; // the page-table builder rt/pt.c is linked in
                } else if (line.startsWith("// guest-output:")) {
                    scheduling = line.contains("scheduling-dependent");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GuestProgram(name, source, harts, List.copyOf(qemuArgs), scheduling, pageTables);
    }
}
