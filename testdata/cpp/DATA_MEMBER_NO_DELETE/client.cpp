#include "lib.h"

void use() {
  demo::Timeout timeout{};
  timeout.seconds = 2;
  timeout.millis = 500;
  demo::set_default_timeout(timeout);
}
