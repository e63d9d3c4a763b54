// PostgreSQL DDL on PostgreSQL's own grammar: libpg_query's raw parser hands back the server's
// parse nodes, which are walked directly (no JSON or protobuf round trip) and replayed into
// tables, columns, constraints, views, sequences, types and functions. This file drives one
// migration file through the replay and dispatches each statement to the family that applies
// it (see pg_replayer.hpp for where each family lives).
#include "formats/sql/pg_replay.hpp"

#include <breakwater/check.hpp>

#include "formats/sql/pg_split.hpp"

#include <memory>
#include <regex>

#include "formats/sql/migration_facts.hpp"

// Last: the server headers.
#include "formats/sql/pg_replayer.hpp"

namespace breakwater::sql {

Replay::Replay(PgState& state, uint32_t file, const std::string& text, const Lines& lines,
               std::string shown, std::string relative)
    : s_(state),
      file_(file),
      text_(text),
      lines_(lines),
      shown_(std::move(shown)),
      file_rel_(std::move(relative)) {
  s_.migration_facts.push_back(migration_file_fact(file_rel_, file_));
}

void Replay::statement(const RawStmt* raw) {
  size_t offset = base_ + static_cast<size_t>(std::max(raw->stmt_location, 0));
  statement_at_ = at_offset(skip_blank_and_comments(offset));
  Node* stmt = raw->stmt;
  note_locking(stmt);
  switch (nodeTag(stmt)) {
    case T_CreateStmt:
      return create_table(reinterpret_cast<CreateStmt*>(stmt));
    case T_AlterTableStmt:
      return alter_table(reinterpret_cast<AlterTableStmt*>(stmt));
    case T_DropStmt:
      return drop(reinterpret_cast<DropStmt*>(stmt));
    case T_RenameStmt:
      return rename(reinterpret_cast<RenameStmt*>(stmt));
    case T_AlterObjectSchemaStmt:
      return set_schema(reinterpret_cast<AlterObjectSchemaStmt*>(stmt));
    case T_IndexStmt:
      return create_index(reinterpret_cast<IndexStmt*>(stmt));
    case T_CreateEnumStmt:
      return create_enum(reinterpret_cast<CreateEnumStmt*>(stmt));
    case T_CreateTrigStmt:
      return create_trigger(reinterpret_cast<CreateTrigStmt*>(stmt));
    case T_AlterEnumStmt:
      return alter_enum(reinterpret_cast<AlterEnumStmt*>(stmt));
    case T_CompositeTypeStmt:
      return create_composite(reinterpret_cast<CompositeTypeStmt*>(stmt));
    case T_CreateDomainStmt:
      return create_domain(reinterpret_cast<CreateDomainStmt*>(stmt));
    case T_AlterDomainStmt:
      return alter_domain(reinterpret_cast<AlterDomainStmt*>(stmt));
    case T_CreateRangeStmt: {
      const auto* r = reinterpret_cast<CreateRangeStmt*>(stmt);
      return add_simple(s_.types, "range", qualified(names_of(r->typeName)), statement_at_);
    }
    case T_CreateFunctionStmt:
      return create_function(reinterpret_cast<CreateFunctionStmt*>(stmt));
    case T_ViewStmt: {
      const auto* v = reinterpret_cast<ViewStmt*>(stmt);
      return create_view(v->view, v->query, v->aliases, false);
    }
    case T_CreateTableAsStmt: {
      const auto* v = reinterpret_cast<CreateTableAsStmt*>(stmt);
      if (v->objtype == OBJECT_MATVIEW && v->into != nullptr) {
        return create_view(v->into->rel, v->query, v->into->colNames, true);
      }
      return warn_not_compared("CREATE TABLE AS");
    }
    case T_CreateSchemaStmt: {
      const auto* c = reinterpret_cast<CreateSchemaStmt*>(stmt);
      return add_simple(s_.schemas, "schema", text_or(c->schemaname), statement_at_);
    }
    case T_AlterSeqStmt:
      return alter_sequence(reinterpret_cast<AlterSeqStmt*>(stmt));
    case T_CreateSeqStmt: {
      const auto* c = reinterpret_cast<CreateSeqStmt*>(stmt);
      return add_simple(s_.sequences, "sequence", qualified(c->sequence),
                        at(c->sequence->location));
    }
    case T_VariableSetStmt:
      return set_variable(reinterpret_cast<VariableSetStmt*>(stmt));
    case T_SelectStmt:
      return select(reinterpret_cast<SelectStmt*>(stmt));
    // Read, and deliberately not part of the compared contract: session settings, data
    // statements, privileges, ownership, comments, extensions, triggers, policies,
    // statistics, publications, maintenance.
    case T_VariableShowStmt:
    case T_InsertStmt:
    case T_UpdateStmt:
    case T_DeleteStmt:
    case T_GrantStmt:
    case T_GrantRoleStmt:
    case T_AlterOwnerStmt:
    case T_AlterDefaultPrivilegesStmt:
    case T_CommentStmt:
    case T_SecLabelStmt:
    case T_CreateExtensionStmt:
    case T_AlterExtensionStmt:
    case T_AlterExtensionContentsStmt:
    case T_TransactionStmt:
    case T_ExplainStmt:
    case T_VacuumStmt:
    case T_ClusterStmt:
    case T_ReindexStmt:
    case T_CallStmt:
    case T_CreateEventTrigStmt:
    case T_AlterEventTrigStmt:
    case T_CreatePolicyStmt:
    case T_AlterPolicyStmt:
    case T_CreateStatsStmt:
    case T_AlterStatsStmt:
    case T_CreatePublicationStmt:
    case T_AlterPublicationStmt:
    case T_AlterFunctionStmt:
    case T_LockStmt:
    case T_CopyStmt:
    case T_RefreshMatViewStmt:
    case T_NotifyStmt:
    case T_ConstraintsSetStmt:
    case T_CreateRoleStmt:
    case T_AlterRoleStmt:
    case T_AlterRoleSetStmt:
    case T_DropRoleStmt:
    case T_AlterDatabaseSetStmt:
    case T_AlterTSConfigurationStmt:
    case T_AlterTSDictionaryStmt:
      return;
    case T_DoStmt:
      // Migrations wrap DDL in DO blocks to make it conditional; what runs inside is PL/pgSQL,
      // executed only by a server.
      s_.warnings.push_back(
          {statement_at_, "DO block is not compared; DDL it runs is not checked"});
      return;
    default:
      return warn_not_compared(nullptr);
  }
}

namespace {

// The schema a search_path value puts new objects in: its first entry that names one
// ("$user" names the connecting role's schema, unknown here, and usually absent).
std::string first_schema(const std::string& path) {
  size_t start = 0;
  while (start <= path.size()) {
    const size_t comma = std::min(path.find(',', start), path.size());
    std::string entry = path.substr(start, comma - start);
    const auto blank = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!entry.empty() && blank(entry.back())) entry.pop_back();
    while (!entry.empty() && blank(entry.front())) entry.erase(entry.begin());
    if (entry.size() >= 2 && entry.front() == '"' && entry.back() == '"') {
      entry = entry.substr(1, entry.size() - 2);
    } else {
      for (char& c : entry) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (!entry.empty() && entry != "$user" && entry != "pg_catalog") return entry;
    start = comma + 1;
  }
  return {};
}

}  // namespace

// SET search_path = app, public (also SET LOCAL, RESET, SET ... TO DEFAULT).
void Replay::set_variable(const VariableSetStmt* s) {
  if (text_or(s->name) != "search_path") return;
  if (s->kind != VAR_SET_VALUE) return set_default_schema({});
  std::string path;
  for (Node* n : Nodes(s->args)) path += (path.empty() ? "" : ",") + const_string(n);
  set_default_schema(first_schema(path));
}

// SELECT pg_catalog.set_config('search_path', 'app, public', false), as pg_dump writes it.
void Replay::select(const SelectStmt* s) {
  for (Node* t : Nodes(s->targetList)) {
    const ResTarget* target = BW_AS(ResTarget, t);
    const FuncCall* call = target != nullptr ? BW_AS(FuncCall, target->val) : nullptr;
    if (call == nullptr) continue;
    const std::vector<std::string> name = names_of(call->funcname);
    if (name.empty() || name.back() != "set_config" || Nodes(call->args).size() < 2) continue;
    if (const_string(static_cast<Node*>(linitial(call->args))) != "search_path") continue;
    set_default_schema(first_schema(const_string(static_cast<Node*>(lsecond(call->args)))));
  }
}

size_t Replay::skip_blank_and_comments(size_t i) const {
  while (i < text_.size()) {
    if (std::isspace(static_cast<unsigned char>(text_[i]))) {
      ++i;
    } else if (text_.compare(i, 2, "--") == 0) {
      const size_t eol = text_.find('\n', i);
      i = eol == std::string::npos ? text_.size() : eol + 1;
    } else if (text_.compare(i, 2, "/*") == 0) {
      const size_t close = text_.find("*/", i + 2);
      i = close == std::string::npos ? text_.size() : close + 2;
    } else {
      break;
    }
  }
  return i;
}

SourceRef Replay::at_offset(size_t offset) const {
  const auto [line, column] = lines_.at(offset);
  return {file_, line, column};
}

SourceRef Replay::at(int location) const {
  return location < 0 ? statement_at_ : at_offset(base_ + static_cast<size_t>(location));
}

void Replay::refuse(int location, const std::string& message) const {
  const SourceRef where = at(location);
  throw InputError(Location{shown_, where.line, where.column}, message);
}

// The statement's leading keywords as written (`CREATE AGGREGATE`, `CREATE TEXT SEARCH
// CONFIGURATION`): how a user names the statement, unlike the parser's node name.
std::string Replay::statement_words() const {
  std::string words;
  size_t i = skip_blank_and_comments(base_);
  for (int count = 0; count < 5 && i < text_.size(); ++count) {
    size_t end = i;
    while (end < text_.size() && (std::isalpha(static_cast<unsigned char>(text_[end])) ||
                                  text_[end] == '_')) {
      ++end;
    }
    if (end == i || end - i > 40) break;
    std::string word = text_.substr(i, end - i);
    if (ScanKeywordLookup(word.c_str(), &ScanKeywords) < 0) break;
    for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    words += (words.empty() ? "" : " ") + word;
    i = end;
    while (i < text_.size() && std::isspace(static_cast<unsigned char>(text_[i]))) ++i;
  }
  return words.empty() ? "this statement" : words;
}

void Replay::warn_not_compared(const char* what) {
  const std::string kind = what != nullptr ? what : statement_words();
  s_.warnings.push_back(
      {statement_at_, kind + " is not compared yet; changes it makes are not checked"});
}

void Replay::add_simple(std::map<std::string, Entity>& into, std::string_view kind,
                        const std::string& key, SourceRef where) {
  Entity e;
  e.kind = kind;
  e.key = e.name = key;
  e.loc = where;
  into[key] = std::move(e);
}

namespace {

constexpr size_t kMaxStatementBytes = size_t{1} << 20;

// Where a statement's first word is: past blanks and comments.
size_t first_word(std::string_view s) {
  size_t i = 0;
  for (;;) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (s.substr(i, 2) == "--") {
      i = s.find('\n', i);
      if (i == std::string_view::npos) return s.size();
    } else if (s.substr(i, 2) == "/*") {
      i = s.find("*/", i + 2);
      if (i == std::string_view::npos) return s.size();
      i += 2;
    } else {
      return i;
    }
  }
}

// INSERT, UPDATE, DELETE, COPY, SELECT, WITH ...: statements the replay reads no tree of.
bool data_statement(std::string_view s) {
  size_t i = first_word(s);
  std::string word;
  for (; i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])) && word.size() < 8; ++i)
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
  return word == "INSERT" || word == "UPDATE" || word == "DELETE" || word == "COPY" ||
         word == "SELECT" || word == "WITH" || word == "VALUES";
}

// PostgreSQL 18's `ADD CONSTRAINT name NOT NULL col` (a named NOT NULL constraint) is
// `ALTER COLUMN col SET NOT NULL` to the model; its `GENERATED ALWAYS AS (...) VIRTUAL` is a
// generated column like a STORED one. Positions after the rewritten text may shift by a few
// columns within the statement.
std::string in_postgres15_terms(const std::string& statement) {
  // std::regex backtracks recursively: only statements of a schema's usual size are tried.
  if (statement.size() > 16384) return statement;
  static const std::regex not_null(
      R"(ADD\s+CONSTRAINT\s+("[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)\s+NOT\s+NULL\s+("[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)(\s+NO\s+INHERIT)?)",
      std::regex::icase);
  static const std::regex virtual_column(R"(\)\s+VIRTUAL\b)", std::regex::icase);
  std::string out = std::regex_replace(statement, not_null, "ALTER COLUMN $2 SET NOT NULL");
  return std::regex_replace(out, virtual_column, ") STORED");
}

}  // namespace

void replay_postgres(PgState& state, uint32_t file_id, const std::string& text, const Lines& lines,
                     const std::string& shown, const std::string& relative) {
  const std::optional<std::string> blanked =
      without_psql_commands(text, file_id, lines, state.warnings);
  const std::string& sql = blanked ? *blanked : text;
  const std::vector<std::pair<size_t, size_t>> pieces = split_statements(sql, text, lines, shown);

  // Each migration file runs in a session of its own: a SET search_path ends with it.
  const DefaultSchemaScope search_path;
  Replay replay(state, file_id, text, lines, shown, relative);
  std::string statement;
  for (const auto& [offset, length] : pieces) {
    statement.assign(sql, offset, length);
    // The replay walks a statement's tree recursively, one level per operator of a chain
    // (`DEFAULT 1+1+...`); a bounded statement bounds the depth. Data statements, whose trees
    // are not walked, may be longer (a seed INSERT).
    if (length > kMaxStatementBytes && !data_statement(statement)) {
      const auto [line, column] = lines.at(offset);
      throw InputError(Location{shown, line, column},
                       "statement longer than " + std::to_string(kMaxStatementBytes >> 20) +
                           " MiB; refused (a schema statement is far shorter)");
    }
    const MemoryContextScope context;
    auto parsed = std::make_unique<RawParse>(statement.c_str());
    if (parsed->result.error != nullptr) {
      // Forms newer servers write that say what PostgreSQL 15's grammar has a spelling for.
      if (std::string older = in_postgres15_terms(statement); older != statement) {
        auto again = std::make_unique<RawParse>(older.c_str());
        if (again->result.error == nullptr) {
          parsed = std::move(again);
          statement = std::move(older);
        }
      }
    }
    if (parsed->result.error != nullptr) {
      // A data statement changes no schema and its tree is never read: one PostgreSQL 15's
      // grammar cannot parse (newer syntax, such as a subquery without an alias) is noted and
      // passed over. A schema statement that does not parse is an error.
      if (data_statement(statement)) {
        const auto [line, column] = lines.at(offset + first_word(statement));
        state.warnings.push_back({SourceRef{file_id, line, column},
                                  std::string("statement not parsed by PostgreSQL 15's grammar (") +
                                      parsed->result.error->message +
                                      "); a data statement, skipped"});
        continue;
      }
      syntax_error(text, lines, shown, offset, parsed->result.error->cursorpos,
                   parsed->result.error->message);
    }
    replay.set_base(offset);
    for (Node* n : Nodes(parsed->result.tree)) {
      if (const RawStmt* raw = BW_AS(RawStmt, n)) replay.statement(raw);
    }
  }
}

}  // namespace breakwater::sql
