#pragma once
namespace demo {
int add(int a, int b)
int sub(int a, int b);
}
