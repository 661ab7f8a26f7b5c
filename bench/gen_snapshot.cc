// gen_snapshot DIR [--scale F]: writes a deterministic synthetic organisation-sized snapshot
// (10,000 users, 50,000 roles, 20,000 customer policies at scale 1) for the load benchmark.
#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

// xorshift64*: deterministic across platforms.
class Rng {
 public:
  uint64_t next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545F4914F6CDD1DULL;
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  bool chance(unsigned percent) { return below(100) < percent; }

 private:
  uint64_t state_ = 0x9E3779B97F4A7C15ULL;
};

// A pretty-printing JSON writer (4-space indentation, as the AWS CLI prints).
class Writer {
 public:
  explicit Writer(std::FILE* f) : f_(f) { buf_.reserve(1 << 20); }
  ~Writer() { flush(); }
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view k) {
    separator();
    quote(k);
    buf_ += ": ";
    after_key_ = true;
  }
  void string(std::string_view s) {
    separator();
    quote(s);
  }
  void raw(std::string_view s) {
    separator();
    buf_ += s;
  }
  void field(std::string_view k, std::string_view v) {
    key(k);
    string(v);
  }
  void flush() {
    std::fwrite(buf_.data(), 1, buf_.size(), f_);
    buf_.clear();
  }

 private:
  void separator() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) buf_ += ',';
      first_.back() = false;
      newline();
    }
    if (buf_.size() > (1 << 20)) flush();
  }
  void open(char c) {
    separator();
    buf_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    buf_ += c;
  }
  void newline() {
    buf_ += '\n';
    buf_.append(first_.size() * 4, ' ');
  }
  void quote(std::string_view s) {
    buf_ += '"';
    for (char c : s) {
      if (c == '"' || c == '\\') buf_ += '\\';
      buf_ += c;
    }
    buf_ += '"';
  }
  std::FILE* f_;
  std::string buf_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

constexpr std::string_view kAccount = "123456789012";

struct Service {
  std::string_view prefix;
  std::array<std::string_view, 6> actions;
  std::string_view resource;  // fmt pattern with {0}=account {1}=name
};

const std::array<Service, 10> kServices = {{
    {"s3", {"GetObject", "PutObject", "ListBucket", "DeleteObject", "GetBucketPolicy", "Get*"}, "arn:aws:s3:::{1}-bucket/*"},
    {"dynamodb", {"GetItem", "PutItem", "Query", "Scan", "UpdateItem", "BatchGetItem"}, "arn:aws:dynamodb:eu-west-1:{0}:table/{1}"},
    {"sqs", {"SendMessage", "ReceiveMessage", "DeleteMessage", "GetQueueAttributes", "ChangeMessageVisibility", "List*"}, "arn:aws:sqs:eu-west-1:{0}:{1}-queue"},
    {"lambda", {"InvokeFunction", "GetFunction", "UpdateFunctionCode", "ListFunctions", "CreateFunction", "Get*"}, "arn:aws:lambda:eu-west-1:{0}:function:{1}"},
    {"kms", {"Decrypt", "Encrypt", "GenerateDataKey", "DescribeKey", "ReEncrypt*", "CreateGrant"}, "arn:aws:kms:eu-west-1:{0}:key/{1}"},
    {"logs", {"CreateLogStream", "PutLogEvents", "CreateLogGroup", "DescribeLogStreams", "GetLogEvents", "FilterLogEvents"}, "arn:aws:logs:eu-west-1:{0}:log-group:/app/{1}:*"},
    {"ec2", {"DescribeInstances", "StartInstances", "StopInstances", "RunInstances", "TerminateInstances", "Describe*"}, "*"},
    {"secretsmanager", {"GetSecretValue", "DescribeSecret", "PutSecretValue", "ListSecrets", "CreateSecret", "TagResource"}, "arn:aws:secretsmanager:eu-west-1:{0}:secret:{1}-*"},
    {"sns", {"Publish", "Subscribe", "CreateTopic", "ListTopics", "GetTopicAttributes", "SetTopicAttributes"}, "arn:aws:sns:eu-west-1:{0}:{1}-topic"},
    {"iam", {"PassRole", "GetRole", "ListRoles", "CreateRole", "AttachRolePolicy", "Get*"}, "arn:aws:iam::{0}:role/{1}"},
}};

// A policy document with n statements, as an object.
void policy(Writer& w, Rng& rng, size_t n, const std::string& name) {
  w.begin_object();
  w.field("Version", "2012-10-17");
  w.key("Statement");
  w.begin_array();
  for (size_t s = 0; s < n; ++s) {
    const Service& svc = kServices[rng.below(kServices.size())];
    w.begin_object();
    w.field("Sid", fmt::format("Stmt{}", s));
    w.field("Effect", rng.chance(8) ? "Deny" : "Allow");
    w.key(rng.chance(3) ? "NotAction" : "Action");
    w.begin_array();
    size_t actions = 1 + rng.below(4);
    for (size_t a = 0; a < actions; ++a) w.string(fmt::format("{}:{}", svc.prefix, svc.actions[rng.below(svc.actions.size())]));
    w.end_array();
    w.key("Resource");
    if (rng.chance(20)) {
      w.string("*");
    } else {
      w.begin_array();
      size_t resources = 1 + rng.below(3);
      for (size_t r = 0; r < resources; ++r)
        w.string(fmt::format(fmt::runtime(svc.resource), kAccount, fmt::format("{}-{}", name, r)));
      w.end_array();
    }
    if (rng.chance(25)) {
      w.key("Condition");
      w.begin_object();
      switch (rng.below(3)) {
        case 0:
          w.key("StringEquals");
          w.begin_object();
          w.field("aws:RequestedRegion", "eu-west-1");
          w.end_object();
          break;
        case 1:
          w.key("Bool");
          w.begin_object();
          w.field("aws:SecureTransport", "true");
          w.end_object();
          break;
        default:
          w.key("IpAddress");
          w.begin_object();
          w.key("aws:SourceIp");
          w.begin_array();
          w.string("203.0.113.0/24");
          w.string("198.51.100.0/24");
          w.end_array();
          w.end_object();
      }
      w.end_object();
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void inline_list(Writer& w, Rng& rng, std::string_view key, size_t count, const std::string& owner) {
  w.key(key);
  w.begin_array();
  for (size_t i = 0; i < count; ++i) {
    w.begin_object();
    w.field("PolicyName", fmt::format("{}-inline-{}", owner, i));
    w.key("PolicyDocument");
    policy(w, rng, 2 + rng.below(5), owner);
    w.end_object();
  }
  w.end_array();
}

void attached(Writer& w, Rng& rng, size_t policies, size_t count) {
  w.key("AttachedManagedPolicies");
  w.begin_array();
  for (size_t i = 0; i < count; ++i) {
    w.begin_object();
    if (rng.chance(30)) {
      std::string_view aws[] = {"ReadOnlyAccess", "AmazonS3ReadOnlyAccess", "CloudWatchLogsFullAccess", "AWSLambdaBasicExecutionRole"};
      std::string_view name = aws[rng.below(4)];
      w.field("PolicyName", name);
      w.field("PolicyArn", name == "AWSLambdaBasicExecutionRole"
                               ? fmt::format("arn:aws:iam::aws:policy/service-role/{}", name)
                               : fmt::format("arn:aws:iam::aws:policy/{}", name));
    } else {
      size_t p = rng.below(policies);
      w.field("PolicyName", fmt::format("policy-{:05}", p));
      w.field("PolicyArn", fmt::format("arn:aws:iam::{}:policy/team/policy-{:05}", kAccount, p));
    }
    w.end_object();
  }
  w.end_array();
}

std::string date(Rng& rng) {
  return fmt::format("20{:02}-{:02}-{:02}T{:02}:{:02}:{:02}+00:00", 15 + rng.below(10), 1 + rng.below(12),
                     1 + rng.below(28), rng.below(24), rng.below(60), rng.below(60));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: gen_snapshot DIR [--scale F]\n");
    return 2;
  }
  double scale = 1.0;
  if (argc == 4 && std::string_view(argv[2]) == "--scale") scale = std::stod(argv[3]);
  const size_t users = static_cast<size_t>(10000 * scale), roles = static_cast<size_t>(50000 * scale);
  const size_t policies = static_cast<size_t>(20000 * scale), groups = std::max<size_t>(1, static_cast<size_t>(200 * scale));
  std::filesystem::path dir(argv[1]);
  std::filesystem::create_directories(dir);
  std::string path = (dir / "authorization-details.json").string();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    fmt::print(stderr, "cannot write {}\n", path);
    return 3;
  }
  Rng rng;
  {
    Writer w(f);
    w.begin_object();
    w.key("UserDetailList");
    w.begin_array();
    for (size_t u = 0; u < users; ++u) {
      std::string name = fmt::format("user-{:05}", u);
      w.begin_object();
      w.field("Path", "/");
      w.field("UserName", name);
      w.field("UserId", fmt::format("AIDA{:017}", u));
      w.field("Arn", fmt::format("arn:aws:iam::{}:user/{}", kAccount, name));
      w.field("CreateDate", date(rng));
      inline_list(w, rng, "UserPolicyList", rng.below(2), name);
      w.key("GroupList");
      w.begin_array();
      for (size_t g = 0, n = 1 + rng.below(3); g < n; ++g) w.string(fmt::format("group-{:03}", rng.below(groups)));
      w.end_array();
      attached(w, rng, policies, rng.below(3));
      w.key("Tags");
      w.begin_array();
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.key("GroupDetailList");
    w.begin_array();
    for (size_t g = 0; g < groups; ++g) {
      std::string name = fmt::format("group-{:03}", g);
      w.begin_object();
      w.field("Path", "/");
      w.field("GroupName", name);
      w.field("GroupId", fmt::format("AGPA{:017}", g));
      w.field("Arn", fmt::format("arn:aws:iam::{}:group/{}", kAccount, name));
      w.field("CreateDate", date(rng));
      inline_list(w, rng, "GroupPolicyList", 1, name);
      attached(w, rng, policies, 1 + rng.below(4));
      w.end_object();
    }
    w.end_array();
    w.key("RoleDetailList");
    w.begin_array();
    for (size_t r = 0; r < roles; ++r) {
      std::string name = fmt::format("role-{:05}", r);
      std::string arn = fmt::format("arn:aws:iam::{}:role/app/{}", kAccount, name);
      w.begin_object();
      w.field("Path", "/app/");
      w.field("RoleName", name);
      w.field("RoleId", fmt::format("AROA{:017}", r));
      w.field("Arn", arn);
      w.field("CreateDate", date(rng));
      w.key("AssumeRolePolicyDocument");
      w.raw(fmt::format("{{\n\"Version\": \"2012-10-17\", \"Statement\": [{{\"Effect\": \"Allow\", \"Principal\": "
                        "{{\"Service\": \"{}.amazonaws.com\"}}, \"Action\": \"sts:AssumeRole\"}}]}}",
                        kServices[rng.below(kServices.size())].prefix == "ec2" ? "ec2" : "lambda"));
      w.key("InstanceProfileList");
      w.begin_array();
      if (rng.chance(20)) {
        w.begin_object();
        w.field("Path", "/");
        w.field("InstanceProfileName", name);
        w.field("InstanceProfileId", fmt::format("AIPA{:017}", r));
        w.field("Arn", fmt::format("arn:aws:iam::{}:instance-profile/{}", kAccount, name));
        w.field("CreateDate", date(rng));
        w.key("Roles");
        w.begin_array();
        w.begin_object();
        w.field("RoleName", name);
        w.field("Arn", arn);
        w.end_object();
        w.end_array();
        w.end_object();
      }
      w.end_array();
      inline_list(w, rng, "RolePolicyList", rng.below(3), name);
      attached(w, rng, policies, 1 + rng.below(3));
      if (rng.chance(10)) {
        w.key("PermissionsBoundary");
        w.begin_object();
        w.field("PermissionsBoundaryType", "PermissionsBoundaryPolicy");
        w.field("PermissionsBoundaryArn", fmt::format("arn:aws:iam::{}:policy/team/policy-{:05}", kAccount, rng.below(policies)));
        w.end_object();
      }
      w.key("Tags");
      w.begin_array();
      w.begin_object();
      w.field("Key", "team");
      w.field("Value", fmt::format("team-{}", rng.below(50)));
      w.end_object();
      w.end_array();
      w.key("RoleLastUsed");
      w.begin_object();
      if (rng.chance(70)) {
        w.field("LastUsedDate", date(rng));
        w.field("Region", "eu-west-1");
      }
      w.end_object();
      w.end_object();
    }
    w.end_array();
    w.key("Policies");
    w.begin_array();
    for (size_t p = 0; p < policies; ++p) {
      std::string name = fmt::format("policy-{:05}", p);
      size_t versions = 1 + rng.below(5);
      w.begin_object();
      w.field("PolicyName", name);
      w.field("PolicyId", fmt::format("ANPA{:017}", p));
      w.field("Arn", fmt::format("arn:aws:iam::{}:policy/team/{}", kAccount, name));
      w.field("Path", "/team/");
      w.field("DefaultVersionId", fmt::format("v{}", versions));
      w.key("AttachmentCount");
      w.raw(fmt::format("{}", rng.below(20)));
      w.key("PermissionsBoundaryUsageCount");
      w.raw("0");
      w.key("IsAttachable");
      w.raw("true");
      w.field("CreateDate", date(rng));
      w.field("UpdateDate", date(rng));
      w.key("PolicyVersionList");
      w.begin_array();
      size_t statements = 3 + rng.below(8);
      for (size_t v = versions; v >= 1; --v) {
        w.begin_object();
        w.key("Document");
        policy(w, rng, statements, name);
        w.field("VersionId", fmt::format("v{}", v));
        w.key("IsDefaultVersion");
        w.raw(v == versions ? "true" : "false");
        w.field("CreateDate", date(rng));
        w.end_object();
      }
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.end_object();
    w.raw("\n");
  }
  std::fclose(f);
  std::error_code ec;
  fmt::print("{}: {} users, {} groups, {} roles, {} customer policies, {:.1f} MB\n", path, users, groups, roles,
             policies, static_cast<double>(std::filesystem::file_size(path, ec)) / 1e6);
  return 0;
}
