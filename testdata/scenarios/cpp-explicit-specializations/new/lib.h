#pragma once
// Each explicit specialization is a record of its own (fmt has dozens of formatter<X>).
namespace demo {
inline namespace v1 {
template <class T> struct F { int generic; };
template <> struct F<char> { int a; int z; };
template <> struct F<int> { long b; long c; };
}
}
