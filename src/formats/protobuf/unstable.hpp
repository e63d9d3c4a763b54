// buf's unstable packages (`ignore_unstable_packages`): a package whose last component is an
// alpha, beta or test version (v1alpha1, v1beta, v2test, v1p1beta1), as buf's
// PACKAGE_VERSION_SUFFIX rule defines them.
#pragma once

#include <breakwater/finding.hpp>

#include <string_view>

namespace breakwater::protobuf {

bool unstable_version(std::string_view component);
// Whether the finding is about an element of an unstable package: its entity is a full name
// (the package is the lower-case components before the first type name) or a file path (the
// package directory is the file's folder).
bool in_unstable_package(const Finding& finding);

}  // namespace breakwater::protobuf
