// `breakwater dump`: the common model as a loader understood it.
#include <breakwater/report.hpp>

#include <nlohmann/json.hpp>

namespace breakwater {
namespace {

using Json = nlohmann::ordered_json;

std::string at(const Schema& schema, SourceRef ref) {
  return schema.resolve(ref).text();
}

Json value_json(const Value& v) {
  if (const auto* b = std::get_if<bool>(&v)) return *b;
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return nullptr;
}

Json entity_json(const Schema& schema, const Entity& e) {
  Json out = {
      {"kind", std::string(e.kind)}, {"key", e.key}, {"name", e.name}, {"at", at(schema, e.loc)}};
  Json attrs = Json::object();
  for (const Attr& a : e.attrs) attrs[std::string(a.name)] = value_json(a.value);
  out["attrs"] = std::move(attrs);
  if (!e.children.empty()) {
    Json children = Json::array();
    for (const Entity& c : e.children) children.push_back(entity_json(schema, c));
    out["children"] = std::move(children);
  }
  return out;
}

}  // namespace

std::string dump_json(const Schema& schema) {
  Json roots = Json::array();
  for (const Entity& e : schema.roots) roots.push_back(entity_json(schema, e));
  Json doc = {{"format", schema.format}, {"input", schema.root}, {"roots", roots}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace breakwater
