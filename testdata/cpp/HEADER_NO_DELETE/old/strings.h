#pragma once

int length_of(const char* s);
