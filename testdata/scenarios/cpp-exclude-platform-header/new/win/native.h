#pragma once
#include <windows.h>

namespace demo {
HANDLE native_handle(int device);
}
