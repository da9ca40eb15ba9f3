// A 4-level Sv48 address space: see paging_sv.h.
#include "pt.h"
#define LEVELS 4
#include "paging_sv.h"
