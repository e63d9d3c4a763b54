#include "lib.h"

// Keeps the most recent response times for a moving average.
static demo::Ring<int> recent_latencies;

void record_latency(int milliseconds) { recent_latencies.push(milliseconds); }
