#include "lib.h"

// Sources compile with a changed value (binaries built against OLD keep the old one: ABI);
// a removed macro is what breaks them (API).
static char names[demo::kMaxItems][DEMO_NAME_MAX];

void use() {
  const char* batch[] = {names[0], names[1]};
  demo::submit(batch, DEMO_FLAG_QUIET);
}
