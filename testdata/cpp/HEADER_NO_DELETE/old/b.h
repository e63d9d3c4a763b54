#pragma once

// Consumers write #include <b.h>; 2.0 moved size_of to strings.h and removed this header.
int size_of(const char* s);
