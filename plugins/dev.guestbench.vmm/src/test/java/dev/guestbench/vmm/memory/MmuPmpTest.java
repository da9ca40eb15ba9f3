package dev.guestbench.vmm.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** PMP on the MMU's slow path: a page one entry governs is cached whole, a page entries split never is. */
class MmuPmpTest {

    private static final int S = 1;
    private static final long RAM = PagingFixture.RAM;

    @Test
    void aPageSplitByPmpIsCheckedPerAccessAndNeverCached() {
        PagingFixture f = new PagingFixture(PagingMode.NESTED);
        f.satp = 0;
        long page = RAM + 0x5000;
        // Entry 0: TOR [0, page + 0x800) read-only; entry 1: NAPOT over everything, RWX.
        f.pmpcfg[0] = (byte) (0x08 | Pmp.R);
        f.pmpaddr[0] = (page + 0x800) >>> 2;
        f.pmpcfg[1] = 0x1f;
        f.pmpaddr[1] = -1L >>> 10;
        f.mmu.pmpChanged();
        f.mmu.store(page + 0x7f8, 8, 1, S);
        assertEquals(Mmu.FAULT, f.mmu.status, "the read-only half");
        assertEquals(7, f.mmu.faultCause);
        f.mmu.store(page + 0x800, 8, 2, S);
        assertEquals(Mmu.OK, f.mmu.status, "the writable half");
        f.mmu.store(page + 0x7fc, 8, 3, S);
        assertEquals(Mmu.FAULT, f.mmu.status, "an access across the boundary: the first entry must match it all");
        assertEquals(2, f.mmu.load(page + 0x800, 8, S));
        int i = (int) (page >>> 12) & Mmu.TLB_MASK;
        assertEquals(Mmu.NO_PAGE, f.mmu.readTags[Mmu.modeIndex(S)][i], "a split page is never cached");
        assertEquals(Mmu.NO_PAGE, f.mmu.writeTags[Mmu.modeIndex(S)][i]);
        // A page the NAPOT entry governs alone is cached after its first access.
        long whole = RAM + 0x9000;
        f.mmu.store(whole, 8, 4, S);
        assertEquals(Mmu.OK, f.mmu.status);
        assertEquals(whole >>> 12, f.mmu.writeTags[Mmu.modeIndex(S)][(int) (whole >>> 12) & Mmu.TLB_MASK]);
    }
}
