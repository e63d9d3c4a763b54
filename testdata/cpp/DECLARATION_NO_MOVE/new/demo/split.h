#pragma once
// split() and its types moved here; strings.h does not include this header.
namespace demo {
int split(const char* text, char separator);
struct Piece { const char* text; int size; };
template <typename T> struct Parts { T* items; int count; };
}  // namespace demo
#define DEMO_MAX_PIECES 64
