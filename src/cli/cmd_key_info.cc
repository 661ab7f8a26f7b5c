// `iamwarden key-info ID`: the kind of an AWS key ID or IAM unique ID and its account, decoded offline.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <string>

#include "base/json_writer.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "secrets/detector.h"
#include "secrets/key_id.h"

namespace iamwarden::cli {
namespace {

struct KeyInfoOptions {
  std::string key_id;
  std::string format = "text";
};

std::string_view shape_name(secrets::KeyShape shape) {
  switch (shape) {
    case secrets::KeyShape::kReal: return "plausible key ID";
    case secrets::KeyShape::kExample: return "AWS documented example";
    case secrets::KeyShape::kPlaceholder: return "placeholder (low-entropy or templated)";
    case secrets::KeyShape::kInvalid: break;
  }
  return "invalid";
}

int run(const KeyInfoOptions& o) {
  secrets::KeyIdInfo info = secrets::inspect_key_id(o.key_id);
  if (info.shape == secrets::KeyShape::kInvalid) {
    // Never echo it: a secret access key pasted by mistake would land in terminal logs and CI output.
    fmt::print(stderr, "error: argument {} ({} characters): not an AWS key ID or unique ID (expected a known prefix "
                       "such as AKIA, ASIA, AIDA or AROA, then 16 characters of A-Z and 2-7 for a key ID, 17 for a "
                       "unique ID)\n", secrets::redact(o.key_id), o.key_id.size());
    return kExitInput;
  }
  std::string account = info.account ? secrets::format_account(*info.account) : "";
  std::string kind(secrets::key_kind_name(info.kind));
  bool credential = secrets::is_credential(info.kind);
  if (o.format == "json") {
    fmt::print("{{\"key_id\":{},\"kind\":{},\"credential\":{},\"shape\":{},\"account\":{}}}\n", json_quote(o.key_id),
               json_quote(kind), credential ? "true" : "false", json_quote(shape_name(info.shape)),
               info.account ? json_quote(account) : "null");
    return kExitOk;
  }
  fmt::print("{}{}\nkind:     {} ({})\nshape:    {}\naccount:  {}\n", credential ? "key ID:   " : "ID:       ", o.key_id,
             kind, credential ? "a credential" : "an identifier, not a secret", shape_name(info.shape),
             info.account ? account + " (decoded offline from the ID)"
                          : "unknown (old-format ID: the account is not encoded in it)");
  return kExitOk;
}

}  // namespace

void add_key_info_command(CLI::App& app, Runner& runner) {
  auto o = std::make_shared<KeyInfoOptions>();
  CLI::App* cmd =
      app.add_subcommand("key-info", "Show the kind and account of an AWS access key ID or IAM unique ID, offline");
  cmd->add_option("key_id", o->key_id, "Access key ID (AKIA..., ASIA...) or unique ID (AIDA..., AROA..., ANPA...)")
      ->required();
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([o, &runner] { runner = [o] { return run(*o); }; });
}

}  // namespace iamwarden::cli
