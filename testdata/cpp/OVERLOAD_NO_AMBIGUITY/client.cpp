#include "lib.h"

void configure(unsigned timeout_seconds) {
  demo::set_timeout(timeout_seconds * 1000);
}

demo::Label unnamed() { return demo::Label(nullptr); }
