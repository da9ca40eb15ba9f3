package dev.guestbench.debug.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.guestbench.isa.Csr;
import dev.guestbench.isa.CsrField;
import dev.guestbench.isa.Csrs;
import dev.guestbench.isa.Registers;
import dev.guestbench.vmm.exit.TrapRecord;

/** Which registers the Registers view shows, in which groups, and how a CSR's fields read. */
public final class RegisterSet {

    /** What a register is. */
    public enum Kind {
        PC, GPR, FPR, CSR
    }

    /** One register: its display name, kind, and number (register index or CSR number). */
    public record Def(String name, Kind kind, int number, Csr csr) {
    }

    /** A group of registers. */
    public record Group(String name, List<Def> registers) {
    }

    private static final String[] MACHINE = {"mstatus", "misa", "medeleg", "mideleg", "mie", "mip", "mtvec", "mscratch",
        "mepc", "mcause", "mtval", "mhartid", "mcounteren", "menvcfg", "mcycle", "minstret", "pmpcfg0", "pmpaddr0"};
    private static final String[] SUPERVISOR = {"sstatus", "sie", "sip", "stvec", "sscratch", "sepc", "scause", "stval",
        "satp", "scounteren", "senvcfg", "time"};

    /** The groups: general (pc, x0 to x31), floating point, machine CSRs, supervisor CSRs. */
    public static final List<Group> GROUPS = groups();

    private RegisterSet() {
    }

    private static List<Group> groups() {
        List<Def> general = new ArrayList<>();
        general.add(new Def("pc", Kind.PC, 0, null));
        for (int i = 0; i < 32; i++) {
            general.add(new Def("x" + i + " (" + Registers.gpr(i) + ")", Kind.GPR, i, null));
        }
        List<Def> fp = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            fp.add(new Def("f" + i + " (" + Registers.fpr(i) + ")", Kind.FPR, i, null));
        }
        fp.add(csr("fcsr"));
        return List.of(new Group("General", general), new Group("Floating point", fp),
                new Group("Machine CSRs", csrs(MACHINE)), new Group("Supervisor CSRs", csrs(SUPERVISOR)));
    }

    private static List<Def> csrs(String[] names) {
        List<Def> l = new ArrayList<>();
        for (String n : names) {
            l.add(csr(n));
        }
        return l;
    }

    private static Def csr(String name) {
        Csr c = Csrs.byName(name);
        if (c == null) {
            throw new IllegalStateException("the ISA table has no CSR " + name);
        }
        return new Def(name, Kind.CSR, c.number(), c);
    }

    /** The value as the view shows it: hex, and for a cause register the cause's name. */
    public static String format(Def def, long value) {
        String hex = String.format(Locale.ROOT, "0x%016x", value);
        if (def.kind() == Kind.CSR && (def.name().equals("mcause") || def.name().equals("scause"))) {
            return hex + " (" + TrapRecord.causeName(value) + ")";
        }
        if (def.kind() == Kind.CSR && def.name().equals("satp")) {
            return hex + " (" + satpMode(value >>> 60) + ")";
        }
        return hex;
    }

    /** A field's value with its meaning where it is an enumeration (privilege levels, paging modes). */
    public static String formatField(Def def, CsrField field, long csrValue) {
        long v = field.extract(csrValue);
        String meaning = switch (field.name()) {
            case "MPP", "SPP" -> privilege(v);
            case "MODE" -> def.name().equals("satp") ? satpMode(v) : null;
            default -> null;
        };
        String text = field.width() == 1 ? Long.toString(v) : "0x" + Long.toHexString(v);
        return meaning == null ? text : text + " (" + meaning + ")";
    }

    private static String privilege(long v) {
        return switch ((int) v) {
            case 0 -> "U";
            case 1 -> "S";
            case 3 -> "M";
            default -> "reserved";
        };
    }

    private static String satpMode(long mode) {
        return switch ((int) mode) {
            case 0 -> "Bare";
            case 8 -> "Sv39";
            case 9 -> "Sv48";
            case 10 -> "Sv57";
            default -> "reserved mode " + mode;
        };
    }
}
