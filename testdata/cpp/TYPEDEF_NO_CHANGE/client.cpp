#include "lib.h"

static void print_progress(int percent) { (void)percent; }

demo::ProgressCallback progress_callback() { return &print_progress; }
