#include "lib.h"

// The application's observer overrides without noexcept, as OLD allowed: against NEW an
// override may not allow exceptions its base rules out.
class LogObserver : public demo::PoolObserver {
 public:
  void on_exhausted(int requested) override { last_ = requested; }

 private:
  int last_ = 0;
};

void use() { LogObserver observer; }
