// The loader's fingerprint of a schema entity (its "hash" attribute): a hash of what the schema
// says, keywords and subschemas but not where it is written, whose lowest bit tells whether a
// $ref sits anywhere inside it. Two reference-free schemas with equal fingerprints accept the
// same documents.
#pragma once

#include <breakwater/model.hpp>

#include <cstdint>
#include <optional>

namespace breakwater::jsonschema {

inline std::optional<uint64_t> fingerprint(const Entity& e) {
  const Attr* a = e.find("hash");
  if (a == nullptr) return std::nullopt;  // a schema the comparison made up
  return static_cast<uint64_t>(std::get<int64_t>(a->value));
}

// Whether a $ref may sit inside (yes when unknown).
inline bool holds_refs(const Entity& e) {
  const auto f = fingerprint(e);
  return !f || (*f & 1) != 0;
}

}  // namespace breakwater::jsonschema
