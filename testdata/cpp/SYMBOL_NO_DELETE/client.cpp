#include "lib.h"

void use() {
  if (demo::load_config("app.conf") != 0) demo::clear_config();
}
