#include "lib.h"

void use_fast_codec() { demo::set_compression(demo::Compression::Lz4); }
