/*
 * The CSR side of F/D: fflags/frm/fcsr (masks, accrual, every access form), reserved rounding
 * modes (static and dynamic), mstatus.FS Off making every FP instruction and FP CSR illegal, FS
 * becoming Dirty (and SD following it), and NaN-boxing seen through fmv.x.w / fsw / fclass.s of
 * registers written with doubles.
 */
#include "rt.h"

static u64 fs(void) { return (csr_read(mstatus) >> 13) & 3; }
static u64 sd(void) { return csr_read(mstatus) >> 63; }
static void set_fs(u64 v) {
    csr_clear(mstatus, MSTATUS_FS);
    csr_set(mstatus, v << 13);
}

static void fcsr_masks(void) {
    /* reads in sequence: the order of evaluation of arguments is unspecified in C */
    u64 a = csr_warl(fcsr, -1), b = csr_read(frm), c = csr_read(fflags);
    pf("fcsr written all ones -> %x\n  frm -> %x fflags -> %x\n", a, b, c);
    csr_write(fcsr, 0);
    a = csr_warl(fflags, -1);
    b = csr_read(fcsr);
    pf("fflags written all ones (fcsr was 0) -> %x, fcsr -> %x\n", a, b);
    csr_write(fcsr, 0);
    a = csr_warl(frm, -1);
    b = csr_read(fcsr);
    pf("frm written all ones (fcsr was 0) -> %x, fcsr -> %x\n", a, b);
    pf("fcsr written 0 -> %x\n", csr_warl(fcsr, 0));
    pf("frm written 0x23 -> %x\n", csr_warl(frm, 0x23));
    u64 old;
    asm volatile("csrrwi %0, fflags, 0x15" : "=r"(old));
    pf("csrrwi fflags,0x15: old %x new %x\n", old, csr_read(fflags));
    asm volatile("csrrsi %0, fflags, 0x02" : "=r"(old));
    pf("csrrsi fflags,0x02: old %x new %x\n", old, csr_read(fflags));
    asm volatile("csrrci %0, fflags, 0x11" : "=r"(old));
    pf("csrrci fflags,0x11: old %x new %x\n", old, csr_read(fflags));
    asm volatile("csrrs %0, fcsr, %1" : "=r"(old) : "r"(0xe0UL));
    pf("csrrs fcsr,0xe0: old %x new %x\n", old, csr_read(fcsr));
    asm volatile("csrrc %0, frm, %1" : "=r"(old) : "r"(0x5UL));
    pf("csrrc frm,5: old %x new %x fcsr %x\n", old, csr_read(frm), csr_read(fcsr));
    asm volatile("fsrm %0, %1" : "=r"(old) : "r"(3UL));
    pf("fsrm 3: old %x frm %x\n", old, csr_read(frm));
    asm volatile("fsflags %0, %1" : "=r"(old) : "r"(0x3fUL));
    pf("fsflags 0x3f: old %x fflags %x\n", old, csr_read(fflags));
    csr_write(fcsr, 0);

    /* flags accrue: inexact, then overflow, then invalid */
    u64 f1, f2, f3;
    asm volatile("fsflags zero\n\tli t0, 0x3f800000\n\tfmv.w.x ft0, t0\n\tli t0, 0x40400000\n\tfmv.w.x ft1, t0\n\t"
                 "fdiv.s ft2, ft0, ft1\n\tfrflags %0\n\tli t0, 0x7f7fffff\n\tfmv.w.x ft0, t0\n\tfmul.s ft2, ft0, ft0\n\t"
                 "frflags %1\n\tfsqrt.s ft2, ft1\n\tfneg.s ft1, ft1\n\tfsqrt.s ft2, ft1\n\tfrflags %2"
                 : "=&r"(f1), "=&r"(f2), "=&r"(f3) :: "t0", "ft0", "ft1", "ft2");
    pf("fflags accrue: after 1/3 %x, after max*max %x, after sqrt(-3) %x\n", f1, f2, f3);
    /* division by zero; 0/0 is invalid, not DZ */
    asm volatile("fsflags zero\n\tfmv.w.x ft0, zero\n\tli t0, 0x3f800000\n\tfmv.w.x ft1, t0\n\tfdiv.s ft2, ft1, ft0\n\t"
                 "frflags %0\n\tfsflags zero\n\tfdiv.s ft2, ft0, ft0\n\tfrflags %1\n\tfmv.x.w %2, ft2"
                 : "=&r"(f1), "=&r"(f2), "=&r"(f3) :: "t0", "ft0", "ft1", "ft2");
    pf("fflags: 1/0 -> %x, 0/0 -> %x (result %x)\n", f1, f2, f3);
    csr_write(fcsr, 0);
}

static void reserved_rm(void) {
    /* fadd.s ft2, ft0, ft1 with rm = 5 and 6 (reserved) and the same as fadd.d */
    TRY("fadd.s rm=5", ".word 0x00105153", (), ());
    TRY("fadd.s rm=6", ".word 0x00106153", (), ());
    TRY("fadd.d rm=5", ".word 0x02105153", (), ());
    TRY("fcvt.w.s rm=6", ".word 0xc0006553", (), ());
    for (u64 m = 5; m <= 7; m++) {
        csr_write(frm, m);
        pf("frm=%u:\n", m);
        TRY("  fadd.s dyn", "fadd.s ft2, ft0, ft1, dyn", (), (), "ft2");
        TRY("  fmadd.d dyn", "fmadd.d ft2, ft0, ft1, ft0, dyn", (), (), "ft2");
        TRY("  fcvt.s.l dyn", "fcvt.s.l ft2, zero, dyn", (), (), "ft2");
        TRY("  fadd.s rne (static: frm does not matter)", "fadd.s ft2, ft0, ft1, rne", (), (), "ft2");
        TRY("  fsgnj.s (no rounding)", "fsgnj.s ft2, ft0, ft1", (), (), "ft2");
        TRY("  fcvt.d.s (exact)", "fcvt.d.s ft2, ft0", (), (), "ft2");
    }
    csr_write(frm, 0);
}

/* Every kind of FP instruction and FP CSR access with FS = Off. */
static void fs_off(void) {
    set_fs(0);
    pf("FS written Off -> FS=%u SD=%u\n", fs(), sd());
    u64 v = 0x5a5a, buf = 0;
    TRY("FS=Off fadd.s", "fadd.s ft0, ft1, ft2", (), (), "ft0");
    TRY("FS=Off fmadd.d", "fmadd.d ft0, ft1, ft2, ft3", (), (), "ft0");
    TRY("FS=Off flw", "flw ft0, 0(%0)", (), ("r"(&buf)), "ft0");
    TRY("FS=Off fsd", "fsd ft0, 0(%0)", (), ("r"(&buf)));
    TRY("FS=Off fmv.x.w", "fmv.x.w %0, ft0", ("+r"(v)), ());
    TRY("FS=Off fmv.d.x", "fmv.d.x ft0, %0", (), ("r"(v)), "ft0");
    TRY("FS=Off fcvt.w.d", "fcvt.w.d %0, ft0", ("+r"(v)), ());
    TRY("FS=Off fclass.s", "fclass.s %0, ft0", ("+r"(v)), ());
    TRY("FS=Off feq.d", "feq.d %0, ft0, ft1", ("+r"(v)), ());
    TRY("FS=Off c.fld", "mv a1, %0\n\tc.fld fa0, 0(a1)", (), ("r"(&buf)), "fa0", "a1");
    TRY("FS=Off c.fsdsp", "c.fsdsp fa0, 0(sp)", (), ());
    TRY("FS=Off csrr fflags", "csrr %0, fflags", ("+r"(v)), ());
    TRY("FS=Off csrr frm", "csrr %0, frm", ("+r"(v)), ());
    TRY("FS=Off csrw fcsr", "csrw fcsr, zero", (), ());
    TRY("FS=Off csrrs fcsr with x0", "csrrs %0, fcsr, zero", ("+r"(v)), ());
    pf("  rd untouched -> %x, FS still %u\n", v, fs());
    set_fs(1);
}

/* FS transitions: which instructions make the state Dirty (QEMU virt's choice where the spec lets an
 * implementation be conservative). ft1 = +0 (or the value given) and fflags = 0 before each. */
#define DIRTY(what, insn, ...) DIRTY_WITH(what, 0UL, insn, ##__VA_ARGS__)
#define DIRTY_WITH(what, ft1, insn, ...)                                               \
    do {                                                                               \
        asm volatile("fsflags zero\n\tfmv.d.x ft1, %0" ::"r"(ft1) : "ft1");            \
        set_fs(2);                                                                     \
        asm volatile(insn ::: "memory", ##__VA_ARGS__);                                \
        pf("FS=Clean, %s -> FS=%u SD=%u\n", what, fs(), sd());                         \
    } while (0)

static void fs_dirty(void) {
    set_fs(1);
    pf("FS=Initial -> FS=%u SD=%u, sstatus.FS=%u sstatus.SD=%u\n", fs(), sd(), (csr_read(sstatus) >> 13) & 3,
       csr_read(sstatus) >> 63);
    asm volatile("fadd.s ft0, ft1, ft2" ::: "ft0");
    pf("FS=Initial, fadd.s -> FS=%u SD=%u, sstatus.SD=%u\n", fs(), sd(), csr_read(sstatus) >> 63);
    DIRTY("fadd.d", "fadd.d ft0, ft1, ft2", "ft0");
    DIRTY("flw", "flw ft0, 0(sp)", "ft0");
    DIRTY("fsw (reads FP state only)", "addi sp, sp, -16\n\tfsw ft0, 0(sp)\n\taddi sp, sp, 16");
    DIRTY("fmv.x.w (reads FP state only)", "fmv.x.w t0, ft0", "t0");
    DIRTY("feq.d of +0 (no flags raised)", "feq.d t0, ft1, ft1", "t0");
    DIRTY_WITH("feq.d of a signalling NaN (raises NV)", 0x7ff0000000000001UL, "feq.d t0, ft1, ft1", "t0");
    DIRTY_WITH("fcvt.w.d of NaN (raises NV)", 0x7ff8000000000000UL, "fcvt.w.d t0, ft1", "t0");
    DIRTY_WITH("fcvt.w.d of 1.5 (raises NX)", 0x3ff8000000000000UL, "fcvt.w.d t0, ft1", "t0");
    DIRTY("fclass.d", "fclass.d t0, ft1", "t0");
    DIRTY("fsgnj.d", "fsgnj.d ft0, ft1, ft1", "ft0");
    DIRTY("fmv.w.x", "fmv.w.x ft0, zero", "ft0");
    DIRTY("csrw fflags", "csrwi fflags, 1");
    DIRTY("csrw frm", "csrwi frm, 0");
    DIRTY("csrr fcsr (read only)", "csrr t0, fcsr", "t0");
    set_fs(3);
    pf("FS written Dirty -> FS=%u SD=%u\n", fs(), sd());
    set_fs(1);
    csr_write(fcsr, 0);
}

static void nan_boxing(void) {
    u64 r, fl;
    /* a double written into an FP register, read as a single */
    asm volatile("li t0, 0x400921fb54442d18\n\tfmv.d.x ft0, t0\n\tfmv.x.w %0, ft0" : "=r"(r) :: "t0", "ft0");
    pf("fmv.x.w of a register holding a double -> %x (the low bits, unchecked)\n", r);
    asm volatile("li t0, 0x00000000bf800000\n\tfmv.d.x ft0, t0\n\tfmv.x.w %0, ft0" : "=r"(r) :: "t0", "ft0");
    pf("fmv.x.w of unboxed 0xbf800000 -> %x\n", r);
    static u32 word[2];
    asm volatile("li t0, 0x1234567800000000\n\tfmv.d.x ft0, t0\n\tli t0, 0x12345678\n\tor t0, t0, t0\n\t"
                 "fmv.d.x ft0, t0\n\tfsw ft0, 0(%0)" ::"r"(word) : "t0", "ft0", "memory");
    pf("fsw of unboxed 0x12345678 stores -> %x\n", (u64)word[0]);
    /* unboxed inputs are the canonical NaN for single-precision operations */
    asm volatile("fsflags zero\n\tli t0, 0x000000003f800000\n\tfmv.d.x ft0, t0\n\tfadd.s ft1, ft0, ft0\n\t"
                 "fmv.x.d %0, ft1\n\tfrflags %1" : "=r"(r), "=r"(fl) :: "t0", "ft0", "ft1");
    pf("fadd.s of unboxed 1.0 -> %x fflags=%x\n", r, fl);
    asm volatile("li t0, 0xfffffffe3f800000\n\tfmv.d.x ft0, t0\n\tfclass.s %0, ft0" : "=r"(r) :: "t0", "ft0");
    pf("fclass.s of almost-boxed 0xfffffffe3f800000 -> %x\n", r);
    asm volatile("li t0, 0xffffffff3f800000\n\tfmv.d.x ft0, t0\n\tfclass.s %0, ft0" : "=r"(r) :: "t0", "ft0");
    pf("fclass.s of boxed 1.0 -> %x\n", r);
    asm volatile("li t0, 0x000000003f800000\n\tfmv.d.x ft0, t0\n\tli t0, 0xffffffffbf800000\n\tfmv.d.x ft1, t0\n\t"
                 "fsgnj.s ft2, ft0, ft1\n\tfmv.x.d %0, ft2" : "=r"(r) :: "t0", "ft0", "ft1", "ft2");
    pf("fsgnj.s unboxed 1.0, -1.0 -> %x\n", r);
    asm volatile("li t0, 0xffffffff3f800000\n\tfmv.d.x ft0, t0\n\tli t0, 0x00000000bf800000\n\tfmv.d.x ft1, t0\n\t"
                 "fsgnj.s ft2, ft0, ft1\n\tfmv.x.d %0, ft2" : "=r"(r) :: "t0", "ft0", "ft1", "ft2");
    pf("fsgnj.s 1.0, unboxed -1.0 -> %x\n", r);
    asm volatile("fsflags zero\n\tli t0, 0x000000003f800000\n\tfmv.d.x ft0, t0\n\tfcvt.d.s ft1, ft0\n\t"
                 "fmv.x.d %0, ft1\n\tfrflags %1" : "=r"(r), "=r"(fl) :: "t0", "ft0", "ft1");
    pf("fcvt.d.s of unboxed 1.0 -> %x fflags=%x\n", r, fl);
    asm volatile("fsflags zero\n\tli t0, 0x000000003f800000\n\tfmv.d.x ft0, t0\n\tfeq.s %0, ft0, ft0\n\tfrflags %1"
                 : "=r"(r), "=r"(fl) :: "t0", "ft0");
    pf("feq.s unboxed, unboxed -> %x fflags=%x\n", r, fl);
    asm volatile("fsflags zero\n\tli t0, 0x000000003f800000\n\tfmv.d.x ft0, t0\n\tfcvt.w.s %0, ft0\n\tfrflags %1"
                 : "=r"(r), "=r"(fl) :: "t0", "ft0");
    pf("fcvt.w.s of unboxed 1.0 -> %x fflags=%x\n", r, fl);
    /* flw, fcvt.s.* and single arithmetic box their results */
    static u32 one = 0x3f800000;
    asm volatile("flw ft0, 0(%1)\n\tfmv.x.d %0, ft0" : "=r"(r) : "r"(&one) : "ft0");
    pf("flw 1.0 -> register %x\n", r);
    asm volatile("li t0, 7\n\tfcvt.s.l ft0, t0\n\tfmv.x.d %0, ft0" : "=r"(r) :: "t0", "ft0");
    pf("fcvt.s.l 7 -> register %x\n", r);
    asm volatile("li t0, 0x400921fb54442d18\n\tfmv.d.x ft0, t0\n\tfcvt.s.d ft1, ft0\n\tfmv.x.d %0, ft1" : "=r"(r) :: "t0", "ft0", "ft1");
    pf("fcvt.s.d pi -> register %x\n", r);
    csr_write(fcsr, 0);
}

int main(void) {
    fcsr_masks();
    reserved_rm();
    fs_off();
    fs_dirty();
    nan_boxing();
    return 0;
}
