struct S { S(S&&) noexcept = default; S() = default; S& operator=(S&&) noexcept = default; int x; };
