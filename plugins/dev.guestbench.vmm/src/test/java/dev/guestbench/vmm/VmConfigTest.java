package dev.guestbench.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.guestbench.vmm.boot.VirtLayout;

class VmConfigTest {

    @Test
    void defaultsAreQemusMachine() {
        VmConfig c = VmConfig.defaults();
        assertEquals(128L << 20, c.memoryBytes());
        assertEquals(1, c.harts());
    }

    @Test
    void rejectsMemoryThatIsNotWholePages() {
        var e = assertThrows(IllegalArgumentException.class, () -> VmConfig.of((1L << 20) + 1, 1));
        assertEquals("guest memory must be a multiple of 4 KiB and at least 1 MiB, not 1048577 bytes", e.getMessage());
    }

    @Test
    void rejectsTooManyHarts() {
        var e = assertThrows(IllegalArgumentException.class, () -> VmConfig.of(1L << 20, 9));
        assertEquals("a VM has 1 to 8 harts, not 9", e.getMessage());
    }

    @Test
    void rejectsMemoryBeyondTheGuestPhysicalSpace() {
        assertThrows(IllegalArgumentException.class, () -> VmConfig.of(1L << 40, 1));
    }

    @Test
    void virtioSlotsFollowEachOther() {
        assertEquals(0x1000_1000L, VirtLayout.virtioSlot(0));
        assertEquals(0x1000_8000L, VirtLayout.virtioSlot(7));
        assertThrows(IllegalArgumentException.class, () -> VirtLayout.virtioSlot(8));
    }
}
