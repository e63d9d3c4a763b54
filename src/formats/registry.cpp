// The one place that knows which formats exist; core reaches them only through FormatPlugin.
#include "core/engine.hpp"
#include "formats/protobuf/plugin.hpp"

namespace breakwater::detail {

const std::vector<const FormatPlugin*>& formats() {
  static const std::vector<const FormatPlugin*> all = {&protobuf::plugin()};
  return all;
}

}  // namespace breakwater::detail
