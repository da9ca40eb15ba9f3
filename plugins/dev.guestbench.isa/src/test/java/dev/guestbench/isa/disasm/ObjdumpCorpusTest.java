package dev.guestbench.isa.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Assembles and links the corpus with the GNU tools and checks that our listing of every linked
 * executable and every object file equals objdump's, line for line, with and without aliases.
 */
class ObjdumpCorpusTest {
    static final String INDEX = "/corpus/index.txt";
    private static Path dir;
    private static List<String> names;

    /** The corpus sources named by the index, assembled and linked under target/isa-tests/corpus. */
    static synchronized List<Path> buildCorpus() throws IOException {
        if (names == null) {
            GnuToolchain.require();
            dir = GnuToolchain.workDirectory("corpus");
            names = new ArrayList<>();
            for (String line : GnuToolchain.readResource(INDEX).split("\n")) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
            for (String name : names) {
                Path source = GnuToolchain.copyResource("/corpus/" + name, dir.resolve(name));
                String base = name.substring(0, name.length() - 2);
                Path object = GnuToolchain.assemble(source, dir.resolve(base + ".o"), GnuToolchain.MARCH);
                GnuToolchain.link(object, dir.resolve(base + ".elf"));
            }
        }
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            String base = name.substring(0, name.length() - 2);
            files.add(dir.resolve(base + ".elf"));
            files.add(dir.resolve(base + ".o"));
        }
        return files;
    }

    @BeforeAll
    static void build() throws IOException {
        buildCorpus();
    }

    @TestFactory
    Stream<DynamicTest> listingsEqualObjdump() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : buildCorpus()) {
            for (boolean aliases : new boolean[] {true, false}) {
                String label = file.getFileName() + (aliases ? "" : " -M no-aliases");
                tests.add(DynamicTest.dynamicTest(label, () -> {
                    String expected = GnuToolchain.objdump(file, aliases);
                    String actual = ObjdumpListing.of(file, aliases);
                    String difference = GnuToolchain.firstDifference(expected, actual);
                    if (difference != null) {
                        fail(label + ": " + difference);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void indexNamesEveryCorpusSource() throws IOException {
        // The index lets the tests find the sources on any classpath; it must not drift from the folder.
        Path folder = Path.of("src", "test", "resources", "corpus");
        assertTrue(Files.isDirectory(folder), "run the tests from the bundle directory");
        TreeSet<String> onDisk = new TreeSet<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".S")).forEach(onDisk::add);
        }
        buildCorpus();
        assertEquals(onDisk, new TreeSet<>(names));
    }
}
