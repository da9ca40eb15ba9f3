package dev.guestbench.vmm.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The devices' registers as the debugger inspects them: the values after guest writes, decoded, and no side
 * effect (inspecting twice gives the same answer, and the guest's next reads are what they were before).
 */
class DeviceInspectionTest {

    private static DeviceRegister find(Inspectable device, String group, String name) {
        for (DeviceRegister r : device.registers()) {
            if (r.group().equals(group) && r.name().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no register " + name + " in group '" + group + "': " + device.registers());
    }

    private static DeviceRegister find(Inspectable device, String name) {
        return find(device, "", name);
    }

    // ---- UART ---------------------------------------------------------------------------------------

    private final ScriptedConsole console = new ScriptedConsole();
    private final RecordingLine irq = new RecordingLine();
    private final Uart16550 uart = new Uart16550("uart0", console, irq);

    @Test
    void uartRegistersAfterPowerOnAreDecoded() {
        assertEquals(0x60, find(uart, "LSR").value());
        assertEquals("THRE TEMT", find(uart, "LSR").meaning());
        assertEquals(0x08, find(uart, "MCR").value());
        assertEquals("OUT2", find(uart, "MCR").meaning());
        assertEquals(0xb0, find(uart, "MSR").value());
        assertEquals("CTS DSR DCD", find(uart, "MSR").meaning());
        assertEquals(0x01, find(uart, "IIR").value());
        assertEquals("no interrupt pending", find(uart, "IIR").meaning());
        assertEquals(0x0c, find(uart, "DLL").value());
        assertEquals(0, find(uart, "DLM").value());
        assertEquals("5N1", find(uart, "LCR").meaning());
        assertEquals(Uart16550.LSR, find(uart, "LSR").offset());
        assertEquals("0x60", find(uart, "LSR").hexValue());
        List<String> names = uart.registers().stream().map(DeviceRegister::name).toList();
        assertEquals(List.of("RBR", "THR", "IER", "IIR", "FCR", "LCR", "MCR", "LSR", "MSR", "SCR", "DLL", "DLM",
                "RX FIFO fill", "interrupt line"), names);
    }

    @Test
    void uartRegistersFollowTheGuestsWrites() {
        uart.write(Uart16550.LCR, 1, 0x80);
        uart.write(Uart16550.DLL, 1, 0x01);
        uart.write(Uart16550.DLM, 1, 0x02);
        uart.write(Uart16550.LCR, 1, 0x1f); // 8 bits, 2 stop bits, even parity
        uart.write(Uart16550.FCR, 1, 0xc7);
        uart.write(Uart16550.SCR, 1, 0x5a);
        uart.write(Uart16550.IER, 1, Uart16550.IER_RDI | Uart16550.IER_THRI);
        assertEquals(0x201, find(uart, "DLL").value() | find(uart, "DLM").value() << 8);
        assertEquals("8E2", find(uart, "LCR").meaning());
        assertEquals(0xc1, find(uart, "FCR").value());
        assertTrue(find(uart, "FCR").meaning().startsWith("FIFOs on, trigger level 14"), find(uart, "FCR").meaning());
        assertEquals(0x5a, find(uart, "SCR").value());
        assertEquals("received data THR empty", find(uart, "IER").meaning());
        assertEquals(0xc2, find(uart, "IIR").value(), "THR empty is pending, FIFOs on");
        assertEquals(1, find(uart, "interrupt line").value());
    }

    @Test
    void inspectingTheUartPopsNothingPullsNoInputAndAcknowledgesNothing() {
        uart.write(Uart16550.FCR, 1, Uart16550.FCR_FE);
        uart.write(Uart16550.IER, 1, Uart16550.IER_THRI);
        console.type("ab");
        uart.poll(); // the machine pulls input periodically: "ab" is in the FIFO now
        console.type("c"); // waits in the console: only a guest read of RBR or LSR would pull it
        int reads = console.reads;

        List<DeviceRegister> first = uart.registers();
        assertEquals(first, uart.registers(), "a second look sees the same");
        assertEquals(reads, console.reads, "no console input was pulled");
        assertEquals(1, console.waiting());
        DeviceRegister fill = find(uart, "RX FIFO fill");
        assertEquals(2, fill.value());
        assertEquals("2 of 16 bytes: 'a' (0x61) 'b' (0x62)", fill.meaning());
        assertEquals('a', find(uart, "RBR").value());
        assertEquals("DR THRE TEMT", find(uart, "LSR").meaning());
        assertEquals(Uart16550.IIR_FIFO | Uart16550.IIR_THRI, find(uart, "IIR").value());

        // The guest sees the device as if nobody had looked: THR empty still pending, 'a' still first.
        assertEquals(Uart16550.IIR_FIFO | Uart16550.IIR_THRI, uart.read(Uart16550.IIR, 1));
        assertEquals('a', uart.read(Uart16550.RBR, 1));
        assertEquals('b', uart.read(Uart16550.RBR, 1));
        assertEquals('c', uart.read(Uart16550.RBR, 1));
    }

    @Test
    void inspectingTheUartKeepsOverrunForTheGuestsLsrRead() {
        uart.write(Uart16550.MCR, 1, Uart16550.MCR_LOOP);
        uart.write(Uart16550.THR, 1, 'x');
        uart.write(Uart16550.THR, 1, 'y'); // no FIFO: the holding register overruns
        assertEquals("DR OE THRE TEMT", find(uart, "LSR").meaning());
        assertEquals("DR OE THRE TEMT", find(uart, "LSR").meaning());
        assertEquals(Uart16550.LSR_DR | Uart16550.LSR_OE | 0x60, uart.read(Uart16550.LSR, 1));
        assertEquals("DR THRE TEMT", find(uart, "LSR").meaning(), "the guest's read acknowledged it");
        assertEquals("1 of 1 bytes: 'y' (0x79)", find(uart, "RX FIFO fill").meaning());
    }

    // ---- PLIC ---------------------------------------------------------------------------------------

    private final RecordingHarts harts = new RecordingHarts(2);
    private final Plic plic = new Plic(2, harts);

    @Test
    void plicShowsPrioritiesPendingEnablesThresholdsAndTheNextClaimWithoutClaiming() {
        plic.write(Plic.PRIORITY + 4 * 10, 4, 3);
        plic.write(Plic.PRIORITY + 4 * 40, 4, 1);
        plic.write(Plic.ENABLE + Plic.ENABLE_STRIDE * 1, 4, 1 << 10); // context 1: hart 0, S-mode
        plic.write(Plic.CONTEXT + Plic.CONTEXT_STRIDE * 1, 4, 2);
        plic.irqLine(10).set(true);
        plic.irqLine(40).set(true);

        assertEquals((1L << 10), find(plic, "pending[0]").value());
        assertEquals("source 10", find(plic, "pending[0]").meaning());
        assertEquals("source 40", find(plic, "pending[1]").meaning());
        assertEquals(3, find(plic, "priorities", "priority[10]").value());
        assertEquals("source 10, pending", find(plic, "priorities", "priority[10]").meaning());
        String s0 = "context 1 (hart 0, S-mode)";
        assertEquals(2, find(plic, s0, "threshold").value());
        assertEquals(1L << 10, find(plic, s0, "enable[0]").value());
        assertEquals(Plic.CONTEXT + Plic.CONTEXT_STRIDE + 4, find(plic, s0, "claim/complete").offset());
        assertEquals(10, find(plic, s0, "claim/complete").value());
        assertEquals("a claim would return source 10", find(plic, s0, "claim/complete").meaning());
        assertEquals(1, find(plic, s0, "SEIP").value());
        assertEquals(0, find(plic, "context 0 (hart 0, M-mode)", "claim/complete").value());
        assertEquals(6, plic.registers().stream().filter(r -> r.group().startsWith("context 3 ")).count(),
                "threshold, claim, three enable words and the output per context");

        assertEquals(plic.registers(), plic.registers());
        assertTrue(plic.isPending(10), "inspection claimed nothing");
        assertTrue(harts.pending(0, HartInterrupts.SEIP));
        assertEquals(10, plic.read(Plic.CONTEXT + Plic.CONTEXT_STRIDE + 4, 4), "the guest's claim gets it");
        assertFalse(plic.isPending(10));
        assertEquals("claimed, not completed: source 10", find(plic, "in service[0]").meaning());
        assertEquals("nothing to claim", find(plic, s0, "claim/complete").meaning());
    }

    @Test
    void plicWithNoPrioritySaysSo() {
        DeviceRegister r = find(plic, "priorities", "priority[1..95]");
        assertEquals(DeviceRegister.INTERNAL, r.offset());
        assertEquals("all 0: no source can interrupt", r.meaning());
    }

    // ---- ACLINT -------------------------------------------------------------------------------------

    private final SettableClock clock = new SettableClock();

    @Test
    void aclintShowsMtimeMsipAndMtimecmpPerHart() {
        Aclint clint = new Aclint(2, clock, harts);
        clock.now = 1000;
        clint.timeChanged();
        clint.write(Aclint.MTIMECMP + 8, 8, 1500);
        clint.write(Aclint.MSIP, 4, 1);
        int calls = harts.calls;

        assertEquals(1000, find(clint, "mtime").value());
        assertEquals(Aclint.MTIME, find(clint, "mtime").offset());
        assertEquals(1, find(clint, "msip[0]").value());
        assertEquals("MSIP raised", find(clint, "msip[0]").meaning());
        assertEquals("clear", find(clint, "msip[1]").meaning());
        assertEquals(0, find(clint, "mtimecmp[0]").value());
        assertEquals("reached: MTIP raised", find(clint, "mtimecmp[0]").meaning());
        assertEquals(1500, find(clint, "mtimecmp[1]").value());
        assertEquals(Aclint.MTIMECMP + 8, find(clint, "mtimecmp[1]").offset());
        assertEquals("in 500 ticks", find(clint, "mtimecmp[1]").meaning());
        assertEquals(clint.registers(), clint.registers());
        assertEquals(calls, harts.calls, "inspection drives no interrupt line");
        clint.write(Aclint.MTIMECMP + 8, 8, -1L);
        assertEquals("never (all ones)", find(clint, "mtimecmp[1]").meaning());
    }

    // ---- the finisher -------------------------------------------------------------------------------

    @Test
    void theFinisherShowsTheLastStatusWritten() {
        RecordingPower power = new RecordingPower();
        TestFinisher finisher = new TestFinisher(power);
        assertEquals("nothing written yet (write-only; reads 0)", find(finisher, "status").meaning());
        finisher.write(0, 4, (3 << 16) | TestFinisher.FAIL);
        assertEquals(0x33333, find(finisher, "status").value());
        assertEquals("last written: fail with code 3", find(finisher, "status").meaning());
        finisher.write(0, 1, TestFinisher.PASS); // a byte write is not a command
        assertEquals("last written: fail with code 3", find(finisher, "status").meaning());
        finisher.write(0, 2, TestFinisher.PASS);
        assertEquals("last written: pass", find(finisher, "status").meaning());
        assertEquals(List.of("fail 3", "pass"), power.events);
    }
}
