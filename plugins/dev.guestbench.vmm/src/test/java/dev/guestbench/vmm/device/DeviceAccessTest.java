package dev.guestbench.vmm.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Guest accesses of every width at every offset never throw, and the hot paths do not allocate. */
class DeviceAccessTest {

    private static final int[] WIDTHS = {1, 2, 4, 8};
    private static final long[] VALUES = {0, -1L, 0x5555, 0x0001_3333L, 0x7777, 0x8000_0000_0000_0001L};

    private static List<MmioDevice> devices(ScriptedConsole console) {
        SettableClock clock = new SettableClock();
        RecordingHarts harts = new RecordingHarts(8);
        Plic plic = new Plic(8, harts);
        return List.of(
                new Uart16550("uart0", console, plic.irqLine(10)),
                new Aclint(8, clock, harts),
                plic,
                new TestFinisher(new RecordingPower()));
    }

    @Test
    void everyOffsetAndWidthIsServedWithoutThrowing() {
        ScriptedConsole console = new ScriptedConsole();
        for (MmioDevice device : devices(console)) {
            long size = device.size();
            // Small blocks get every value at every offset; the PLIC's 6 MiB gets the values in rotation.
            int rounds = size <= 0x10000 ? VALUES.length : 1;
            for (int round = 0; round < rounds; round++) {
                console.type("input");
                for (long offset = 0; offset < size; offset++) {
                    for (int width : WIDTHS) {
                        long value = VALUES[(int) ((round + offset + width) % VALUES.length)];
                        device.read(offset, width);
                        device.write(offset, width, value);
                        device.read(offset, width);
                    }
                }
            }
            // The device does not trust the bus either: offsets outside the block and odd widths are harmless.
            for (long offset : new long[] {-8, -1, size, size + 1, Long.MAX_VALUE, Long.MIN_VALUE}) {
                for (int width : new int[] {0, 1, 3, 8, 16, -4}) {
                    device.read(offset, width);
                    device.write(offset, width, -1L);
                }
            }
        }
    }

    /**
     * Bytes this thread has allocated, from the JDK's com.sun.management extension; reached by reflection so
     * that the bundle's compile needs no access to a non-java.* JDK package.
     */
    private static final class AllocationCounter {
        private final Object bean = ManagementFactory.getThreadMXBean();
        private final Method current;

        AllocationCounter() {
            try {
                Class<?> api = Class.forName("com.sun.management.ThreadMXBean");
                api.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
                current = api.getMethod("getCurrentThreadAllocatedBytes");
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("this JVM cannot count allocations", e);
            }
            assertTrue(bytes() >= 0, "this JVM cannot count allocations");
        }

        long bytes() {
            try {
                return (Long) current.invoke(bean);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void registerAccessesOnTheHotPathsDoNotAllocate() {
        AllocationCounter counter = new AllocationCounter();

        ConsoleIo silent = new ConsoleIo() {
            @Override
            public void write(int b) {
            }

            @Override
            public int read() {
                return -1;
            }
        };
        SettableClock clock = new SettableClock();
        RecordingHarts harts = new RecordingHarts(1);
        Plic plic = new Plic(1, harts);
        Uart16550 uart = new Uart16550("uart0", silent, plic.irqLine(10));
        Aclint clint = new Aclint(1, clock, harts);
        Bus bus = new Bus();
        bus.attach(0x1000_0000L, uart);
        bus.attach(0x0200_0000L, clint);
        bus.attach(0x0c00_0000L, plic);
        plic.write(0x28, 4, 1);
        plic.write(0x2000, 4, 1 << 10);
        uart.write(Uart16550.IER, 1, 0x02);

        long sum = 0;
        for (int round = 0; round < 3; round++) {
            long before = counter.bytes();
            for (int i = 0; i < 200_000; i++) {
                int u = bus.find(0x1000_0005L, 1);
                sum += bus.read(u, 0x1000_0005L, 1); // LSR poll
                bus.write(u, 0x1000_0000L, 1, 'x'); // THR
                sum += bus.read(u, 0x1000_0002L, 1); // IIR
                int c = bus.find(0x0200_bff8L, 8);
                sum += bus.read(c, 0x0200_bff8L, 8);
                clock.now++;
                clint.timeChanged();
                int p = bus.find(0x0c20_0004L, 4);
                long source = bus.read(p, 0x0c20_0004L, 4); // claim
                bus.write(p, 0x0c20_0004L, 4, source); // complete
                uart.poll();
            }
            long allocated = counter.bytes() - before;
            if (round == 2) {
                // A few hundred bytes of slack for the measurement itself; one allocation per access would be
                // megabytes.
                assertTrue(allocated < 4096, "allocated " + allocated + " bytes in 200,000 rounds of accesses");
            }
        }
        assertTrue(sum != 0);
        assertEquals(Bus.MISS, bus.find(0, 1));
    }
}
