#include "lib.h"

bool is_empty(const demo::Buffer& buffer) { return buffer.size() == 0; }
