#pragma once
// The wrapper's inline override is gone; the base now defines the function (it was pure).
namespace demo {
class Env { public: virtual ~Env(); virtual int DeleteFile(const char* f) { return RemoveFile(f); } virtual int RemoveFile(const char* f); };
class EnvWrapper : public Env {
 private:
  Env* target_;
};
}
