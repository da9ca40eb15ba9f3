package dev.guestbench.vmm.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.guestbench.vmm.memory.PagingMode;

/*
 * Differential testing against QEMU, program by program: each guest program in {@code src/test/guest} is
 * built, run on {@code qemu-system-riscv64 -machine virt -bios none} and through {@code GuestRun.run} with
 * the same ELF, and the UART output and exit status must be equal (after SpecDepartures replaced
 * the lines where QEMU 7.2 departs from the spec). Guestbench runs each program once per paging mode
 * ({@code --paging shadow} and {@code --paging nested}) against the one QEMU output. QEMU is the oracle:
 * nothing expected is written down here.
 */
/** Differential testing against QEMU: every guest program gives the same output and exit status on both. */
class GuestDifferentialTest {

    static final Duration QEMU_TIMEOUT = Duration.ofSeconds(120);
    static final Duration GUESTBENCH_TIMEOUT = Duration.ofSeconds(600);

    /** QEMU's output per program: both paging modes compare with one QEMU run. */
    private static final Map<String, GuestOutput> QEMU_OUTPUT = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicNode> everyProgramMatchesQemuInBothPagingModes() {
        List<GuestProgram> programs = GuestProgram.all();
        assertFalse(programs.isEmpty(), "no guest programs in " + GuestProgram.guestDir());
        return programs.stream().map(p -> DynamicContainer.dynamicContainer(p.name(),
                Stream.of(PagingMode.values()).map(m -> DynamicTest.dynamicTest("--paging " + m.optionName(),
                        () -> check(p, m)))));
    }

    /** Runs {@code program} on QEMU and on Guestbench in every paging mode and compares; also used after the fuzz test. */
    static void check(GuestProgram program) {
        for (PagingMode mode : PagingMode.values()) {
            check(program, mode);
        }
    }

    /** Runs {@code program} on QEMU (once per program) and on Guestbench with {@code mode}, and compares. */
    static void check(GuestProgram program, PagingMode mode) {
        Path elf = GuestBuild.elf(program);
        GuestOutput qemu = QEMU_OUTPUT.computeIfAbsent(program.name(), n -> QemuRunner.run(program, elf, QEMU_TIMEOUT));
        // the oracle's own run must be a passing one, or the program itself is broken
        if (qemu.status() != 0 || qemu.uart().isEmpty()) {
            fail(program.name() + " does not pass on QEMU (status " + qemu.status() + "): "
                    + String.join(" ", QemuRunner.command(program, elf)) + "\n" + qemu.tail(15) + "\n" + qemu.messages());
        }
        String expected = SpecDepartures.apply(program.name(), qemu.uart());
        GuestOutput ours = GuestbenchRunner.run(
                GuestbenchRunner.kernelArgs(program, elf, "--paging", mode.optionName()), GUESTBENCH_TIMEOUT);
        String what = program.name() + " (--paging " + mode.optionName() + ")";
        List<String> want = lines(expected, program);
        List<String> got = lines(ours.uart(), program);
        String diff = OutputDiff.firstDifference(want, got, "QEMU" + (SpecDepartures.of(program.name()).isEmpty() ? ""
                : " (spec departures applied)"), "Guestbench");
        if (diff != null) {
            fail(what + ": " + diff + (ours.messages().isEmpty() ? "" : "\nGuestbench said: " + ours.messages()));
        }
        assertEquals(qemu.status(), ours.status(), what + ": exit status (QEMU vs Guestbench); Guestbench said: "
                + ours.messages());
    }

    /** The lines to compare: for scheduling-dependent programs, the deterministic ones as a sorted set. */
    static List<String> lines(String output, GuestProgram program) {
        List<String> l = List.of(output.split("\n", -1));
        if (program.schedulingDependent()) {
            return l.stream().filter(s -> !s.startsWith("order:")).sorted().toList();
        }
        return l;
    }
}
