#pragma once
#include "demo/strings.h"
#include "demo/trim.h"
