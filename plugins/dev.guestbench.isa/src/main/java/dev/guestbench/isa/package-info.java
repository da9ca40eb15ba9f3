/**
 * The RISC-V RV64GC instruction set as data: the instruction table ({@link dev.guestbench.isa.Instruction}),
 * pseudo-instructions, the CSR table, and the decoder and encoder built on them. Plain Java with no
 * dependencies, shared by the hypervisor, the assembler, the disassembler and the editor.
 */
package dev.guestbench.isa;
