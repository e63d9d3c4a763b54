#include "core/baseline.hpp"

#include "core/read_input.hpp"
#include "rule_ids/breakwater.hpp"

#include <breakwater/check.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace breakwater::detail {

std::string baseline_text(const std::vector<Finding>& findings) {
  std::string out = "{\n  \"breakwater_baseline\": 1,\n  \"findings\": [";
  bool first = true;
  for (const Finding& f : findings) {
    if (f.suppressed || f.format == "breakwater") continue;
    const nlohmann::ordered_json entry = {{"fingerprint", f.fingerprint},
                                          {"rule_id", f.rule_id},
                                          {"entity", f.entity},
                                          {"path", f.location.file},
                                          {"message", f.message}};
    out += std::string(first ? "" : ",") + "\n    " +
           entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    first = false;
  }
  out += std::string(first ? "" : "\n  ") + "]\n}\n";
  return out;
}

std::vector<Finding> apply_baseline(const std::string& path, const std::string& shown,
                                    std::vector<Finding>& findings) {
  const std::string text = read_input(path, path, "baseline: ");
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // The parser reports a byte offset; turn it into a line for the message.
    const size_t upto = std::min<size_t>(e.byte, text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(upto), '\n');
    throw InputError(Location{path, static_cast<uint32_t>(line), 0},
                     "not a breakwater baseline (invalid JSON)");
  } catch (const nlohmann::json::exception&) {
    // A number beyond a double's range (1e999).
    throw InputError(Location{path, 1, 1},
                     "not a breakwater baseline (invalid JSON: a number out of range)");
  }
  if (!doc.is_object() || !doc.contains("breakwater_baseline") ||
      doc["breakwater_baseline"] != 1 || !doc.contains("findings") ||
      !doc["findings"].is_array()) {
    throw InputError(Location{path, 1, 1},
                     "not a breakwater baseline (expected {\"breakwater_baseline\": 1, "
                     "\"findings\": [...]}; write one with `breakwater baseline write`)");
  }
  std::map<std::string, Finding*> by_fingerprint;
  for (Finding& f : findings) by_fingerprint.emplace(f.fingerprint, &f);
  std::vector<Finding> stale;
  for (const auto& entry : doc["findings"]) {
    if (!entry.is_object() || !entry.contains("fingerprint") || !entry["fingerprint"].is_string()) {
      throw InputError(Location{path, 0, 0}, "baseline entry without a \"fingerprint\"");
    }
    const std::string fp = entry["fingerprint"].get<std::string>();
    auto it = by_fingerprint.find(fp);
    if (it != by_fingerprint.end()) {
      if (!it->second->suppressed)
        it->second->suppressed = Suppression{"recorded in " + shown, "baseline"};
      continue;
    }
    const size_t at = text.find("\"" + fp + "\"");
    Finding f;
    f.rule_id = std::string(rules::breakwater::BASELINE_ENTRY_STALE.id());
    f.location = Location{shown, 1, 1};
    if (at != std::string::npos) {
      const size_t line_start = text.rfind('\n', at);
      f.location.line = static_cast<uint32_t>(
          1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
      f.location.column =
          static_cast<uint32_t>(at - (line_start == std::string::npos ? 0 : line_start + 1) + 1);
    }
    // Fields of any type (the baseline comes with the change): a wrong one reads as unknown.
    const auto text_of = [&entry](const char* key) {
      return entry.contains(key) && entry[key].is_string() ? entry[key].get<std::string>()
                                                           : std::string("?");
    };
    const std::string rule = text_of("rule_id");
    const std::string entity = text_of("entity");
    f.entity = fp;
    f.message = "Baseline entry " + rule + " on \"" + entity +
                "\" matches no current finding; remove it from " + shown + ".";
    stale.push_back(std::move(f));
  }
  return stale;
}

}  // namespace breakwater::detail
