// Recursive walks over untrusted, deeply nested input (JSON Schema trees, $ref chains) run on a
// thread with a large stack: the main thread's 8 MB, or far less under AddressSanitizer, is not
// enough for thousands of levels, and a stack overflow is a crash, not an error message.
#pragma once

#include <cstddef>
#include <functional>

namespace breakwater::detail {

// Runs `work` to completion on a fresh thread with a `bytes` stack (reserved, committed only as
// it is used), and rethrows whatever it throws.
void run_on_big_stack(const std::function<void()>& work, size_t bytes = size_t{512} << 20);

}  // namespace breakwater::detail
