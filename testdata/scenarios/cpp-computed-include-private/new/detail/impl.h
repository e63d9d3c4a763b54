#pragma once
// A private header, left out of the public ones, is still read by the parse: its includes
// are vetted too.
#define Z "/dev/zero"
#include Z
int impl();
