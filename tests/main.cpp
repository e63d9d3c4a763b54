#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <breakwater/check.hpp>

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int status = context.run();
  // Loaders' process-wide services (MariaDB's embedded server) end here, not in the exit race.
  breakwater::release_resources();
  return status;
}
