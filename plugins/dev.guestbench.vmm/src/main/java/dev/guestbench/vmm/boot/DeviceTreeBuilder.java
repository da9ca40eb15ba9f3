package dev.guestbench.vmm.boot;

import dev.guestbench.vmm.device.Aclint;
import dev.guestbench.vmm.device.HartInterrupts;
import dev.guestbench.vmm.device.Plic;
import dev.guestbench.vmm.device.TestFinisher;
import dev.guestbench.vmm.device.Uart16550;

/**
 * Builds the device tree blob that describes our machine to firmware and kernels, modelled node for node on
 * what QEMU 7.2's {@code virt} board hands its guests, but holding only what our machine has: RAM, the harts,
 * the CLINT, the PLIC, UART0 and the test finisher with its poweroff and reboot nodes. Nothing here describes
 * virtio, PCI, flash, the RTC, fw-cfg or the PMU, which we do not emulate.
 */
public final class DeviceTreeBuilder {

    /** The ISA string QEMU-style device trees give each hart: what our CPU implements. */
    public static final String DEFAULT_ISA = "rv64imafdc_zicsr_zifencei";
    /** Input clock of UART0 that the tree advertises (QEMU's value: 3.6864 MHz). */
    public static final int UART0_CLOCK_HZ = 0x38_4000;
    /** Highest source id the PLIC implements, advertised as riscv,ndev (source 0 does not exist). */
    public static final int PLIC_NDEV = Plic.SOURCES - 1;
    /** The most harts a tree describes: the machine's limit, as VmConfig.MAX_HARTS (not imported: boot
     * stays below the root package). */
    public static final int MAX_HARTS = 8;
    /** Path of the UART node, which /chosen names as stdout-path. */
    public static final String UART0_PATH = "/soc/serial@10000000";

    private final long memoryBytes;
    private final int harts;
    private String bootargs;
    private boolean hasInitrd;
    private long initrdStart;
    private long initrdEnd;
    private String mmuType;
    private String isa = DEFAULT_ISA;
    private byte[] rngSeed;

    /** A tree for {@code memoryBytes} of RAM at {@link VirtLayout#RAM_BASE} and {@code harts} harts (1 to 8). */
    public DeviceTreeBuilder(long memoryBytes, int harts) {
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("memory size must be positive, not " + memoryBytes);
        }
        if (harts < 1 || harts > MAX_HARTS) {
            throw new IllegalArgumentException("a VM has 1 to " + MAX_HARTS + " harts, not " + harts);
        }
        this.memoryBytes = memoryBytes;
        this.harts = harts;
    }

    /** The kernel command line for /chosen/bootargs, or null for none. */
    public DeviceTreeBuilder bootargs(String bootargs) {
        this.bootargs = bootargs;
        return this;
    }

    /** The initrd's guest-physical range [start, end) for /chosen. */
    public DeviceTreeBuilder initrd(long start, long end) {
        if (Long.compareUnsigned(start, end) > 0) {
            throw new IllegalArgumentException("initrd ends (0x" + Long.toHexString(end) + ") before it starts (0x"
                    + Long.toHexString(start) + ")");
        }
        this.hasInitrd = true;
        this.initrdStart = start;
        this.initrdEnd = end;
        return this;
    }

    /** No initrd (the default). */
    public DeviceTreeBuilder noInitrd() {
        this.hasInitrd = false;
        return this;
    }

    /** The cpus' mmu-type ("riscv,sv39", "riscv,sv48", ...), or null to leave it out (bare). */
    public DeviceTreeBuilder mmuType(String mmuType) {
        this.mmuType = mmuType;
        return this;
    }

    /** The cpus' riscv,isa string; {@link #DEFAULT_ISA} unless set. */
    public DeviceTreeBuilder isa(String isa) {
        if (isa == null || isa.isEmpty()) {
            throw new IllegalArgumentException("riscv,isa must not be empty");
        }
        this.isa = isa;
        return this;
    }

    /** Entropy for /chosen/rng-seed (QEMU gives 32 bytes), or null for none. */
    public DeviceTreeBuilder rngSeed(byte[] seed) {
        this.rngSeed = seed == null ? null : seed.clone();
        return this;
    }

    /** The blob. */
    public byte[] build() {
        Phandles ph = new Phandles(harts);
        FdtWriter w = new FdtWriter();
        w.beginNode("");
        w.cells("#address-cells", 2);
        w.cells("#size-cells", 2);
        w.strings("compatible", "riscv-virtio");
        w.strings("model", "riscv-virtio,qemu");
        chosen(w);
        syscon(w, "poweroff", "syscon-poweroff", TestFinisher.PASS, ph.test);
        syscon(w, "reboot", "syscon-reboot", TestFinisher.RESET, ph.test);
        memory(w);
        cpus(w, ph);
        soc(w, ph);
        w.endNode();
        return w.finish(0);
    }

    private void chosen(FdtWriter w) {
        w.beginNode("chosen");
        if (hasInitrd) {
            // QEMU 7.2 writes one cell each; a range above 4 GiB needs two, which readers accept as well.
            number(w, "linux,initrd-end", initrdEnd);
            number(w, "linux,initrd-start", initrdStart);
        }
        if (rngSeed != null) {
            w.property("rng-seed", rngSeed);
        }
        if (bootargs != null) {
            w.strings("bootargs", bootargs);
        }
        w.strings("stdout-path", UART0_PATH);
        w.endNode();
    }

    private static void number(FdtWriter w, String name, long value) {
        if ((value >>> 32) == 0) {
            w.cells(name, (int) value);
        } else {
            w.u64(name, value);
        }
    }

    private static void syscon(FdtWriter w, String node, String compatible, int value, int regmap) {
        w.beginNode(node);
        w.cells("value", value);
        w.cells("offset", 0);
        w.cells("regmap", regmap);
        w.strings("compatible", compatible);
        w.endNode();
    }

    private void memory(FdtWriter w) {
        w.beginNode("memory@" + Long.toHexString(VirtLayout.RAM_BASE));
        w.strings("device_type", "memory");
        w.u64("reg", VirtLayout.RAM_BASE, memoryBytes);
        w.endNode();
    }

    private void cpus(FdtWriter w, Phandles ph) {
        w.beginNode("cpus");
        w.cells("#address-cells", 1);
        w.cells("#size-cells", 0);
        w.cells("timebase-frequency", (int) VirtLayout.TIMEBASE_HZ);
        for (int h = 0; h < harts; h++) {
            w.beginNode("cpu@" + Integer.toHexString(h));
            w.cells("phandle", ph.cpu[h]);
            w.strings("device_type", "cpu");
            w.cells("reg", h);
            w.strings("status", "okay");
            w.strings("compatible", "riscv");
            w.strings("riscv,isa", isa);
            if (mmuType != null) {
                w.strings("mmu-type", mmuType);
            }
            w.beginNode("interrupt-controller");
            w.cells("#interrupt-cells", 1);
            w.property("interrupt-controller");
            w.strings("compatible", "riscv,cpu-intc");
            w.cells("phandle", ph.intc[h]);
            w.endNode();
            w.endNode();
        }
        w.beginNode("cpu-map");
        w.beginNode("cluster0");
        for (int h = 0; h < harts; h++) {
            w.beginNode("core" + h);
            w.cells("cpu", ph.cpu[h]);
            w.endNode();
        }
        w.endNode();
        w.endNode();
        w.endNode();
    }

    private void soc(FdtWriter w, Phandles ph) {
        w.beginNode("soc");
        w.cells("#address-cells", 2);
        w.cells("#size-cells", 2);
        w.strings("compatible", "simple-bus");
        w.property("ranges");

        w.beginNode("serial@" + Long.toHexString(VirtLayout.UART0));
        w.cells("interrupts", VirtLayout.UART0_IRQ);
        w.cells("interrupt-parent", ph.plic);
        w.cells("clock-frequency", UART0_CLOCK_HZ);
        w.u64("reg", VirtLayout.UART0, Uart16550.SIZE);
        w.strings("compatible", "ns16550a");
        w.endNode();

        w.beginNode("test@" + Long.toHexString(VirtLayout.TEST_FINISHER));
        w.cells("phandle", ph.test);
        w.u64("reg", VirtLayout.TEST_FINISHER, TestFinisher.SIZE);
        w.strings("compatible", "sifive,test1", "sifive,test0", "syscon");
        w.endNode();

        w.beginNode("plic@" + Long.toHexString(VirtLayout.PLIC));
        w.cells("phandle", ph.plic);
        w.cells("riscv,ndev", PLIC_NDEV);
        w.u64("reg", VirtLayout.PLIC, Plic.SIZE);
        w.cells("interrupts-extended", ph.perHart(HartInterrupts.MEIP, HartInterrupts.SEIP));
        w.property("interrupt-controller");
        w.strings("compatible", "sifive,plic-1.0.0", "riscv,plic0");
        w.cells("#address-cells", 0);
        w.cells("#interrupt-cells", 1);
        w.endNode();

        w.beginNode("clint@" + Long.toHexString(VirtLayout.CLINT));
        w.cells("interrupts-extended", ph.perHart(HartInterrupts.MSIP, HartInterrupts.MTIP));
        w.u64("reg", VirtLayout.CLINT, Aclint.SIZE);
        w.strings("compatible", "sifive,clint0", "riscv,clint0");
        w.endNode();

        w.endNode();
    }

    /** The phandles of one tree: each cpu, each cpu's interrupt controller, the PLIC and the test device. */
    private static final class Phandles {
        final int[] cpu;
        final int[] intc;
        final int plic;
        final int test;

        Phandles(int harts) {
            cpu = new int[harts];
            intc = new int[harts];
            int next = 1;
            for (int h = 0; h < harts; h++) {
                cpu[h] = next++;
                intc[h] = next++;
            }
            plic = next++;
            test = next;
        }

        /** interrupts-extended cells: for each hart, its intc with {@code first}, then with {@code second}. */
        int[] perHart(int first, int second) {
            int[] cells = new int[intc.length * 4];
            for (int h = 0; h < intc.length; h++) {
                cells[4 * h] = intc[h];
                cells[4 * h + 1] = first;
                cells[4 * h + 2] = intc[h];
                cells[4 * h + 3] = second;
            }
            return cells;
        }
    }
}
