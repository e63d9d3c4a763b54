#pragma once

// The release moves everything into inline namespace v2: one change, reported once (through
// the declarations it moves), not again as a changed macro.
#define DEMO_BEGIN_NAMESPACE namespace demo { inline namespace v2 {
#define DEMO_END_NAMESPACE } }

DEMO_BEGIN_NAMESPACE

// Formats value into out; returns the characters written.
int format_int(int value, char* out);

DEMO_END_NAMESPACE
