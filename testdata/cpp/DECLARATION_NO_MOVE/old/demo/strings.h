#pragma once
namespace demo {
int split(const char* text, char separator);
int join(const char* const* parts, int count);
struct Piece { const char* text; int size; };
template <typename T> struct Parts { T* items; int count; };
}  // namespace demo
#define DEMO_MAX_PIECES 64
