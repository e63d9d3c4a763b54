#pragma once

namespace demo {

// A position on the integer grid.
struct Point {
  Point(int x, int y);

  int x;
  int y;
};

// Euclidean distance between two points.
double distance(Point a, Point b);

}  // namespace demo
