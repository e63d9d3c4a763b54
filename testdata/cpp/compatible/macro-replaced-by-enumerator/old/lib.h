#pragma once
#define DEMO_FLAG_READ 1
#define DEMO_FLAG_WRITE 2
