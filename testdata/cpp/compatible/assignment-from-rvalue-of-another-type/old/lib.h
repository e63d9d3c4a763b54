struct S { int a; };
