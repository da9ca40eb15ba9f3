package dev.guestbench.vmm.cpu.jit;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import dev.guestbench.vmm.cpu.BlockCompiler;
import dev.guestbench.vmm.cpu.CompiledBlock;
import dev.guestbench.vmm.cpu.DecodedPage;
import dev.guestbench.vmm.memory.Mmu;
import dev.guestbench.vmm.cpu.Op;

/**
 * Translates a basic block of RV64IM code (integer arithmetic, loads and stores through the TLB, ending at
 * a branch, a jump, the page end or anything else) into a hidden JVM class, whose method the JIT then
 * compiles to machine code. Guest registers live in JVM locals for the length of the block and are written
 * back where it ends; a load or store the micro TLB does not cover calls the MMU's slow path out of line
 * and goes on, unless that access trapped or reached a device, which ends the block after it. A block is
 * position-independent: its pcs are offsets in the page, added to the virtual page base it runs at, because
 * one physical page of code may be mapped at several virtual addresses (Linux runs the same page at its
 * physical and at its kernel address).
 */
public final class BlockTranslator implements BlockCompiler {

    /** The most instructions in one block (a longer run of straight-line code becomes several blocks). */
    static final int MAX_INSTRUCTIONS = 48;

    private static final String BLOCK = "dev/guestbench/vmm/cpu/CompiledBlock";
    private static final String VCPU = "dev/guestbench/vmm/cpu/Vcpu";
    private static final String MEMORY = "dev/guestbench/vmm/cpu/jit/JitMemory";
    private static final String OPS = "dev/guestbench/vmm/cpu/IntegerOps";
    private static final String RUN = "(L" + VCPU + ";[JJJ)J";

    // Locals of run(): this, cpu, x, the page base and the retired count (two slots each), then the registers
    // (two slots each), then temporaries.
    private static final int CPU = 1;
    private static final int X = 2;
    private static final int PAGE_BASE = 3;
    private static final int RETIRED = 5;
    private static final int FIRST_REGISTER = 7;
    private static final int ADDRESS = FIRST_REGISTER + 64;
    private static final int INDEX = ADDRESS + 2;
    private static final int OFFSET = INDEX + 1;
    private static final int READ_TAGS = OFFSET + 1;
    private static final int READ_PAGES = READ_TAGS + 1;
    private static final int WRITE_TAGS = READ_PAGES + 1;
    private static final int WRITE_PAGES = WRITE_TAGS + 1;
    private static final int TARGET = WRITE_PAGES + 1;

    private final MethodHandles.Lookup lookup = MethodHandles.lookup();
    private long translated;

    /** Blocks translated so far. */
    public long translated() {
        return translated;
    }

    @Override
    public CompiledBlock compile(DecodedPage page, int slot) {
        List<Insn> insns = collect(page, slot);
        if (insns.isEmpty()) {
            return CompiledBlock.NONE;
        }
        byte[] bytes = generate(insns);
        try {
            Class<?> type = lookup.defineHiddenClass(bytes, true).lookupClass();
            CompiledBlock block = (CompiledBlock) type.getConstructor(int.class).newInstance(insns.size());
            translated++;
            return block;
        } catch (ReflectiveOperationException | LinkageError e) {
            // A translation the JVM rejects is a bug here, not in the guest: fall back to the interpreter.
            return CompiledBlock.NONE;
        }
    }

    /** One guest instruction of a block; {@code pc} is its offset in the page. */
    private record Insn(int op, int rd, int rs1, int rs2, int imm, long pc, int length, int bits) {
    }

    /** The instructions of the block at {@code slot}: supported ones up to a control transfer or page end. */
    private static List<Insn> collect(DecodedPage page, int slot) {
        List<Insn> insns = new ArrayList<>();
        int s = slot;
        while (s < DecodedPage.SLOTS && insns.size() < MAX_INSTRUCTIONS) {
            long decoded = page.slots[s];
            if (decoded == 0) {
                decoded = page.decode(s);
            }
            int w = (int) decoded;
            int op = w & 0xff;
            if (!supported(op)) {
                break;
            }
            int length = w < 0 ? 2 : 4;
            Insn insn = new Insn(op, (w >>> 8) & 31, (w >>> 13) & 31, (w >>> 18) & 31, (int) (decoded >> 32),
                    2L * s, length, page.bits[s]);
            insns.add(insn);
            if (endsBlock(op)) {
                break;
            }
            s += length / 2;
        }
        return insns;
    }

    private static boolean supported(int op) {
        return switch (op) {
            case Op.LUI, Op.AUIPC, Op.JAL, Op.JAL_X0, Op.JALR, Op.JALR_X0, Op.BEQ, Op.BNE, Op.BLT, Op.BGE, Op.BLTU,
                    Op.BGEU, Op.LB, Op.LH, Op.LW, Op.LD, Op.LBU, Op.LHU, Op.LWU, Op.SB, Op.SH, Op.SW, Op.SD, Op.ADDI,
                    Op.SLTI, Op.SLTIU, Op.XORI, Op.ORI, Op.ANDI, Op.SLLI, Op.SRLI, Op.SRAI, Op.ADD, Op.SUB, Op.SLL,
                    Op.SLT, Op.SLTU, Op.XOR, Op.SRL, Op.SRA, Op.OR, Op.AND, Op.ADDIW, Op.SLLIW, Op.SRLIW, Op.SRAIW,
                    Op.ADDW, Op.SUBW, Op.SLLW, Op.SRLW, Op.SRAW, Op.MUL, Op.MULH, Op.MULHSU, Op.MULHU, Op.MULW,
                    Op.DIV, Op.DIVU, Op.REM, Op.REMU, Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW, Op.NOP, Op.FENCE,
                    Op.FENCE_TSO -> true;
            default -> false;
        };
    }

    private static boolean endsBlock(int op) {
        return switch (op) {
            case Op.JAL, Op.JAL_X0, Op.JALR, Op.JALR_X0, Op.BEQ, Op.BNE, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU -> true;
            default -> false;
        };
    }

    /**
     * An early exit before instruction {@code index}: its pc, and the registers written before it. {@code slow}:
     * the exit after a slow path that asked for it, which tells the interpreter by a negative retired count.
     */
    private record Exit(Label label, int index, long pc, long dirty, boolean slow) {
    }

    /**
     * The out-of-line path of load or store {@code index} when the micro TLB does not cover it: a call into the
     * MMU's slow path, then back to {@code resume} with the registers written up to and including it.
     */
    private record Miss(Label label, Label resume, Insn insn, int index, long dirty) {
    }

    private byte[] generate(List<Insn> insns) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object";
            }
        };
        cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, "dev/guestbench/vmm/cpu/jit/Block", null, BLOCK, null);
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "(I)V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ILOAD, 1);
        init.visitMethodInsn(INVOKESPECIAL, BLOCK, "<init>", "(I)V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "run", RUN, null, null);
        mv.visitCode();
        new Emitter(mv, insns).emit();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Emits the body of run() for one block. */
    private static final class Emitter {
        private final MethodVisitor mv;
        private final List<Insn> insns;
        private final List<Exit> exits = new ArrayList<>();
        private final List<Miss> misses = new ArrayList<>();
        private long used;
        private long dirty;

        Emitter(MethodVisitor mv, List<Insn> insns) {
            this.mv = mv;
            this.insns = insns;
        }

        void emit() {
            boolean reads = false;
            boolean writes = false;
            for (Insn i : insns) {
                used |= 1L << i.rd() | 1L << i.rs1() | 1L << i.rs2();
                reads |= isLoad(i.op());
                writes |= isStore(i.op());
            }
            used &= ~1L;
            for (int r = 1; r < 32; r++) {
                if ((used >>> r & 1) != 0) {
                    mv.visitVarInsn(ALOAD, X);
                    push(r);
                    mv.visitInsn(LALOAD);
                    mv.visitVarInsn(LSTORE, local(r));
                }
            }
            if (reads) {
                tlbArray("jitReadTags", "[J", READ_TAGS);
                tlbArray("jitReadPages", "[[B", READ_PAGES);
            }
            if (writes) {
                tlbArray("jitWriteTags", "[J", WRITE_TAGS);
                tlbArray("jitWritePages", "[[B", WRITE_PAGES);
            }
            boolean ended = false;
            for (int k = 0; k < insns.size(); k++) {
                Insn i = insns.get(k);
                if (endsBlock(i.op())) {
                    transfer(i, k);
                    ended = true;
                } else {
                    straight(i, k);
                }
            }
            if (!ended) {
                Insn last = insns.get(insns.size() - 1);
                finish(insns.size(), () -> pushPc(last.pc() + last.length()));
            }
            for (Miss m : misses) {
                slowPath(m);
            }
            for (Exit e : exits) {
                mv.visitLabel(e.label());
                long saved = dirty;
                dirty = e.dirty();
                finish(e.slow() ? ~e.index() : e.index(), () -> pushPc(e.pc()));
                dirty = saved;
            }
        }

        private void tlbArray(String field, String type, int local) {
            mv.visitVarInsn(ALOAD, CPU);
            mv.visitFieldInsn(GETFIELD, VCPU, field, type);
            mv.visitVarInsn(ASTORE, local);
        }

        /** Writes back the registers changed so far, sets cpu.jitRetired and returns the pc {@code next} pushes. */
        private void finish(int retired, Runnable next) {
            writeBack();
            mv.visitVarInsn(ALOAD, CPU);
            push(retired);
            mv.visitFieldInsn(PUTFIELD, VCPU, "jitRetired", "I");
            next.run();
            mv.visitInsn(LRETURN);
        }

        private void writeBack() {
            for (int r = 1; r < 32; r++) {
                if ((dirty >>> r & 1) != 0) {
                    mv.visitVarInsn(ALOAD, X);
                    push(r);
                    mv.visitVarInsn(LLOAD, local(r));
                    mv.visitInsn(LASTORE);
                }
            }
        }

        private void straight(Insn i, int k) {
            int op = i.op();
            switch (op) {
                case Op.NOP, Op.FENCE, Op.FENCE_TSO -> {
                    // Nothing to do (one hart runs at a time; x0 writes were dropped at decode).
                }
                case Op.LUI -> {
                    pushLong(i.imm());
                    set(i.rd());
                }
                case Op.AUIPC -> {
                    pushPc(i.pc() + i.imm());
                    set(i.rd());
                }
                case Op.ADDI -> immediate(i, LADD);
                case Op.XORI -> immediate(i, LXOR);
                case Op.ORI -> immediate(i, LOR);
                case Op.ANDI -> immediate(i, LAND);
                case Op.SLTI -> call2Immediate(i, "slt");
                case Op.SLTIU -> call2Immediate(i, "sltu");
                case Op.SLLI, Op.SRLI, Op.SRAI -> {
                    get(i.rs1());
                    push(i.imm());
                    mv.visitInsn(op == Op.SLLI ? LSHL : op == Op.SRLI ? LUSHR : LSHR);
                    set(i.rd());
                }
                case Op.ADD -> register(i, LADD);
                case Op.SUB -> register(i, LSUB);
                case Op.XOR -> register(i, LXOR);
                case Op.OR -> register(i, LOR);
                case Op.AND -> register(i, LAND);
                case Op.MUL -> register(i, LMUL);
                case Op.SLT -> call2(i, "slt");
                case Op.SLTU -> call2(i, "sltu");
                case Op.SLL, Op.SRL, Op.SRA -> {
                    get(i.rs1());
                    get(i.rs2());
                    mv.visitInsn(L2I);
                    mv.visitInsn(op == Op.SLL ? LSHL : op == Op.SRL ? LUSHR : LSHR);
                    set(i.rd());
                }
                case Op.ADDIW -> {
                    get(i.rs1());
                    mv.visitInsn(L2I);
                    push(i.imm());
                    mv.visitInsn(IADD);
                    mv.visitInsn(I2L);
                    set(i.rd());
                }
                case Op.SLLIW, Op.SRLIW, Op.SRAIW -> {
                    get(i.rs1());
                    mv.visitInsn(L2I);
                    push(i.imm());
                    mv.visitInsn(op == Op.SLLIW ? ISHL : op == Op.SRLIW ? IUSHR : ISHR);
                    mv.visitInsn(I2L);
                    set(i.rd());
                }
                case Op.ADDW, Op.SUBW, Op.SLLW, Op.SRLW, Op.SRAW, Op.MULW -> {
                    get(i.rs1());
                    mv.visitInsn(L2I);
                    get(i.rs2());
                    mv.visitInsn(L2I);
                    mv.visitInsn(switch (op) {
                        case Op.ADDW -> IADD;
                        case Op.SUBW -> ISUB;
                        case Op.SLLW -> ISHL;
                        case Op.SRLW -> IUSHR;
                        case Op.SRAW -> ISHR;
                        default -> IMUL;
                    });
                    mv.visitInsn(I2L);
                    set(i.rd());
                }
                case Op.MULH -> callMath(i, "multiplyHigh");
                case Op.MULHU -> callMath(i, "unsignedMultiplyHigh");
                case Op.MULHSU -> call2(i, "mulhsu");
                case Op.DIV -> call2(i, "div");
                case Op.DIVU -> call2(i, "divu");
                case Op.REM -> call2(i, "rem");
                case Op.REMU -> call2(i, "remu");
                case Op.DIVW -> call2(i, "divw");
                case Op.DIVUW -> call2(i, "divuw");
                case Op.REMW -> call2(i, "remw");
                case Op.REMUW -> call2(i, "remuw");
                case Op.LB, Op.LH, Op.LW, Op.LD, Op.LBU, Op.LHU, Op.LWU -> load(i, k);
                default -> store(i, k);
            }
        }

        /** Computes rs1 + imm into ADDRESS and the TLB index into INDEX, and the in-page offset into OFFSET. */
        private void address(Insn i) {
            get(i.rs1());
            pushLong(i.imm());
            mv.visitInsn(LADD);
            mv.visitVarInsn(LSTORE, ADDRESS);
            mv.visitVarInsn(LLOAD, ADDRESS);
            push(12);
            mv.visitInsn(LUSHR);
            mv.visitInsn(L2I);
            push(Mmu.TLB_MASK);
            mv.visitInsn(IAND);
            mv.visitVarInsn(ISTORE, INDEX);
            mv.visitVarInsn(LLOAD, ADDRESS);
            mv.visitInsn(L2I);
            push(0xfff);
            mv.visitInsn(IAND);
            mv.visitVarInsn(ISTORE, OFFSET);
        }

        /** Jumps to {@code miss} unless the TLB entry matches and the access stays inside the page. */
        private void checkTlb(int tagsLocal, int size, Label miss) {
            Label exit = miss;
            mv.visitVarInsn(ALOAD, tagsLocal);
            mv.visitVarInsn(ILOAD, INDEX);
            mv.visitInsn(LALOAD);
            mv.visitVarInsn(LLOAD, ADDRESS);
            push(12);
            mv.visitInsn(LUSHR);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFNE, exit);
            if (size > 1) {
                mv.visitVarInsn(ILOAD, OFFSET);
                push(4096 - size);
                mv.visitJumpInsn(IF_ICMPGT, exit);
            }
        }

        private void load(Insn i, int k) {
            int size = switch (i.op()) {
                case Op.LB, Op.LBU -> 1;
                case Op.LH, Op.LHU -> 2;
                case Op.LW, Op.LWU -> 4;
                default -> 8;
            };
            address(i);
            Label miss = new Label();
            checkTlb(READ_TAGS, size, miss);
            mv.visitVarInsn(ALOAD, READ_PAGES);
            mv.visitVarInsn(ILOAD, INDEX);
            mv.visitInsn(AALOAD);
            mv.visitVarInsn(ILOAD, OFFSET);
            String name = switch (i.op()) {
                case Op.LB -> "lb";
                case Op.LBU -> "lbu";
                case Op.LH -> "lh";
                case Op.LHU -> "lhu";
                case Op.LW -> "lw";
                case Op.LWU -> "lwu";
                default -> "ld";
            };
            mv.visitMethodInsn(INVOKESTATIC, MEMORY, name, "([BI)J", false);
            set(i.rd());
            Label resume = new Label();
            mv.visitLabel(resume);
            misses.add(new Miss(miss, resume, i, k, dirty));
        }

        private void store(Insn i, int k) {
            int size = switch (i.op()) {
                case Op.SB -> 1;
                case Op.SH -> 2;
                case Op.SW -> 4;
                default -> 8;
            };
            address(i);
            Label miss = new Label();
            checkTlb(WRITE_TAGS, size, miss);
            mv.visitVarInsn(ALOAD, WRITE_PAGES);
            mv.visitVarInsn(ILOAD, INDEX);
            mv.visitInsn(AALOAD);
            mv.visitVarInsn(ILOAD, OFFSET);
            get(i.rs2());
            String name = switch (size) {
                case 1 -> "sb";
                case 2 -> "sh";
                case 4 -> "sw";
                default -> "sd";
            };
            mv.visitMethodInsn(INVOKESTATIC, MEMORY, name, "([BIJ)V", false);
            Label resume = new Label();
            mv.visitLabel(resume);
            misses.add(new Miss(miss, resume, i, k, dirty));
        }

        /**
         * A load or store the micro TLB missed: Vcpu.jitLoad / jitStore do it through the MMU and stay in the
         * block; when it trapped, reached a device or must stop the block (code changed, a stop was asked for),
         * they set cpu.jitExit and the block ends after it (the interpreter sorts out which).
         */
        private void slowPath(Miss m) {
            Insn i = m.insn();
            mv.visitLabel(m.label());
            dirty = m.dirty();
            mv.visitVarInsn(ALOAD, CPU);
            mv.visitVarInsn(LLOAD, ADDRESS);
            if (isLoad(i.op())) {
                push(i.op());
                pushPc(i.pc());
                push(i.bits());
                retiredBefore(m.index());
                // A faulting load leaves rd as it was: the helper hands the old value back.
                get(i.rd());
                mv.visitMethodInsn(INVOKEVIRTUAL, VCPU, "jitLoad", "(JIJIJJ)J", false);
                set(i.rd());
            } else {
                push(switch (i.op()) {
                    case Op.SB -> 1;
                    case Op.SH -> 2;
                    case Op.SW -> 4;
                    default -> 8;
                });
                get(i.rs2());
                pushPc(i.pc());
                push(i.bits());
                retiredBefore(m.index());
                mv.visitMethodInsn(INVOKEVIRTUAL, VCPU, "jitStore", "(JIJJIJ)V", false);
            }
            Label leave = new Label();
            exits.add(new Exit(leave, m.index() + 1, i.pc() + i.length(), m.dirty(), true));
            mv.visitVarInsn(ALOAD, CPU);
            mv.visitFieldInsn(GETFIELD, VCPU, "jitExit", "Z");
            mv.visitJumpInsn(IFNE, leave);
            mv.visitJumpInsn(GOTO, m.resume());
        }

        /** A branch or jump: ends the block with the target as the next pc. */
        private void transfer(Insn i, int k) {
            long fallThrough = i.pc() + i.length();
            int op = i.op();
            switch (op) {
                case Op.JAL, Op.JAL_X0 -> {
                    if (op == Op.JAL) {
                        pushPc(fallThrough);
                        set(i.rd());
                    }
                    finish(k + 1, () -> pushPc(i.pc() + i.imm()));
                }
                case Op.JALR, Op.JALR_X0 -> {
                    // The target uses rs1 before rd may overwrite it.
                    get(i.rs1());
                    pushLong(i.imm());
                    mv.visitInsn(LADD);
                    pushLong(~1L);
                    mv.visitInsn(LAND);
                    mv.visitVarInsn(LSTORE, TARGET);
                    if (op == Op.JALR) {
                        pushPc(fallThrough);
                        set(i.rd());
                    }
                    finish(k + 1, () -> mv.visitVarInsn(LLOAD, TARGET));
                }
                default -> {
                    Label taken = new Label();
                    get(i.rs1());
                    get(i.rs2());
                    switch (op) {
                        case Op.BLTU, Op.BGEU -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned",
                                "(JJ)I", false);
                        default -> mv.visitInsn(LCMP);
                    }
                    mv.visitJumpInsn(switch (op) {
                        case Op.BEQ -> IFEQ;
                        case Op.BNE -> IFNE;
                        case Op.BLT, Op.BLTU -> IFLT;
                        default -> IFGE;
                    }, taken);
                    finish(k + 1, () -> pushPc(fallThrough));
                    mv.visitLabel(taken);
                    finish(k + 1, () -> pushPc(i.pc() + i.imm()));
                }
            }
        }

        private void immediate(Insn i, int opcode) {
            get(i.rs1());
            pushLong(i.imm());
            mv.visitInsn(opcode);
            set(i.rd());
        }

        private void register(Insn i, int opcode) {
            get(i.rs1());
            get(i.rs2());
            mv.visitInsn(opcode);
            set(i.rd());
        }

        private void call2(Insn i, String name) {
            get(i.rs1());
            get(i.rs2());
            mv.visitMethodInsn(INVOKESTATIC, OPS, name, "(JJ)J", false);
            set(i.rd());
        }

        private void call2Immediate(Insn i, String name) {
            get(i.rs1());
            pushLong(i.imm());
            mv.visitMethodInsn(INVOKESTATIC, OPS, name, "(JJ)J", false);
            set(i.rd());
        }

        private void callMath(Insn i, String name) {
            get(i.rs1());
            get(i.rs2());
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", name, "(JJ)J", false);
            set(i.rd());
        }

        private void get(int r) {
            if (r == 0) {
                mv.visitInsn(LCONST_0);
            } else {
                mv.visitVarInsn(LLOAD, local(r));
            }
        }

        private void set(int r) {
            if (r == 0) {
                mv.visitInsn(POP2);
            } else {
                mv.visitVarInsn(LSTORE, local(r));
                dirty |= 1L << r;
            }
        }

        private static int local(int r) {
            return FIRST_REGISTER + 2 * r;
        }

        private void push(int value) {
            if (value >= -1 && value <= 5) {
                mv.visitInsn(ICONST_0 + value);
            } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
                mv.visitIntInsn(BIPUSH, value);
            } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
                mv.visitIntInsn(SIPUSH, value);
            } else {
                mv.visitLdcInsn(value);
            }
        }

        /** Pushes the hart's retired count before instruction {@code index} of the block. */
        private void retiredBefore(int index) {
            mv.visitVarInsn(LLOAD, RETIRED);
            pushLong(index);
            mv.visitInsn(LADD);
        }

        /** Pushes the virtual address of the instruction at {@code offset} in the page (or past it). */
        private void pushPc(long offset) {
            mv.visitVarInsn(LLOAD, PAGE_BASE);
            pushLong(offset);
            mv.visitInsn(LADD);
        }

        private void pushLong(long value) {
            if (value == 0) {
                mv.visitInsn(LCONST_0);
            } else if (value == 1) {
                mv.visitInsn(LCONST_1);
            } else {
                mv.visitLdcInsn(value);
            }
        }

        private static boolean isLoad(int op) {
            return op == Op.LB || op == Op.LH || op == Op.LW || op == Op.LD || op == Op.LBU || op == Op.LHU
                    || op == Op.LWU;
        }

        private static boolean isStore(int op) {
            return op == Op.SB || op == Op.SH || op == Op.SW || op == Op.SD;
        }
    }
}
