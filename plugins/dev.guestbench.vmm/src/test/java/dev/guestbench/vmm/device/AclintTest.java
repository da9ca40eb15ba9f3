package dev.guestbench.vmm.device;

import static dev.guestbench.vmm.device.HartInterrupts.MSIP;
import static dev.guestbench.vmm.device.HartInterrupts.MTIP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AclintTest {

    private final SettableClock clock = new SettableClock();
    private final RecordingHarts harts = new RecordingHarts(4);
    private final Aclint clint = new Aclint(4, clock, harts);

    private static long mtimecmp(int hart) {
        return Aclint.MTIMECMP + 8L * hart;
    }

    @Test
    void afterResetMtimecmpIsZeroSoMtipIsPendingAsOnQemu() {
        for (int h = 0; h < 4; h++) {
            assertEquals(0, clint.read(mtimecmp(h), 8));
            assertTrue(harts.pending(h, MTIP), "hart " + h);
            assertFalse(harts.pending(h, MSIP), "hart " + h);
        }
    }

    @Test
    void msipDrivesMsipOfItsHartOnly() {
        clint.write(Aclint.MSIP + 4 * 2, 4, 1);
        assertTrue(harts.pending(2, MSIP));
        assertFalse(harts.pending(0, MSIP));
        assertFalse(harts.pending(1, MSIP));
        assertEquals(1, clint.read(8, 4));
        assertEquals(0, clint.read(4, 4));

        // Only bit 0 exists.
        clint.write(8, 4, 0xffff_fffeL);
        assertFalse(harts.pending(2, MSIP));
        assertEquals(0, clint.read(8, 4));
        clint.write(8, 4, 0xffff_ffffL);
        assertEquals(1, clint.read(8, 4));
        assertEquals(1, clint.read(8, 1));
        assertEquals(0, clint.read(9, 1));
        // A byte write to the upper lanes cannot reach bit 0.
        clint.write(9, 1, 0);
        assertTrue(harts.pending(2, MSIP));
        clint.write(8, 1, 0);
        assertFalse(harts.pending(2, MSIP));
    }

    @Test
    void msipBeyondTheLastHartIsNothing() {
        clint.write(4 * 4, 4, 1);
        assertEquals(0, clint.read(4 * 4, 4));
        for (int h = 0; h < 4; h++) {
            assertFalse(harts.pending(h, MSIP));
        }
    }

    @Test
    void mtipIsPendingExactlyWhileMtimeReachesMtimecmp() {
        clint.write(mtimecmp(1), 8, 100);
        assertFalse(harts.pending(1, MTIP));
        assertTrue(harts.pending(0, MTIP), "other harts keep their own comparison");

        clock.now = 99;
        clint.timeChanged();
        assertFalse(harts.pending(1, MTIP));
        clock.now = 100;
        clint.timeChanged();
        assertTrue(harts.pending(1, MTIP));
        clock.now = 5000;
        clint.timeChanged();
        assertTrue(harts.pending(1, MTIP));

        // Moving mtimecmp ahead lowers the line at once; moving it back raises it.
        clint.write(mtimecmp(1), 8, 6000);
        assertFalse(harts.pending(1, MTIP));
        clint.write(mtimecmp(1), 8, 5000);
        assertTrue(harts.pending(1, MTIP));
    }

    @Test
    void mtimecmpIsUnsigned() {
        clock.now = 1000;
        clint.write(mtimecmp(0), 8, -1L);
        assertFalse(harts.pending(0, MTIP), "mtimecmp = 2^64 - 1 means never");
        clint.write(mtimecmp(0), 8, 0x8000_0000_0000_0000L);
        assertFalse(harts.pending(0, MTIP));
        clock.now = 0x8000_0000_0000_0000L;
        clint.timeChanged();
        assertTrue(harts.pending(0, MTIP));
    }

    @Test
    void mtimecmpHalvesAndBytesAreWritable() {
        clint.write(mtimecmp(3), 4, 0x1122_3344L);
        clint.write(mtimecmp(3) + 4, 4, 0x5566_7788L);
        assertEquals(0x5566_7788_1122_3344L, clint.read(mtimecmp(3), 8));
        assertEquals(0x1122_3344L, clint.read(mtimecmp(3), 4));
        assertEquals(0x5566_7788L, clint.read(mtimecmp(3) + 4, 4));
        assertEquals(0x7788L, clint.read(mtimecmp(3) + 4, 2));
        assertEquals(0x55L, clint.read(mtimecmp(3) + 7, 1));
        clint.write(mtimecmp(3) + 7, 1, 0);
        assertEquals(0x0066_7788_1122_3344L, clint.mtimecmp(3));
        // Writing the high half alone keeps the low half, as QEMU does.
        clint.write(mtimecmp(3) + 4, 4, 0);
        assertEquals(0x1122_3344L, clint.mtimecmp(3));
    }

    @Test
    void anAccessSpanningTwoRegistersDoesNothing() {
        clint.write(mtimecmp(0), 8, 42);
        clint.write(mtimecmp(0) + 4, 8, -1L);
        assertEquals(42, clint.mtimecmp(0));
        assertEquals(0, clint.mtimecmp(1));
        assertEquals(0, clint.read(mtimecmp(0) + 4, 8));
        assertEquals(0, clint.read(2, 4));
    }

    @Test
    void mtimeReadsAndWritesTheClock() {
        clock.now = 0x0000_0001_2345_6789L;
        assertEquals(0x0000_0001_2345_6789L, clint.read(Aclint.MTIME, 8));
        assertEquals(0x2345_6789L, clint.read(Aclint.MTIME, 4));
        assertEquals(1, clint.read(Aclint.MTIME + 4, 4));

        clock.now = 0;
        clint.write(mtimecmp(2), 8, 500);
        assertFalse(harts.pending(2, MTIP));
        clint.write(Aclint.MTIME, 8, 500);
        assertEquals(500, clock.now);
        assertTrue(harts.pending(2, MTIP), "writing mtime re-evaluates every hart");
        clint.write(Aclint.MTIME + 4, 4, 7);
        assertEquals((7L << 32) | 500, clock.now);
        clint.write(Aclint.MTIME, 4, 1);
        assertEquals((7L << 32) | 1, clock.now);
    }

    @Test
    void nextDeadlineIsTheNearestFutureMtimecmp() {
        clock.now = 10;
        clint.write(mtimecmp(0), 8, 100);
        clint.write(mtimecmp(1), 8, 50);
        clint.write(mtimecmp(2), 8, 5); // already reached
        clint.write(mtimecmp(3), 8, -1L); // disabled the usual way
        assertEquals(50, clint.nextDeadline());
        clock.now = 50;
        clint.timeChanged();
        assertEquals(100, clint.nextDeadline());
        clock.now = 100;
        assertEquals(Long.MAX_VALUE, clint.nextDeadline());
    }

    @Test
    void linesAreDrivenOnlyWhenTheyChange() {
        clint.write(mtimecmp(0), 8, 1000);
        int before = harts.calls;
        for (int t = 0; t < 100; t++) {
            clock.now = t;
            clint.timeChanged();
        }
        assertEquals(before, harts.calls);
    }

    @Test
    void resetRestoresThePowerOnState() {
        clint.write(0, 4, 1);
        clint.write(mtimecmp(0), 8, 1_000_000);
        clint.reset();
        assertFalse(harts.pending(0, MSIP));
        assertTrue(harts.pending(0, MTIP));
        assertEquals(0, clint.mtimecmp(0));
    }

    @Test
    void hartCountIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Aclint(0, clock, harts));
        assertThrows(IllegalArgumentException.class, () -> new Aclint(Aclint.MAX_HARTS + 1, clock, harts));
    }
}
