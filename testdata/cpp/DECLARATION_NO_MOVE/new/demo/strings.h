#pragma once
namespace demo {
int join(const char* const* parts, int count);
}  // namespace demo
