#include "lib.h"

// Widening set_rate_limit's parameter (int -> long) keeps this call compiling (ABI only, by
// docs/cpp.md's policy: taking the function's address is not counted); select_region's new
// parameter type does not take the old argument (API and ABI).
void use() {
  demo::set_rate_limit(100);
  demo::select_region("eu-west");
}
