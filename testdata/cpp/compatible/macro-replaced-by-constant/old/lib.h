#pragma once
#define DEMO_MAX_NAME 64
