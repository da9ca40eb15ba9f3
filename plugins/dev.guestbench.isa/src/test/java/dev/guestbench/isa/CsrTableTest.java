package dev.guestbench.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CSR table: the registers an RV64 M/S hart has, their access rules and fields. */
class CsrTableTest {

    @Test
    void machineAndSupervisorRegistersArePresent() {
        String[] names = {"fflags", "frm", "fcsr", "cycle", "time", "instret", "hpmcounter3", "hpmcounter31", "sstatus",
            "sie", "stvec", "scounteren", "senvcfg", "sscratch", "sepc", "scause", "stval", "sip", "satp", "mstatus",
            "misa", "medeleg", "mideleg", "mie", "mtvec", "mcounteren", "menvcfg", "mscratch", "mepc", "mcause",
            "mtval", "mip", "mtinst", "mtval2", "pmpcfg0", "pmpcfg14", "pmpaddr0", "pmpaddr63", "mcycle", "minstret",
            "mhpmcounter3", "mhpmcounter31", "mhpmevent3", "mhpmevent31", "mcountinhibit", "mvendorid", "marchid",
            "mimpid", "mhartid", "mconfigptr", "tselect", "tdata1", "tdata2", "tdata3", "dcsr", "dpc", "dscratch0",
            "dscratch1", "mseccfg"};
        Set<String> rv64 = new HashSet<>();
        for (Csr c : Csrs.rv64()) {
            assertTrue(rv64.add(c.name()), "duplicate " + c.name());
            assertTrue(c.description().endsWith("."), c.name());
        }
        for (String n : names) {
            assertTrue(rv64.contains(n), n + " missing");
        }
        assertFalse(rv64.contains("cycleh"), "RV32 halves are not RV64 CSRs");
        assertFalse(rv64.contains("pmpcfg1"), "odd pmpcfg registers exist only on RV32");
        assertFalse(rv64.contains("ustatus"), "the N extension is gone in 1.12");
    }

    @Test
    void privilegeAndAccessComeFromTheNumber() {
        assertEquals(Privilege.MACHINE, Csrs.byName("mstatus").privilege());
        assertFalse(Csrs.byName("mstatus").isReadOnly());
        assertEquals("MRO", Csrs.byName("mhartid").accessLabel());
        assertEquals(Privilege.SUPERVISOR, Csrs.byName("satp").privilege());
        assertEquals("URO", Csrs.byName("cycle").accessLabel());
        assertEquals("URW", Csrs.byName("fcsr").accessLabel());
        assertEquals(Privilege.HYPERVISOR, Csrs.byName("hstatus").privilege());
        assertEquals(0x300, Csrs.byName("mstatus").number());
    }

    @Test
    void fieldsSitWhereTheSpecificationPutsThem() {
        Csr mstatus = Csrs.byName("mstatus");
        assertEquals("12:11", mstatus.field("MPP").bits());
        assertEquals(3, mstatus.field("MIE").lsb());
        assertEquals(63, mstatus.field("SD").lsb());
        assertEquals(2, mstatus.field("SXL").width());
        assertEquals(3L, mstatus.field("MPP").extract(0x1800));
        for (String f : new String[] {"SIE", "MIE", "SPIE", "UBE", "MPIE", "SPP", "VS", "MPP", "FS", "XS", "MPRV", "SUM",
            "MXR", "TVM", "TW", "TSR", "UXL", "SXL", "SBE", "MBE", "SD"}) {
            assertNotNull(mstatus.field(f), f);
        }
        Csr satp = Csrs.byName("satp");
        assertEquals(0xf000000000000000L, satp.field("MODE").mask());
        assertEquals(16, satp.field("ASID").width());
        assertEquals(44, satp.field("PPN").width());
        assertEquals(63, Csrs.byName("mcause").field("Interrupt").lsb());
        assertNull(Csrs.byName("sstatus").field("MPP"), "sstatus does not show machine fields");
    }

    @Test
    void namesDependOnThePrivilegedSpecification() {
        assertEquals("satp", Csrs.byNumber(0x180).name());
        assertEquals("sptbr", Csrs.byNumber(0x180, PrivSpec.V1_9_1).name());
        assertEquals("ustatus", Csrs.byNumber(0x000, PrivSpec.V1_11).name());
        assertNull(Csrs.byNumber(0x000));
        assertNull(Csrs.byNumber(0x10a, PrivSpec.V1_11));
        assertEquals("0x7c0", Csrs.displayName(0x7c0));
        assertEquals(PrivSpec.V1_11, PrivSpec.fromNumbers(1, 11, 0));
        assertNull(PrivSpec.fromNumbers(2, 0, 0));
    }

    @Test
    void trapCauses() {
        assertEquals(TrapCause.ILLEGAL_INSTRUCTION, TrapCause.of(2));
        assertEquals(TrapCause.SUPERVISOR_TIMER_INTERRUPT, TrapCause.of(0x8000000000000005L));
        assertEquals(0x800000000000000bL, TrapCause.MACHINE_EXTERNAL_INTERRUPT.causeValue());
        assertNull(TrapCause.of(14));
    }
}
