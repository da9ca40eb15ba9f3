// A 3-level Sv39 address space: see paging_sv.h.
#include "pt.h"
#define LEVELS 3
#include "paging_sv.h"
