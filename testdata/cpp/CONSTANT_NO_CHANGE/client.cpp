#include "lib.h"

// The client sized its buffers from the header's values, which were
// compiled into it; these checks make that dependency explicit.
static_assert(demo::kMaxItems == 100, "batch buffer sized for 100 items");
static_assert(DEMO_NAME_MAX == 64, "name buffer sized for 64 bytes");

static char names[demo::kMaxItems][DEMO_NAME_MAX];

void use() {
  const char* batch[] = {names[0], names[1]};
  demo::submit(batch, 2);
}
