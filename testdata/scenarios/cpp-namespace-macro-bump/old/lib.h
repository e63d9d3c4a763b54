#pragma once

// Every header opens the library's namespace through these, as fmt and others do.
#define DEMO_BEGIN_NAMESPACE namespace demo {
#define DEMO_END_NAMESPACE }

DEMO_BEGIN_NAMESPACE

// Formats value into out; returns the characters written.
int format_int(int value, char* out);

DEMO_END_NAMESPACE
