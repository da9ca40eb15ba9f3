package dev.guestbench.vmm.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TestFinisherTest {

    private final RecordingPower power = new RecordingPower();
    private final TestFinisher finisher = new TestFinisher(power);

    @Test
    void passFailAndResetCodesReachPowerControl() {
        finisher.write(0, 4, 0x5555);
        finisher.write(0, 4, (3 << 16) | 0x3333);
        finisher.write(0, 4, 0x7777);
        finisher.write(0, 4, (0xffffL << 16) | 0x3333);
        assertEquals(List.of("pass", "fail 3", "reset", "fail 65535"), power.events);
    }

    @Test
    void theStatusIsTheLowHalfWordAsInQemu() {
        // QEMU decodes the low 16 bits only: a pass with junk above still passes, and 2-byte writes count.
        finisher.write(0, 4, 0x1234_5555L);
        finisher.write(0, 2, 0x7777);
        finisher.write(0, 2, 0x3333);
        assertEquals(List.of("pass", "reset", "fail 0"), power.events);
    }

    @Test
    void otherValuesOffsetsAndWidthsAreIgnored() {
        finisher.write(0, 4, 0x5556);
        finisher.write(0, 4, 0);
        finisher.write(0, 4, 0x3334);
        finisher.write(4, 4, 0x5555);
        finisher.write(0xffc, 4, 0x5555);
        finisher.write(0, 1, 0x55);
        finisher.write(0, 8, 0x5555);
        assertEquals(List.of(), power.events);
    }

    @Test
    void readsReturnZero() {
        finisher.write(0, 4, 0x1234);
        for (int width : new int[] {1, 2, 4, 8}) {
            assertEquals(0, finisher.read(0, width));
            assertEquals(0, finisher.read(0x800, width));
        }
        assertEquals(0x1000, finisher.size());
        assertEquals("test", finisher.name());
    }
}
