// Includes only the old header of split() and Piece.
#include "demo/strings.h"
#include "demo/util.h"

int use() {
  demo::Piece p{"a", 1};
  demo::Parts<int> parts{nullptr, 0};
  return demo::split(p.text, ',') + demo::trim("x") + DEMO_MAX_PIECES + parts.count;
}
