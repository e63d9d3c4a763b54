#pragma once
// trim() moved here, and util.h includes it: clients of util.h still compile.
namespace demo { int trim(const char* text); }
