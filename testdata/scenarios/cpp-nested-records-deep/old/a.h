// Each record holds 16 of the one before: libclang would re-check 16^7 fields per offset.
struct S0 { int f0; int f1; int f2; int f3; int f4; int f5; int f6; int f7; int f8; int f9; int f10; int f11; int f12; int f13; int f14; int f15; };
struct S1 { S0 f0; S0 f1; S0 f2; S0 f3; S0 f4; S0 f5; S0 f6; S0 f7; S0 f8; S0 f9; S0 f10; S0 f11; S0 f12; S0 f13; S0 f14; S0 f15; };
struct S2 { S1 f0; S1 f1; S1 f2; S1 f3; S1 f4; S1 f5; S1 f6; S1 f7; S1 f8; S1 f9; S1 f10; S1 f11; S1 f12; S1 f13; S1 f14; S1 f15; };
struct S3 { S2 f0; S2 f1; S2 f2; S2 f3; S2 f4; S2 f5; S2 f6; S2 f7; S2 f8; S2 f9; S2 f10; S2 f11; S2 f12; S2 f13; S2 f14; S2 f15; };
struct S4 { S3 f0; S3 f1; S3 f2; S3 f3; S3 f4; S3 f5; S3 f6; S3 f7; S3 f8; S3 f9; S3 f10; S3 f11; S3 f12; S3 f13; S3 f14; S3 f15; };
struct S5 { S4 f0; S4 f1; S4 f2; S4 f3; S4 f4; S4 f5; S4 f6; S4 f7; S4 f8; S4 f9; S4 f10; S4 f11; S4 f12; S4 f13; S4 f14; S4 f15; };
struct S6 { S5 f0; S5 f1; S5 f2; S5 f3; S5 f4; S5 f5; S5 f6; S5 f7; S5 f8; S5 f9; S5 f10; S5 f11; S5 f12; S5 f13; S5 f14; S5 f15; };
struct S7 { S6 f0; S6 f1; S6 f2; S6 f3; S6 f4; S6 f5; S6 f6; S6 f7; S6 f8; S6 f9; S6 f10; S6 f11; S6 f12; S6 f13; S6 f14; S6 f15; };
