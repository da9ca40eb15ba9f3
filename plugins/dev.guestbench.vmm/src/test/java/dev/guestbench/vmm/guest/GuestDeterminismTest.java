package dev.guestbench.vmm.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/*
 * The same ELF run twice gives byte-identical UART output and the same trap history (the
 * {@code --trace-traps} CSV without its last column, the host cost): for a program with timer interrupts on
 * one hart, and for one with four harts whose output order depends on scheduling ({@code --smp 4}).
 */
/** The same ELF run twice on Guestbench gives the same UART output and trap history. */
class GuestDeterminismTest {

    @TestFactory
    Stream<DynamicTest> sameElfSameRun() {
        return Stream.of("interrupts", "smp").map(name -> DynamicTest.dynamicTest(name, () -> twice(GuestProgram.named(name))));
    }

    static void twice(GuestProgram program) throws IOException {
        Path elf = GuestBuild.elf(program);
        Path dir = Path.of("target", "determinism").toAbsolutePath();
        Files.createDirectories(dir);
        Path trace1 = dir.resolve(program.name() + "-1.csv");
        Path trace2 = dir.resolve(program.name() + "-2.csv");
        Files.deleteIfExists(trace1);
        Files.deleteIfExists(trace2);
        GuestOutput first = GuestbenchRunner.run(GuestbenchRunner.kernelArgs(program, elf, "--trace-traps", trace1.toString()),
                GuestDifferentialTest.GUESTBENCH_TIMEOUT);
        GuestOutput second = GuestbenchRunner.run(GuestbenchRunner.kernelArgs(program, elf, "--trace-traps", trace2.toString()),
                GuestDifferentialTest.GUESTBENCH_TIMEOUT);
        assertEquals(0, first.status(), program.name() + " must pass: " + first.tail(10) + "\n" + first.messages());
        String diff = OutputDiff.firstDifference(first.lines(), second.lines(), "first run", "second run");
        if (diff != null) {
            fail(program.name() + " UART output differs between two runs: " + diff);
        }
        assertEquals(first.status(), second.status(), program.name() + ": exit status of the two runs");
        assertTrue(Files.isRegularFile(trace1) && Files.isRegularFile(trace2), "--trace-traps wrote no file");
        List<String> h1 = withoutHostCost(trace1);
        List<String> h2 = withoutHostCost(trace2);
        // the program takes at least 3 timer interrupts per hart and one IPI per hart (smp), or a dozen traps
        assertTrue(h1.size() >= 12, program.name() + ": the trap history has only " + h1.size() + " lines");
        diff = OutputDiff.firstDifference(h1, h2, "first trap history", "second trap history");
        if (diff != null) {
            fail(program.name() + " trap history (host cost removed) differs between two runs: " + diff);
        }
    }

    /** The CSV's lines with the last column, the host cost, cut off. */
    static List<String> withoutHostCost(Path csv) throws IOException {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isEmpty())
                .map(l -> l.lastIndexOf(',') < 0 ? l : l.substring(0, l.lastIndexOf(',')))
                .toList();
    }
}
