#pragma once
namespace demo {
namespace detail {
inline int scale(int x) { return x * 2; }
struct Buffer { char* data; int size; };
}  // namespace detail
namespace internal { int counter(); }
namespace __impl { enum State { kIdle, kBusy }; }
inline int twice(int x) { return detail::scale(x); }
}  // namespace demo
