// Flags IAM server certificates whose Expiration is not after the audit date.
#include <fmt/format.h>

#include "audit/check.h"
#include "audit/lib_roles.h"

namespace iamwarden::audit {
namespace {

constexpr std::string_view kFile = "server-certificates.json";

const CheckMeta kMeta{
    .id = "iam_no_expired_server_certificates",
    .title = "No expired SSL/TLS certificates are stored in IAM",
    .severity = Severity::kHigh,
    .service = "iam",
    .resource_type = "Other",
    .description =
        "For each certificate of list-server-certificates: FAIL when Expiration is at or before the audit date, "
        "PASS otherwise. One PASS when the list is empty; NOT_EVALUATED when server-certificates.json was not "
        "collected or a certificate's Expiration cannot be read.",
    .risk = "An expired certificate that is still deployed (e.g. on a load balancer) breaks clients or trains them "
            "to accept certificate errors; left in IAM it can be deployed again by mistake.",
    .remediation = "Delete expired certificates from IAM after replacing them where they are used (prefer AWS "
                   "Certificate Manager, which renews certificates).",
    .remediation_cli = "aws iam delete-server-certificate --server-certificate-name <certificate-name>",
    .remediation_terraform = "# remove the expired aws_iam_server_certificate resource (or replace it with an "
                             "aws_acm_certificate), then: terraform apply",
    .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html",
                   "https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListServerCertificates.html",
                   "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html"},
    .inputs = {"server-certificates.json"},
};

void run(const CheckContext& context, FindingSink& out) {
  const snapshot::Account& account = context.account;
  if (!account.server_certificates) {
    account_finding(context, out, Status::kNotEvaluated,
                    missing_input(account, kFile) + ": the server certificates are unknown", kFile);
    return;
  }
  if (account.server_certificates->empty()) {
    account_finding(context, out, Status::kPass, "no server certificates are stored in IAM", kFile);
    return;
  }
  for (const snapshot::ServerCertificate& cert : *account.server_certificates) {
    Status status = Status::kNotEvaluated;
    std::string message;
    if (!cert.expiration.unix_seconds) {
      message = fmt::format("Expiration \"{}\" is not a date", cert.expiration.text);
    } else if (*cert.expiration.unix_seconds <= context.now) {
      status = Status::kFail;
      message = fmt::format("expired on {} ({} days ago)", cert.expiration.text,
                            context.days_since(*cert.expiration.unix_seconds));
    } else {
      status = Status::kPass;
      message = fmt::format("expires on {} (in {} days)", cert.expiration.text,
                            -context.days_since(*cert.expiration.unix_seconds));
    }
    Finding& f = report(out, status, cert.arn.empty() ? cert.name : cert.arn, std::move(message));
    f.resource_name = cert.name;
    f.origin.file = std::string(kFile);
  }
}

}  // namespace

IAMWARDEN_REGISTER_CHECK(kMeta, run);

}  // namespace iamwarden::audit
