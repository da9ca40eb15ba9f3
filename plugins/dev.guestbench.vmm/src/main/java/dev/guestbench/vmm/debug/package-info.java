/**
 * The one debugging API every front end uses (the Eclipse debug model, later the GDB stub): a
 * {@link dev.guestbench.vmm.debug.VmDebugger} owns a VM on its own thread and suspends, resumes and steps
 * its vCPUs (each on its own or all together), stops at address, trap and page-table breakpoints and at
 * data watchpoints, and reads and writes registers, CSRs and memory.
 */
package dev.guestbench.vmm.debug;
