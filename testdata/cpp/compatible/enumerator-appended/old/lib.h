#pragma once

namespace demo {

enum class Level { Debug, Info, Warning, Error };

void set_log_level(Level level);
Level log_level();

}  // namespace demo
