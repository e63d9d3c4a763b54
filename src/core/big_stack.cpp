#include "core/big_stack.hpp"

#include <pthread.h>

#include <exception>
#include <stdexcept>
#include <string>

namespace breakwater::detail {
namespace {

struct Job {
  const std::function<void()>* work;
  std::exception_ptr error;
};

void* run(void* arg) {
  Job& job = *static_cast<Job*>(arg);
  try {
    (*job.work)();
  } catch (...) {
    job.error = std::current_exception();
  }
  return nullptr;
}

struct ThreadAttr {
  pthread_attr_t attr;
  ThreadAttr() { pthread_attr_init(&attr); }
  ~ThreadAttr() { pthread_attr_destroy(&attr); }
  ThreadAttr(const ThreadAttr&) = delete;
  ThreadAttr& operator=(const ThreadAttr&) = delete;
};

}  // namespace

void run_on_big_stack(const std::function<void()>& work, size_t bytes) {
  Job job{&work, nullptr};
  ThreadAttr attr;
  pthread_t thread;
  if (pthread_attr_setstacksize(&attr.attr, bytes) != 0 ||
      pthread_create(&thread, &attr.attr, &run, &job) != 0) {
    work();  // no thread to be had: run here rather than not at all
    return;
  }
  pthread_join(thread, nullptr);
  if (job.error) std::rethrow_exception(job.error);
}

}  // namespace breakwater::detail
