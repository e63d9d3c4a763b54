#pragma once

namespace demo {

// Colors of the standard palette; the value is the palette index.
enum Color : int { Red, Green, Blue };

void set_background(Color color);

}  // namespace demo
