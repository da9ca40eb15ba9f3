/** Reading ELF64 little-endian RISC-V files: header, sections, program headers, symbols and attributes. */
package dev.guestbench.isa.elf;
