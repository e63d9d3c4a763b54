#pragma once

// The attribute now has a name of its own, shared with the experimental API, and is spelled
// with GCC's reserved form (the same attribute); DICT_API still stands for it.
#define DICT_VISIBLE __attribute__((__visibility__("default")))
#define DICT_API DICT_VISIBLE
#define DICT_EXPERIMENTAL_API DICT_VISIBLE
#define DICT_DEPRECATED(msg) __attribute__((deprecated(msg)))

// Trains a dictionary of at most capacity bytes from the samples.
DICT_API unsigned long dict_train(void* dict, unsigned long capacity, const void* samples);
