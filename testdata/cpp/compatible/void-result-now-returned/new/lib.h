#pragma once
namespace demo {
// Callers of a function that returned void used no result: they still compile and run.
class Widget {
 public:
  Widget& operator=(const Widget&);
  bool resize(int n);
};
}
