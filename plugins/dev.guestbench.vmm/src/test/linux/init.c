/*
 * /init of the test initramfs: says it was reached, then powers the machine off. Freestanding, with raw
 * Linux system calls, so it needs no C library; built by build-linux.sh with riscv64-linux-gnu-gcc.
 */

#define SYS_WRITE 64
#define SYS_EXIT 93
#define SYS_REBOOT 142

#define LINUX_REBOOT_MAGIC1 0xfee1deadL
#define LINUX_REBOOT_MAGIC2 672274793L
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321fedcL

static long syscall4(long n, long a0, long a1, long a2, long a3)
{
    register long r_a0 __asm__("a0") = a0;
    register long r_a1 __asm__("a1") = a1;
    register long r_a2 __asm__("a2") = a2;
    register long r_a3 __asm__("a3") = a3;
    register long r_a7 __asm__("a7") = n;
    __asm__ volatile("ecall" : "+r"(r_a0) : "r"(r_a1), "r"(r_a2), "r"(r_a3), "r"(r_a7) : "memory");
    return r_a0;
}

static void say(const char *s)
{
    long n = 0;
    while (s[n]) {
        n++;
    }
    syscall4(SYS_WRITE, 1, (long) s, n, 0);
}

void _start(void)
{
    say("guestbench: init reached\n");
    syscall4(SYS_REBOOT, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_POWER_OFF, 0);
    /* Only reached when the power-off failed; exiting makes the kernel panic, which the test sees. */
    say("guestbench: power-off failed\n");
    for (;;) {
        syscall4(SYS_EXIT, 1, 0, 0, 0);
    }
}
