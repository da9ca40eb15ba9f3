/*
 * The F and D test bodies, shared: fp_f.c includes this with FP_DOUBLE 0, fp_d.c with FP_DOUBLE 1.
 * Every instruction of the extension runs on a representative set of values (zeros, ones, a value
 * that needs rounding, subnormals, the largest finite value, infinities, quiet and signalling NaNs,
 * conversion limits) in the default rounding mode (dynamic, frm = RNE), and the rounding-sensitive
 * ones again in each explicit rounding mode and in DYN with each frm. Results are printed as raw
 * register bits (fmv.x.d, so a single result shows its NaN-boxing) with fflags.
 */
#include "rt.h"

#if FP_DOUBLE
#define SFX "d"
#define MVIN "fmv.d.x"
typedef u64 fbits;
#else
#define SFX "s"
#define MVIN "fmv.w.x" /* boxes the single into the upper ones */
typedef u32 fbits;
#endif

typedef struct {
    u64 v, fl;
} fres;

/* FP result from two FP operands */
#define DEF_FFF(name, insn)                                                                          \
    static fres name(u64 a, u64 b) {                                                                 \
        fres x;                                                                                      \
        asm volatile("fsflags zero\n\t" MVIN " ft0, %2\n\t" MVIN " ft1, %3\n\t" insn                  \
                     "\n\tfmv.x.d %0, ft2\n\tfrflags %1"                                             \
                     : "=&r"(x.v), "=&r"(x.fl) : "r"(a), "r"(b) : "ft0", "ft1", "ft2");               \
        return x;                                                                                    \
    }
/* integer result from two FP operands */
#define DEF_XFF(name, insn)                                                                          \
    static fres name(u64 a, u64 b) {                                                                 \
        fres x;                                                                                      \
        asm volatile("fsflags zero\n\t" MVIN " ft0, %2\n\t" MVIN " ft1, %3\n\t" insn "\n\tfrflags %1" \
                     : "=&r"(x.v), "=&r"(x.fl) : "r"(a), "r"(b) : "ft0", "ft1");                       \
        return x;                                                                                    \
    }
/* FP result from one FP operand */
#define DEF_FF(name, insn)                                                                           \
    static fres name(u64 a, u64 b) {                                                                 \
        fres x;                                                                                      \
        (void)b;                                                                                     \
        asm volatile("fsflags zero\n\t" MVIN " ft0, %2\n\t" insn "\n\tfmv.x.d %0, ft2\n\tfrflags %1"   \
                     : "=&r"(x.v), "=&r"(x.fl) : "r"(a) : "ft0", "ft2");                               \
        return x;                                                                                    \
    }
/* integer result from one FP operand */
#define DEF_XF(name, insn)                                                                           \
    static fres name(u64 a, u64 b) {                                                                 \
        fres x;                                                                                      \
        (void)b;                                                                                     \
        asm volatile("fsflags zero\n\t" MVIN " ft0, %2\n\t" insn "\n\tfrflags %1"                     \
                     : "=&r"(x.v), "=&r"(x.fl) : "r"(a) : "ft0");                                      \
        return x;                                                                                    \
    }
/* FP result from an integer operand */
#define DEF_FX(name, insn)                                                                           \
    static fres name(u64 a, u64 b) {                                                                 \
        fres x;                                                                                      \
        (void)b;                                                                                     \
        asm volatile("fsflags zero\n\t" insn "\n\tfmv.x.d %0, ft2\n\tfrflags %1"                      \
                     : "=&r"(x.v), "=&r"(x.fl) : "r"(a) : "ft2");                                      \
        return x;                                                                                    \
    }

typedef fres (*fop)(u64, u64);
struct op {
    const char *name;
    fop f;
};

#define R3 " ft2, ft0, ft1"
DEF_FFF(f_add, "fadd." SFX R3)
DEF_FFF(f_sub, "fsub." SFX R3)
DEF_FFF(f_mul, "fmul." SFX R3)
DEF_FFF(f_div, "fdiv." SFX R3)
DEF_FFF(f_min, "fmin." SFX R3)
DEF_FFF(f_max, "fmax." SFX R3)
DEF_FFF(f_sgnj, "fsgnj." SFX R3)
DEF_FFF(f_sgnjn, "fsgnjn." SFX R3)
DEF_FFF(f_sgnjx, "fsgnjx." SFX R3)
DEF_XFF(f_eq, "feq." SFX " %0, ft0, ft1")
DEF_XFF(f_lt, "flt." SFX " %0, ft0, ft1")
DEF_XFF(f_le, "fle." SFX " %0, ft0, ft1")

#define N(x) x "." SFX
static const struct op binops[] = {
    {N("fadd"), f_add}, {N("fsub"), f_sub}, {N("fmul"), f_mul}, {N("fdiv"), f_div}, {N("fmin"), f_min},
    {N("fmax"), f_max}, {N("fsgnj"), f_sgnj}, {N("fsgnjn"), f_sgnjn}, {N("fsgnjx"), f_sgnjx}, {N("feq"), f_eq},
    {N("flt"), f_lt}, {N("fle"), f_le},
};

DEF_FF(f_sqrt, "fsqrt." SFX " ft2, ft0")
DEF_XF(f_class, "fclass." SFX " %0, ft0")
DEF_XF(f_cvt_w, "fcvt.w." SFX " %0, ft0")
DEF_XF(f_cvt_wu, "fcvt.wu." SFX " %0, ft0")
DEF_XF(f_cvt_l, "fcvt.l." SFX " %0, ft0")
DEF_XF(f_cvt_lu, "fcvt.lu." SFX " %0, ft0")
#if FP_DOUBLE
#define MVX "fmv.x.d"
#define MVF "fmv.d.x"
#define OTHER "fcvt.s.d"
#else
#define MVX "fmv.x.w"
#define MVF "fmv.w.x"
#define OTHER "fcvt.d.s"
#endif
DEF_XF(f_mv_x, MVX " %0, ft0")
DEF_FF(f_cvt_other, OTHER " ft2, ft0")

static const struct op unops[] = {
    {N("fsqrt"), f_sqrt}, {N("fclass"), f_class}, {"fcvt.w." SFX, f_cvt_w}, {"fcvt.wu." SFX, f_cvt_wu},
    {"fcvt.l." SFX, f_cvt_l}, {"fcvt.lu." SFX, f_cvt_lu}, {MVX, f_mv_x}, {OTHER, f_cvt_other},
};

DEF_FX(f_from_w, "fcvt." SFX ".w ft2, %2")
DEF_FX(f_from_wu, "fcvt." SFX ".wu ft2, %2")
DEF_FX(f_from_l, "fcvt." SFX ".l ft2, %2")
DEF_FX(f_from_lu, "fcvt." SFX ".lu ft2, %2")
DEF_FX(f_mv_f, MVF " ft2, %2")

static const struct op intops[] = {
    {"fcvt." SFX ".w", f_from_w}, {"fcvt." SFX ".wu", f_from_wu}, {"fcvt." SFX ".l", f_from_l},
    {"fcvt." SFX ".lu", f_from_lu}, {MVF, f_mv_f},
};

/* fused multiply-add: FP result from three FP operands */
#define DEF_FMA(name, insn)                                                                          \
    static fres name(u64 a, u64 b, u64 c) {                                                          \
        fres x;                                                                                      \
        asm volatile("fsflags zero\n\t" MVIN " ft0, %2\n\t" MVIN " ft1, %3\n\t" MVIN " ft3, %4\n\t" insn \
                     " ft2, ft0, ft1, ft3\n\tfmv.x.d %0, ft2\n\tfrflags %1"                           \
                     : "=&r"(x.v), "=&r"(x.fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); \
        return x;                                                                                    \
    }
DEF_FMA(f_madd, "fmadd." SFX)
DEF_FMA(f_msub, "fmsub." SFX)
DEF_FMA(f_nmsub, "fnmsub." SFX)
DEF_FMA(f_nmadd, "fnmadd." SFX)
static const struct {
    const char *name;
    fres (*f)(u64, u64, u64);
} fmas[] = {{N("fmadd"), f_madd}, {N("fmsub"), f_msub}, {N("fnmsub"), f_nmsub}, {N("fnmadd"), f_nmadd}};

/* the rounding-sensitive instructions once per static rounding mode */
#define RM_SET(X, rm)                                                            \
    X(add_##rm, DEF_FFF, "fadd." SFX R3 ", " #rm)                                \
    X(mul_##rm, DEF_FFF, "fmul." SFX R3 ", " #rm)                                \
    X(div_##rm, DEF_FFF, "fdiv." SFX R3 ", " #rm)                                \
    X(sqrt_##rm, DEF_FF, "fsqrt." SFX " ft2, ft0, " #rm)                         \
    X(cvtw_##rm, DEF_XF, "fcvt.w." SFX " %0, ft0, " #rm)                         \
    X(cvtwu_##rm, DEF_XF, "fcvt.wu." SFX " %0, ft0, " #rm)                       \
    X(cvtl_##rm, DEF_XF, "fcvt.l." SFX " %0, ft0, " #rm)                         \
    X(cvtlu_##rm, DEF_XF, "fcvt.lu." SFX " %0, ft0, " #rm)                       \
    X(froml_##rm, DEF_FX, "fcvt." SFX ".l ft2, %2, " #rm)                        \
    X(fromlu_##rm, DEF_FX, "fcvt." SFX ".lu ft2, %2, " #rm)
#define EMIT_DEF(name, kind, insn) kind(name, insn)
RM_SET(EMIT_DEF, rne)
RM_SET(EMIT_DEF, rtz)
RM_SET(EMIT_DEF, rdn)
RM_SET(EMIT_DEF, rup)
RM_SET(EMIT_DEF, rmm)
RM_SET(EMIT_DEF, dyn)
#if FP_DOUBLE
#define OTHER_RM(X, rm) X(other_##rm, DEF_FF, "fcvt.s.d ft2, ft0, " #rm) X(fromw_##rm, DEF_FX, "fcvt.d.w ft2, %2") /* exact: no rm operand */
#else
#define OTHER_RM(X, rm) X(other_##rm, DEF_FF, "fcvt.d.s ft2, ft0") /* exact */ X(fromw_##rm, DEF_FX, "fcvt.s.w ft2, %2, " #rm)
#endif
OTHER_RM(EMIT_DEF, rne)
OTHER_RM(EMIT_DEF, rtz)
OTHER_RM(EMIT_DEF, rdn)
OTHER_RM(EMIT_DEF, rup)
OTHER_RM(EMIT_DEF, rmm)
OTHER_RM(EMIT_DEF, dyn)

static fres fma_rm(int rm, u64 a, u64 b, u64 c) {
    fres x;
#define FMA_RM(n, r)                                                                                 \
    case n:                                                                                          \
        asm volatile("fsflags zero\n\t" MVIN " ft0, %2\n\t" MVIN " ft1, %3\n\t" MVIN " ft3, %4\n\t"    \
                     "fmadd." SFX " ft2, ft0, ft1, ft3, " #r "\n\tfmv.x.d %0, ft2\n\tfrflags %1"       \
                     : "=&r"(x.v), "=&r"(x.fl) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); \
        break;
    switch (rm) {
        FMA_RM(0, rne) FMA_RM(1, rtz) FMA_RM(2, rdn) FMA_RM(3, rup) FMA_RM(4, rmm) default : FMA_RM(7, dyn)
    }
    return x;
}

struct rmops {
    const char *rm;
    fop add, mul, div, sqrt, cvtw, cvtwu, cvtl, cvtlu, froml, fromlu, other, fromw;
    int code;
};
#define RMOPS(rm, code)                                                                                       \
    {#rm, add_##rm, mul_##rm, div_##rm, sqrt_##rm, cvtw_##rm, cvtwu_##rm, cvtl_##rm, cvtlu_##rm, froml_##rm, \
     fromlu_##rm, other_##rm, fromw_##rm, code}
static const struct rmops rmtab[] = {RMOPS(rne, 0), RMOPS(rtz, 1), RMOPS(rdn, 2), RMOPS(rup, 3), RMOPS(rmm, 4), RMOPS(dyn, 7)};

static void show(const char *name, const char *args, fres r) { pf("%s %s -> %x fflags=%x\n", name, args, r.v, r.fl); }

static void hex_args(char *buf, int n, const u64 *v) {
    /* formats n operands as "0x.. 0x.." without printf into a buffer */
    static const char hx[] = "0123456789abcdef";
    char *p = buf;
    for (int i = 0; i < n; i++) {
        if (i)
            *p++ = ' ';
        *p++ = '0';
        *p++ = 'x';
        u64 x = v[i];
        int digits = 1;
        for (u64 t = x >> 4; t; t >>= 4)
            digits++;
        for (int d = digits - 1; d >= 0; d--)
            *p++ = hx[(x >> (4 * d)) & 15];
    }
    *p = 0;
}

static void run_all(const fbits *vals, int nvals, const fbits *cvals, int ncvals, const u64 *ivals, int nivals,
                    const fbits (*fma3)[3], int nfma, const fbits (*rmv)[2], int nrmv) {
    char args[64];
    u64 v[3];
    for (unsigned k = 0; k < sizeof binops / sizeof binops[0]; k++)
        for (int i = 0; i < nvals; i++)
            for (int j = 0; j < nvals; j++) {
                v[0] = vals[i];
                v[1] = vals[j];
                hex_args(args, 2, v);
                show(binops[k].name, args, binops[k].f(vals[i], vals[j]));
            }
    for (unsigned k = 0; k < sizeof unops / sizeof unops[0]; k++) {
        for (int i = 0; i < nvals; i++) {
            v[0] = vals[i];
            hex_args(args, 1, v);
            show(unops[k].name, args, unops[k].f(vals[i], 0));
        }
        for (int i = 0; i < ncvals; i++) {
            v[0] = cvals[i];
            hex_args(args, 1, v);
            show(unops[k].name, args, unops[k].f(cvals[i], 0));
        }
    }
    for (unsigned k = 0; k < sizeof intops / sizeof intops[0]; k++)
        for (int i = 0; i < nivals; i++) {
            v[0] = ivals[i];
            hex_args(args, 1, v);
            show(intops[k].name, args, intops[k].f(ivals[i], 0));
        }
    for (unsigned k = 0; k < sizeof fmas / sizeof fmas[0]; k++)
        for (int i = 0; i < nfma; i++) {
            v[0] = fma3[i][0];
            v[1] = fma3[i][1];
            v[2] = fma3[i][2];
            hex_args(args, 3, v);
            show(fmas[k].name, args, fmas[k].f(fma3[i][0], fma3[i][1], fma3[i][2]));
        }
    /* rounding modes: static ones, then DYN under each frm */
    for (int dynfrm = -1; dynfrm <= 4; dynfrm++) {
        for (unsigned m = 0; m < sizeof rmtab / sizeof rmtab[0]; m++) {
            const struct rmops *t = &rmtab[m];
            if ((dynfrm < 0) != (t->code != 7))
                continue;
            char rmname[16];
            memcpy(rmname, t->rm, 4);
            if (dynfrm >= 0) {
                csr_write(frm, dynfrm);
                rmname[3] = '/';
                rmname[4] = (char)('0' + dynfrm);
                rmname[5] = 0;
            }
            for (int i = 0; i < nrmv; i++) {
                u64 a = rmv[i][0], b = rmv[i][1];
                v[0] = a;
                v[1] = b;
                hex_args(args, 2, v);
                pf("rm=%s ", rmname);
                show(N("fadd"), args, t->add(a, b));
                pf("rm=%s ", rmname);
                show(N("fmul"), args, t->mul(a, b));
                pf("rm=%s ", rmname);
                show(N("fdiv"), args, t->div(a, b));
                pf("rm=%s ", rmname);
                show(N("fmadd"), args, fma_rm(t->code, a, b, a));
                hex_args(args, 1, v);
                pf("rm=%s ", rmname);
                show(N("fsqrt"), args, t->sqrt(a, 0));
                pf("rm=%s ", rmname);
                show(OTHER, args, t->other(a, 0));
            }
            for (int i = 0; i < ncvals; i++) {
                v[0] = cvals[i];
                hex_args(args, 1, v);
                pf("rm=%s ", rmname);
                show("fcvt.w." SFX, args, t->cvtw(cvals[i], 0));
                pf("rm=%s ", rmname);
                show("fcvt.wu." SFX, args, t->cvtwu(cvals[i], 0));
                pf("rm=%s ", rmname);
                show("fcvt.l." SFX, args, t->cvtl(cvals[i], 0));
                pf("rm=%s ", rmname);
                show("fcvt.lu." SFX, args, t->cvtlu(cvals[i], 0));
            }
            for (int i = 0; i < nivals; i++) {
                v[0] = ivals[i];
                hex_args(args, 1, v);
                pf("rm=%s ", rmname);
                show("fcvt." SFX ".l", args, t->froml(ivals[i], 0));
                pf("rm=%s ", rmname);
                show("fcvt." SFX ".lu", args, t->fromlu(ivals[i], 0));
                pf("rm=%s ", rmname);
                show("fcvt." SFX ".w", args, t->fromw(ivals[i], 0));
            }
        }
    }
    csr_write(frm, 0);
}

/* integer sources for the int-to-FP conversions (the W forms use the low 32 bits) */
static const u64 ivals[] = {
    0, 1, (u64)-1, 0x7fffffff, 0xffffffff80000000UL, 0xffffffffUL, 0x1000001, 0x7fffffffffffffffUL,
    0x8000000000000000UL, 0x0123456789abcdefUL, 0x20000000000001UL, 0xfffffffffffff801UL,
};
#define NIVALS ((int)(sizeof ivals / sizeof ivals[0]))
