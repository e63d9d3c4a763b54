#pragma once
#define DEMO_LIMIT 64
#define DEMO_FLAG_FAST 1
#define DEMO_SLOTS 1003
namespace demo {
enum class Mode { kSlow = 0, kFast = 1 };
struct Base { int id; };
struct Mixin { int extra; };
class Engine : public Base {
 public:
  int run(int n);
  int size();
  void reset() const;
};
int scale(int factor);
int cut(long n);
class Widget {
 public:
  explicit Widget(int id);
};
class Button : public Widget {
 public:
  explicit Button(int id);
};
}  // namespace demo
