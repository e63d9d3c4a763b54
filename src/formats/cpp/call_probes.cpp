// Clang's own answer to "trivial for the purposes of calls". See call_probes.hpp.
#include "formats/cpp/call_probes.hpp"

#include "core/paths.hpp"
#include "formats/cpp/clang_handles.hpp"

#include <mutex>
#include <optional>

namespace breakwater::cpp {
namespace fs = std::filesystem;

std::vector<std::string> entry_headers(CXTranslationUnit tu, const fs::path& root,
                                       const std::set<std::string>& targets) {
  struct Walk {
    const fs::path* root;
    std::map<std::string, std::string> includer;  // file -> the file that included it
    std::set<std::string> inside;                 // files under the root
  } walk{&root, {}, {}};
  clang_getInclusions(
      tu,
      [](CXFile included, CXSourceLocation* stack, unsigned depth, CXClientData data) {
        auto& w = *static_cast<Walk*>(data);
        const std::string name = text(clang_getFileName(included));
        if (detail::inside(fs::absolute(name).lexically_normal(), *w.root)) w.inside.insert(name);
        if (depth == 0) return;
        CXFile at = nullptr;
        clang_getSpellingLocation(stack[0], &at, nullptr, nullptr, nullptr);
        if (at != nullptr) w.includer.emplace(name, text(clang_getFileName(at)));
      },
      &walk);
  std::set<std::string> out;
  for (std::string file : targets) {
    // Up the include chain to the file a repository header (or the umbrella) included.
    for (size_t hops = 0; hops < walk.includer.size() + 1; ++hops) {
      const auto it = walk.includer.find(file);
      if (it == walk.includer.end()) {
        file.clear();
        break;
      }
      if (walk.inside.contains(it->second) ||
          detail::inside(fs::absolute(it->second).lexically_normal(), root))
        break;
      file = it->second;
    }
    if (!file.empty() && !walk.inside.contains(file)) out.insert(file);
  }
  return {out.begin(), out.end()};
}

namespace {

// Answers by the unit they were asked in (its arguments and includes), then by type: OLD and
// NEW mostly ask the same questions of the same system headers.
std::mutex answers_lock;
// nullopt: clang could not evaluate the type there (asked once all the same).
using Answers = std::map<std::string, std::optional<bool>>;
std::map<std::string, Answers>& answers() {
  static std::map<std::string, Answers> by_unit;
  return by_unit;
}

}  // namespace

std::map<std::string, bool> passed_in_memory_by_clang(void* index,
                                                      const std::vector<std::string>& args,
                                                      const std::vector<std::string>& includes,
                                                      const std::set<std::string>& types) {
  std::string unit;
  for (const std::string& a : args) unit += a + '\n';
  unit += '\n';
  for (const std::string& i : includes) unit += i + '\n';
  std::lock_guard lock(answers_lock);
  Answers& known = answers()[unit];
  std::vector<std::string> asked;
  for (const std::string& t : types) {
    if (!known.contains(t)) asked.push_back(t);
  }
  if (!asked.empty()) {
    std::string source;
    for (const std::string& i : includes) {
      if (i.find_first_of("\"\n\r") == std::string::npos) source += "#include \"" + i + "\"\n";
    }
    // Registers (Itanium ABI, as clang's canPassInRegisters decides): a trivial destructor,
    // every copy or move constructor that is not deleted trivial, and at least one of them
    // usable (std::atomic deletes both: memory). Overload resolution picks what `T&&` uses: the
    // move constructor, or the copy constructor when none is declared.
    for (size_t i = 0; i < asked.size(); ++i) {
      const std::string& t = asked[i];
      known[t] = std::nullopt;
      const std::string copy = t + ", const " + t + "&", move = t + ", " + t + "&&";
      source += "constexpr bool breakwater_call_probe_" + std::to_string(i) +
                " = __has_trivial_destructor(" + t + ") && (__is_trivially_constructible(" +
                copy + ") || !__is_constructible(" + copy + ")) && (__is_trivially_constructible(" +
                move + ") || !__is_constructible(" + move + ")) && (__is_constructible(" + copy +
                ") || __is_constructible(" + move + "));\n";
    }
    const char* name = "<breakwater call probes>.cpp";
    CXUnsavedFile unsaved{name, source.c_str(), static_cast<unsigned long>(source.size())};
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    argv.push_back("-ferror-limit=0");
    argv.push_back("-w");
    CXTranslationUnit raw = nullptr;
    clang_parseTranslationUnit2(index, name, argv.data(), static_cast<int>(argv.size()), &unsaved,
                                1, CXTranslationUnit_SkipFunctionBodies, &raw);
    const TranslationUnitHandle tu(raw);
    struct Walk {
      const std::vector<std::string>* asked;
      Answers* known;
    } walk{&asked, &known};
    if (tu) {
      clang_visitChildren(
          clang_getTranslationUnitCursor(tu.get()),
          [](CXCursor c, CXCursor, CXClientData data) {
            auto& w = *static_cast<Walk*>(data);
            if (clang_getCursorKind(c) != CXCursor_VarDecl || clang_isInvalidDeclaration(c))
              return CXChildVisit_Continue;
            const std::string var = text(clang_getCursorSpelling(c));
            constexpr std::string_view prefix = "breakwater_call_probe_";
            if (var.rfind(prefix, 0) != 0) return CXChildVisit_Continue;
            const size_t i = std::stoul(var.substr(prefix.size()));
            const EvalResultHandle r(clang_Cursor_Evaluate(c));
            if (r && i < w.asked->size() && clang_EvalResult_getKind(r.get()) == CXEval_Int)
              (*w.known)[(*w.asked)[i]] = clang_EvalResult_getAsLongLong(r.get()) == 0;
            return CXChildVisit_Continue;
          },
          &walk);
    }
  }
  std::map<std::string, bool> out;
  for (const std::string& t : types) {
    if (const auto it = known.find(t); it != known.end() && it->second) out.emplace(t, *it->second);
  }
  return out;
}

}  // namespace breakwater::cpp
