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

    /** Records the history keeps: more than any program makes, so that nothing is dropped from its start. */
    static final int HISTORY = 1 << 20;

    @TestFactory
    Stream<DynamicTest> sameGuestVisibleTrapsInBothModes() {
        List<GuestProgram> programs = GuestProgram.all();
        assertFalse(programs.isEmpty(), "no guest programs in " + GuestProgram.guestDir());
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> compare(p)));
    }

    static void compare(GuestProgram program) throws IOException {
        List<String> shadow = guestVisible(program, PagingMode.SHADOW);
        List<String> nested = guestVisible(program, PagingMode.NESTED);
        String diff = OutputDiff.firstDifference(shadow, nested, "--paging shadow", "--paging nested");
        if (diff != null) {
            fail(program.name() + ": the guest-visible trap history (hart,cause,priv,pc,insn,tval) differs between"
                    + " the paging modes: " + diff);
        }
    }

    /** The program's trap history under {@code mode}, INTERNAL records dropped, as "hart,cause,priv,pc,insn,tval". */
    static List<String> guestVisible(GuestProgram program, PagingMode mode) throws IOException {
        Path elf = GuestBuild.elf(program);
        Path dir = Files.createDirectories(Path.of("target", "paging-modes").toAbsolutePath());
        Path csv = dir.resolve(program.name() + "-" + mode.optionName() + ".csv");
        Files.deleteIfExists(csv);
        GuestOutput out = GuestbenchRunner.run(GuestbenchRunner.kernelArgs(program, elf, "--paging", mode.optionName(),
                "--trace-traps", csv.toString(), "--trap-history", Integer.toString(HISTORY)),
                GuestDifferentialTest.GUESTBENCH_TIMEOUT);
        assertEquals(0, out.status(), program.name() + " must pass with --paging " + mode.optionName() + ": "
                + out.tail(10) + "\n" + out.messages());
        assertTrue(Files.isRegularFile(csv), "--trace-traps wrote no file " + csv);
        return guestVisible(Files.readAllLines(csv, StandardCharsets.UTF_8), csv);
    }

    /** Parses the CSV that --trace-traps writes; fails when the history lost its oldest records. */
    static List<String> guestVisible(List<String> csvLines, Path where) {
        if (csvLines.isEmpty() || !csvLines.get(0).equals("seq,hart,time,reason,cause,priv,pc,insn,tval,disposition,detail,host_ns")) {
            throw new AssertionError(where + ": not the trap history CSV this test knows (header "
                    + (csvLines.isEmpty() ? "missing" : csvLines.get(0)) + ")");
        }
        List<String> kept = new ArrayList<>();
        for (int i = 1; i < csvLines.size(); i++) {
            String line = csvLines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 12) {
                throw new UncheckedIOException(new IOException(where + ":" + (i + 1) + ": expected 12 fields: " + line));
            }
            if (i == 1 && !f[0].equals("0")) {
                fail(where + ": the history starts at record " + f[0] + ", not 0: raise HISTORY (" + HISTORY + ")");
            }
            if (f[9].equals("internal")) {
                continue;
            }
            kept.add(String.join(",", f[1], f[4], f[5], f[6], f[7], f[8]));
        }
        return kept;
    }

    @Test
    void theParserKeepsTheGuestVisibleFieldsOfRecordsThatAreNotInternal() {
        String header = "seq,hart,time,reason,cause,priv,pc,insn,tval,disposition,detail,host_ns";
        List<String> csv = List.of(header,
                "0,0,5,page fault,load_page_fault,S,0x80001000,0x3783,0xc0000000,reflected,0x0,-1",
                "1,0,6,shadow fault,load_page_fault,S,0x80001000,0x3783,0xc0000000,internal,0x0,120",
                "2,1,9,csr,-,M,0x80000010,0x18051073,0x0,emulated,0x180,-1");
        assertEquals(List.of("0,load_page_fault,S,0x80001000,0x3783,0xc0000000", "1,-,M,0x80000010,0x18051073,0x0"),
                guestVisible(csv, Path.of("test.csv")));
        AssertionError wrapped = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> guestVisible(List.of(header, "7,0,5,csr,-,M,0x0,0x0,0x0,emulated,0x0,-1"), Path.of("w.csv")));
        assertTrue(wrapped.getMessage().contains("starts at record 7"), wrapped.getMessage());
    }
}
