/* empty: prints its line and stops. Its run time is each emulator's start-up and shut-down, the
 * baseline the ecall round trip is measured against. */
#include "bench.h"

int main(void)
{
    return result("empty", "value", 0, 1);
}
