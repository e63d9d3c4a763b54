// Reading libpg_query's parse nodes into model keys: names, canonical column types, function
// identities, and expressions as position-free JSON (pg_dump's deparsed spellings brought to
// the form hand-written DDL parses to). See pg_nodes.hpp.
#include "formats/sql/pg_nodes.hpp"

extern "C" {
// Exported by libpg_query, declared only in its source tree: JSON text of any node.
char* pg_query_nodes_to_json(const void* obj);
}

namespace breakwater::sql {
namespace {

// The index just past the JSON object or array opening at `open`.
size_t matching_close(const std::string& json, size_t open) {
  int depth = 0;
  for (size_t i = open; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '"') {
      for (++i; i < json.size() && json[i] != '"'; ++i) {
        if (json[i] == '\\') ++i;
      }
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return json.size();
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// pg_dump prints expressions the way PostgreSQL deparses them: literals carry casts
// ('x'::text, (0)::numeric) and `IN (...)` becomes `= ANY (ARRAY[...])`. Both spellings are
// brought to one form so a dump and the DDL it came from compare equal.
std::string normalise_deparsed(std::string json) {
  static constexpr std::string_view kCast = "{\"TypeCast\":{\"arg\":{\"A_Const\":";
  for (size_t at = json.find(kCast); at != std::string::npos; at = json.find(kCast, at)) {
    const size_t arg = at + kCast.size() - std::string_view("{\"A_Const\":").size();
    const std::string literal = json.substr(arg, matching_close(json, arg) - arg);
    json.replace(at, matching_close(json, at) - at, literal);
  }
  replace_all(json, "\"kind\":\"AEXPR_OP_ANY\",\"name\":[{\"String\":{\"sval\":\"=\"}}]",
              "\"kind\":\"AEXPR_IN\",\"name\":[{\"String\":{\"sval\":\"=\"}}]");
  replace_all(json,
              "\"kind\":\"AEXPR_OP_ALL\",\"name\":[{\"String\":{\"sval\":\"\\u003c\\u003e\"}}]",
              "\"kind\":\"AEXPR_IN\",\"name\":[{\"String\":{\"sval\":\"\\u003c\\u003e\"}}]");
  replace_all(json, "{\"A_ArrayExpr\":{\"elements\":[", "{\"List\":{\"items\":[");
  return json;
}

}  // namespace

std::string str_of(Node* n) {
  const String* s = BW_AS(String, n);
  return s != nullptr && s->sval != nullptr ? s->sval : "";
}

std::string text_or(const char* s, const char* fallback) {
  return s != nullptr ? s : fallback;
}

std::vector<std::string> names_of(const List* list) {
  std::vector<std::string> out;
  for (Node* n : Nodes(list)) out.push_back(str_of(n));
  return out;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

namespace {
// Per thread: OLD and NEW replay at the same time, each on a thread of its own.
thread_local std::string current_schema = "public";
}  // namespace

DefaultSchemaScope::DefaultSchemaScope() : previous_(current_schema) {
  current_schema = "public";
}
DefaultSchemaScope::~DefaultSchemaScope() {
  current_schema = previous_;
}

void set_default_schema(std::string schema) {
  current_schema = schema.empty() ? "public" : std::move(schema);
}

std::string qualified(const RangeVar* r) {
  if (r == nullptr) return {};
  return text_or(r->schemaname, current_schema.c_str()) + "." + text_or(r->relname);
}

std::string qualified(const std::vector<std::string>& names) {
  if (names.size() == 1) return current_schema + "." + names[0];
  return joined(names, ".");
}

std::string expression_key(Node* expr) {
  if (expr == nullptr) return {};
  // libpg_query's writer takes a list of statements: the node goes in as one statement's body.
  RawStmt wrapper{};
  wrapper.type = T_RawStmt;
  wrapper.stmt = expr;
  List* one = lappend(NIL, &wrapper);
  char* json = pg_query_nodes_to_json(one);
  list_free(one);
  std::string out;
  std::string_view in(json);
  static constexpr std::string_view kPrefix = "\"stmts\":[{\"stmt\":";
  if (const size_t body = in.find(kPrefix); body != std::string_view::npos && in.ends_with("}]}")) {
    in = in.substr(body + kPrefix.size(), in.size() - body - kPrefix.size() - 3);
  }
  static constexpr std::string_view kLocation = "\"location\":";
  size_t i = 0;
  while (i < in.size()) {
    const size_t hit = in.find(kLocation, i);
    if (hit == std::string_view::npos) {
      out.append(in.substr(i));
      break;
    }
    out.append(in.substr(i, hit - i));
    size_t end = hit + kLocation.size();
    while (end < in.size() && (in[end] == '-' || std::isdigit(static_cast<unsigned char>(in[end]))))
      ++end;
    if (end < in.size() && in[end] == ',') {
      ++end;
    } else if (!out.empty() && out.back() == ',') {
      out.pop_back();
    }
    i = end;
  }
  pfree(json);
  return normalise_deparsed(std::move(out));
}

std::string and_terms_key(Node* expr) {
  std::vector<std::string> terms;
  std::vector<Node*> pending = {expr};
  while (!pending.empty()) {
    Node* e = pending.back();
    pending.pop_back();
    const BoolExpr* b = BW_AS(BoolExpr, e);
    if (b != nullptr && b->boolop == AND_EXPR) {
      for (Node* arg : Nodes(b->args)) pending.push_back(arg);
    } else {
      terms.push_back(expression_key(e));
    }
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  std::string out;
  for (const std::string& t : terms) out += t + "\n";
  return out;
}

std::string not_null_test_of(Node* expr) {
  const NullTest* test = BW_AS(NullTest, expr);
  if (test == nullptr || test->nulltesttype != IS_NOT_NULL) return {};
  const ColumnRef* ref = BW_AS(ColumnRef, reinterpret_cast<Node*>(test->arg));
  if (ref == nullptr || Nodes(ref->fields).size() != 1) return {};
  return str_of(static_cast<Node*>(linitial(ref->fields)));
}

ColumnType type_of(const TypeName* t, bool* serial) {
  if (t == nullptr) return {};
  std::vector<long> mods;
  for (Node* m : Nodes(t->typmods)) {
    const A_Const* c = BW_AS(A_Const, m);
    if (c != nullptr && !c->isnull && nodeTag(&c->val) == T_Integer)
      mods.push_back(c->val.ival.ival);
  }
  ColumnType type = canonical_type(names_of(t->names), std::move(mods),
                                   static_cast<int>(Nodes(t->arrayBounds).size()), serial);
  if (t->pct_type) type.name += "%TYPE";
  return type;
}

std::string type_text(const TypeName* t) {
  return t == nullptr ? std::string() : (t->setof ? "SETOF " : "") + type_of(t).text();
}

std::string function_key(const std::string& name, const std::vector<std::string>& inputs) {
  return name + "(" + joined(inputs) + ")";
}

bool is_input(FunctionParameterMode mode) {
  return mode != FUNC_PARAM_OUT && mode != FUNC_PARAM_TABLE;
}

std::string function_key(const ObjectWithArgs* o) {
  std::vector<std::string> inputs;
  if (Nodes(o->objfuncargs).size() > 0) {
    for (Node* n : Nodes(o->objfuncargs)) {
      const FunctionParameter* p = BW_AS(FunctionParameter, n);
      if (p != nullptr && is_input(p->mode)) inputs.push_back(type_of(p->argType).text());
    }
  } else {
    for (Node* n : Nodes(o->objargs)) inputs.push_back(type_of(BW_AS(TypeName, n)).text());
  }
  return function_key(qualified(names_of(o->objname)), inputs);
}

std::string const_string(Node* n) {
  const A_Const* c = BW_AS(A_Const, n);
  if (c == nullptr || c->isnull || nodeTag(&c->val) != T_String) return {};
  return text_or(c->val.sval.sval);
}

}  // namespace breakwater::sql
