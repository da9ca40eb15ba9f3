package dev.guestbench.vmm.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ns16550a UART as QEMU emulates it: eight byte-wide registers at stride 1 in a 0x100-byte block.
 * Transmission is immediate (THRE and TEMT stay set; every THR write makes the THR-empty interrupt pending
 * again, as do enabling it in IER and resetting the transmit FIFO). Input is pulled from the
 * {@link ConsoleIo} into the receive FIFO (16 bytes, or one holding register while the FIFO is off) when the
 * guest reads RBR or LSR and on {@link #poll()}. The interrupt
 * sources (line status, character timeout, received data, THR empty, modem status) drive one
 * {@link IrqLine}, with the 16550's priorities.
 * <p>
 * An access of any width at offsets 0 to 7 acts on that one register with the low byte of the value, as in
 * QEMU; offsets 8 to 0xFF read 0 and ignore writes. Every method holds the device's monitor. The debugger's
 * {@link #registers()} shows what reads would return without doing what they do.
 */
public final class Uart16550 implements MmioDevice, Inspectable {

    /** Size of the register block. */
    public static final long SIZE = 0x100;
    /** Receive FIFO depth. */
    public static final int FIFO_DEPTH = 16;

    /** Offsets of the registers (DLL and DLM share 0 and 1 with RBR/THR and IER while LCR.DLAB is set). */
    public static final int RBR = 0, THR = 0, DLL = 0, IER = 1, DLM = 1, IIR = 2, FCR = 2, LCR = 3, MCR = 4,
            LSR = 5, MSR = 6, SCR = 7;

    /** IER bits. */
    public static final int IER_RDI = 0x01, IER_THRI = 0x02, IER_RLSI = 0x04, IER_MSI = 0x08;
    /** IIR interrupt identifications and the FIFO-enabled bits. */
    public static final int IIR_NO_INT = 0x01, IIR_MSI = 0x00, IIR_THRI = 0x02, IIR_RDI = 0x04, IIR_RLSI = 0x06,
            IIR_CTI = 0x0C, IIR_FIFO = 0xC0;
    /** FCR bits. */
    public static final int FCR_FE = 0x01, FCR_RFR = 0x02, FCR_XFR = 0x04;
    /** LCR divisor latch access bit. */
    public static final int LCR_DLAB = 0x80;
    /** MCR bits. */
    public static final int MCR_DTR = 0x01, MCR_RTS = 0x02, MCR_OUT1 = 0x04, MCR_OUT2 = 0x08, MCR_LOOP = 0x10;
    /** LSR bits. */
    public static final int LSR_DR = 0x01, LSR_OE = 0x02, LSR_BI = 0x10, LSR_THRE = 0x20, LSR_TEMT = 0x40;
    /** MSR bits. */
    public static final int MSR_CTS = 0x10, MSR_DSR = 0x20, MSR_DCD = 0x80;

    private static final int LSR_INT_ANY = 0x1E;
    private static final int MSR_ANY_DELTA = 0x0F;

    private final String name;
    private final ConsoleIo console;
    private final IrqLine irq;

    private final byte[] fifo = new byte[FIFO_DEPTH];
    private int head;
    private int count;

    private int rbr;
    private int ier;
    private int iir;
    private int fcr;
    private int lcr;
    private int mcr;
    private int lsr;
    private int msr;
    private int scr;
    private int divisor;
    private int triggerLevel;
    private boolean thrPending;
    private boolean timeoutPending;
    private boolean rxActivity;
    private boolean irqLevel;

    /** A UART called {@code name} that talks to {@code console} and raises {@code irq}. */
    public Uart16550(String name, ConsoleIo console, IrqLine irq) {
        this.name = name;
        this.console = console;
        this.irq = irq;
        reset();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return SIZE;
    }

    /** Power-on state (9600 baud divisor, OUT2 set, transmitter empty, CTS/DSR/DCD asserted); lowers the line. */
    public synchronized void reset() {
        head = 0;
        count = 0;
        rbr = 0;
        ier = 0;
        iir = IIR_NO_INT;
        fcr = 0;
        lcr = 0;
        mcr = MCR_OUT2;
        lsr = LSR_TEMT | LSR_THRE;
        msr = MSR_DCD | MSR_DSR | MSR_CTS;
        scr = 0;
        divisor = 0x0C;
        triggerLevel = 1;
        thrPending = false;
        timeoutPending = false;
        rxActivity = false;
        irqLevel = false;
        irq.set(false);
    }

    /**
     * Pulls waiting input into the receive FIFO and runs the character-timeout clock: bytes that sat in the
     * FIFO through a whole poll period without the guest reading any raise the timeout interrupt, which
     * stands in for the 16550's four character times. The machine calls this periodically.
     */
    public synchronized void poll() {
        pullInput();
        if ((fcr & FCR_FE) != 0 && count > 0 && !rxActivity) {
            timeoutPending = true;
        }
        rxActivity = false;
        updateIrq();
    }

    @Override
    public synchronized long read(long offset, int width) {
        if (offset < 0 || offset > SCR) {
            return 0;
        }
        switch ((int) offset) {
            case RBR:
                if ((lcr & LCR_DLAB) != 0) {
                    return divisor & 0xff;
                }
                return readRbr();
            case IER:
                return (lcr & LCR_DLAB) != 0 ? divisor >>> 8 : ier;
            case IIR: {
                int value = iir;
                if ((value & 0x0f) == IIR_THRI) {
                    // Reading IIR while THR empty is the reported source acknowledges it.
                    thrPending = false;
                    updateIrq();
                }
                return value;
            }
            case LCR:
                return lcr;
            case MCR:
                return mcr;
            case LSR: {
                pullInput();
                int value = lsr | (count > 0 ? LSR_DR : 0);
                // Reading LSR acknowledges overrun and break.
                lsr &= ~(LSR_BI | LSR_OE);
                updateIrq();
                return value;
            }
            case MSR:
                return readMsr();
            default:
                return scr;
        }
    }

    private int readRbr() {
        rxActivity = true;
        int value;
        if ((fcr & FCR_FE) != 0) {
            value = count > 0 ? pop() : 0;
            timeoutPending = false;
        } else {
            // Without the FIFO the holding register keeps its last byte.
            if (count > 0) {
                rbr = pop();
            }
            value = rbr;
        }
        if (count == 0) {
            lsr &= ~LSR_BI;
        }
        pullInput();
        updateIrq();
        return value;
    }

    private int readMsr() {
        if ((mcr & MCR_LOOP) != 0) {
            // Loopback wires the modem outputs to the inputs: OUT2->DCD, OUT1->RI, RTS->CTS, DTR->DSR.
            return ((mcr & 0x0c) << 4) | ((mcr & MCR_RTS) << 3) | ((mcr & MCR_DTR) << 5);
        }
        int value = msr;
        if ((msr & MSR_ANY_DELTA) != 0) {
            msr &= 0xf0;
            updateIrq();
        }
        return value;
    }

    @Override
    public synchronized void write(long offset, int width, long value) {
        if (offset < 0 || offset > SCR) {
            return;
        }
        int v = (int) value & 0xff;
        switch ((int) offset) {
            case THR:
                if ((lcr & LCR_DLAB) != 0) {
                    divisor = (divisor & 0xff00) | v;
                } else {
                    transmit(v);
                }
                break;
            case IER:
                if ((lcr & LCR_DLAB) != 0) {
                    divisor = (divisor & 0x00ff) | (v << 8);
                } else {
                    int changed = (ier ^ v) & 0x0f;
                    ier = v & 0x0f;
                    // As QEMU: turning THRI on re-samples THRE (always set here), turning it off drops it.
                    if ((changed & IER_THRI) != 0) {
                        thrPending = (ier & IER_THRI) != 0;
                    }
                    if (changed != 0) {
                        updateIrq();
                    }
                }
                break;
            case FCR:
                writeFcr(v);
                break;
            case LCR:
                lcr = v;
                break;
            case MCR:
                mcr = v & 0x1f;
                break;
            case SCR:
                scr = v;
                break;
            default:
                // LSR and MSR are read-only.
                break;
        }
    }

    private void transmit(int b) {
        if ((mcr & MCR_LOOP) != 0) {
            receive(b);
        } else {
            console.write(b);
        }
        // Sent at once: THR is empty again and reports so.
        thrPending = true;
        updateIrq();
    }

    private void writeFcr(int v) {
        if (((v ^ fcr) & FCR_FE) != 0) {
            // Switching the FIFOs on or off empties them.
            v |= FCR_RFR | FCR_XFR;
        }
        if ((v & FCR_RFR) != 0) {
            head = 0;
            count = 0;
            lsr &= ~LSR_BI;
            timeoutPending = false;
        }
        if ((v & FCR_XFR) != 0) {
            // Nothing waits to be sent, but QEMU reports THR empty afresh.
            thrPending = true;
        }
        if ((v & FCR_FE) != 0) {
            iir |= IIR_FIFO;
            triggerLevel = switch (v & 0xc0) {
                case 0x00 -> 1;
                case 0x40 -> 4;
                case 0x80 -> 8;
                default -> 14;
            };
        } else {
            iir &= ~IIR_FIFO;
        }
        // Only the enable, DMA mode and trigger bits stick; the reset bits are self-clearing.
        fcr = v & 0xc9;
        updateIrq();
    }

    private void pullInput() {
        if ((mcr & MCR_LOOP) != 0) {
            return;
        }
        int capacity = (fcr & FCR_FE) != 0 ? FIFO_DEPTH : 1;
        while (count < capacity) {
            int b = console.read();
            if (b < 0) {
                break;
            }
            push(b);
        }
    }

    private void receive(int b) {
        if ((fcr & FCR_FE) != 0) {
            if (count == FIFO_DEPTH) {
                lsr |= LSR_OE;
                return;
            }
        } else if (count > 0) {
            // Holding register overrun: the new byte replaces the unread one.
            lsr |= LSR_OE;
            head = 0;
            count = 0;
        }
        push(b);
    }

    private void push(int b) {
        rxActivity = true;
        fifo[(head + count) & (FIFO_DEPTH - 1)] = (byte) b;
        count++;
    }

    private int pop() {
        int b = fifo[head] & 0xff;
        head = (head + 1) & (FIFO_DEPTH - 1);
        count--;
        return b;
    }

    private void updateIrq() {
        int id;
        boolean fifoOn = (fcr & FCR_FE) != 0;
        if ((ier & IER_RLSI) != 0 && (lsr & LSR_INT_ANY) != 0) {
            id = IIR_RLSI;
        } else if ((ier & IER_RDI) != 0 && timeoutPending) {
            id = IIR_CTI;
        } else if ((ier & IER_RDI) != 0 && count > 0 && (!fifoOn || count >= triggerLevel)) {
            id = IIR_RDI;
        } else if ((ier & IER_THRI) != 0 && thrPending) {
            id = IIR_THRI;
        } else if ((ier & IER_MSI) != 0 && (msr & MSR_ANY_DELTA) != 0) {
            id = IIR_MSI;
        } else {
            id = IIR_NO_INT;
        }
        iir = (iir & 0xf0) | id;
        boolean level = id != IIR_NO_INT;
        if (level != irqLevel) {
            irqLevel = level;
            irq.set(level);
        }
    }

    @Override
    public synchronized List<DeviceRegister> registers() {
        List<DeviceRegister> r = new ArrayList<>();
        boolean fifoOn = (fcr & FCR_FE) != 0;
        String dlab = (lcr & LCR_DLAB) != 0 ? " (LCR.DLAB is set: the guest reads the divisor here)" : "";
        int next = count > 0 ? fifo[head] & 0xff : fifoOn ? 0 : rbr;
        String rbrMeaning = count > 0 ? "next byte " + quote(next)
                : fifoOn ? "nothing received" : "empty (a read returns the last byte again: " + quote(next) + ")";
        r.add(register("RBR", RBR, next, rbrMeaning + dlab));
        r.add(register("THR", THR, 0, "write-only; bytes are sent at once"));
        r.add(register("IER", IER, ier, DeviceRegister.bits(ier, "received data", "THR empty", "line status",
                "modem status") + dlab));
        r.add(register("IIR", IIR, iir, interruptName(iir & 0x0f) + ((iir & IIR_FIFO) != 0 ? ", FIFOs on" : "")));
        r.add(register("FCR", FCR, fcr, fifoOn ? "FIFOs on, trigger level " + triggerLevel + " (write-only: as last written)"
                : "FIFOs off (write-only: as last written)"));
        r.add(register("LCR", LCR, lcr, lineFormat(lcr)));
        r.add(register("MCR", MCR, mcr, DeviceRegister.bits(mcr, "DTR", "RTS", "OUT1", "OUT2", "LOOP")));
        int lsrNow = lsr | (count > 0 ? LSR_DR : 0);
        r.add(register("LSR", LSR, lsrNow, DeviceRegister.bits(lsrNow, "DR", "OE", "PE", "FE", "BI", "THRE", "TEMT",
                "RX FIFO error")));
        int msrNow = (mcr & MCR_LOOP) != 0
                ? ((mcr & 0x0c) << 4) | ((mcr & MCR_RTS) << 3) | ((mcr & MCR_DTR) << 5) : msr;
        r.add(register("MSR", MSR, msrNow, DeviceRegister.bits(msrNow, "DCTS", "DDSR", "TERI", "DDCD", "CTS", "DSR",
                "RI", "DCD")));
        r.add(register("SCR", SCR, scr, "scratch"));
        r.add(register("DLL", DLL, divisor & 0xff, "divisor latch, low byte (read at offset 0 while LCR.DLAB is set)"));
        r.add(register("DLM", DLM, divisor >>> 8, "divisor latch, high byte: divisor " + divisor));
        StringBuilder bytes = new StringBuilder();
        for (int i = 0; i < count; i++) {
            bytes.append(i == 0 ? ": " : " ").append(quote(fifo[(head + i) & (FIFO_DEPTH - 1)] & 0xff));
        }
        r.add(new DeviceRegister("", "RX FIFO fill", DeviceRegister.INTERNAL, 1, count,
                count + " of " + (fifoOn ? FIFO_DEPTH : 1) + " bytes" + bytes));
        r.add(new DeviceRegister("", "interrupt line", DeviceRegister.INTERNAL, 1, irqLevel ? 1 : 0,
                irqLevel ? "raised" : "low"));
        return r;
    }

    private static DeviceRegister register(String name, int offset, int value, String meaning) {
        return new DeviceRegister("", name, offset, 1, value, meaning);
    }

    private static String quote(int b) {
        return b >= 0x20 && b < 0x7f ? String.format(Locale.ROOT, "'%c' (0x%02x)", (char) b, b) : String.format(Locale.ROOT, "0x%02x", b);
    }

    private static String interruptName(int id) {
        return switch (id) {
            case IIR_NO_INT -> "no interrupt pending";
            case IIR_RLSI -> "receiver line status";
            case IIR_RDI -> "received data available";
            case IIR_CTI -> "character timeout";
            case IIR_THRI -> "THR empty";
            case IIR_MSI -> "modem status";
            default -> "id " + id;
        };
    }

    /** "8N1" and the rest: data bits, parity, stop bits, break, DLAB. */
    private static String lineFormat(int lcr) {
        int bits = 5 + (lcr & 3);
        char parity;
        if ((lcr & 0x08) == 0) {
            parity = 'N';
        } else if ((lcr & 0x20) != 0) {
            parity = (lcr & 0x10) != 0 ? 'S' : 'M';
        } else {
            parity = (lcr & 0x10) != 0 ? 'E' : 'O';
        }
        String stop = (lcr & 0x04) == 0 ? "1" : bits == 5 ? "1.5" : "2";
        return bits + "" + parity + stop + ((lcr & 0x40) != 0 ? ", break" : "")
                + ((lcr & LCR_DLAB) != 0 ? ", DLAB set" : "");
    }
}
