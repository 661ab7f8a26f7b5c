// The Vectorscan pattern set: literal-led anchors only, so the scan runs at memory speed; the detector checks
// shape and context around each hit.
#include "secrets/matcher.h"

#include <hs/hs.h>
#include <fmt/format.h>

#include <array>

namespace iamwarden::secrets {
namespace {

struct PatternDef {
  PatternId id;
  const char* expression;
  unsigned flags;
};

// Key IDs: the prefix and the first 8 body characters only (a 16-character bounded repeat costs ~65 ms to
// compile); the detector checks the whole 20 characters. The body accepts [A-Z0-9] so AWS's documented
// examples (which contain 8 or 9) can be recognised; the real-key alphabet ([A-Z2-7]) is checked later. Names are matched case-insensitively with
// optional '_', '-', '.' or ' ' separators (aws_secret_access_key, SecretAccessKey, secret-key, ...).
constexpr std::array<PatternDef, 6> kPatterns = {{
    {PatternId::kKeyId, "(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AGPA|AIPA|ANPA|ANVA|APKA|ASCA)[A-Z0-9]{8}", 0},
    {PatternId::kSecretName, "secret[_\\-. ]?(?:access[_\\-. ]?)?key", HS_FLAG_CASELESS},
    {PatternId::kSecretName, "aws[_\\-.]?secret", HS_FLAG_CASELESS},
    {PatternId::kTokenName, "(?:session|security)[_\\-. ]?token", HS_FLAG_CASELESS},
    // STS tokens are base64 of a protobuf-like header: "\x01\n\x03aws", "\x15\n\x03aws", "\x17\n\x06er/aws",
    // "!\n\torigin_ec".
    {PatternId::kTokenPrefix, "AQoDYXdz|FQoDYXdz|FQoGZXIvYXdz|FwoGZXIvYXdz|IQoJb3JpZ2lu", 0},
    {PatternId::kPresigned, "X-Amz-Credential=", HS_FLAG_CASELESS},
}};

struct ScanContext {
  std::vector<Hit>* hits;
  size_t max_hits;
  bool truncated = false;
};

int on_match(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
             void* context) {
  auto* ctx = static_cast<ScanContext*>(context);
  if (ctx->hits->size() >= ctx->max_hits) {
    ctx->truncated = true;
    return 1;  // stop scanning
  }
  ctx->hits->push_back(Hit{static_cast<PatternId>(id), static_cast<size_t>(to)});
  return 0;
}

Error hs_failure(std::string_view what, hs_error_t code) {
  return Error{ErrorCode::kInternal, fmt::format("vectorscan: {} failed (error {})", what, code), {}, ""};
}

}  // namespace

Scratch::Scratch(Scratch&& other) noexcept : scratch_(other.scratch_) { other.scratch_ = nullptr; }

Scratch& Scratch::operator=(Scratch&& other) noexcept {
  if (this != &other) {
    if (scratch_) hs_free_scratch(scratch_);
    scratch_ = other.scratch_;
    other.scratch_ = nullptr;
  }
  return *this;
}

Scratch::~Scratch() {
  if (scratch_) hs_free_scratch(scratch_);
}

Result<std::shared_ptr<const Matcher>> Matcher::create() {
  std::array<const char*, kPatterns.size()> expressions{};
  std::array<unsigned, kPatterns.size()> flags{};
  std::array<unsigned, kPatterns.size()> ids{};
  for (size_t i = 0; i < kPatterns.size(); ++i) {
    expressions[i] = kPatterns[i].expression;
    flags[i] = kPatterns[i].flags;
    ids[i] = static_cast<unsigned>(kPatterns[i].id);
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* compile_error = nullptr;
  hs_error_t rc = hs_compile_multi(expressions.data(), flags.data(), ids.data(), static_cast<unsigned>(kPatterns.size()),
                                   HS_MODE_BLOCK, nullptr, &db, &compile_error);
  if (rc != HS_SUCCESS) {
    std::string message = compile_error && compile_error->message ? compile_error->message : "unknown error";
    hs_free_compile_error(compile_error);
    return Error{ErrorCode::kInternal, fmt::format("vectorscan: cannot compile the patterns: {}", message), {}, ""};
  }
  std::shared_ptr<Matcher> matcher(new Matcher());
  matcher->db_ = db;
  return std::shared_ptr<const Matcher>(std::move(matcher));
}

Matcher::~Matcher() {
  if (db_) hs_free_database(db_);
}

Result<Scratch> Matcher::make_scratch() const {
  Scratch scratch;
  hs_error_t rc = hs_alloc_scratch(db_, &scratch.scratch_);
  if (rc != HS_SUCCESS) return hs_failure("hs_alloc_scratch", rc);
  return scratch;
}

Result<bool> Matcher::scan(std::string_view text, Scratch& scratch, std::vector<Hit>& hits, size_t max_hits) const {
  ScanContext ctx{&hits, max_hits};
  if (text.size() > kMaxScanBytes)
    return Error{ErrorCode::kIo, fmt::format("larger than {} bytes, cannot be scanned in one piece", kMaxScanBytes), {}, ""};
  hs_error_t rc = hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, scratch.scratch_, on_match, &ctx);
  if (rc == HS_SCAN_TERMINATED) return false;
  if (rc != HS_SUCCESS) return hs_failure("hs_scan", rc);
  return true;
}

}  // namespace iamwarden::secrets
