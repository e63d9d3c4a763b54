#include "lib.h"

void configure(unsigned timeout_seconds) {
  demo::set_timeout(timeout_seconds * 1000);
}
