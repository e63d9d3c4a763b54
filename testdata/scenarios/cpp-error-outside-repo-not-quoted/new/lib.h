#pragma once
#include <../../../../../../../../../../../../etc/passwd>

namespace demo {
int version();
}
