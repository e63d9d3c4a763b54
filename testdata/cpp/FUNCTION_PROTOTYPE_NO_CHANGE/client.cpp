#include "lib.h"

// Stores the setter in a table of configuration hooks: the pointer type
// names the old parameter type, so it no longer matches.
void (*const rate_hook)(int) = &demo::set_rate_limit;

void use() { rate_hook(100); }
