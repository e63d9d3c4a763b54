#pragma once
namespace demo {
class Widget {
 public:
  void operator=(const Widget&);
  void resize(int n);
};
}
