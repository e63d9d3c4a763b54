#pragma once
#include "detail/impl.h"

struct S { int a; };
