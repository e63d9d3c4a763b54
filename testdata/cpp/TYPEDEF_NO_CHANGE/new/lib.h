#pragma once

namespace demo {

// Called with the completed percentage while a download runs.
using ProgressCallback = void (*)(int percent, void* user_data);

// Library version as major * 10000 + minor * 100 + patch.
int version();

}  // namespace demo
