#pragma once
#ifdef __cplusplus
extern "C" {
#endif
// C functions have no mangled names: a pointer parameter that promises not to write through
// itself takes every argument it took before, from C and C++ callers.
int demo_write(const char* buffer, unsigned long size);
int demo_name(const void* handle, char* out);
#ifdef __cplusplus
}
#endif
