#pragma once
#include "detail/config.h"
namespace demo {
int add(int a, int b);
}
