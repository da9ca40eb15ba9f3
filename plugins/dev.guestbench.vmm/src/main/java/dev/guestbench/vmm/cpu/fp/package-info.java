/**
 * The floating-point unit of the RISC-V F and D extensions: {@link dev.guestbench.vmm.cpu.fp.FloatUnit}, exact
 * in all five rounding modes with the IEEE 754 exception flags RISC-V accrues in fflags, the canonical-NaN rule
 * and NaN-boxing of singles. Plain Java, allocation-free, no dependencies.
 */
package dev.guestbench.vmm.cpu.fp;
