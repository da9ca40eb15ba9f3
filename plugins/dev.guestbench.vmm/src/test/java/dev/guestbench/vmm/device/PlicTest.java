package dev.guestbench.vmm.device;

import static dev.guestbench.vmm.device.HartInterrupts.MEIP;
import static dev.guestbench.vmm.device.HartInterrupts.SEIP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlicTest {

    private final RecordingHarts harts = new RecordingHarts(2);
    private final Plic plic = new Plic(2, harts);

    private static long priority(int source) {
        return Plic.PRIORITY + 4L * source;
    }

    private static long enable(int context, int word) {
        return Plic.ENABLE + Plic.ENABLE_STRIDE * context + 4L * word;
    }

    private static long threshold(int context) {
        return Plic.CONTEXT + Plic.CONTEXT_STRIDE * context;
    }

    private static long claim(int context) {
        return threshold(context) + 4;
    }

    private void enableSource(int context, int source) {
        long at = enable(context, source / 32);
        plic.write(at, 4, plic.read(at, 4) | (1L << (source % 32)));
    }

    @Test
    void prioritiesHaveThreeBitsAndSourceZeroHasNone() {
        plic.write(priority(10), 4, 5);
        assertEquals(5, plic.read(priority(10), 4));
        plic.write(priority(10), 4, 0xff);
        assertEquals(7, plic.read(priority(10), 4));
        plic.write(priority(95), 4, 9);
        assertEquals(1, plic.read(priority(95), 4));
        plic.write(priority(0), 4, 7);
        assertEquals(0, plic.read(priority(0), 4));
        assertEquals(0, plic.read(priority(96), 4), "beyond the last source");
    }

    @Test
    void enablesArePerContextAndBitZeroIsHardwiredOff() {
        plic.write(enable(1, 0), 4, 0xffff_ffffL);
        plic.write(enable(2, 2), 4, 0x8000_0001L);
        assertEquals(0xffff_fffeL, plic.read(enable(1, 0), 4));
        assertEquals(0, plic.read(enable(0, 0), 4));
        assertEquals(0x8000_0001L, plic.read(enable(2, 2), 4));
        plic.write(enable(3, 3), 4, -1L);
        assertEquals(0, plic.read(enable(3, 3), 4), "only 96 sources: 3 words");
        plic.write(enable(4, 0), 4, -1L);
        assertEquals(0, plic.read(enable(4, 0), 4), "two harts have contexts 0 to 3 only");
    }

    @Test
    void aLevelRaisesMeipOfAnEnabledMContextAboveThreshold() {
        IrqLine uart = plic.irqLine(10);
        plic.write(priority(10), 4, 1);
        uart.set(true);
        assertTrue(plic.isPending(10));
        assertEquals(1L << 10, plic.read(Plic.PENDING, 4));
        assertFalse(harts.pending(0, MEIP), "not enabled yet");

        enableSource(0, 10);
        assertTrue(harts.pending(0, MEIP));
        assertFalse(harts.pending(0, SEIP));
        assertFalse(harts.pending(1, MEIP));

        plic.write(threshold(0), 4, 1);
        assertFalse(harts.pending(0, MEIP), "priority must exceed the threshold");
        assertEquals(0, plic.read(claim(0), 4));
        plic.write(threshold(0), 4, 0);
        assertTrue(harts.pending(0, MEIP));

        // The request was latched: it waits for its claim even when the line falls (QEMU 7.2 does the same;
        // the guest differential test 'interrupts' checks it against QEMU).
        uart.set(false);
        assertTrue(plic.isPending(10), "a latched request stays pending until claimed");
        assertTrue(harts.pending(0, MEIP));
        assertEquals(10, plic.read(claim(0), 4));
        assertFalse(plic.isPending(10));
        assertFalse(harts.pending(0, MEIP));
    }

    @Test
    void contextsMapToMeipAndSeipOfTheirHarts() {
        plic.write(priority(3), 4, 2);
        enableSource(1, 3); // hart 0 S-mode
        enableSource(2, 3); // hart 1 M-mode
        plic.irqLine(3).set(true);
        assertTrue(harts.pending(0, SEIP));
        assertFalse(harts.pending(0, MEIP));
        assertTrue(harts.pending(1, MEIP));
        assertFalse(harts.pending(1, SEIP));

        plic.write(threshold(3), 4, 7);
        plic.write(enable(3, 0), 4, 1L << 3);
        assertFalse(harts.pending(1, SEIP), "hart 1 S-mode threshold 7 masks everything");
        assertEquals(7, plic.read(threshold(3), 4));
        plic.write(threshold(3), 4, 0x1f);
        assertEquals(7, plic.read(threshold(3), 4), "thresholds have 3 bits too");
    }

    @Test
    void claimTakesTheHighestPriorityAndTiesGoToTheLowestId() {
        for (int s : new int[] {5, 7, 40, 70}) {
            enableSource(0, s);
            plic.irqLine(s).set(true);
        }
        plic.write(priority(5), 4, 3);
        plic.write(priority(7), 4, 6);
        plic.write(priority(40), 4, 6);
        plic.write(priority(70), 4, 1);
        assertEquals(7, plic.read(claim(0), 4));
        assertFalse(plic.isPending(7), "claiming clears the pending bit");
        assertEquals(40, plic.read(claim(0), 4));
        assertEquals(5, plic.read(claim(0), 4));
        assertEquals(70, plic.read(claim(0), 4));
        assertEquals(0, plic.read(claim(0), 4), "nothing left");
        assertFalse(harts.pending(0, MEIP));
        assertEquals(0, plic.read(Plic.PENDING, 4) | plic.read(Plic.PENDING + 4, 4) | plic.read(Plic.PENDING + 8, 4));
    }

    @Test
    void priorityZeroNeverInterrupts() {
        enableSource(0, 12);
        plic.irqLine(12).set(true);
        assertTrue(plic.isPending(12));
        assertFalse(harts.pending(0, MEIP));
        assertEquals(0, plic.read(claim(0), 4));
        assertTrue(plic.isPending(12));
    }

    @Test
    void completeRearmsALineThatIsStillHigh() {
        IrqLine line = plic.irqLine(33);
        plic.write(priority(33), 4, 1);
        enableSource(0, 33);
        line.set(true);
        assertEquals(33, plic.read(claim(0), 4));
        assertFalse(harts.pending(0, MEIP), "in service: not offered again");
        line.set(false);
        line.set(true);
        assertFalse(plic.isPending(33), "the gateway holds requests while the source is in service");
        plic.write(claim(0), 4, 33);
        assertTrue(plic.isPending(33), "still high after completion: pending again");
        assertTrue(harts.pending(0, MEIP));

        assertEquals(33, plic.read(claim(0), 4));
        line.set(false);
        plic.write(claim(0), 4, 33);
        assertFalse(plic.isPending(33), "low after completion: nothing more");
        assertFalse(harts.pending(0, MEIP));
    }

    @Test
    void aClaimedSourceIsNotOfferedToOtherContextsUntilCompleted() {
        IrqLine line = plic.irqLine(9);
        plic.write(priority(9), 4, 4);
        enableSource(0, 9);
        enableSource(2, 9);
        line.set(true);
        assertTrue(harts.pending(0, MEIP));
        assertTrue(harts.pending(1, MEIP));
        assertEquals(9, plic.read(claim(2), 4));
        assertFalse(harts.pending(0, MEIP));
        assertFalse(harts.pending(1, MEIP));
        assertEquals(0, plic.read(claim(0), 4));
        plic.write(claim(2), 4, 9);
        assertTrue(harts.pending(0, MEIP));
        assertTrue(harts.pending(1, MEIP));
    }

    @Test
    void badCompletionsAreIgnored() {
        IrqLine line = plic.irqLine(1);
        plic.write(priority(1), 4, 1);
        enableSource(0, 1);
        line.set(true);
        assertEquals(1, plic.read(claim(0), 4));
        plic.write(claim(0), 4, 0);
        plic.write(claim(0), 4, 96);
        plic.write(claim(0), 4, -1);
        plic.write(claim(0), 4, 2); // never claimed
        assertFalse(plic.isPending(1));
        assertFalse(harts.pending(0, MEIP));
        plic.write(claim(0), 4, 1);
        assertTrue(harts.pending(0, MEIP));
    }

    @Test
    void onlyAlignedWordAccessesReachTheRegisters() {
        plic.write(priority(4), 1, 5);
        plic.write(priority(4), 8, 5);
        plic.write(priority(4) + 2, 4, 5);
        assertEquals(0, plic.read(priority(4), 4));
        plic.write(priority(4), 4, 5);
        assertEquals(0, plic.read(priority(4), 1));
        assertEquals(0, plic.read(priority(4), 2));
        assertEquals(0, plic.read(priority(4), 8));

        plic.irqLine(4).set(true);
        enableSource(0, 4);
        assertEquals(0, plic.read(claim(0), 8), "a wide read does not claim");
        assertEquals(0, plic.read(claim(0), 2));
        assertTrue(plic.isPending(4));
        assertEquals(4, plic.read(claim(0), 4));
    }

    @Test
    void pendingBitsAreReadOnly() {
        plic.write(Plic.PENDING, 4, -1L);
        assertEquals(0, plic.read(Plic.PENDING, 4));
    }

    @Test
    void linesAreDrivenOnlyWhenTheyChange() {
        plic.write(priority(2), 4, 1);
        enableSource(0, 2);
        IrqLine line = plic.irqLine(2);
        line.set(true);
        int calls = harts.calls;
        line.set(true);
        line.set(true);
        plic.write(priority(2), 4, 2);
        assertEquals(calls, harts.calls);
    }

    @Test
    void sourceIdsAndHartCountsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> plic.irqLine(0));
        assertThrows(IllegalArgumentException.class, () -> plic.irqLine(96));
        assertThrows(IllegalArgumentException.class, () -> new Plic(0, harts));
        assertEquals(0x600000, plic.size());
    }
}
