package dev.guestbench.vmm.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.guestbench.vmm.memory.PagingMode;

/*
 * Shadow paging and nested paging are two implementations of one spec: the guest cannot tell them
 * apart. So every guest program, run once per mode, must leave the same guest-visible trap history:
 * the same sequence of (hart, cause, privilege, pc, instruction, tval) once the records with disposition
 * INTERNAL (the VMM's own shadow faults, page-table-write traps and G-stage faults) are dropped.
 * Sequence numbers, virtual time, the exit reason's label and host cost are not compared.
 */
/** Every guest program leaves the same guest-visible trap history under shadow and nested paging. */
class PagingModesTrapHistoryTest {

    /** Records the history keeps at first; a run that makes more is run again with room for all of them. */
    static final int HISTORY = 1 << 18;

    /** The most --trap-history takes. */
    static final int MAX_HISTORY = 1 << 26;

    /** A history's guest-visible lines, and how many of the run's oldest records it dropped (0: it holds all). */
    record Visible(List<String> lines, long lost) {
    }

    @TestFactory
    Stream<DynamicTest> sameGuestVisibleTrapsInBothModes() {
        List<GuestProgram> programs = GuestProgram.all();
        assertFalse(programs.isEmpty(), "no guest programs in " + GuestProgram.guestDir());
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> compare(p)));
    }

    static void compare(GuestProgram program) throws IOException {
        List<String> shadow = guestVisible(program, PagingMode.SHADOW);
        List<String> nested = guestVisible(program, PagingMode.NESTED);
        // every program prints through the UART, whose accesses are exits: an empty history means a broken trace
        assertFalse(shadow.isEmpty(), program.name() + ": no guest-visible record in the trap history");
        String diff = OutputDiff.firstDifference(shadow, nested, "--paging shadow", "--paging nested");
        if (diff != null) {
            fail(program.name() + ": the guest-visible trap history (hart,cause,priv,pc,insn,tval) differs between"
                    + " the paging modes: " + diff);
        }
    }

    /** The program's trap history under {@code mode}, INTERNAL records dropped, as "hart,cause,priv,pc,insn,tval". */
    static List<String> guestVisible(GuestProgram program, PagingMode mode) throws IOException {
        Visible v = guestVisible(program, mode, HISTORY);
        if (v.lost() > 0) {
            // the history dropped its oldest records: run again with room for every record the first run made
            long needed = HISTORY + v.lost() + (HISTORY >> 2);
            if (needed > MAX_HISTORY) {
                fail(program.name() + " makes more than " + MAX_HISTORY + " exits; its history cannot be compared whole");
            }
            v = guestVisible(program, mode, (int) needed);
            if (v.lost() > 0) {
                fail(program.name() + " (--paging " + mode.optionName() + "): the second run made more exits than the first");
            }
        }
        return v.lines();
    }

    private static Visible guestVisible(GuestProgram program, PagingMode mode, int history) throws IOException {
        Path elf = GuestBuild.elf(program);
        Path dir = Files.createDirectories(Path.of("target", "paging-modes").toAbsolutePath());
        Path csv = dir.resolve(program.name() + "-" + mode.optionName() + ".csv");
        Files.deleteIfExists(csv);
        GuestOutput out = GuestbenchRunner.run(GuestbenchRunner.kernelArgs(program, elf, "--paging", mode.optionName(),
                "--trace-traps", csv.toString(), "--trap-history", Integer.toString(history)),
                GuestDifferentialTest.GUESTBENCH_TIMEOUT);
        assertEquals(0, out.status(), program.name() + " must pass with --paging " + mode.optionName() + ": "
                + out.tail(10) + "\n" + out.messages());
        assertTrue(Files.isRegularFile(csv), "--trace-traps wrote no file " + csv);
        return guestVisible(Files.readAllLines(csv, StandardCharsets.UTF_8), csv);
    }

    /** Parses the CSV that --trace-traps writes; {@code lost} is the first held record's sequence number. */
    static Visible guestVisible(List<String> csvLines, Path where) {
        if (csvLines.isEmpty() || !csvLines.get(0).equals("seq,hart,time,reason,cause,priv,pc,insn,tval,disposition,detail,host_ns")) {
            throw new AssertionError(where + ": not the trap history CSV this test knows (header "
                    + (csvLines.isEmpty() ? "missing" : csvLines.get(0)) + ")");
        }
        List<String> kept = new ArrayList<>();
        long lost = 0;
        for (int i = 1; i < csvLines.size(); i++) {
            String line = csvLines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 12) {
                throw new UncheckedIOException(new IOException(where + ":" + (i + 1) + ": expected 12 fields: " + line));
            }
            if (i == 1) {
                lost = Long.parseLong(f[0]);
            }
            if (f[9].equals("internal")) {
                continue;
            }
            kept.add(String.join(",", f[1], f[4], f[5], f[6], f[7], f[8]));
        }
        return new Visible(kept, lost);
    }

    @Test
    void theParserKeepsTheGuestVisibleFieldsOfRecordsThatAreNotInternal() {
        String header = "seq,hart,time,reason,cause,priv,pc,insn,tval,disposition,detail,host_ns";
        List<String> csv = List.of(header,
                "0,0,5,page fault,load_page_fault,S,0x80001000,0x3783,0xc0000000,reflected,0x0,-1",
                "1,0,6,shadow fault,load_page_fault,S,0x80001000,0x3783,0xc0000000,internal,0x0,120",
                "2,1,9,csr,-,M,0x80000010,0x18051073,0x0,emulated,0x180,-1");
        assertEquals(new Visible(List.of("0,load_page_fault,S,0x80001000,0x3783,0xc0000000",
                "1,-,M,0x80000010,0x18051073,0x0"), 0), guestVisible(csv, Path.of("test.csv")));
        assertEquals(7, guestVisible(List.of(header, "7,0,5,csr,-,M,0x0,0x0,0x0,emulated,0x0,-1"), Path.of("w.csv")).lost(),
                "a history that dropped its oldest 7 records");
    }
}
