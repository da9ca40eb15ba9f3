package dev.guestbench.vmm.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SFENCE.VMA of one address drops what every cache in front of the walk holds of it, and only that. */
class MmuFenceTest {

    private static final int S = 1;
    private static final int M = 3;
    private static final long VA = 0x4000_0000L;
    private static final long PAGE = PagingFixture.RAM + 0x10_0000;

    @ParameterizedTest
    @EnumSource(PagingMode.class)
    void aPageFenceShowsTheNewMappingAndKeepsTheOtherPages(PagingMode mode) {
        PagingFixture f = new PagingFixture(mode);
        long pte = f.map4k(VA, PAGE, Pte.R | Pte.W | Pte.A | Pte.D);
        f.map4k(VA + 0x1000, PAGE + 0x1000, Pte.R | Pte.W | Pte.A | Pte.D);
        Mmu.write(f.ram.page(PAGE + 0x2000), 0, 8, 7);
        Mmu.write(f.ram.page(PAGE + 0x1000), 0, 8, 5);
        assertEquals(0, f.mmu.load(VA, 8, S));
        assertEquals(5, f.mmu.load(VA + 0x1000, 8, S));
        f.mmu.store(pte, 8, Pte.make((PAGE + 0x2000) >>> 12, Pte.V | Pte.R | Pte.W | Pte.A | Pte.D), M);
        f.mmu.sfence(VA, -1);
        assertEquals(7, f.mmu.load(VA, 8, S), mode + ": the fenced page is translated again");
        int other = (int) ((VA + 0x1000) >>> 12) & Mmu.TLB_MASK;
        assertEquals((VA + 0x1000) >>> 12, f.mmu.readTags[Mmu.modeIndex(S)][other],
                mode + ": the micro TLB keeps the page the fence did not name");
    }

    @ParameterizedTest
    @EnumSource(PagingMode.class)
    void aFenceInsideASuperpageDropsEveryPieceOfIt(PagingMode mode) {
        PagingFixture f = new PagingFixture(mode);
        f.map4k(VA, PAGE, Pte.R | Pte.A);
        // A 2 MiB leaf right after VA's 2 MiB, in the level-1 table map4k made.
        long l1 = Pte.ppn(f.peek(PagingFixture.ROOT + ((VA >>> 30) & 0x1ff) * 8)) << 12;
        long leaf = l1 + 8;
        long big = VA + 0x20_0000;
        long first = PagingFixture.RAM + 0x40_0000;
        long second = PagingFixture.RAM + 0x60_0000;
        f.poke(leaf, Pte.make(first >>> 12, Pte.V | Pte.R | Pte.W | Pte.A | Pte.D));
        Mmu.write(f.ram.page(second + 0x3000), 0, 8, 9);
        assertEquals(0, f.mmu.load(big + 0x3000, 8, S));
        f.mmu.store(leaf, 8, Pte.make(second >>> 12, Pte.V | Pte.R | Pte.W | Pte.A | Pte.D), M);
        // The fence names another 4 KiB piece of the same superpage.
        f.mmu.sfence(big + 0x10_0000, -1);
        assertEquals(9, f.mmu.load(big + 0x3000, 8, S), mode + ": every piece of the superpage is translated again");
    }
}
