/**
 * Disassembly in the exact format of GNU objdump 2.40: single instructions
 * ({@link dev.guestbench.isa.disasm.Disassembler}) and whole-file listings
 * ({@link dev.guestbench.isa.disasm.ObjdumpListing}).
 */
package dev.guestbench.isa.disasm;
