void f(int);
template <class T> void f(T);
