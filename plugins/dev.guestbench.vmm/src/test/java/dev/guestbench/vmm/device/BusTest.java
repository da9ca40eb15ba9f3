package dev.guestbench.vmm.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BusTest {

    /** A block of plain storage that records the last offset and width it saw. */
    private static final class Ram implements MmioDevice {
        private final String name;
        private final long size;
        long lastOffset = -1;
        int lastWidth;
        long lastValue;

        Ram(String name, long size) {
            this.name = name;
            this.size = size;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public long read(long offset, int width) {
            lastOffset = offset;
            lastWidth = width;
            return 0x1000 + offset;
        }

        @Override
        public void write(long offset, int width, long value) {
            lastOffset = offset;
            lastWidth = width;
            lastValue = value;
        }
    }

    private final Bus bus = new Bus();
    private final Ram a = new Ram("a", 0x100);
    private final Ram b = new Ram("b", 0x1000);

    @Test
    void findsTheDeviceAndRoutesOffsets() {
        int ia = bus.attach(0x1000_0000L, a);
        int ib = bus.attach(0x0200_0000L, b);
        assertEquals(2, bus.count());
        assertEquals(ia, bus.find(0x1000_0000L, 1));
        assertEquals(ia, bus.find(0x1000_00f8L, 8));
        assertEquals(ib, bus.find(0x0200_0ffcL, 4));
        assertSame(a, bus.device(ia));
        assertEquals(0x0200_0000L, bus.base(ib));

        assertEquals(0x1000 + 0x10, bus.read(ia, 0x1000_0010L, 4));
        assertEquals(4, a.lastWidth);
        bus.write(ib, 0x0200_0ff8L, 8, 0xdead_beefL);
        assertEquals(0xff8, b.lastOffset);
        assertEquals(8, b.lastWidth);
        assertEquals(0xdead_beefL, b.lastValue);
        assertSame(b, bus.find(0x0200_0123L));
    }

    @Test
    void reportsMissesStraddlesAndBadWidths() {
        bus.attach(0x1000_0000L, a);
        bus.attach(0x1000_0100L, b); // adjacent: an access across the seam still straddles a's end
        assertEquals(Bus.MISS, bus.find(0x0fff_ffffL, 1));
        assertEquals(Bus.MISS, bus.find(0x0fff_fffcL, 8)); // starts before any device
        assertEquals(Bus.MISS, bus.find(0x1000_1100L, 1));
        assertEquals(Bus.MISS, bus.find(0, 4));
        assertEquals(Bus.MISS, bus.find(-1L, 1));
        assertEquals(Bus.STRADDLE, bus.find(0x1000_00ffL, 2));
        assertEquals(Bus.STRADDLE, bus.find(0x1000_00fcL, 8));
        assertEquals(Bus.STRADDLE, bus.find(0x1000_10fcL, 8));
        assertEquals(Bus.BAD_WIDTH, bus.find(0x1000_0000L, 3));
        assertEquals(Bus.BAD_WIDTH, bus.find(0x1000_0000L, 0));
        assertEquals(Bus.BAD_WIDTH, bus.find(0x1000_0000L, 16));
        assertNull(bus.find(0x2000_0000L));
        assertEquals(-1, a.lastOffset, "a miss or straddle never reaches a device");
    }

    @Test
    void emptyBusMissesEverything() {
        assertEquals(Bus.MISS, bus.find(0x8000_0000L, 8));
        assertEquals(0, bus.count());
    }

    @Test
    void aDeviceAtTheTopOfTheAddressSpaceWorks() {
        int i = bus.attach(-0x100L, a);
        assertEquals(i, bus.find(-8L, 8));
        assertEquals(Bus.STRADDLE, bus.find(-4L, 8));
        assertEquals(0xf8, bus.read(i, -8L, 8) - 0x1000);
    }

    @Test
    void refusesOverlapsAndBadBlocks() {
        bus.attach(0x1000_0000L, a);
        var e = assertThrows(IllegalArgumentException.class, () -> bus.attach(0x1000_00f0L, new Ram("c", 0x10)));
        assertEquals("c at 0x100000f0 overlaps a at 0x10000000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bus.attach(0x0fff_ff00L, new Ram("d", 0x1000)));
        assertThrows(IllegalArgumentException.class, () -> bus.attach(0x0, new Ram("e", 0)));
        assertThrows(IllegalArgumentException.class, () -> bus.attach(-0x10L, new Ram("f", 0x20)));
        assertEquals(1, bus.count());
    }
}
