// Types with the default template arguments clang leaves out spelled in. clang prints
// `specs<char>` as `specs<>` once `char` became the parameter's default, so the same field type
// reads differently across a release that only added the default.
#pragma once

#include <breakwater/model.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace breakwater::cpp {

// A class template's default arguments by position, as written ("" where a parameter has
// none), keyed by the template's qualified name; from the modelled `template` entities, those in
// internal namespaces included (a public field may hold `detail::specs<>`).
using TemplateDefaults = std::map<std::string, std::vector<std::string>, std::less<>>;
TemplateDefaults class_template_defaults(const Entity& api);

// `type` with each template-id's left-out trailing arguments restored from `defaults` and
// spaces dropped (written defaults and clang's spelling space tokens differently); `type`
// unchanged (spaces dropped) where nothing was left out.
std::string in_full(std::string_view type, const TemplateDefaults& defaults);

// Sets `type_in_full` on every field whose type names a template, for comparing.
void spell_default_arguments(Entity& api, const TemplateDefaults& defaults);

}  // namespace breakwater::cpp
