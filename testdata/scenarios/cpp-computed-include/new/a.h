#define Z "/dev/zero"
#include Z
int f();
