package dev.guestbench.vmm;

import java.util.ArrayList;
import java.util.List;

import dev.guestbench.vmm.boot.BootException;
import dev.guestbench.vmm.boot.BootSpec;
import dev.guestbench.vmm.boot.DeviceTreeBuilder;
import dev.guestbench.vmm.boot.ImageLoader;
import dev.guestbench.vmm.boot.LoadedImage;
import dev.guestbench.vmm.boot.ResetRom;
import dev.guestbench.vmm.boot.VirtLayout;
import dev.guestbench.vmm.cpu.DecodeCache;
import dev.guestbench.vmm.cpu.HartState;
import dev.guestbench.vmm.cpu.Vcpu;
import dev.guestbench.vmm.cpu.jit.BlockTranslator;
import dev.guestbench.vmm.device.Aclint;
import dev.guestbench.vmm.device.Bus;
import dev.guestbench.vmm.device.ConsoleIo;
import dev.guestbench.vmm.device.HartInterrupts;
import dev.guestbench.vmm.device.Plic;
import dev.guestbench.vmm.device.PowerControl;
import dev.guestbench.vmm.device.TestFinisher;
import dev.guestbench.vmm.device.Uart16550;
import dev.guestbench.vmm.device.VirtualClock;
import dev.guestbench.vmm.exit.CsrFile;
import dev.guestbench.vmm.exit.PhysicalBus;
import dev.guestbench.vmm.exit.TrapHistory;
import dev.guestbench.vmm.exit.VmExits;
import dev.guestbench.vmm.memory.GuestPhysicalMap;
import dev.guestbench.vmm.memory.HostMemory;
import dev.guestbench.vmm.memory.Mmu;
import dev.guestbench.vmm.memory.PagingEngine;
import dev.guestbench.vmm.memory.Pmp;
import dev.guestbench.vmm.sbi.Sbi;
import dev.guestbench.vmm.sbi.SbiMachine;
import dev.guestbench.vmm.sbi.SbiTimers;
import dev.guestbench.vmm.sched.Scheduler;
import dev.guestbench.vmm.sched.TimeSource;
import dev.guestbench.vmm.sched.VirtualTime;

/**
 * One virtual machine with the layout of QEMU's virt board: RAM from host frames, harts, the CLINT, PLIC,
 * UART and test finisher on a bus, the VMM's exit handling and trap history, booted as a {@link BootSpec}
 * says, and run by a deterministic scheduler.
 */
public final class Vm {

    private final VmConfig config;
    private final GuestPhysicalMap ram;
    private final PagingEngine paging;
    private final VirtualTime clock;
    private final Bus bus = new Bus();
    private final Uart16550 uart;
    private final Aclint clint;
    private final List<Vcpu> cpus = new ArrayList<>();
    private final TrapHistory history;
    private final Power power;
    private final Scheduler.IdleWait idleWait;
    private final ConsoleIo console;
    private final DecodeCache decodeCache;
    private final SbiTimers sbiTimers;
    private final BlockTranslator translator;
    private final CsrFile csrs;
    private Scheduler scheduler;
    private long dtbAddress;

    /**
     * Builds and boots a machine. The console is the UART's other end; {@code idleWait} blocks while every
     * hart waits with no timer armed (for console input), or says nothing can come.
     */
    public Vm(VmConfig config, BootSpec boot, ConsoleIo console, HostMemory host, Scheduler.IdleWait idleWait)
            throws BootException {
        this.config = config;
        this.console = console;
        this.idleWait = idleWait;
        this.ram = new GuestPhysicalMap(host, config.memoryBytes());
        this.clock = new VirtualTime(config.instructionsPerTick());
        this.history = new TrapHistory(config.trapHistorySize());
        this.power = new Power(this::stopHarts);
        List<HartState> states = new ArrayList<>();
        for (int h = 0; h < config.harts(); h++) {
            states.add(new HartState(h));
        }
        HartInterrupts lines = (hart, bit, level) -> {
            if (hart >= 0 && hart < states.size()) {
                states.get(hart).setLine(bit, level);
            }
        };
        this.clint = new Aclint(config.harts(), clock, lines);
        Plic plic = new Plic(config.harts(), lines);
        this.uart = new Uart16550("uart0", console, plic.irqLine(VirtLayout.UART0_IRQ));
        bus.attach(VirtLayout.TEST_FINISHER, new TestFinisher(power));
        bus.attach(VirtLayout.CLINT, clint);
        bus.attach(VirtLayout.PLIC, plic);
        bus.attach(VirtLayout.UART0, uart);

        this.decodeCache = new DecodeCache(ram);
        boolean direct = boot.firmware() == BootSpec.Firmware.BUILTIN;
        this.sbiTimers = direct ? new SbiTimers(sbiMachine(), config.harts()) : null;
        this.csrs = new CsrFile(clock);
        VmExits exits = new VmExits(csrs, physicalBus(), history, clock,
                direct ? new Sbi(sbiMachine(), sbiTimers) : null);
        this.translator = config.translate() ? new BlockTranslator() : null;
        this.paging = PagingEngine.create(config.paging(), ram, host);
        for (HartState s : states) {
            Mmu mmu = new Mmu(ram, new Pmp(s.pmpcfg, s.pmpaddr), decodeCache, paging);
            cpus.add(new Vcpu(s, mmu, decodeCache, exits, translator));
        }
        boot(boot);
    }

    private void boot(BootSpec boot) throws BootException {
        long firmwareEntry;
        long kernelEntry = VirtLayout.KERNEL_BASE;
        LoadedImage kernel = null;
        switch (boot.firmware()) {
            case IMAGE -> {
                LoadedImage bios = ImageLoader.load(boot.bios().bytes(), boot.bios().name(), VirtLayout.RAM_BASE, ram);
                firmwareEntry = bios.entry();
                if (boot.kernel() != null) {
                    kernel = ImageLoader.load(boot.kernel().bytes(), boot.kernel().name(), VirtLayout.KERNEL_BASE, ram);
                    kernelEntry = kernel.entry();
                }
            }
            case NONE -> {
                kernel = ImageLoader.load(boot.kernel().bytes(), boot.kernel().name(), VirtLayout.RAM_BASE, ram);
                firmwareEntry = kernel.entry();
                kernelEntry = kernel.entry();
            }
            default -> {
                kernel = ImageLoader.load(boot.kernel().bytes(), boot.kernel().name(), VirtLayout.KERNEL_BASE, ram);
                firmwareEntry = kernel.entry();
                kernelEntry = kernel.entry();
            }
        }
        // Sv48 is the widest mode satp takes (U-Boot needs an mmu-type to probe its CPU; Linux probes satp itself).
        DeviceTreeBuilder tree = new DeviceTreeBuilder(config.memoryBytes(), config.harts()).bootargs(boot.bootargs())
                .mmuType("riscv,sv48");
        if (boot.initrd() != null) {
            // As QEMU: far enough above the kernel that decompressing it cannot overwrite the initrd.
            long start = kernelEntry + Math.min(config.memoryBytes() / 2, 128L << 20);
            LoadedImage initrd = ImageLoader.loadRaw(boot.initrd().bytes(), boot.initrd().name(), start, ram);
            tree.initrd(initrd.lowest(), initrd.end());
        }
        byte[] dtb = boot.dtb() != null ? boot.dtb().bytes() : tree.build();
        long ramEnd = ram.base() + ram.size();
        // As QEMU 7.2: at the top of RAM (below 3 GiB), aligned down to 2 MiB.
        long top = Math.min(ramEnd, VirtLayout.RAM_BASE + (3L << 30));
        dtbAddress = (top - dtb.length) & ~((2L << 20) - 1);
        if (dtbAddress < ram.base()) {
            throw new BootException("RAM of " + config.memoryBytes() + " bytes has no room for the device tree");
        }
        if (kernel != null && kernel.end() > dtbAddress) {
            throw new BootException(String.format("the kernel reaches up to 0x%x, over the device tree at 0x%x:"
                    + " give the machine more memory (-m)", kernel.end(), dtbAddress));
        }
        ImageLoader.loadRaw(dtb, boot.dtb() != null ? boot.dtb().name() : "device tree", dtbAddress, ram);
        bus.attach(ResetRom.BASE, new ResetRom(firmwareEntry, dtbAddress, kernelEntry));

        for (Vcpu cpu : cpus) {
            HartState s = cpu.state;
            s.pc = firmwareEntry;
            s.x[10] = s.hartId;
            s.x[11] = dtbAddress;
            s.x[12] = ResetRom.FW_DYNAMIC_INFO;
            s.priv = HartState.PRIV_M;
            if (boot.firmware() == BootSpec.Firmware.BUILTIN) {
                startInSupervisorMode(s);
            }
        }
    }

    /**
     * Direct boot: the state firmware would leave behind. Hart 0 runs the kernel in S-mode; the others wait
     * to be started through SBI HSM; PMP lets S-mode reach everything and all traps go to S-mode.
     */
    private static void startInSupervisorMode(HartState s) {
        s.priv = HartState.PRIV_S;
        s.x[12] = 0;
        s.running = s.hartId == 0;
        s.medeleg = 0b1011_0011_1111_1111L;
        s.mideleg = 0x222;
        s.mie = 0x222;
        s.mcounteren = 0xffff_ffffL;
        // PMP entry 15: NAPOT over the whole address space, read/write/execute.
        s.pmpaddr[15] = (1L << 54) - 1;
        s.pmpcfg[15] = (byte) (0x18 | 0x7);
    }

    private PhysicalBus physicalBus() {
        return new PhysicalBus() {
            @Override
            public boolean claims(long pa, int size) {
                return bus.find(pa, size) >= 0;
            }

            @Override
            public long read(long pa, int size) {
                return bus.read(bus.find(pa, size), pa, size);
            }

            @Override
            public void write(long pa, int size, long value) {
                bus.write(bus.find(pa, size), pa, size, value);
            }
        };
    }

    private SbiMachine sbiMachine() {
        return new SbiMachine() {
            @Override
            public List<Vcpu> harts() {
                return cpus;
            }

            @Override
            public ConsoleIo console() {
                return console;
            }

            @Override
            public PowerControl power() {
                return power;
            }

            @Override
            public VirtualClock clock() {
                return clock;
            }

            @Override
            public GuestPhysicalMap ram() {
                return ram;
            }
        };
    }

    private void stopHarts() {
        for (Vcpu cpu : cpus) {
            cpu.stopRequested = true;
        }
    }

    /** The scheduler that runs the harts (made on first use), for a debugger's pauses, holds and steps. */
    public Scheduler scheduler() {
        if (scheduler == null) {
            List<TimeSource> sources = new ArrayList<>();
            sources.add(new TimeSource() {
                @Override
                public void timeChanged() {
                    clint.timeChanged();
                }

                @Override
                public long nextDeadline() {
                    return clint.nextDeadline();
                }
            });
            if (sbiTimers != null) {
                sources.add(sbiTimers);
            }
            scheduler = new Scheduler(cpus, clock, sources, uart::poll, idleWait, power::isOff,
                    Scheduler.DEFAULT_QUANTUM);
        }
        return scheduler;
    }

    /** Runs the machine until it stops, waits forever, is paused, or {@code maxInstructions} have retired. */
    public RunResult run(long maxInstructions) {
        Scheduler scheduler = scheduler();
        long start = System.nanoTime();
        long before = retired();
        Scheduler.Outcome outcome = scheduler.run(maxInstructions);
        long nanos = System.nanoTime() - start;
        RunResult.Ending ending = switch (outcome) {
            case INSTRUCTION_LIMIT -> RunResult.Ending.INSTRUCTION_LIMIT;
            case IDLE_FOREVER -> RunResult.Ending.IDLE_FOREVER;
            case PAUSED -> RunResult.Ending.PAUSED;
            case STOPPED -> switch (power.state()) {
                case PASSED -> RunResult.Ending.PASSED;
                case FAILED -> RunResult.Ending.FAILED;
                case RESET -> RunResult.Ending.RESET;
                default -> RunResult.Ending.QUIT;
            };
        };
        return new RunResult(ending, power.failCode(), retired() - before, nanos);
    }

    /** Instructions retired by all harts. */
    private long retired() {
        long n = 0;
        for (Vcpu cpu : cpus) {
            n += cpu.state.retired;
        }
        return n;
    }

    /** Whether the machine is powered off (passed, failed, reset or stopped): it can run no more. */
    public boolean isOff() {
        return power.isOff();
    }

    /** How the machine ended, as {@link #run} reports it, once it {@link #isOff()}. */
    public RunResult.Ending ending() {
        return switch (power.state()) {
            case PASSED -> RunResult.Ending.PASSED;
            case FAILED -> RunResult.Ending.FAILED;
            case RESET -> RunResult.Ending.RESET;
            default -> RunResult.Ending.QUIT;
        };
    }

    /** The guest's failure code when it failed through the test finisher. */
    public int failCode() {
        return power.failCode();
    }

    /** The CSRs' rules, for a debugger's reads and writes ({@link CsrFile#peek}, {@link CsrFile#poke}). */
    public CsrFile csrs() {
        return csrs;
    }

    /** Asks the running machine to stop at the next instruction boundary (from any thread). */
    public void stop() {
        power.quit();
    }

    /** The machine's configuration. */
    public VmConfig config() {
        return config;
    }

    /** The devices on the machine's bus and where they are attached (those that are {@code Inspectable} show registers). */
    public List<Bus.Attachment> devices() {
        return bus.attachments();
    }

    /** The trap history. */
    public TrapHistory trapHistory() {
        return history;
    }

    /** The vCPUs, by hart id. */
    public List<Vcpu> vcpus() {
        return List.copyOf(cpus);
    }

    /** Guest RAM. */
    public GuestPhysicalMap ram() {
        return ram;
    }

    /** The machine's time base. */
    public VirtualClock clock() {
        return clock;
    }

    /** Where the device tree was placed. */
    public long dtbAddress() {
        return dtbAddress;
    }

    /** Pages of code decoded, and decodings dropped because the guest overwrote them. */
    public DecodeCache decodeCache() {
        return decodeCache;
    }

    /** Basic blocks translated to JVM bytecode so far (0 when translation is off). */
    public long translatedBlocks() {
        return translator == null ? 0 : translator.translated();
    }

    /** The VM's memory virtualization: counters, page-table snapshots, mapping events. */
    public PagingEngine paging() {
        return paging;
    }

    /** Gives the VM's RAM and the paging structures' frames back to the host. */
    public void release() {
        paging.release();
        ram.release();
    }
}
