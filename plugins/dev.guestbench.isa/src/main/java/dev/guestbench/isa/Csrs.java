package dev.guestbench.isa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSR table: every CSR of the unprivileged and privileged (1.12) specifications that an RV64
 * hart can have in machine and supervisor mode, plus the other CSRs the GNU tools name (hypervisor,
 * AIA, state-enable, vector, debug and trigger registers, RV32 upper halves and names used by older
 * privileged specifications), each tagged with where it comes from.
 */
public final class Csrs {
    private static final List<Csr> ALL;
    private static final Map<PrivSpec, Map<Integer, Csr>> BY_NUMBER = new EnumMap<>(PrivSpec.class);
    private static final Map<String, Csr> BY_NAME = new HashMap<>();

    private static final PrivSpec V191 = PrivSpec.V1_9_1;
    private static final PrivSpec V110 = PrivSpec.V1_10;
    private static final PrivSpec V111 = PrivSpec.V1_11;
    private static final PrivSpec V112 = PrivSpec.V1_12;

    static {
        List<Csr> l = new ArrayList<>();

        // Floating point.
        add(l, 0x001, "fflags", "F", "The accrued floating-point exception flags; each sticks until software "
                + "clears it.", flags());
        add(l, 0x002, "frm", "F", "The dynamic rounding mode used by floating-point instructions whose rm field "
                + "is dyn.", List.of(f("FRM", 0, 3, "rounding mode: 0 rne, 1 rtz, 2 rdn, 3 rup, 4 rmm")));
        List<CsrField> fcsr = new ArrayList<>(flags());
        fcsr.add(f("FRM", 5, 3, "dynamic rounding mode (the frm CSR)"));
        add(l, 0x003, "fcsr", "F", "The floating-point control and status register: the exception flags in bits "
                + "4..0 and the dynamic rounding mode in bits 7..5.", fcsr);

        // Counters and timers (Zicntr, Zihpm).
        add(l, 0xc00, "cycle", "Zicntr", "Read-only shadow of mcycle: clock cycles executed by this hart.");
        add(l, 0xc01, "time", "Zicntr", "Read-only wall-clock time, a shadow of the platform's mtime counter.");
        add(l, 0xc02, "instret", "Zicntr", "Read-only shadow of minstret: instructions retired by this hart.");
        for (int i = 3; i <= 31; i++) {
            add(l, 0xc00 + i, "hpmcounter" + i, "Zihpm", "Read-only shadow of mhpmcounter" + i
                    + ", a hardware performance-monitoring counter.");
        }
        rv32(l, 0xc80, "cycleh", "Zicntr", "Upper 32 bits of cycle on RV32.");
        rv32(l, 0xc81, "timeh", "Zicntr", "Upper 32 bits of time on RV32.");
        rv32(l, 0xc82, "instreth", "Zicntr", "Upper 32 bits of instret on RV32.");
        for (int i = 3; i <= 31; i++) {
            rv32(l, 0xc80 + i, "hpmcounter" + i + "h", "Zihpm", "Upper 32 bits of hpmcounter" + i + " on RV32.");
        }

        // Vector and entropy source.
        add(l, 0x008, "vstart", "V", "Index of the first vector element an interrupted vector instruction "
                + "resumes at.");
        add(l, 0x009, "vxsat", "V", "Fixed-point saturation flag.");
        add(l, 0x00a, "vxrm", "V", "Fixed-point rounding mode.");
        add(l, 0x00f, "vcsr", "V", "Vector control and status: vxrm and vxsat together.");
        add(l, 0xc20, "vl", "V", "Vector length: number of elements the next vector instructions process.");
        add(l, 0xc21, "vtype", "V", "Vector data type: element width, grouping and tail/mask policies.");
        add(l, 0xc22, "vlenb", "V", "Vector register length in bytes.");
        add(l, 0x015, "seed", "Zkr", "Entropy source: reading it returns 16 bits of randomness and a status.");

        // User-level trap CSRs of the withdrawn N extension.
        old(l, 0x000, "ustatus", "N", V191, V112, "User status register of the withdrawn N extension.");
        old(l, 0x004, "uie", "N", V191, V112, "User interrupt enables of the withdrawn N extension.");
        old(l, 0x005, "utvec", "N", V191, V112, "User trap-handler base of the withdrawn N extension.");
        old(l, 0x040, "uscratch", "N", V191, V112, "User trap scratch register of the withdrawn N extension.");
        old(l, 0x041, "uepc", "N", V191, V112, "User exception pc of the withdrawn N extension.");
        old(l, 0x042, "ucause", "N", V191, V112, "User trap cause of the withdrawn N extension.");
        old(l, 0x043, "ubadaddr", "N", V191, V110, "User bad address (draft 1.9.1 name of utval).");
        old(l, 0x043, "utval", "N", V110, V112, "User trap value of the withdrawn N extension.");
        old(l, 0x044, "uip", "N", V191, V112, "User interrupts pending of the withdrawn N extension.");

        // Supervisor.
        add(l, 0x100, "sstatus", "S", "Supervisor status: the view of mstatus that S-mode may see and change "
                + "(interrupt enable, previous privilege, FPU and vector state, memory-access modifiers).",
                sstatusFields());
        old(l, 0x102, "sedeleg", "N", V191, V112, "Supervisor exception delegation to user mode (withdrawn N "
                + "extension).");
        old(l, 0x103, "sideleg", "N", V191, V112, "Supervisor interrupt delegation to user mode (withdrawn N "
                + "extension).");
        add(l, 0x104, "sie", "S", "Supervisor interrupt enables: which supervisor-level interrupts may be taken.",
                List.of(f("SSIE", 1, 1, "software interrupt enable"), f("STIE", 5, 1, "timer interrupt enable"),
                        f("SEIE", 9, 1, "external interrupt enable"),
                        f("LCOFIE", 13, 1, "local counter-overflow interrupt enable (Sscofpmf)")));
        add(l, 0x105, "stvec", "S", "Supervisor trap-vector base address and mode: where S-mode traps go.",
                tvecFields());
        ranged(l, 0x106, "scounteren", "S", V110, null, "Supervisor counter enable: which counters user mode "
                + "may read.", counterenFields());
        ranged(l, 0x10a, "senvcfg", "S", V112, null, "Supervisor environment configuration for user mode.",
                List.of(f("FIOM", 0, 1, "fence of I/O implies memory"),
                        f("CBIE", 4, 2, "cache-block invalidate instruction enable"),
                        f("CBCFE", 6, 1, "cache-block clean and flush instruction enable"),
                        f("CBZE", 7, 1, "cache-block zero instruction enable")));
        for (int i = 0; i < 4; i++) {
            add(l, 0x10c + i, "sstateen" + i, "Smstateen", "Supervisor state-enable register " + i
                    + ": lets S-mode grant or deny user mode access to extension state.");
        }
        rv32(l, 0x114, "sieh", "Ssaia", "Upper 32 bits of sie on RV32 (advanced interrupt architecture).");
        add(l, 0x140, "sscratch", "S", "Supervisor scratch register, typically pointing at the kernel's per-hart "
                + "data while user code runs.");
        add(l, 0x141, "sepc", "S", "Supervisor exception pc: address of the instruction a trap into S-mode "
                + "interrupted; sret returns there.");
        add(l, 0x142, "scause", "S", "Supervisor trap cause: whether the trap was an interrupt and its code.",
                causeFields());
        old(l, 0x143, "sbadaddr", "S", V191, V110, "Supervisor bad address (draft 1.9.1 name of stval).");
        ranged(l, 0x143, "stval", "S", V110, null, "Supervisor trap value: the faulting address or the "
                + "offending instruction bits, depending on the trap.", List.of());
        add(l, 0x144, "sip", "S", "Supervisor interrupts pending.",
                List.of(f("SSIP", 1, 1, "software interrupt pending"), f("STIP", 5, 1, "timer interrupt pending"),
                        f("SEIP", 9, 1, "external interrupt pending"),
                        f("LCOFIP", 13, 1, "local counter-overflow interrupt pending (Sscofpmf)")));
        add(l, 0x14d, "stimecmp", "Sstc", "Supervisor timer compare: a supervisor timer interrupt is pending "
                + "while time is at least this value.");
        rv32(l, 0x15d, "stimecmph", "Sstc", "Upper 32 bits of stimecmp on RV32.");
        add(l, 0x150, "siselect", "Ssaia", "Supervisor indirect register select (advanced interrupt "
                + "architecture).");
        add(l, 0x151, "sireg", "Ssaia", "Supervisor indirect register alias: accesses the register siselect "
                + "names.");
        rv32(l, 0x154, "siph", "Ssaia", "Upper 32 bits of sip on RV32.");
        add(l, 0x15c, "stopei", "Ssaia", "Supervisor top external interrupt from the IMSIC.");
        old(l, 0x180, "sptbr", "S", V191, V110, "Supervisor page-table base register (draft 1.9.1 name of satp).");
        ranged(l, 0x180, "satp", "S", V110, null, "Supervisor address translation and protection: paging mode, "
                + "address-space ID and the physical page number of the root page table.",
                List.of(f("PPN", 0, 44, "physical page number of the root page table"),
                        f("ASID", 44, 16, "address-space identifier"),
                        f("MODE", 60, 4, "translation mode: 0 Bare, 8 Sv39, 9 Sv48, 10 Sv57")));
        add(l, 0x5a8, "scontext", "Sdtrig", "Supervisor context register for trigger matching.");
        add(l, 0xda0, "scountovf", "Sscofpmf", "Read-only copy of the overflow bits of the performance counters "
                + "that supervisor mode may see.");
        add(l, 0xdb0, "stopi", "Ssaia", "Supervisor top interrupt: the highest-priority pending and enabled "
                + "supervisor interrupt.");

        // Hypervisor and virtual supervisor.
        add(l, 0x600, "hstatus", "H", "Hypervisor status: virtualization controls for the guest.");
        add(l, 0x602, "hedeleg", "H", "Hypervisor exception delegation to VS-mode.");
        add(l, 0x603, "hideleg", "H", "Hypervisor interrupt delegation to VS-mode.");
        add(l, 0x604, "hie", "H", "Hypervisor interrupt enables.");
        add(l, 0x605, "htimedelta", "H", "Offset added to time when a guest reads it.");
        add(l, 0x606, "hcounteren", "H", "Hypervisor counter enable: which counters a guest may read.");
        add(l, 0x607, "hgeie", "H", "Hypervisor guest external interrupt enables.");
        add(l, 0x608, "hvien", "Smaia", "Hypervisor virtual interrupt enables.");
        add(l, 0x609, "hvictl", "Smaia", "Hypervisor virtual interrupt control.");
        add(l, 0x60a, "henvcfg", "H", "Hypervisor environment configuration for VS-mode.");
        for (int i = 0; i < 4; i++) {
            add(l, 0x60c + i, "hstateen" + i, "Smstateen", "Hypervisor state-enable register " + i + ".");
            rv32(l, 0x61c + i, "hstateen" + i + "h", "Smstateen", "Upper 32 bits of hstateen" + i + " on RV32.");
        }
        rv32(l, 0x613, "hidelegh", "Smaia", "Upper 32 bits of hideleg on RV32.");
        rv32(l, 0x615, "htimedeltah", "H", "Upper 32 bits of htimedelta on RV32.");
        rv32(l, 0x618, "hvienh", "Smaia", "Upper 32 bits of hvien on RV32.");
        rv32(l, 0x61a, "henvcfgh", "H", "Upper 32 bits of henvcfg on RV32.");
        add(l, 0x643, "htval", "H", "Hypervisor trap value: the guest-physical address of a guest-page fault, "
                + "shifted right by 2.");
        add(l, 0x644, "hip", "H", "Hypervisor interrupts pending.");
        add(l, 0x645, "hvip", "H", "Hypervisor virtual interrupts pending: interrupts injected into the guest.");
        add(l, 0x646, "hviprio1", "Smaia", "Hypervisor virtual interrupt priorities 1.");
        add(l, 0x647, "hviprio2", "Smaia", "Hypervisor virtual interrupt priorities 2.");
        add(l, 0x64a, "htinst", "H", "Hypervisor trap instruction: a transformed form of the trapping "
                + "instruction.");
        rv32(l, 0x655, "hviph", "Smaia", "Upper 32 bits of hvip on RV32.");
        rv32(l, 0x656, "hviprio1h", "Smaia", "Upper 32 bits of hviprio1 on RV32.");
        rv32(l, 0x657, "hviprio2h", "Smaia", "Upper 32 bits of hviprio2 on RV32.");
        add(l, 0x680, "hgatp", "H", "Hypervisor guest address translation: the G-stage page-table root.");
        add(l, 0x6a8, "hcontext", "Sdtrig", "Hypervisor context register for trigger matching.");
        add(l, 0xe12, "hgeip", "H", "Hypervisor guest external interrupts pending (read-only).");
        add(l, 0x200, "vsstatus", "H", "Virtual supervisor status: the guest's sstatus.");
        add(l, 0x204, "vsie", "H", "Virtual supervisor interrupt enables: the guest's sie.");
        add(l, 0x205, "vstvec", "H", "Virtual supervisor trap vector: the guest's stvec.");
        rv32(l, 0x214, "vsieh", "Ssaia", "Upper 32 bits of vsie on RV32.");
        add(l, 0x240, "vsscratch", "H", "Virtual supervisor scratch: the guest's sscratch.");
        add(l, 0x241, "vsepc", "H", "Virtual supervisor exception pc: the guest's sepc.");
        add(l, 0x242, "vscause", "H", "Virtual supervisor trap cause: the guest's scause.");
        add(l, 0x243, "vstval", "H", "Virtual supervisor trap value: the guest's stval.");
        add(l, 0x244, "vsip", "H", "Virtual supervisor interrupts pending: the guest's sip.");
        add(l, 0x24d, "vstimecmp", "Sstc", "Virtual supervisor timer compare: the guest's stimecmp.");
        rv32(l, 0x25d, "vstimecmph", "Sstc", "Upper 32 bits of vstimecmp on RV32.");
        add(l, 0x250, "vsiselect", "Ssaia", "Virtual supervisor indirect register select.");
        add(l, 0x251, "vsireg", "Ssaia", "Virtual supervisor indirect register alias.");
        rv32(l, 0x254, "vsiph", "Ssaia", "Upper 32 bits of vsip on RV32.");
        add(l, 0x25c, "vstopei", "Ssaia", "Virtual supervisor top external interrupt.");
        add(l, 0x280, "vsatp", "H", "Virtual supervisor address translation: the guest's satp.");
        add(l, 0xeb0, "vstopi", "Ssaia", "Virtual supervisor top interrupt.");

        // Machine information.
        add(l, 0xf11, "mvendorid", "M", "Vendor ID (JEDEC manufacturer code) of the hart; 0 if not given.");
        add(l, 0xf12, "marchid", "M", "Architecture ID of the hart's microarchitecture; 0 if not given.");
        add(l, 0xf13, "mimpid", "M", "Implementation (version) ID of the hart; 0 if not given.");
        add(l, 0xf14, "mhartid", "M", "The integer ID of the hart running the code; one hart has ID 0.");
        ranged(l, 0xf15, "mconfigptr", "M", V112, null, "Physical address of the platform configuration data "
                + "structure, or 0.", List.of());

        // Machine trap setup and handling.
        add(l, 0x300, "mstatus", "M", "Machine status: global interrupt enables, previous privilege and "
                + "interrupt-enable state saved by traps, FPU/vector state, memory-privilege modifiers, "
                + "virtualization traps and the XLEN of lower modes.", mstatusFields());
        add(l, 0x301, "misa", "M", "ISA and extensions: the native XLEN and one bit per standard extension "
                + "letter (A is bit 0 up to Z at bit 25).", misaFields());
        add(l, 0x302, "medeleg", "M", "Machine exception delegation: a set bit hands exceptions with that code "
                + "to S-mode.");
        add(l, 0x303, "mideleg", "M", "Machine interrupt delegation: a set bit hands that interrupt to S-mode.",
                interruptBits("delegated"));
        add(l, 0x304, "mie", "M", "Machine interrupt enables, one bit per interrupt code.", enableBits());
        add(l, 0x305, "mtvec", "M", "Machine trap-vector base address and mode: where traps into M-mode go.",
                tvecFields());
        ranged(l, 0x306, "mcounteren", "M", V110, null, "Machine counter enable: which counters the next lower "
                + "privilege mode may read.", counterenFields());
        add(l, 0x308, "mvien", "Smaia", "Machine virtual interrupt enables.");
        add(l, 0x309, "mvip", "Smaia", "Machine virtual interrupts pending.");
        ranged(l, 0x30a, "menvcfg", "M", V112, null, "Machine environment configuration for S-mode and below.",
                List.of(f("FIOM", 0, 1, "fence of I/O implies memory"),
                        f("CBIE", 4, 2, "cache-block invalidate instruction enable"),
                        f("CBCFE", 6, 1, "cache-block clean and flush instruction enable"),
                        f("CBZE", 7, 1, "cache-block zero instruction enable"),
                        f("PBMTE", 62, 1, "page-based memory types enable (Svpbmt)"),
                        f("STCE", 63, 1, "supervisor timer compare enable (Sstc)")));
        for (int i = 0; i < 4; i++) {
            add(l, 0x30c + i, "mstateen" + i, "Smstateen", "Machine state-enable register " + i
                    + ": lets M-mode grant or deny lower modes access to extension state.");
            rv32(l, 0x31c + i, "mstateen" + i + "h", "Smstateen", "Upper 32 bits of mstateen" + i + " on RV32.");
        }
        rangedRv32(l, 0x310, "mstatush", "M", V112, "Upper half of mstatus on RV32 (MBE, SBE).");
        rv32(l, 0x313, "midelegh", "Smaia", "Upper 32 bits of mideleg on RV32.");
        rv32(l, 0x314, "mieh", "Smaia", "Upper 32 bits of mie on RV32.");
        rv32(l, 0x318, "mvienh", "Smaia", "Upper 32 bits of mvien on RV32.");
        rv32(l, 0x319, "mviph", "Smaia", "Upper 32 bits of mvip on RV32.");
        rangedRv32(l, 0x31a, "menvcfgh", "M", V112, "Upper 32 bits of menvcfg on RV32.");
        old(l, 0x320, "mucounteren", "M", V191, V110, "User counter enable of draft 1.9.1.");
        ranged(l, 0x320, "mcountinhibit", "M", V111, null, "Machine counter inhibit: a set bit stops that "
                + "counter from counting.", List.of(f("CY", 0, 1, "stop mcycle"), f("IR", 2, 1, "stop minstret"),
                        f("HPM", 3, 29, "stop mhpmcounter3..31, one bit each")));
        old(l, 0x321, "mscounteren", "M", V191, V110, "Supervisor counter enable of draft 1.9.1.");
        old(l, 0x322, "mhcounteren", "M", V191, V110, "Hypervisor counter enable of draft 1.9.1.");
        for (int i = 3; i <= 31; i++) {
            add(l, 0x320 + i, "mhpmevent" + i, "Zihpm", "Selects the event that mhpmcounter" + i + " counts.");
            rv32(l, 0x720 + i, "mhpmevent" + i + "h", "Sscofpmf", "Upper 32 bits of mhpmevent" + i + " on RV32.");
        }
        add(l, 0x340, "mscratch", "M", "Machine scratch register, usually pointing at M-mode's per-hart save "
                + "area.");
        add(l, 0x341, "mepc", "M", "Machine exception pc: address of the instruction a trap into M-mode "
                + "interrupted; mret returns there.");
        add(l, 0x342, "mcause", "M", "Machine trap cause: whether the trap was an interrupt and its code.",
                causeFields());
        old(l, 0x343, "mbadaddr", "M", V191, V110, "Machine bad address (draft 1.9.1 name of mtval).");
        ranged(l, 0x343, "mtval", "M", V110, null, "Machine trap value: the faulting address or the offending "
                + "instruction bits, depending on the trap.", List.of());
        add(l, 0x344, "mip", "M", "Machine interrupts pending, one bit per interrupt code.", pendingBits());
        ranged(l, 0x34a, "mtinst", "H", V112, null, "Machine trap instruction: a transformed form of the trapping "
                + "instruction (hypervisor extension).", List.of());
        ranged(l, 0x34b, "mtval2", "H", V112, null, "Machine second trap value: the guest-physical address of a "
                + "guest-page fault, shifted right by 2.", List.of());
        add(l, 0x350, "miselect", "Smaia", "Machine indirect register select.");
        add(l, 0x351, "mireg", "Smaia", "Machine indirect register alias.");
        rv32(l, 0x354, "miph", "Smaia", "Upper 32 bits of mip on RV32.");
        add(l, 0x35c, "mtopei", "Smaia", "Machine top external interrupt from the IMSIC.");
        add(l, 0xfb0, "mtopi", "Smaia", "Machine top interrupt: the highest-priority pending and enabled machine "
                + "interrupt.");
        old(l, 0x380, "mbase", "M", V191, V110, "Base of the base-and-bound scheme of draft 1.9.1.");
        old(l, 0x381, "mbound", "M", V191, V110, "Bound of the base-and-bound scheme of draft 1.9.1.");
        old(l, 0x382, "mibase", "M", V191, V110, "Instruction base of draft 1.9.1.");
        old(l, 0x383, "mibound", "M", V191, V110, "Instruction bound of draft 1.9.1.");
        old(l, 0x384, "mdbase", "M", V191, V110, "Data base of draft 1.9.1.");
        old(l, 0x385, "mdbound", "M", V191, V110, "Data bound of draft 1.9.1.");

        // Physical memory protection.
        for (int i = 0; i < 16; i++) {
            PrivSpec since = i < 4 ? V110 : V112;
            boolean odd = (i & 1) == 1;
            String desc = odd ? "PMP configuration of entries " + (i * 4) + ".." + (i * 4 + 3)
                    + "; exists only on RV32 (RV64 uses the even-numbered pmpcfg registers)."
                    : "PMP configuration of entries " + (i * 4) + ".." + (i * 4 + 7) + ", one byte each: read, "
                    + "write and execute permission, address-matching mode and lock.";
            List<CsrField> fields = new ArrayList<>();
            if (!odd) {
                for (int e = 0; e < 8; e++) {
                    fields.add(f("pmp" + (i * 4 + e) + "cfg", e * 8, 8, "configuration of PMP entry " + (i * 4 + e)
                            + ": R bit 0, W bit 1, X bit 2, A bits 4:3 (OFF, TOR, NA4, NAPOT), L bit 7"));
                }
            }
            l.add(new Csr(0x3a0 + i, "pmpcfg" + i, "M", odd, since, null, desc, fields));
        }
        for (int i = 0; i < 64; i++) {
            ranged(l, 0x3b0 + i, "pmpaddr" + i, "M", i < 16 ? V110 : V112, null, "PMP address register of entry "
                    + i + ": bits 55..2 of a physical address (or of a naturally aligned region).",
                    List.of(f("ADDRESS", 0, 54, "physical address bits 55..2")));
        }
        ranged(l, 0x747, "mseccfg", "Smepmp", V112, null, "Machine security configuration (enhanced PMP).",
                List.of());
        rangedRv32(l, 0x757, "mseccfgh", "Smepmp", V112, "Upper 32 bits of mseccfg on RV32.");

        // Machine counters.
        add(l, 0xb00, "mcycle", "M", "Clock cycles executed by the hart, writable by M-mode.");
        add(l, 0xb02, "minstret", "M", "Instructions retired by the hart, writable by M-mode.");
        for (int i = 3; i <= 31; i++) {
            add(l, 0xb00 + i, "mhpmcounter" + i, "Zihpm", "Machine hardware performance-monitoring counter " + i
                    + "; counts the event chosen in mhpmevent" + i + ".");
        }
        rv32(l, 0xb80, "mcycleh", "M", "Upper 32 bits of mcycle on RV32.");
        rv32(l, 0xb82, "minstreth", "M", "Upper 32 bits of minstret on RV32.");
        for (int i = 3; i <= 31; i++) {
            rv32(l, 0xb80 + i, "mhpmcounter" + i + "h", "Zihpm", "Upper 32 bits of mhpmcounter" + i + " on RV32.");
        }

        // Debug and trigger module.
        add(l, 0x7a0, "tselect", "Sdtrig", "Selects which trigger the tdata registers show.");
        add(l, 0x7a1, "tdata1", "Sdtrig", "First data register of the selected trigger: its type and match "
                + "control.");
        add(l, 0x7a2, "tdata2", "Sdtrig", "Second data register of the selected trigger, usually the address or "
                + "data to compare with.");
        add(l, 0x7a3, "tdata3", "Sdtrig", "Third data register of the selected trigger.");
        add(l, 0x7a4, "tinfo", "Sdtrig", "Trigger info: which trigger types the selected trigger supports.");
        add(l, 0x7a5, "tcontrol", "Sdtrig", "Trigger control: enables M-mode triggers around traps.");
        add(l, 0x7a8, "mcontext", "Sdtrig", "Machine context register for trigger matching.");
        add(l, 0x7aa, "mscontext", "Sdtrig", "Machine view of scontext.");
        add(l, 0x7b0, "dcsr", "Sdext", "Debug control and status (debug mode only): why the hart halted, "
                + "single-step and ebreak behaviour and the privilege to resume in.",
                List.of(f("PRV", 0, 2, "privilege level to return to from debug mode"),
                        f("STEP", 2, 1, "single-step: halt again after one instruction"),
                        f("NMIP", 3, 1, "a non-maskable interrupt is pending"),
                        f("MPRVEN", 4, 1, "mstatus.MPRV takes effect in debug mode"),
                        f("V", 5, 1, "virtualization mode to return to"),
                        f("CAUSE", 6, 3, "why debug mode was entered"),
                        f("STOPTIME", 9, 1, "stop the timer in debug mode"),
                        f("STOPCOUNT", 10, 1, "stop counters in debug mode"),
                        f("STEPIE", 11, 1, "allow interrupts while single-stepping"),
                        f("EBREAKU", 12, 1, "ebreak in U-mode enters debug mode"),
                        f("EBREAKS", 13, 1, "ebreak in S-mode enters debug mode"),
                        f("EBREAKM", 15, 1, "ebreak in M-mode enters debug mode"),
                        f("EBREAKVU", 16, 1, "ebreak in VU-mode enters debug mode"),
                        f("EBREAKVS", 17, 1, "ebreak in VS-mode enters debug mode"),
                        f("DEBUGVER", 28, 4, "debug specification version")));
        add(l, 0x7b1, "dpc", "Sdext", "Debug pc: where the hart resumes when it leaves debug mode.");
        add(l, 0x7b2, "dscratch0", "Sdext", "Debug scratch register 0 (debug mode only).");
        add(l, 0x7b3, "dscratch1", "Sdext", "Debug scratch register 1 (debug mode only).");

        l.sort((a, b) -> a.number() != b.number() ? Integer.compare(a.number(), b.number())
                : a.since().compareTo(b.since()));
        ALL = Collections.unmodifiableList(l);
        for (PrivSpec spec : PrivSpec.values()) {
            Map<Integer, Csr> m = new HashMap<>();
            for (Csr c : ALL) {
                if (c.existsIn(spec)) {
                    m.putIfAbsent(c.number(), c);
                }
            }
            BY_NUMBER.put(spec, m);
        }
        for (Csr c : ALL) {
            BY_NAME.put(c.name(), c);
        }
    }

    private Csrs() {
    }

    private static CsrField f(String name, int lsb, int width, String description) {
        return new CsrField(name, lsb, width, description);
    }

    private static void add(List<Csr> l, int number, String name, String ext, String description) {
        add(l, number, name, ext, description, List.of());
    }

    private static void add(List<Csr> l, int number, String name, String ext, String description,
            List<CsrField> fields) {
        l.add(new Csr(number, name, ext, false, V191, null, description, fields));
    }

    private static void rv32(List<Csr> l, int number, String name, String ext, String description) {
        l.add(new Csr(number, name, ext, true, V191, null, description, List.of()));
    }

    private static void old(List<Csr> l, int number, String name, String ext, PrivSpec since, PrivSpec until,
            String description) {
        l.add(new Csr(number, name, ext, false, since, until, description, List.of()));
    }

    private static void ranged(List<Csr> l, int number, String name, String ext, PrivSpec since, PrivSpec until,
            String description, List<CsrField> fields) {
        l.add(new Csr(number, name, ext, false, since, until, description, fields));
    }

    private static void rangedRv32(List<Csr> l, int number, String name, String ext, PrivSpec since,
            String description) {
        l.add(new Csr(number, name, ext, true, since, null, description, List.of()));
    }

    private static List<CsrField> flags() {
        return List.of(f("NX", 0, 1, "inexact"), f("UF", 1, 1, "underflow"), f("OF", 2, 1, "overflow"),
                f("DZ", 3, 1, "divide by zero"), f("NV", 4, 1, "invalid operation"));
    }

    private static List<CsrField> tvecFields() {
        return List.of(f("MODE", 0, 2, "0: all traps jump to BASE; 1: interrupts jump to BASE + 4 * cause"),
                f("BASE", 2, 62, "trap-handler address bits 63..2"));
    }

    private static List<CsrField> counterenFields() {
        return List.of(f("CY", 0, 1, "cycle may be read"), f("TM", 1, 1, "time may be read"),
                f("IR", 2, 1, "instret may be read"), f("HPM", 3, 29, "hpmcounter3..31 may be read, one bit each"));
    }

    private static List<CsrField> causeFields() {
        return List.of(f("Exception Code", 0, 63, "the interrupt or exception code (see TrapCause)"),
                f("Interrupt", 63, 1, "1 if the trap was caused by an interrupt"));
    }

    private static List<CsrField> interruptBits(String verb) {
        return List.of(f("SSI", 1, 1, "supervisor software interrupt " + verb),
                f("MSI", 3, 1, "machine software interrupt " + verb),
                f("STI", 5, 1, "supervisor timer interrupt " + verb),
                f("MTI", 7, 1, "machine timer interrupt " + verb),
                f("SEI", 9, 1, "supervisor external interrupt " + verb),
                f("MEI", 11, 1, "machine external interrupt " + verb),
                f("LCOFI", 13, 1, "local counter-overflow interrupt " + verb));
    }

    private static List<CsrField> enableBits() {
        return List.of(f("SSIE", 1, 1, "supervisor software interrupt enable"),
                f("MSIE", 3, 1, "machine software interrupt enable"),
                f("STIE", 5, 1, "supervisor timer interrupt enable"),
                f("MTIE", 7, 1, "machine timer interrupt enable"),
                f("SEIE", 9, 1, "supervisor external interrupt enable"),
                f("MEIE", 11, 1, "machine external interrupt enable"),
                f("LCOFIE", 13, 1, "local counter-overflow interrupt enable"));
    }

    private static List<CsrField> pendingBits() {
        return List.of(f("SSIP", 1, 1, "supervisor software interrupt pending"),
                f("MSIP", 3, 1, "machine software interrupt pending"),
                f("STIP", 5, 1, "supervisor timer interrupt pending"),
                f("MTIP", 7, 1, "machine timer interrupt pending"),
                f("SEIP", 9, 1, "supervisor external interrupt pending"),
                f("MEIP", 11, 1, "machine external interrupt pending"),
                f("LCOFIP", 13, 1, "local counter-overflow interrupt pending"));
    }

    private static List<CsrField> sstatusFields() {
        return List.of(f("SIE", 1, 1, "supervisor interrupt enable"),
                f("SPIE", 5, 1, "SIE before the last trap into S-mode"),
                f("UBE", 6, 1, "user-mode data accesses are big-endian"),
                f("SPP", 8, 1, "privilege before the last trap into S-mode (0 U, 1 S)"),
                f("VS", 9, 2, "vector unit state: off, initial, clean, dirty"),
                f("FS", 13, 2, "floating-point unit state: off, initial, clean, dirty"),
                f("XS", 15, 2, "summary state of other user-mode extensions"),
                f("SUM", 18, 1, "supervisor may access user-mode pages"),
                f("MXR", 19, 1, "loads from executable-only pages are allowed"),
                f("UXL", 32, 2, "XLEN of user mode (2 = 64 bits)"),
                f("SD", 63, 1, "some of FS, VS, XS is dirty"));
    }

    private static List<CsrField> mstatusFields() {
        return List.of(f("SIE", 1, 1, "supervisor interrupt enable"),
                f("MIE", 3, 1, "machine interrupt enable"),
                f("SPIE", 5, 1, "SIE before the last trap into S-mode"),
                f("UBE", 6, 1, "user-mode data accesses are big-endian"),
                f("MPIE", 7, 1, "MIE before the last trap into M-mode"),
                f("SPP", 8, 1, "privilege before the last trap into S-mode (0 U, 1 S)"),
                f("VS", 9, 2, "vector unit state: off, initial, clean, dirty"),
                f("MPP", 11, 2, "privilege before the last trap into M-mode (0 U, 1 S, 3 M)"),
                f("FS", 13, 2, "floating-point unit state: off, initial, clean, dirty"),
                f("XS", 15, 2, "summary state of other user-mode extensions"),
                f("MPRV", 17, 1, "loads and stores use the privilege in MPP"),
                f("SUM", 18, 1, "supervisor may access user-mode pages"),
                f("MXR", 19, 1, "loads from executable-only pages are allowed"),
                f("TVM", 20, 1, "trap satp accesses and sfence.vma in S-mode"),
                f("TW", 21, 1, "trap wfi in modes below M after a time limit"),
                f("TSR", 22, 1, "trap sret in S-mode"),
                f("UXL", 32, 2, "XLEN of user mode (2 = 64 bits)"),
                f("SXL", 34, 2, "XLEN of supervisor mode (2 = 64 bits)"),
                f("SBE", 36, 1, "supervisor-mode data accesses are big-endian"),
                f("MBE", 37, 1, "machine-mode data accesses are big-endian"),
                f("SD", 63, 1, "some of FS, VS, XS is dirty"));
    }

    private static List<CsrField> misaFields() {
        List<CsrField> l = new ArrayList<>();
        for (char c = 'A'; c <= 'Z'; c++) {
            l.add(f(String.valueOf(c), c - 'A', 1, "extension " + c + " is present"));
        }
        l.add(f("MXL", 62, 2, "native XLEN: 1 = 32, 2 = 64, 3 = 128"));
        return l;
    }

    /** Every CSR entry, ordered by number (older names of a number first). */
    public static List<Csr> all() {
        return ALL;
    }

    /** The CSRs of an RV64 hart under the 1.12 privileged specification (no RV32 halves, no old names). */
    public static List<Csr> rv64() {
        List<Csr> out = new ArrayList<>();
        for (Csr c : ALL) {
            if (c.isRv64Current()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The CSR with this number under the 1.12 specification, or null. */
    public static Csr byNumber(int number) {
        return BY_NUMBER.get(PrivSpec.V1_12).get(number);
    }

    /** The CSR with this number under the given specification, or null. */
    public static Csr byNumber(int number, PrivSpec spec) {
        return BY_NUMBER.get(spec).get(number);
    }

    /** The CSR with this name (in any specification), or null. */
    public static Csr byName(String name) {
        return BY_NAME.get(name);
    }

    /** The 1.12 name of a CSR number, or its number in hex ("0x7c0") if it has none. */
    public static String displayName(int number) {
        Csr c = byNumber(number);
        return c != null ? c.name() : "0x" + Integer.toHexString(number);
    }
}
