package dev.guestbench.isa;

import java.util.List;

/** Register names: ABI names (as the disassembler prints them) and numeric names, both ways. */
public final class Registers {
    private static final String[] GPR = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
        "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
        "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"
    };
    private static final String[] FPR = {
        "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7",
        "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5",
        "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7",
        "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"
    };

    /** Register x0. */
    public static final int ZERO = 0;
    /** Register x1, the return address. */
    public static final int RA = 1;
    /** Register x2, the stack pointer. */
    public static final int SP = 2;
    /** Register x3, the global pointer. */
    public static final int GP = 3;
    /** Register x4, the thread pointer. */
    public static final int TP = 4;

    private Registers() {
    }

    /** ABI name of an integer register, e.g. 10 gives "a0". */
    public static String gpr(int number) {
        return GPR[number];
    }

    /** ABI name of a floating-point register, e.g. 10 gives "fa0". */
    public static String fpr(int number) {
        return FPR[number];
    }

    /** ABI name of an integer or floating-point register. */
    public static String name(boolean floating, int number) {
        return floating ? FPR[number] : GPR[number];
    }

    /** All 32 integer ABI names in register order. */
    public static List<String> gprNames() {
        return List.of(GPR);
    }

    /** All 32 floating-point ABI names in register order. */
    public static List<String> fprNames() {
        return List.of(FPR);
    }

    /** Parses "a0", "x10" or "fp" as an integer register; -1 if it is none. */
    public static int parseGpr(String name) {
        if (name.equals("fp")) {
            return 8;
        }
        for (int i = 0; i < 32; i++) {
            if (GPR[i].equals(name)) {
                return i;
            }
        }
        return parseNumbered(name, 'x');
    }

    /** Parses "fa0" or "f10" as a floating-point register; -1 if it is none. */
    public static int parseFpr(String name) {
        for (int i = 0; i < 32; i++) {
            if (FPR[i].equals(name)) {
                return i;
            }
        }
        return parseNumbered(name, 'f');
    }

    private static int parseNumbered(String name, char prefix) {
        if (name.length() < 2 || name.length() > 3 || name.charAt(0) != prefix) {
            return -1;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        if (name.length() == 3 && name.charAt(1) == '0') {
            return -1;
        }
        int n = Integer.parseInt(name.substring(1));
        return n < 32 ? n : -1;
    }
}
