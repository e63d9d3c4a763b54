#pragma once

namespace demo {

int open_device(const char* name);

}  // namespace demo
