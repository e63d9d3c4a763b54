#pragma once
#define DEMO_VERSION_MAJOR 2
#define DEMO_VERSION_MINOR 3
#define DEMO_VERSION_NUMBER (DEMO_VERSION_MAJOR * 100 * 100 + DEMO_VERSION_MINOR * 100)
#define DEMO_VERSION_STRING "2.3.0"
namespace demo {
constexpr int kMinorVersion = 3;
}
