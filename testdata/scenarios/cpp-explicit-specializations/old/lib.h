#pragma once
namespace demo {
inline namespace v1 {
template <class T> struct F { int generic; };
template <> struct F<char> { int a; };
template <> struct F<int> { long b; };
}
}
