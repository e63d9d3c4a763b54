template<class T> struct W {};
