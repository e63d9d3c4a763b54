#include "lib.h"

bool parse_twice(demo::Parser& parser, const char* a, const char* b) {
  bool ok = parser.parse(a);
  parser.reset();
  return ok && parser.parse(b);
}
