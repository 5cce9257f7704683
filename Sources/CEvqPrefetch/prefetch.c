// CEvqPrefetch is a header-only module (include/CEvqPrefetch.h); SwiftPM wants one source file.
#include "CEvqPrefetch.h"
