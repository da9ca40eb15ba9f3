package dev.guestbench.vmm.device;

import static dev.guestbench.vmm.device.Uart16550.FCR;
import static dev.guestbench.vmm.device.Uart16550.IER;
import static dev.guestbench.vmm.device.Uart16550.IIR;
import static dev.guestbench.vmm.device.Uart16550.LCR;
import static dev.guestbench.vmm.device.Uart16550.LSR;
import static dev.guestbench.vmm.device.Uart16550.MCR;
import static dev.guestbench.vmm.device.Uart16550.MSR;
import static dev.guestbench.vmm.device.Uart16550.RBR;
import static dev.guestbench.vmm.device.Uart16550.SCR;
import static dev.guestbench.vmm.device.Uart16550.THR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Uart16550Test {

    private final ScriptedConsole console = new ScriptedConsole();
    private final RecordingLine irq = new RecordingLine();
    private final Uart16550 uart = new Uart16550("uart0", console, irq);

    private int reg(int offset) {
        return (int) uart.read(offset, 1);
    }

    private void set(int offset, int value) {
        uart.write(offset, 1, value);
    }

    @Test
    void powerOnValuesAreQemus() {
        assertEquals(0x00, reg(IER));
        assertEquals(0x01, reg(IIR));
        assertEquals(0x00, reg(LCR));
        assertEquals(0x08, reg(MCR), "OUT2");
        assertEquals(0x60, reg(LSR), "THRE | TEMT, no data");
        assertEquals(0xb0, reg(MSR), "DCD | DSR | CTS");
        assertEquals(0x00, reg(SCR));
        set(LCR, 0x80);
        assertEquals(0x0c, reg(0), "divisor 12: 9600 baud");
        assertEquals(0x00, reg(1));
        assertFalse(irq.level);
    }

    @Test
    void transmittedBytesGoToTheConsoleAndTheTransmitterStaysEmpty() {
        for (char c : "hi\n".toCharArray()) {
            set(THR, c);
            assertEquals(0x60, reg(LSR) & 0x60);
        }
        assertEquals("hi\n", console.output());
    }

    @Test
    void wideAccessesUseTheLowByteOfOneRegister() {
        uart.write(THR, 4, 0x4241);
        uart.write(THR, 8, 0xffff_ff43L);
        assertEquals("AC", console.output());
        uart.write(SCR, 2, 0x1234);
        assertEquals(0x34, uart.read(SCR, 4));
        assertEquals(0x34, uart.read(SCR, 8));
        uart.write(0x10, 1, 'x');
        uart.write(0xff, 1, 'x');
        assertEquals("AC", console.output(), "offsets 8 and up are not registers");
        assertEquals(0, uart.read(0x0d, 1), "no alias of LSR at 8 + 5");
    }

    @Test
    void receiveWithoutFifoUsesOneHoldingRegister() {
        console.type("ab");
        assertEquals(0x61, reg(LSR), "data ready");
        assertEquals(1, console.waiting(), "only one byte fits without the FIFO");
        assertEquals('a', reg(RBR));
        assertEquals('b', reg(RBR));
        assertEquals(0x60, reg(LSR));
        assertEquals('b', reg(RBR), "the holding register keeps its last byte");
    }

    @Test
    void fifoHoldsSixteenBytesAndIirShowsIt() {
        set(FCR, 0x01);
        assertEquals(0xc1, reg(IIR));
        console.type("0123456789abcdefXYZW");
        assertEquals(0x61, reg(LSR));
        assertEquals(4, console.waiting(), "16 bytes pulled");
        StringBuilder got = new StringBuilder();
        while ((reg(LSR) & 1) != 0) {
            got.append((char) reg(RBR));
        }
        assertEquals("0123456789abcdefXYZW", got.toString());
        assertEquals(0, reg(RBR), "an empty FIFO reads 0");

        set(FCR, 0x00);
        assertEquals(0x01, reg(IIR), "FIFO off: no FIFO bits");
    }

    @Test
    void fcrReceiveResetEmptiesTheFifo() {
        set(FCR, 0x01);
        console.type("abc");
        uart.poll();
        set(FCR, 0x03);
        assertEquals(0x60, reg(LSR) & 0x61, "emptied (and nothing left to pull)");
        assertEquals(0xc1, reg(IIR));
    }

    @Test
    void dlabSwitchesOffsetsZeroAndOneToTheDivisor() {
        set(IER, 0x05);
        set(LCR, 0x83);
        set(0, 0x03);
        set(1, 0x01);
        assertEquals(0x03, reg(0));
        assertEquals(0x01, reg(1));
        assertEquals("", console.output(), "a DLL write is not a transmission");
        set(LCR, 0x03);
        assertEquals(0x05, reg(IER));
        assertEquals(0x03, reg(LCR));
        set(LCR, 0x80);
        assertEquals(0x03, reg(0));
    }

    @Test
    void thrEmptyInterruptFollowsThe16550Rules() {
        set(IER, 0x02);
        assertTrue(irq.level, "pending as soon as IER enables it");
        assertEquals(0x02, reg(IIR));
        assertFalse(irq.level, "reading IIR while it reports THRE acknowledges it");
        assertEquals(0x01, reg(IIR));
        set(THR, 'x');
        assertTrue(irq.level, "pending again after a THR write");
        set(IER, 0x00);
        assertFalse(irq.level);
        assertEquals(0x01, reg(IIR));
    }

    @Test
    void onlyARisingThriOrATransmitFifoResetRearmsThrEmpty() {
        set(IER, 0x02);
        reg(IIR);
        assertFalse(irq.level);
        set(IER, 0x02);
        assertFalse(irq.level, "rewriting the same IER changes nothing (QEMU samples THRE on a rising THRI)");
        set(IER, 0x03);
        assertFalse(irq.level, "THRI did not change");
        set(IER, 0x01);
        set(IER, 0x03);
        assertTrue(irq.level, "toggling THRI re-samples THRE");
        reg(IIR);
        assertFalse(irq.level);
        set(FCR, 0x04);
        assertTrue(irq.level, "a transmit FIFO reset reports THR empty again");
    }

    @Test
    void receivedDataInterruptOutranksThrEmpty() {
        set(IER, 0x03);
        console.type("k");
        uart.poll();
        assertTrue(irq.level);
        assertEquals(0x04, reg(IIR));
        assertEquals(0x04, reg(IIR), "reading IIR does not acknowledge received data");
        assertEquals('k', reg(RBR));
        assertEquals(0x02, reg(IIR), "THR empty shows once the data is read");
        assertEquals(0x01, reg(IIR));
        assertFalse(irq.level);
    }

    @Test
    void triggerLevelAndCharacterTimeout() {
        set(FCR, 0x41); // FIFO on, trigger at 4 bytes
        set(IER, 0x01);
        console.type("ab");
        uart.poll();
        assertFalse(irq.level, "2 bytes are below the trigger level");
        assertEquals(0xc1, reg(IIR));
        uart.poll();
        assertTrue(irq.level, "a poll period without reads times out");
        assertEquals(0xcc, reg(IIR));
        assertEquals('a', reg(RBR));
        assertFalse(irq.level, "reading RBR clears the timeout");
        console.type("cde");
        uart.poll();
        assertTrue(irq.level, "4 bytes reach the trigger level");
        assertEquals(0xc4, reg(IIR));
    }

    @Test
    void loopbackFeedsTransmitsBackAndMirrorsModemLines() {
        set(MCR, 0x10 | 0x0f);
        console.type("z");
        set(THR, 'q');
        assertEquals("", console.output());
        assertEquals(0x61, reg(LSR));
        assertEquals('q', reg(RBR));
        assertEquals(1, console.waiting(), "loopback does not take console input");
        assertEquals(0xf0, reg(MSR));
        set(MCR, 0x10 | 0x02);
        assertEquals(0x10, reg(MSR), "RTS -> CTS");
        set(MCR, 0x10 | 0x01);
        assertEquals(0x20, reg(MSR), "DTR -> DSR");
        set(MCR, 0xff);
        assertEquals(0x1f, reg(MCR));
    }

    @Test
    void overrunRaisesLineStatusUntilLsrIsRead() {
        set(MCR, 0x10);
        set(IER, 0x05);
        set(THR, '1');
        set(THR, '2');
        assertTrue(irq.level);
        assertEquals(0x06, reg(IIR));
        assertEquals(0x63, reg(LSR), "data ready and overrun");
        assertEquals(0x04, reg(IIR), "reading LSR clears the overrun");
        assertEquals('2', reg(RBR));
        assertFalse(irq.level);
    }

    @Test
    void pollPullsInputWithoutGuestAccess() {
        set(FCR, 0x01);
        console.type("abc");
        uart.poll();
        assertEquals(0, console.waiting());
        assertEquals(0x61, reg(LSR));
    }

    @Test
    void scratchRegisterHoldsAByte() {
        set(SCR, 0xa5);
        assertEquals(0xa5, reg(SCR));
        assertEquals("uart0", uart.name());
        assertEquals(0x100, uart.size());
    }

    @Test
    void theLineIsDrivenOnlyWhenItChanges() {
        set(IER, 0x02);
        int calls = irq.calls;
        for (int i = 0; i < 100; i++) {
            set(THR, 'x');
            reg(LSR);
        }
        assertEquals(calls, irq.calls);
    }
}
