#pragma once
namespace demo {
// Implementation namespaces are not public API: their changes are not findings.
namespace detail {
inline long scale(long x) { return x * 2; }
struct Buffer { char* data; long size; long capacity; };
}  // namespace detail
namespace __impl { enum State { kBusy, kIdle, kDone }; }
inline int twice(int x) { return static_cast<int>(detail::scale(x)); }
}  // namespace demo
