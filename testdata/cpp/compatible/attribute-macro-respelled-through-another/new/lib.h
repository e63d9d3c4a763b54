#pragma once

// The attribute now has a name of its own, shared with the experimental API; DICT_API still
// stands for the same attribute.
#define DICT_VISIBLE __attribute__((visibility("default")))
#define DICT_API DICT_VISIBLE
#define DICT_EXPERIMENTAL_API DICT_VISIBLE
#define DICT_DEPRECATED(msg) __attribute__((deprecated(msg)))

// Trains a dictionary of at most capacity bytes from the samples.
DICT_API unsigned long dict_train(void* dict, unsigned long capacity, const void* samples);
