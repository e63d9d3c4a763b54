#pragma once

namespace demo {

/// A position on the integer grid.
struct Point {
  int x;  ///< horizontal coordinate
  int y;  ///< vertical coordinate
};

/// Euclidean distance between two points.
double distance(Point a,
                Point b);

constexpr int kOrigin = 0;  // the grid starts at zero

}  // namespace demo
