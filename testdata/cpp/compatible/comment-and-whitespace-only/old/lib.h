#pragma once

namespace demo {

struct Point { int x; int y; };

// distance between two points
double distance(Point a, Point b);

constexpr int kOrigin = 0;

}  // namespace demo
