#pragma once

namespace demo {

// Parses a configuration file; returns 0 on success or an error code.
int load_config(const char* path);

// Drops every cached configuration entry.
void clear_config();

extern int config_verbosity;

}  // namespace demo
