#pragma once

namespace demo {
int version();
}
