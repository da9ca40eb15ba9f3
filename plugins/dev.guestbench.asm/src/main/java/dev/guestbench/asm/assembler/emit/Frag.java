package dev.guestbench.asm.assembler.emit;

import dev.guestbench.asm.assembler.expr.Expr;
import dev.guestbench.asm.assembler.source.SourceLine;
import dev.guestbench.isa.Instruction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A piece of a section: fixed bytes with fixups, or a piece whose size is decided late (a branch
 * that GNU as relaxes, a call or address load that the linker may shorten, an alignment).
 */
public final class Frag {

    /** What the piece is. */
    public enum Kind {
        /** Fixed bytes, with fixups applied when addresses are known. */
        DATA,
        /** Alignment padding. */
        ALIGN,
        /** A conditional branch or jal to a symbol: 2, 4, 6 or 8 bytes as GNU as relaxes it. */
        BRANCH,
        /** auipc + jalr (call, tail, jump): 8 bytes, or jal / c.j after linker relaxation. */
        CALL,
        /** auipc with %pcrel_hi or lui with %hi of a symbol: 4 bytes, or none after gp relaxation. */
        HI
    }

    public final Kind kind;
    public final Section section;
    public final SourceLine line;
    /** DATA: the bytes. */
    public byte[] bytes = new byte[16];
    public int length;
    /** DATA: fixups inside the bytes. */
    public final List<Fixup> fixups = new ArrayList<>(0);

    /** ALIGN: the power-of-two alignment in bytes, fill value (-1: code nops), max skip (-1: none). */
    public int align;
    public int fill;
    public int maxSkip = -1;
    /** ALIGN: true if GNU as emits R_RISCV_ALIGN (the linker then trims the padding). */
    public boolean relaxAlign;
    /** ALIGN: true if C was on where the padding is (c.nop allowed). */
    public boolean rvc;

    /** BRANCH/CALL/HI: the instruction (BEQ.., JAL; JALR for calls; AUIPC or LUI). */
    public Instruction insn;
    /** Registers: BRANCH rs1, rs2 (or rd for jal); CALL link register and scratch; HI rd. */
    public int reg1;
    public int reg2;
    public Expr target;
    /** BRANCH: true if a compressed form exists for the registers (c.beqz/c.bnez/c.j). */
    public boolean compressible;
    /** CALL/HI: true if the linker may relax it. */
    public boolean relaxable;

    /** Size while GNU as lays the section out, and size in the linked output. */
    public int asSize;
    public int size;
    /** Offset in the section as GNU as sees it; final address after linking. */
    public long asOffset;
    public long address;
    /** CALL/HI after relaxation: the new form (see {@code Linker}). */
    public int relaxedTo;

    Frag(Kind kind, Section section, SourceLine line) {
        this.kind = kind;
        this.section = section;
        this.line = line;
    }

    /** Appends bytes (little-endian value of {@code width} bytes). */
    public void put(long value, int width) {
        ensure(width);
        for (int i = 0; i < width; i++) {
            bytes[length++] = (byte) (value >>> (8 * i));
        }
    }

    /** Appends raw bytes. */
    public void put(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, length, data.length);
        length += data.length;
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }

    /** Writes a little-endian value at an offset of the bytes. */
    public void patch(int offset, long value, int width) {
        for (int i = 0; i < width; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
