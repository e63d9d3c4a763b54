#include "lib.h"

// Command-line options write straight into the library's settings.
struct Option {
  const char* name;
  int* target;
};

static const Option options[] = {{"max-connections", &demo::max_connections}};

int option_count() { return sizeof options / sizeof options[0]; }
