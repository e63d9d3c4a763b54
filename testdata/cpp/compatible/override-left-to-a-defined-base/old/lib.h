#pragma once
namespace demo {
class Env { public: virtual ~Env(); virtual int DeleteFile(const char* f) = 0; virtual int RemoveFile(const char* f); };
class EnvWrapper : public Env {
 public:
  int DeleteFile(const char* f) override { return target_->DeleteFile(f); }
 private:
  Env* target_;
};
}
