#pragma once

namespace demo {

// A position on the integer grid.
struct Point {
  int x;
  int y;
};

// Euclidean distance between two points.
double distance(Point a, Point b);

}  // namespace demo
