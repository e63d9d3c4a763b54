// Replaying functions, views and triggers: a function keyed by its name and input types (as
// PostgreSQL resolves overloads) with what its callers see (parameters, defaults, result), a
// view by the output columns its query names, a trigger by its table and name with when it
// fires.

// Last: the server headers.
#include "formats/sql/pg_replayer.hpp"

namespace breakwater::sql {

void Replay::create_function(const CreateFunctionStmt* s) {
  const std::string name = qualified(names_of(s->funcname));
  std::vector<std::string> inputs, outputs, params;
  int defaults = 0;
  for (Node* n : Nodes(s->parameters)) {
    const FunctionParameter* p = BW_AS(FunctionParameter, n);
    if (p == nullptr) continue;
    const std::string type = type_of(p->argType).text();
    if (is_input(p->mode)) {
      inputs.push_back(type);
      params.push_back((p->mode == FUNC_PARAM_VARIADIC ? "VARIADIC " : "") + type);
      if (p->defexpr != nullptr) ++defaults;
    }
    if (p->mode == FUNC_PARAM_OUT || p->mode == FUNC_PARAM_INOUT || p->mode == FUNC_PARAM_TABLE)
      outputs.push_back(type);
  }
  Entity f;
  f.kind = "function";
  f.key = f.name = function_key(name, inputs);
  f.loc = statement_at_;
  // OUT parameters define the result: one is its type, several make a record, whether or
  // not RETURNS spells it (pg_dump always does).
  std::string returns = s->is_procedure ? "procedure" : type_text(s->returnType);
  const std::string setof = s->returnType != nullptr && s->returnType->setof ? "SETOF " : "";
  if (!s->is_procedure && outputs.size() == 1) returns = setof + outputs.front();
  if (!s->is_procedure && outputs.size() > 1) returns = setof + "record (" + joined(outputs) + ")";
  f.set("function", name);
  f.set("params", joined(params));
  for (size_t i = 0; i < params.size(); ++i) {
    Entity param;
    param.kind = "param";
    param.key = std::to_string(i);
    param.name = params[i];
    f.children.push_back(std::move(param));
  }
  f.set("inputs", static_cast<int64_t>(inputs.size()));
  f.set("defaults", static_cast<int64_t>(defaults));
  f.set("returns", returns, s->returnType != nullptr ? at(s->returnType->location) : statement_at_);
  s_.functions[f.key] = std::move(f);
}

void Replay::create_trigger(const CreateTrigStmt* s) {
  const std::string table = qualified(s->relation);
  Entity t;
  t.kind = "trigger";
  t.key = t.name = table + "." + text_or(s->trigname);
  t.loc = statement_at_;
  t.set("table", table);
  // pg_trigger's tgtype bits: BEFORE 2, INSTEAD 64, else AFTER; INSERT 4, DELETE 8, UPDATE 16,
  // TRUNCATE 32.
  t.set("timing", std::string((s->timing & 2) != 0    ? "BEFORE"
                              : (s->timing & 64) != 0 ? "INSTEAD OF"
                                                      : "AFTER"));
  std::string events;
  for (const auto& [bit, event] : {std::pair{4, "INSERT"}, std::pair{16, "UPDATE"},
                                   std::pair{8, "DELETE"}, std::pair{32, "TRUNCATE"}}) {
    if ((s->events & bit) != 0) events += (events.empty() ? "" : " OR ") + std::string(event);
  }
  t.set("events", events);
  s_.triggers[t.key] = std::move(t);
}

void Replay::create_view(const RangeVar* range_var, Node* query, const List* aliases,
                         bool materialized) {
  Entity view;
  view.kind = "view";
  view.key = view.name = qualified(range_var);
  view.loc = at(range_var->location);
  if (materialized) view.set("materialized", true);
  const SelectStmt* select = BW_AS(SelectStmt, query);
  // UNION and friends take their output column names from the leftmost branch.
  while (select != nullptr && select->op != SETOP_NONE) select = select->larg;
  const std::vector<std::string> renamed = names_of(aliases);
  size_t index = 0;
  for (Node* n : Nodes(select != nullptr ? select->targetList : nullptr)) {
    const ResTarget* target = BW_AS(ResTarget, n);
    if (target == nullptr) continue;
    std::string name = text_or(target->name);
    if (const ColumnRef* ref = BW_AS(ColumnRef, target->val); name.empty() && ref != nullptr) {
      Node* last = Nodes(ref->fields).size() > 0 ? static_cast<Node*>(llast(ref->fields)) : nullptr;
      if (BW_AS(A_Star, last) != nullptr) {
        view.set("star", true);  // SELECT *: the output columns depend on the tables
        continue;
      }
      name = str_of(last);
    } else if (const FuncCall* call = BW_AS(FuncCall, target->val); name.empty() && call) {
      name = names_of(call->funcname).empty() ? "" : names_of(call->funcname).back();
    } else if (const TypeCast* cast = BW_AS(TypeCast, target->val); name.empty() && cast) {
      if (const ColumnRef* inner = BW_AS(ColumnRef, cast->arg)) {
        name = str_of(static_cast<Node*>(llast(inner->fields)));
      } else if (cast->typeName != nullptr) {
        name =
            names_of(cast->typeName->names).empty() ? "" : names_of(cast->typeName->names).back();
      }
    }
    if (index < renamed.size()) name = renamed[index];
    ++index;
    if (name.empty()) name = "?column?";
    Entity col;
    col.kind = "view_column";
    col.key = col.name = name;
    col.loc = at(target->location);
    view.children.push_back(std::move(col));
  }
  s_.views[view.key] = std::move(view);
}

}  // namespace breakwater::sql
