package dev.guestbench.vmm.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TlbTest {

    private static final byte[] FRAME = new byte[4096];

    @Test
    void theFourSfenceFormsDropWhatTheSpecSays() {
        Tlb tlb = new Tlb();
        tlb.insert(0x100, 1, 0x80000, FRAME, (int) (Pte.R | Pte.A), 0);
        tlb.insert(0x101, 1, 0x80001, FRAME, (int) (Pte.R | Pte.A), 0);
        tlb.insert(0x100, 2, 0x80002, FRAME, (int) (Pte.R | Pte.A), 0);
        tlb.insert(0x200, 2, 0x80003, FRAME, (int) (Pte.R | Pte.A | Pte.G), 0);
        tlb.insert(0x300, Tlb.BARE, 0x300, FRAME, (int) (Pte.R | Pte.A), 0);
        // rs1 = address, rs2 = asid: that page of that address space.
        tlb.flush(false, 0x100_000L, 1);
        assertEquals(-1, tlb.lookup(0x100, 1));
        assertTrue(tlb.lookup(0x101, 1) >= 0);
        assertTrue(tlb.lookup(0x100, 2) >= 0);
        // rs1 = x0, rs2 = asid: the whole address space but its global entries.
        tlb.flush(true, 0, 2);
        assertEquals(-1, tlb.lookup(0x100, 2));
        assertTrue(tlb.lookup(0x200, 2) >= 0, "global entries survive an ASID fence");
        assertTrue(tlb.lookup(0x200, 7) >= 0, "and match every ASID");
        // rs1 = address, rs2 = x0: that page in every address space, globals too.
        tlb.flush(false, 0x200_000L, -1);
        assertEquals(-1, tlb.lookup(0x200, 2));
        // rs1 = x0, rs2 = x0: everything translated; untranslated entries are not translations.
        tlb.flush(true, 0, -1);
        assertEquals(-1, tlb.lookup(0x101, 1));
        assertTrue(tlb.lookup(0x300, Tlb.BARE) >= 0);
    }

    @Test
    void anAddressFenceDropsTheWholeSuperpage() {
        Tlb tlb = new Tlb();
        // A 4 KiB piece of a 2 MiB page (level 1) at VA 0x4000_0000.
        tlb.insert(0x40005, 3, 0x80005, FRAME, (int) (Pte.R | Pte.A), 1);
        tlb.flush(false, 0x4010_0000L, 3);
        assertEquals(-1, tlb.lookup(0x40005, 3));
    }

    @Test
    void aFenceOfOnePageOutsideEverySuperpageTouchesThatPageAlone() {
        Tlb tlb = new Tlb();
        tlb.insert(0x100, 1, 0x80000, FRAME, (int) (Pte.R | Pte.A), 0);
        tlb.insert(0x100 + Tlb.SETS, 1, 0x80001, FRAME, (int) (Pte.R | Pte.A), 0);
        tlb.insert(0x40005, 1, 0x80205, FRAME, (int) (Pte.R | Pte.A), 1);
        assertFalse(tlb.flush(false, 0x100_000L, -1), "no superpage holds the page: the caches in front drop one page");
        assertEquals(-1, tlb.lookup(0x100, 1));
        assertTrue(tlb.lookup(0x100 + Tlb.SETS, 1) >= 0, "the other page of the same set stays");
        assertTrue(tlb.flush(false, 0x4000_0000L, -1), "inside a superpage: the caches in front drop everything");
        assertEquals(-1, tlb.lookup(0x40005, 1));
        assertFalse(tlb.flush(false, 0x4000_0000L, -1), "the superpage is gone, so nothing of it is left to drop");
        assertTrue(tlb.flush(true, 0, 1), "an all-address fence drops everything in front");
    }

    @Test
    void manySuperpagesStillFenceExactly() {
        Tlb tlb = new Tlb();
        for (int i = 0; i < 20; i++) {
            // 4 KiB pieces of twenty 2 MiB pages, in different sets.
            tlb.insert(0x40000 + 512L * i + i, 1, 0x80000 + i, FRAME, (int) (Pte.R | Pte.A), 1);
        }
        assertTrue(tlb.flush(false, (0x40000 + 512L * 7) << 12, 1));
        assertEquals(-1, tlb.lookup(0x40000 + 512L * 7 + 7, 1));
        assertTrue(tlb.lookup(0x40000 + 512L * 8 + 8, 1) >= 0);
    }
}
