// RPC rules: request/response types, streaming, idempotency.
#include <breakwater/diff.hpp>
#include "rule_ids/protobuf.hpp"

#include "formats/protobuf/checks.hpp"
#include "formats/protobuf/names.hpp"

namespace breakwater::protobuf {
namespace n = names;

namespace {

void for_each_rpc_pair(const Sides& s,
                       const std::function<void(const Entity&, const Entity&)>& fn) {
  for_each_pair(s, n::kService, [&](const Placed& o, const Placed& nw) {
    for (const EntityPair& p : align(o.entity->children, nw.entity->children, n::kRpc)) {
      if (p.old_entity != nullptr && p.new_entity != nullptr) fn(*p.old_entity, *p.new_entity);
    }
  });
}

void same_type(const Sides& s, RuleId rule, std::string_view attr,
               std::string_view what) {
  for_each_rpc_pair(s, [&](const Entity& o, const Entity& nw) {
    if (o.str(attr) == nw.str(attr)) return;
    s.out.emit(rule, nw.name,
               "RPC " + q(nw.name) + " changed " + std::string(what) + " type from " +
                   q(o.str(attr)) + " to " + q(nw.str(attr)) + ".",
               nw.loc_of(attr), o.loc_of(attr),
               "Keep " + std::string(o.str(attr)) + " as the " + std::string(what) + " of " +
                   nw.key + "; add a new RPC for the new shape and deprecate this one.");
  });
}

void same_streaming(const Sides& s, RuleId rule, std::string_view attr,
                    std::string_view side) {
  for_each_rpc_pair(s, [&](const Entity& o, const Entity& nw) {
    const bool before = o.flag(attr), after = nw.flag(attr);
    if (before == after) return;
    s.out.emit(rule, nw.name,
               "RPC " + q(nw.name) + " " + (after ? "became " : "is no longer ") +
                   std::string(side) + " streaming.",
               nw.loc, o.loc,
               "Keep " + nw.key +
                   "'s streaming shape; add a new RPC with the other shape and "
                   "migrate clients to it.");
  });
}

}  // namespace

void check_RPC_SAME_REQUEST_TYPE(const Sides& s) {
  same_type(s, rules::protobuf::RPC_SAME_REQUEST_TYPE, n::kInputType, "request");
}
void check_RPC_SAME_RESPONSE_TYPE(const Sides& s) {
  same_type(s, rules::protobuf::RPC_SAME_RESPONSE_TYPE, n::kOutputType, "response");
}
void check_RPC_SAME_CLIENT_STREAMING(const Sides& s) {
  same_streaming(s, rules::protobuf::RPC_SAME_CLIENT_STREAMING, n::kClientStreaming, "client");
}
void check_RPC_SAME_SERVER_STREAMING(const Sides& s) {
  same_streaming(s, rules::protobuf::RPC_SAME_SERVER_STREAMING, n::kServerStreaming, "server");
}

void check_RPC_SAME_IDEMPOTENCY_LEVEL(const Sides& s) {
  constexpr std::string_view option = "idempotency_level";
  for_each_rpc_pair(s, [&](const Entity& o, const Entity& nw) {
    const std::string_view before = o.str(option, "IDEMPOTENCY_UNKNOWN");
    const std::string_view after = nw.str(option, "IDEMPOTENCY_UNKNOWN");
    if (before == after) return;
    s.out.emit(rules::protobuf::RPC_SAME_IDEMPOTENCY_LEVEL, nw.name,
               "RPC " + q(nw.name) + " changed idempotency level from " + q(before) + " to " +
                   q(after) + ".",
               nw.loc_of(option), o.loc_of(option),
               "Keep `option idempotency_level = " + std::string(before) +
                   ";`: clients and proxies decide retries and HTTP GET mapping from it.");
  });
}

}  // namespace breakwater::protobuf
