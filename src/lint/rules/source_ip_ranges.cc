// aws:SourceIp sees only public addresses: private ranges never match; CIDRs with host bits set are sloppy.
#include <fmt/format.h>

#include "lint/rule.h"
#include "lint/rule_util.h"
#include "policy/values.h"

namespace iamwarden::lint {
namespace {

constexpr LintMeta kPrivate{"private_ip_address", Severity::kWarning, "aws:SourceIp with only private addresses",
                            "aws:SourceIp carries the public address a request came from; private ranges never "
                            "match it (requests through a VPC endpoint have no aws:SourceIp at all).",
                            "use aws:VpcSourceIp or aws:SourceVpc/aws:SourceVpce for private networks"};
constexpr LintMeta kPrivateNot{"private_notipaddress", Severity::kWarning,
                               "NotIpAddress on aws:SourceIp with only private addresses",
                               "Private ranges never match aws:SourceIp, so excluding them excludes nothing.",
                               "use aws:VpcSourceIp or aws:SourceVpc/aws:SourceVpce for private networks"};
constexpr LintMeta kPrivateSubset{"private_ip_address_subset", Severity::kSuggestion,
                                  "aws:SourceIp mixes private and public addresses",
                                  "The private entries never match aws:SourceIp.", "remove the private ranges"};
constexpr LintMeta kPrivateNotSubset{"private_notipaddress_subset", Severity::kSuggestion,
                                     "NotIpAddress on aws:SourceIp mixes private and public addresses",
                                     "The private entries never match aws:SourceIp.", "remove the private ranges"};
constexpr LintMeta kImprove{"improve_ip_range", Severity::kSuggestion, "CIDR block with host bits set",
                            "Bits after the prefix length are ignored, so the written address is misleading.",
                            "write the network address"};

bool is_private(const policy::IpNetwork& n) {
  const auto& b = n.bytes;
  if (!n.v6) {
    return b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16 && n.prefix >= 12) ||
           (b[0] == 192 && b[1] == 168 && n.prefix >= 16) || (b[0] == 127 && n.prefix >= 8) ||
           (b[0] == 169 && b[1] == 254 && n.prefix >= 16) || (b[0] == 100 && (b[1] & 0xC0) == 64 && n.prefix >= 10);
  }
  return ((b[0] & 0xFE) == 0xFC && n.prefix >= 7) || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80 && n.prefix >= 10);
}

bool host_bits_set(std::string_view text, const policy::IpNetwork& masked) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return false;
  std::optional<policy::IpNetwork> full = policy::parse_ip_network(text.substr(0, slash));
  return full && full->bytes != masked.bytes;
}

void run(LintContext& context) {
  for (const policy::Statement& st : context.policy().statements) {
    for (const policy::ConditionClause& clause : st.conditions) {
      if (policy::op_family(clause.op.base) != policy::OpFamily::kIp) continue;
      const bool source_ip = iequals(clause.key.value, "aws:SourceIp");
      size_t private_count = 0, parsed = 0;
      for (size_t i = 0; i < clause.values.size(); ++i) {
        std::optional<policy::IpNetwork> n = policy::parse_ip_network(clause.values[i].value);
        if (!n) continue;
        ++parsed;
        private_count += is_private(*n) ? 1 : 0;
        if (host_bits_set(clause.values[i].value, *n))
          context.report("improve_ip_range", clause.values[i].offset, context.value_pointer(st, clause, i),
                         fmt::format("\"{}\" has bits set after the /{} prefix", clause.values[i].value, n->prefix));
      }
      if (!source_ip || private_count == 0) continue;
      const bool negated = clause.op.base == policy::BaseOp::kNotIpAddress;
      const bool all = private_count == parsed;
      std::string_view code = negated ? (all ? "private_notipaddress" : "private_notipaddress_subset")
                                      : (all ? "private_ip_address" : "private_ip_address_subset");
      context.report(code, clause.key.offset, context.clause_pointer(st, clause),
                     fmt::format("{} of the {} aws:SourceIp values {} private; aws:SourceIp never holds a private "
                                 "address{}",
                                 private_count, parsed, private_count == 1 ? "is" : "are",
                                 all ? "" : ", so only the public ones have an effect"));
    }
  }
}

}  // namespace

IAMWARDEN_REGISTER_LINT("source_ip_ranges", run, kPrivate, kPrivateNot, kPrivateSubset, kPrivateNotSubset, kImprove);

}  // namespace iamwarden::lint
