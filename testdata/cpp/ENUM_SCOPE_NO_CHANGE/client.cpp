#include "lib.h"

static const char* const palette_names[] = {"red", "green", "blue"};

const char* use_green() {
  demo::set_background(demo::Green);
  int index = demo::Green;
  return palette_names[index];
}
