#include "formats/protobuf/editions.hpp"

#include "core/c_like_text.hpp"

#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/unknown_field_set.h>

#include <cctype>

namespace breakwater::protobuf {
namespace gp = google::protobuf;

namespace {

size_t skip_blanks_and_comments(std::string_view t, size_t i) {
  while (i < t.size()) {
    if (std::isspace(static_cast<unsigned char>(t[i]))) {
      ++i;
    } else if (t[i] == '/' && i + 1 < t.size() && (t[i + 1] == '/' || t[i + 1] == '*')) {
      i = detail::skip_comment_or_literal(t, i) + 1;
    } else {
      break;
    }
  }
  return i;
}

// The `features` field of each options message (descriptor.proto after 3.21).
int features_field(const gp::Message& options) {
  const std::string& type = options.GetDescriptor()->full_name();
  if (type == "google.protobuf.FileOptions") return 50;
  if (type == "google.protobuf.MessageOptions") return 12;
  if (type == "google.protobuf.FieldOptions") return 21;
  if (type == "google.protobuf.OneofOptions") return 1;
  if (type == "google.protobuf.EnumOptions") return 7;
  if (type == "google.protobuf.EnumValueOptions") return 2;
  return 0;
}

// The name of value `v` of a FeatureSet enum field, numbered as descriptor.proto numbers it.
std::string feature_value(int field, uint64_t v) {
  switch (field) {
    case 1:
      return v == 1 ? "EXPLICIT" : v == 2 ? "IMPLICIT" : v == 3 ? "LEGACY_REQUIRED" : "";
    case 2:
      return v == 1 ? "OPEN" : v == 2 ? "CLOSED" : "";
    case 3:
      return v == 1 ? "PACKED" : v == 2 ? "EXPANDED" : "";
    case 4:
      return v == 2 ? "VERIFY" : v == 3 ? "NONE" : "";
    case 5:
      return v == 1 ? "LENGTH_PREFIXED" : v == 2 ? "DELIMITED" : "";
    case 6:
      return v == 1 ? "ALLOW" : v == 2 ? "LEGACY_BEST_EFFORT" : "";
  }
  return "";
}

void set_if(std::string& slot, std::string value) {
  if (!value.empty()) slot = std::move(value);
}

}  // namespace

std::optional<EditionStatement> edition_statement(std::string_view text) {
  EditionStatement s;
  size_t i = skip_blanks_and_comments(text, 0);
  constexpr std::string_view keyword = "edition";
  if (text.substr(i, keyword.size()) != keyword) return std::nullopt;
  s.begin = i;
  i = skip_blanks_and_comments(text, i + keyword.size());
  if (i >= text.size() || text[i] != '=') return std::nullopt;
  i = skip_blanks_and_comments(text, i + 1);
  if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) return std::nullopt;
  const char quote = text[i];
  const size_t close = text.find(quote, i + 1);
  if (close == std::string_view::npos ||
      text.substr(i, close - i).find('\n') != std::string_view::npos)
    return std::nullopt;
  s.edition = std::string(text.substr(i + 1, close - i - 1));
  i = skip_blanks_and_comments(text, close + 1);
  if (i >= text.size() || text[i] != ';') return std::nullopt;
  s.end = i + 1;
  return s;
}

namespace {

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Editions write reserved names as identifiers (`reserved old_name, OTHER;`), which the 3.21
// parser only takes as strings: each is quoted (the rest of that line moves right by two
// columns per name).
std::string quote_reserved_names(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  char last = ';';  // the last character outside comments and blanks
  for (size_t i = 0; i < text.size(); ++i) {
    if (const size_t end = detail::skip_comment_or_literal(text, i); end != i) {
      out.append(text, i, end - i + 1);
      if (text[i] == '"' || text[i] == '\'') last = text[i];
      i = end;
      continue;
    }
    const char c = text[i];
    constexpr std::string_view keyword = "reserved";
    const bool statement_start = last == ';' || last == '{' || last == '}';
    if (statement_start && text.compare(i, keyword.size(), keyword) == 0 &&
        (i + keyword.size() >= text.size() || !word_char(text[i + keyword.size()]))) {
      size_t j = i + keyword.size();
      while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      if (j < text.size() &&
          (std::isalpha(static_cast<unsigned char>(text[j])) || text[j] == '_')) {
        // A list of names up to the `;`: quote each word.
        out.append(text, i, j - i);
        while (j < text.size() && text[j] != ';') {
          if (word_char(text[j])) {
            size_t k = j;
            while (k < text.size() && word_char(text[k])) ++k;
            out += '"';
            out.append(text, j, k - j);
            out += '"';
            j = k;
          } else {
            out += text[j++];
          }
        }
        i = j - 1;
        last = 'd';
        continue;
      }
    }
    out += c;
    if (!std::isspace(static_cast<unsigned char>(c))) last = c;
  }
  return out;
}

// `export message`, `local enum`, `import option`: the 2024 words the 3.21 parser does not know,
// each replaced by blanks of its length (visibility is not compared; an option import is an
// import).
std::string blank_2024_words(std::string text) {
  char last = ';';
  for (size_t i = 0; i < text.size(); ++i) {
    if (const size_t end = detail::skip_comment_or_literal(text, i); end != i) {
      if (text[i] == '"' || text[i] == '\'') last = text[i];
      i = end;
      continue;
    }
    const char c = text[i];
    const bool statement_start = last == ';' || last == '{' || last == '}';
    const auto word_at = [&](size_t at, std::string_view w) {
      return text.compare(at, w.size(), w) == 0 &&
             (at + w.size() >= text.size() || !word_char(text[at + w.size()])) &&
             (at == 0 || !word_char(text[at - 1]));
    };
    const auto next_word = [&](size_t from) {
      while (from < text.size() && std::isspace(static_cast<unsigned char>(text[from]))) ++from;
      return from;
    };
    if (statement_start && (word_at(i, "export") || word_at(i, "local"))) {
      const size_t n = word_at(i, "export") ? 6 : 5;
      const size_t after = next_word(i + n);
      if (word_at(after, "message") || word_at(after, "enum") || word_at(after, "service")) {
        text.replace(i, n, std::string(n, ' '));
        continue;
      }
    }
    if (statement_start && word_at(i, "import")) {
      const size_t after = next_word(i + 6);
      if (word_at(after, "option")) text.replace(after, 6, std::string(6, ' '));
    }
    if (!std::isspace(static_cast<unsigned char>(c))) last = c;
  }
  return text;
}

}  // namespace

bool supported_edition(std::string_view edition) {
  return edition == "2023" || edition == "2024";
}

std::string as_parseable(std::string text, const EditionStatement& statement) {
  // proto3's grammar: fields without a label, as editions write them. The build then applies
  // proto2's rules (load.cpp), and features decide the rest.
  std::string replacement = "syntax=\"proto3\";";
  const size_t length = statement.end - statement.begin;
  // Lines are kept (a statement across lines keeps its newlines as blanks after it).
  std::string kept;
  for (size_t i = statement.begin; i < statement.end; ++i)
    if (text[i] == '\n') kept += '\n';
  if (replacement.size() + kept.size() < length)
    replacement += std::string(length - replacement.size() - kept.size(), ' ');
  text.replace(statement.begin, length, replacement + kept);
  if (statement.edition != "2023") text = blank_2024_words(std::move(text));
  return quote_reserved_names(text);
}

std::string edition_of(const gp::FileDescriptorProto& file) {
  const gp::UnknownFieldSet& unknown = file.GetReflection()->GetUnknownFields(file);
  for (int i = 0; i < unknown.field_count(); ++i) {
    const gp::UnknownField& f = unknown.field(i);
    if (f.number() != 14 || f.type() != gp::UnknownField::TYPE_VARINT) continue;
    switch (f.varint()) {
      case 998:
        return "proto2";
      case 999:
        return "proto3";
      case 1000:
        return "2023";
      case 1001:
        return "2024";
      default:
        return std::to_string(f.varint());
    }
  }
  return "";
}

Features Features::of_edition(std::string_view edition) {
  Features f;  // edition 2023's defaults, as the members' initialisers spell them
  if (edition == "2024") f.cpp_string_type = "VIEW";
  return f;
}

Features Features::with(const gp::Message& options) const {
  Features out = *this;
  const int number = features_field(options);
  if (number == 0) return out;
  const gp::UnknownFieldSet& unknown = options.GetReflection()->GetUnknownFields(options);
  for (int i = 0; i < unknown.field_count(); ++i) {
    const gp::UnknownField& f = unknown.field(i);
    if (f.number() != number || f.type() != gp::UnknownField::TYPE_LENGTH_DELIMITED) continue;
    gp::UnknownFieldSet set;
    if (!set.ParseFromString(f.length_delimited())) continue;
    for (int k = 0; k < set.field_count(); ++k) {
      const gp::UnknownField& feature = set.field(k);
      if (feature.type() == gp::UnknownField::TYPE_VARINT) {
        const std::string value = feature_value(feature.number(), feature.varint());
        switch (feature.number()) {
          case 1:
            set_if(out.field_presence, value);
            break;
          case 2:
            set_if(out.enum_type, value);
            break;
          case 3:
            set_if(out.repeated_field_encoding, value);
            break;
          case 4:
            set_if(out.utf8_validation, value);
            break;
          case 5:
            set_if(out.message_encoding, value);
            break;
          case 6:
            set_if(out.json_format, value);
            break;
          default:
            break;
        }
      } else if (feature.type() == gp::UnknownField::TYPE_LENGTH_DELIMITED &&
                 (feature.number() == 1000 || feature.number() == 1001)) {
        // (pb.cpp) and (pb.java): their string_type / utf8_validation, field 2 of each.
        gp::UnknownFieldSet language;
        if (!language.ParseFromString(feature.length_delimited())) continue;
        for (int l = 0; l < language.field_count(); ++l) {
          const gp::UnknownField& x = language.field(l);
          if (x.number() != 2 || x.type() != gp::UnknownField::TYPE_VARINT) continue;
          if (feature.number() == 1000) {
            set_if(out.cpp_string_type, x.varint() == 1   ? "VIEW"
                                        : x.varint() == 2 ? "CORD"
                                        : x.varint() == 3 ? "STRING"
                                                          : "");
          } else {
            set_if(out.java_utf8_validation, x.varint() == 1   ? "DEFAULT"
                                             : x.varint() == 2 ? "VERIFY"
                                                               : "");
          }
        }
      }
    }
  }
  return out;
}

}  // namespace breakwater::protobuf
