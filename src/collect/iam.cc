// The account-wide IAM calls of the snapshot, one file each.
#include <string>
#include <vector>

#include "collect/session.h"

namespace iamwarden::collect {
namespace {

/// A snapshot file and the call that produces it.
struct Simple {
  const char* file;
  std::vector<std::string> args;
};

}  // namespace

void add_iam_tasks(Session& session, Tasks& tasks) {
  static const std::vector<Simple> kCalls = {
      // --page-size only sizes the pages; the CLI still merges all of them into one object.
      {"authorization-details.json", {"iam", "get-account-authorization-details", "--page-size", "1000"}},
      {"account-summary.json", {"iam", "get-account-summary"}},
      {"virtual-mfa-devices.json", {"iam", "list-virtual-mfa-devices"}},
      {"saml-providers.json", {"iam", "list-saml-providers"}},
      {"open-id-connect-providers.json", {"iam", "list-open-id-connect-providers"}},
      {"server-certificates.json", {"iam", "list-server-certificates"}},
      {"organizations-features.json", {"iam", "list-organizations-features"}},
  };
  for (const Simple& call : kCalls) {
    tasks.push_back([&session, &call] { session.fetch(call.file, call.args); });
  }
  tasks.push_back([&session] {
    session.fetch("password-policy.json", {"iam", "get-account-password-policy"}, "", NotFoundFile::kWriteError);
  });
}

}  // namespace iamwarden::collect
