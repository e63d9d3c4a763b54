#include "lib.h"

// Initialised by position, as aggregates are.
demo::Options options{8, "worker", true};
demo::Limits limits{100, 4096};
