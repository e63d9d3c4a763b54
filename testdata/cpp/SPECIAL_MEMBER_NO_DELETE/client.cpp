#include "lib.h"

double distance_from_origin(int x, int y) {
  demo::Point origin{};
  demo::Point p;
  p.x = x;
  p.y = y;
  return demo::distance(origin, p);
}
