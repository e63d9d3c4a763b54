struct S { S(S&&) = default; S() = default; S& operator=(S&&) = default; int x; };
