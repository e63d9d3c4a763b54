#pragma once
constexpr int DEMO_MAX_NAME = 64;
