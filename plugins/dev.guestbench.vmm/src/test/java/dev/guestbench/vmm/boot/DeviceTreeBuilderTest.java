package dev.guestbench.vmm.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our device tree against QEMU 7.2's own for the virt board: dtc must accept ours with no warning QEMU's tree
 * does not also get, and every node and property we model must match QEMU's, apart from the deliberate
 * differences listed below.
 */
class DeviceTreeBuilderTest {

    /** QEMU nodes we leave out because our machine has no such device. */
    private static final List<String> OMITTED_NODES = List.of(
            "/pmu", // no PMU counters described (QEMU's SBI PMU mapping)
            "/fw-cfg@10100000", // no fw-cfg
            "/flash@20000000", // no pflash
            "/platform-bus@4000000", // no dynamic sysbus devices
            "/soc/rtc@101000", // no goldfish RTC
            "/soc/pci@30000000", // no PCIe host
            "/soc/virtio_mmio@"); // no virtio-mmio devices yet (all eight slots)

    /** Properties whose value differs from QEMU's on purpose: node pattern, property, our value. */
    private static final List<String[]> DIFFERENT = List.of(
            // We implement RV64GC + Zicsr/Zifencei; QEMU 7.2 adds H, Zihintpause, Zba/Zbb/Zbc/Zbs and Sstc.
            new String[] {"/cpus/cpu@[0-9]+", "riscv,isa", "\"rv64imafdc_zicsr_zifencei\""},
            // QEMU 7.2 says 96; sources are 1 to 95 (source 0 is reserved), which later QEMU also advertises.
            new String[] {"/soc/plic@c000000", "riscv,ndev", "<0x5f>"});

    private static final byte[] SEED = new byte[32];

    static {
        for (int i = 0; i < SEED.length; i++) {
            SEED[i] = (byte) (0x11 * i + 7);
        }
    }

    private static Path ours(String name, DeviceTreeBuilder builder) {
        return DeviceTreeOracle.scratchFile(name + ".dtb", builder.build());
    }

    @ParameterizedTest(name = "{0} hart(s), {1} MiB")
    @CsvSource({"1, 128", "4, 128", "8, 1024"})
    void matchesQemusTreeForEverythingWeModel(int harts, int megabytes) {
        Path qemu = DeviceTreeOracle.qemuDtb("qemu-" + harts + "-" + megabytes, harts, megabytes, List.of());
        Path ours = ours("ours-" + harts + "-" + megabytes,
                new DeviceTreeBuilder(megabytes * (1L << 20), harts).mmuType("riscv,sv48").rngSeed(SEED));
        compare(qemu, ours);
    }

    @Test
    void bootargsAndInitrdAreWhereQemuPutsThem() {
        Path kernel = DeviceTreeOracle.scratchFile("kernel.bin", new byte[4096]);
        Path initrd = DeviceTreeOracle.scratchFile("initrd.img", new byte[5000]);
        String bootargs = "console=ttyS0 earlycon=sbi root=/dev/ram rdinit=/init";
        Path qemu = DeviceTreeOracle.qemuDtb("qemu-chosen", 2, 256, List.of("-bios", "none", "-kernel", kernel.toString(),
                "-initrd", initrd.toString(), "-append", bootargs));
        Map<String, String> chosen = DeviceTreeSource.parse(DeviceTreeOracle.decompile(qemu).dts()).nodes().get("/chosen");
        long start = Long.decode(DeviceTreeSource.cells(chosen.get("linux,initrd-start")).get(0));
        long end = Long.decode(DeviceTreeSource.cells(chosen.get("linux,initrd-end")).get(0));
        assertEquals(5000, end - start, "QEMU's initrd range");

        Path ours = ours("ours-chosen", new DeviceTreeBuilder(256L << 20, 2).mmuType("riscv,sv48").rngSeed(SEED)
                .bootargs(bootargs).initrd(start, end));
        compare(qemu, ours);
    }

    /** Decompiles both blobs and fails with every discrepancy listed. */
    private static void compare(Path qemuDtb, Path ourDtb) {
        DeviceTreeOracle.Decompiled qemu = DeviceTreeOracle.decompile(qemuDtb);
        DeviceTreeOracle.Decompiled ours = DeviceTreeOracle.decompile(ourDtb);
        List<String> problems = new ArrayList<>();
        for (String w : ours.warnings()) {
            if (!qemu.warnings().contains(w)) {
                problems.add("dtc warns about ours only: " + w);
            }
        }
        Map<String, Map<String, String>> q = DeviceTreeSource.parse(qemu.dts()).normalized().nodes();
        Map<String, Map<String, String>> o = DeviceTreeSource.parse(ours.dts()).normalized().nodes();

        for (var node : q.entrySet()) {
            String path = node.getKey();
            if (omitted(path)) {
                if (o.containsKey(path)) {
                    problems.add(path + ": we describe a node for a device we do not have");
                }
                continue;
            }
            Map<String, String> mine = o.get(path);
            if (mine == null) {
                problems.add(path + ": missing");
                continue;
            }
            for (var prop : node.getValue().entrySet()) {
                String name = prop.getKey();
                String expected = expectedValue(path, name, prop.getValue());
                String actual = mine.get(name);
                if (name.equals("rng-seed")) {
                    // Random per boot: only its shape is comparable.
                    expected = String.valueOf(DeviceTreeSource.cells(prop.getValue()).size());
                    actual = actual == null ? null : String.valueOf(DeviceTreeSource.cells(actual).size());
                }
                if (!expected.equals(actual)) {
                    problems.add(path + " " + name + ": QEMU " + prop.getValue() + ", ours " + actual);
                }
            }
            for (String name : mine.keySet()) {
                if (!node.getValue().containsKey(name)) {
                    problems.add(path + " " + name + ": only in ours");
                }
            }
        }
        for (String path : o.keySet()) {
            if (!q.containsKey(path)) {
                problems.add(path + ": only in ours");
            }
        }
        assertTrue(problems.isEmpty(), "differences from QEMU's tree:\n" + String.join("\n", problems));
    }

    private static boolean omitted(String path) {
        for (String prefix : OMITTED_NODES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String expectedValue(String path, String property, String qemuValue) {
        for (String[] d : DIFFERENT) {
            if (Pattern.matches(d[0], path) && d[1].equals(property)) {
                return d[2];
            }
        }
        return qemuValue;
    }

    @Test
    void headerAndBlockLayoutFollowTheSpecificationAsQemusDoes() {
        byte[] blob = new DeviceTreeBuilder(128L << 20, 4).bootargs("x").build();
        ByteBuffer h = ByteBuffer.wrap(blob);
        assertEquals(0xd00dfeed, h.getInt(0), "magic");
        assertEquals(blob.length, h.getInt(4), "totalsize");
        int structOff = h.getInt(8);
        int stringsOff = h.getInt(12);
        int rsvOff = h.getInt(16);
        assertEquals(17, h.getInt(20), "version");
        assertEquals(16, h.getInt(24), "last_comp_version");
        assertEquals(0, h.getInt(28), "boot_cpuid_phys");
        int stringsSize = h.getInt(32);
        int structSize = h.getInt(36);
        // Same layout as the packed blob QEMU gives a -kernel boot: header, reservations, structure, strings.
        assertEquals(0x28, rsvOff);
        assertEquals(0x38, structOff);
        assertEquals(0, h.getLong(rsvOff) | h.getLong(rsvOff + 8), "empty reservation list");
        assertEquals(0, structSize % 4);
        assertEquals(structOff + structSize, stringsOff);
        assertEquals(stringsOff + stringsSize, blob.length);
        assertEquals(1, h.getInt(structOff), "FDT_BEGIN_NODE");
        assertEquals(0, h.getInt(structOff + 4), "the root's empty name");
        assertEquals(9, h.getInt(structOff + structSize - 4), "FDT_END");
        assertEquals(2, h.getInt(structOff + structSize - 8), "the root's FDT_END_NODE");

        Set<String> names = new HashSet<>();
        int at = stringsOff;
        while (at < blob.length) {
            int nul = at;
            while (blob[nul] != 0) {
                nul++;
            }
            assertTrue(names.add(new String(blob, at, nul - at)), "each property name is stored once");
            at = nul + 1;
        }
        assertTrue(names.containsAll(List.of("compatible", "reg", "phandle", "interrupts-extended", "bootargs")));
    }

    @Test
    void optionalPartsAreLeftOutWhenNotGiven() {
        String dts = DeviceTreeOracle.decompile(ours("ours-minimal", new DeviceTreeBuilder(64L << 20, 1))).dts();
        Map<String, Map<String, String>> nodes = DeviceTreeSource.parse(dts).nodes();
        assertEquals(Map.of("stdout-path", "\"/soc/serial@10000000\""), nodes.get("/chosen"));
        assertFalse(nodes.get("/cpus/cpu@0").containsKey("mmu-type"));
        assertEquals("<0x00 0x80000000 0x00 0x4000000>", nodes.get("/memory@80000000").get("reg"));
    }

    @Test
    void largeMemoryAndAHighInitrdUseTwoCells() {
        String dts = DeviceTreeOracle.decompile(ours("ours-large", new DeviceTreeBuilder(5L << 30, 1)
                .initrd(0x1_2000_0000L, 0x1_2010_0000L).mmuType("riscv,sv39").isa("rv64imac_zicsr"))).dts();
        Map<String, Map<String, String>> nodes = DeviceTreeSource.parse(dts).nodes();
        assertEquals("<0x00 0x80000000 0x01 0x40000000>", nodes.get("/memory@80000000").get("reg"));
        assertEquals("<0x01 0x20000000>", nodes.get("/chosen").get("linux,initrd-start"));
        assertEquals("<0x01 0x20100000>", nodes.get("/chosen").get("linux,initrd-end"));
        assertEquals("\"riscv,sv39\"", nodes.get("/cpus/cpu@0").get("mmu-type"));
        assertEquals("\"rv64imac_zicsr\"", nodes.get("/cpus/cpu@0").get("riscv,isa"));
    }

    @Test
    void parametersAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceTreeBuilder(128L << 20, 0));
        assertThrows(IllegalArgumentException.class, () -> new DeviceTreeBuilder(128L << 20, 9));
        assertThrows(IllegalArgumentException.class, () -> new DeviceTreeBuilder(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DeviceTreeBuilder(1L << 20, 1).initrd(0x2000, 0x1000));
        assertThrows(IllegalArgumentException.class, () -> new DeviceTreeBuilder(1L << 20, 1).isa(""));
    }
}
