package dev.guestbench.vmm.guest;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/*
 * The places where Debian 12's QEMU 7.2 departs from the RISC-V specification (unprivileged 20191213,
 * privileged 1.12) in what our guest programs print. Guestbench follows the spec there, so before the
 * comparison each QEMU line below is replaced by the line the spec requires. Every entry must match
 * QEMU's output exactly as often as it says: nothing is accepted silently, and a QEMU that changes is
 * noticed.
 */
/** The clearly named exception list: where QEMU 7.2 departs from the spec, the line the spec requires instead. */
public final class SpecDepartures {

    /** One departure: in {@code program}'s QEMU output, {@code qemu} (a multi-line regex) becomes {@code spec}. */
    public record Departure(String program, String qemu, String spec, int count, String why) {
    }

    /** Every known departure. */
    public static final List<Departure> ALL = List.copyOf(build());

    private SpecDepartures() {
    }

    private static List<Departure> build() {
        List<Departure> d = new ArrayList<>();
        // --- A extension -----------------------------------------------------------------------------
        d.add(new Departure("rv64a",
                "^(sc\\.[wd] at sym\\+(\\d) \\(misaligned[^\\n]*\\)): no trap\\n  rd=0x1 ",
                "$1: trap M cause=0x6 tval=sym+0x$2 epc=+0 from=M\n  rd=0x5a5a ", 2,
                "A misaligned SC must raise an address-misaligned (or access) exception whether or not it would"
                        + " succeed (unpriv. 8.2); QEMU 7.2 fails it silently because the address is not the reserved one."
                        + " SC is a store: cause 6, rd unwritten."));
        d.add(new Departure("rv64a",
                "^(amo\\S+ at sym\\+\\d \\(misaligned\\)): trap M cause=0x4 ",
                "$1: trap M cause=0x6 ", 4,
                "AMOs raise store/AMO exceptions: a misaligned AMO is cause 6 (store/AMO address misaligned),"
                        + " QEMU 7.2 reports 4 (load address misaligned)."));
        d.add(new Departure("rv64a",
                "^(amo\\S+ at [^\\n]*\\(nothing there\\)): trap M cause=0x5 ",
                "$1: trap M cause=0x7 ", 3,
                "An AMO to an address with nothing behind it is a store/AMO access fault (cause 7); QEMU 7.2 reports"
                        + " a load access fault (5)."));
        // --- F/D: fflags are FP state ---------------------------------------------------------------
        d.add(new Departure("fp_csr",
                "^FS=Clean, ((?:feq\\.d of a signalling NaN \\(raises NV\\)|fcvt\\.w\\.d of NaN \\(raises NV\\)"
                        + "|fcvt\\.w\\.d of 1\\.5 \\(raises NX\\))) -> FS=2 SD=0$",
                "FS=Clean, $1 -> FS=3 SD=1", 3,
                "An instruction that changes fflags modifies the FP state, so FS must become Dirty (priv. 3.1.6.6);"
                        + " QEMU 7.2 only marks FS dirty when an f register is written."));
        // --- Zicsr: csrrs/csrrc with rs1 != x0 write, even when the register holds 0 -----------------
        String[][] readOnly = {{"mhartid", "f14"}, {"mvendorid", "f11"}, {"marchid", "f12"}, {"mimpid", "f13"},
                {"cycle", "c00"}, {"time", "c01"}, {"instret", "c02"}, {"hpmcounter3", "c03"}};
        for (String[] csr : readOnly) {
            for (String op : new String[] {"s", "c"}) {
                int insn = (Integer.parseInt(csr[1], 16) << 20) | (5 << 15) | ((op.equals("s") ? 2 : 3) << 12) | (6 << 7)
                        | 0x73; // csrr<op> t1, csr, t0
                d.add(new Departure("zicsr", "^csrr" + op + " " + csr[0] + ",reg=0: no trap$",
                        "csrr" + op + " " + csr[0] + ",reg=0: trap M cause=0x2 tval=0x" + Integer.toHexString(insn)
                                + " epc=+0 from=M",
                        1, "CSRRS/CSRRC with rs1 other than x0 attempt a write even when the register holds 0"
                                + " (unpriv. 9.1), so a read-only CSR raises an illegal instruction; QEMU 7.2 treats a"
                                + " zero mask as a read."));
            }
        }
        // --- M-mode CSRs ------------------------------------------------------------------------------
        d.add(new Departure("csr_m", "^mstatus\\.MPP written 2 \\(was 1\\) -> 2$", "mstatus.MPP written 2 (was 1) -> 0", 1,
                "MPP is WARL over the legal modes (0, 1, 3); QEMU 7.2 keeps the reserved 2. The spec does not say"
                        + " which legal value; we follow the Sail reference model, which makes it U (0)."));
        d.add(new Departure("csr_m", "^mstatus\\.SXL/UXL written 3 -> SXL=2 UXL=3$", "mstatus.SXL/UXL written 3 -> SXL=2 UXL=2",
                1, "UXL=3 would mean 128-bit U-mode; QEMU 7.2 stores it. WARL: only supported widths may be held."));
        d.add(new Departure("csr_m", "^medeleg all ones \\(H causes masked\\) -> 0xbbff$",
                "medeleg all ones (H causes masked) -> 0xb3ff", 1,
                "medeleg[11] (ecall from M) is read-only zero (priv. 3.1.8); QEMU 7.2 lets it be set."));
        d.add(new Departure("csr_m", "^mepc written 0x80001237 -> 0x80001237$", "mepc written 0x80001237 -> 0x80001236", 1,
                "mepc[0] always reads zero (priv. 3.1.14); QEMU 7.2 keeps the bit as written."));
        d.add(new Departure("csr_m", "^mcounteren all ones -> CY/TM/IR 0x7, bits 63\\.\\.32 0xffffffff$",
                "mcounteren all ones -> CY/TM/IR 0x7, bits 63..32 0x0", 1,
                "mcounteren is a 32-bit register (priv. 3.1.11); QEMU 7.2 stores 64 bits."));
        d.add(new Departure("csr_m", "^mcountinhibit all ones -> CY/TM/IR 0x7, bits 63\\.\\.32 0xffffffff$",
                "mcountinhibit all ones -> CY/TM/IR 0x5, bits 63..32 0x0", 1,
                "mcountinhibit is a 32-bit register whose bit 1 is read-only zero, time having no inhibit"
                        + " (priv. 3.1.12); QEMU 7.2 stores all 64 bits, TM included."));
        // --- S-mode CSRs ------------------------------------------------------------------------------
        d.add(new Departure("csr_s", "^S: sepc written 0x80001237 -> 0x80001237$", "S: sepc written 0x80001237 -> 0x80001236",
                1, "sepc[0] always reads zero (priv. 4.1.7); QEMU 7.2 keeps the bit as written."));
        d.add(new Departure("csr_s", "^S: scounteren all ones -> CY/TM/IR 0x7, bits 63\\.\\.32 0xffffffff$",
                "S: scounteren all ones -> CY/TM/IR 0x7, bits 63..32 0x0", 1,
                "scounteren is a 32-bit register (priv. 4.1.5); QEMU 7.2 stores 64 bits."));
        // --- counters ---------------------------------------------------------------------------------
        d.add(new Departure("counters", "^minstret written 1000 -> read 1001, then 1003$",
                "minstret written 1000 -> read 1000, then 1002", 1,
                "A CSR write takes effect after the writing instruction has otherwise completed (priv. 3.1.10), so"
                        + " the csrw's own retirement does not count; QEMU 7.2 (with -icount) counts it."));
        // --- PMP --------------------------------------------------------------------------------------
        d.add(new Departure("pmp", "^pmpcfg2 written 0x7f in entries 8\\.\\.14 -> 0x1f7f7f7f7f7f7f7f$",
                "pmpcfg2 written 0x7f in entries 8..14 -> 0x1f1f1f1f1f1f1f1f", 1,
                "pmpcfg bits 6:5 are reserved, WARL reading 0 (priv. 3.7.1, figure 3.33); QEMU 7.2 stores them."));
        d.add(new Departure("pmp", "^pmpcfg2 written 0x60 \\(reserved bits\\) -> 0x1f00000000000060$",
                "pmpcfg2 written 0x60 (reserved bits) -> 0x1f00000000000000", 1,
                "pmpcfg bits 6:5 are reserved, WARL reading 0 (priv. 3.7.1); QEMU 7.2 stores them."));
        d.add(new Departure("pmp", "^pmpaddr8 written all ones -> 0xffffffffffffffff$",
                "pmpaddr8 written all ones -> 0x3fffffffffffff", 1,
                "On RV64 pmpaddr holds address bits 55:2; bits 63:54 read zero (priv. 3.7.1, figure 3.31); QEMU 7.2"
                        + " stores all 64 bits."));
        // --- privilege transitions --------------------------------------------------------------------
        d.add(new Departure("priv", "^(mret to S with MPRV=1, back in M: MPP=1 MPIE=0 MIE=0 SPP=0 SPIE=0 SIE=0) MPRV=1$",
                "$1 MPRV=0", 1,
                "An MRET or SRET that changes the privilege mode to one below M also sets MPRV=0 (priv. 1.12,"
                        + " 3.1.6.3); QEMU 7.2 leaves MPRV set."));
        // --- interrupt priorities ---------------------------------------------------------------------
        d.add(new Departure("interrupts",
                "^(all six, MIE 0->1: 6 traps, first at trap M) cause=0x8000000000000001 ([^\\n]*)\\n  taken: M1 M3 M5 M7 M9 M11$",
                "$1 cause=0x800000000000000b $2\n  taken: M11 M3 M7 M9 M1 M5", 1,
                "Simultaneous interrupts are taken in the order MEI, MSI, MTI, SEI, SSI, STI (priv. 3.1.9); without"
                        + " AIA QEMU 7.2 takes the lowest-numbered pending interrupt first."));
        d.add(new Departure("interrupts",
                "^(in U with SSI and SEI \\(software\\) delegated and pending, SIE=0: taken:) S1 S9$", "$1 S9 S1", 1,
                "SEI has priority over SSI (priv. 3.1.9 and 4.1.3); QEMU 7.2 takes the lowest-numbered first."));
        // --- paging ---------------------------------------------------------------------------------
        d.add(new Departure("paging_pmp", "^(  amoadd): trap M cause=0x5 ", "$1: trap M cause=0x7 ", 6,
                "An AMO whose PTE read or final access PMP denies, or that reaches no memory, raises a store/AMO"
                        + " access fault (cause 7, priv. 3.7.1 and 4.3.2); QEMU 7.2 checks the load half first and"
                        + " reports a load access fault (5)."));
        d.add(new Departure("paging_pmp",
                "^(walk: pointer PTE to 0x100000000 \\(no RAM there\\))\\n  load: trap M cause=0xd ([^\\n]*)\\n(  value 0x5a5a)\\n"
                        + "  store: trap M cause=0xf ([^\\n]*)\\n  amoadd: trap M cause=0xd ([^\\n]*)\\n"
                        + "  fetch: trap M cause=0xc ([^\\n]*)$",
                "$1\n  load: trap M cause=0x5 $2\n$3\n  store: trap M cause=0x7 $4\n  amoadd: trap M cause=0x7 $5\n"
                        + "  fetch: trap M cause=0x1 $6", 1,
                "A PTE read from an address where no memory is raises an access fault of the original access's"
                        + " kind (priv. 4.3.2 step 2); QEMU 7.2 reports a page fault."));
        d.add(new Departure("paging_pmp",
                "^(walk: pointer PTE to the CLINT \\(a device\\))\\n  load: trap M cause=0xd ", "$1\n  load: trap M cause=0x5 ", 1,
                "A PTE read from a device region (no page-table walks there, priv. 3.6 and 4.3.2 step 2) raises an"
                        + " access fault; QEMU 7.2 reports a page fault."));
        d.add(new Departure("paging_fault", "^([MS]): satp written mode Sv57 -> taken$", "$1: satp written mode Sv57 -> unchanged",
                2, "Not a departure from the spec but from Guestbench's scope: QEMU 7.2 implements Sv57, Guestbench"
                        + " implements Sv39 and Sv48 only, so a write of the Sv57 mode leaves satp unchanged as for any"
                        + " unsupported mode (priv. 4.1.11)."));
        return d;
    }

    /** QEMU's output for {@code program} with every departure replaced by what the spec requires. */
    public static String apply(String program, String qemuOutput) {
        String out = qemuOutput;
        for (Departure d : ALL) {
            if (!d.program().equals(program)) {
                continue;
            }
            Matcher m = Pattern.compile(d.qemu(), Pattern.MULTILINE).matcher(out);
            int found = 0;
            while (m.find()) {
                found++;
            }
            if (found != d.count()) {
                fail("spec departure of " + program + " not seen as recorded: /" + d.qemu() + "/ should match QEMU's"
                        + " output " + d.count() + " times, matched " + found + ". Did QEMU or the program change?"
                        + " (" + d.why() + ")");
            }
            out = m.replaceAll(d.spec());
        }
        return out;
    }

    /** The departures recorded for {@code program}. */
    public static List<Departure> of(String program) {
        return ALL.stream().filter(d -> d.program().equals(program)).toList();
    }
}
