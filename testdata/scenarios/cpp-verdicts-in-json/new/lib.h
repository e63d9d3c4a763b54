#pragma once
// Each change is judged by what it breaks (docs/cpp.md, "Verdicts"):
// a value changed, a method made const, a base appended: binaries only (ABI);
// a macro removed, const taken away: sources (API) too.
#define DEMO_LIMIT 32
// A macro now an enumerator of another value: sources compile, binaries keep 1003.
enum { DEMO_SLOTS = 130 };
namespace demo {
enum class Mode { kSlow = 0, kFast = 2 };
struct Base { int id; };
struct Mixin { int extra; };
class Engine : public Base, public Mixin {
 public:
  int run(int n);
  int size() const;
  void reset();
};
// A parameter widened: calls compile (ABI only); narrowed: both.
int scale(long factor);
int cut(int n);
class Widget {
 public:
  explicit Widget(int id);
};
// Its constructor is inherited now: sources compile, old binaries miss Button(int)'s symbol.
class Button : public Widget {
 public:
  using Widget::Widget;
};
}  // namespace demo
