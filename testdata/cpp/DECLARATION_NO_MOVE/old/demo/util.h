#pragma once
#include "demo/strings.h"
namespace demo { int trim(const char* text); }
