#pragma once

int length_of(const char* s);
int size_of(const char* s);
