package dev.guestbench.vmm.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class FdtWriterTest {

    @Test
    void dtcReadsBackEveryKindOfProperty() {
        FdtWriter w = new FdtWriter().reserve(0x8000_0000L, 0x20_0000L);
        w.beginNode("");
        w.cells("#address-cells", 2);
        w.cells("#size-cells", 2);
        w.strings("compatible", "a,b", "c");
        w.beginNode("node@100000000");
        w.u64("reg", 0x1_0000_0000L, 0x1000);
        w.property("flag");
        w.property("bytes", new byte[] {1, 2, 3});
        w.strings("odd", "xyz");
        w.endNode();
        w.endNode();
        DeviceTreeOracle.Decompiled d = DeviceTreeOracle.decompile(DeviceTreeOracle.scratchFile("writer.dtb", w.finish(0)));
        String expected = """
                /dts-v1/;

                /memreserve/	0x0000000080000000 0x0000000000200000;
                / {
                	#address-cells = <0x02>;
                	#size-cells = <0x02>;
                	compatible = "a,b\\0c";

                	node@100000000 {
                		reg = <0x01 0x00 0x00 0x1000>;
                		flag;
                		bytes = [01 02 03];
                		odd = "xyz";
                	};
                };
                """;
        assertEquals(expected, d.dts());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void misuseIsRefused() {
        assertThrows(IllegalStateException.class, () -> new FdtWriter().beginNode("x"));
        assertThrows(IllegalStateException.class, () -> new FdtWriter().cells("a", 1));
        assertThrows(IllegalStateException.class, () -> new FdtWriter().endNode());
        assertThrows(IllegalStateException.class, () -> new FdtWriter().beginNode("").finish(0));
        assertThrows(IllegalArgumentException.class, () -> new FdtWriter().beginNode("").beginNode("a/b"));
        assertThrows(IllegalArgumentException.class, () -> new FdtWriter().beginNode("").strings("s", "a\0b"));
        FdtWriter done = new FdtWriter().beginNode("").endNode();
        done.finish(0);
        assertThrows(IllegalStateException.class, () -> done.finish(0));
    }
}
