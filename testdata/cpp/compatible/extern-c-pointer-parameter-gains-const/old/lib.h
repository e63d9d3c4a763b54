#pragma once
#ifdef __cplusplus
extern "C" {
#endif
int demo_write(char* buffer, unsigned long size);
int demo_name(void* handle, char* out);
#ifdef __cplusplus
}
#endif
