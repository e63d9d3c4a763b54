#pragma once
// The names are enumerators now: `DEMO_FLAG_READ | DEMO_FLAG_WRITE` still compiles and means
// the same (only `#ifdef DEMO_FLAG_READ` would notice).
enum { DEMO_FLAG_READ = 1, DEMO_FLAG_WRITE = 2 };
