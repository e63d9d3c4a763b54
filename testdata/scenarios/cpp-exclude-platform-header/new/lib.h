#pragma once

namespace demo {

int open_device(const char* name, int flags);

}  // namespace demo
