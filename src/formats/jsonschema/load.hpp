#pragma once

#include <breakwater/check.hpp>
#include <breakwater/model.hpp>

#include "formats/jsonschema/options.hpp"

#include <filesystem>
#include <string>

namespace breakwater::jsonschema {

// A .json file holding a schema (`$schema`, or named *.schema.json), or a directory of them.
bool claims(const std::filesystem::path& path);
// Reads each schema into a tree of "schema" entities: one child per subschema slot (key
// "properties/name", "items", "anyOf/0"...), constraint keywords as attributes, `$ref`s resolved
// to "file#/pointer" keys. Invalid JSON, unknown `$schema`, dangling, remote or escaping
// references and reference-only cycles throw InputError at file:line:col.
Schema load(const std::string& path, const LoadOptions& options, const Options& own);

}  // namespace breakwater::jsonschema
