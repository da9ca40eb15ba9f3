/* Platform constants shared by the kernel sources (C preprocessor syntax). */
#ifndef PLATFORM_H
#define PLATFORM_H

#define UART_BASE   0x10000000
#define UART_THR    0           // transmit holding register
#define STACK_SIZE  (4 * 1024)
#define ENABLE_TIMER

#endif
