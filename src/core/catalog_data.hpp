// The rule files embedded by cmake/embed_catalog.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace breakwater::detail {

struct EmbeddedRuleFile {
  std::string_view path;  // relative to rules/, e.g. protobuf/FIELD_NO_DELETE.yaml
  std::string_view text;
};

const std::vector<EmbeddedRuleFile>& embedded_rule_files();

}  // namespace breakwater::detail
