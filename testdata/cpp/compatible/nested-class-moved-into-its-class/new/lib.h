namespace a { struct S { struct In { int x; }; }; }
