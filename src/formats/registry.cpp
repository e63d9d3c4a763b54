// The one place that knows which formats exist; core reaches them only through FormatPlugin.
#include "core/engine.hpp"
#include "formats/cpp/plugin.hpp"
#include "formats/jsonschema/plugin.hpp"
#include "formats/protobuf/plugin.hpp"
#include "formats/sql/plugin.hpp"

namespace breakwater::detail {

const std::vector<const FormatPlugin*>& formats() {
  static const std::vector<const FormatPlugin*> all = {&protobuf::plugin(), &sql::plugin(),
                                                            &jsonschema::plugin(), &cpp::plugin()};
  return all;
}

}  // namespace breakwater::detail

namespace breakwater {

void release_resources() {
  for (const detail::FormatPlugin* f : detail::formats()) {
    if (f->release != nullptr) f->release();
  }
}

}  // namespace breakwater
