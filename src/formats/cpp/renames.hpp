// Namespaces renamed between OLD and NEW (`namespace acme` became `namespace acme2`): found by
// the declarations they hold, so that the rename is one finding and the declarations inside are
// still compared with their counterparts instead of each being reported removed.
#pragma once

#include <breakwater/model.hpp>

#include <string>
#include <utility>
#include <vector>

namespace breakwater::cpp {

using Renames = std::vector<std::pair<std::string, std::string>>;  // OLD -> NEW, longest first

// An OLD namespace is renamed to a NEW one when nothing of NEW is declared in or under the old
// name, nothing of OLD in or under the new one, and most of the old namespace's declarations
// exist under the new name.
Renames renamed_namespaces(const Schema& old_schema, const Schema& new_schema);

// `text` with every qualified use of a renamed namespace spelled the NEW way.
std::string renamed(const std::string& text, const Renames& renames);

// A copy of OLD with keys and attribute values (not names, not mangled names) spelled the NEW way;
// each declaration that moved carries "renamed_from" (its OLD namespace).
Schema with_renames(const Schema& old_schema, const Renames& renames);

}  // namespace breakwater::cpp
