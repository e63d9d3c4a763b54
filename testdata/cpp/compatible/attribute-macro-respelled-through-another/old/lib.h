#pragma once

// The export attribute written out in the macro every declaration uses.
#define DICT_API __attribute__((visibility("default")))
#define DICT_DEPRECATED(msg) __attribute__((deprecated(msg)))

// Trains a dictionary of at most capacity bytes from the samples.
DICT_API unsigned long dict_train(void* dict, unsigned long capacity, const void* samples);
