// Writes a deterministic tree of mixed source files with planted AWS credentials and decoys, for the
// `secrets` benchmark; prints the planted findings (path, line, rule, key ID) as TSV on standard output.
#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "secrets/key_id.h"

namespace {

namespace fs = std::filesystem;
using iamwarden::secrets::encode_key_id;

// splitmix64: small, fast, and the same sequence on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  std::string chars(std::string_view alphabet, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += alphabet[below(alphabet.size())];
    return out;
  }

 private:
  uint64_t state_;
};

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::string_view kHex = "0123456789abcdef";
constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::array<std::string_view, 14> kExtensions = {"py", "js", "go", "java", "json", "yaml", "env",
                                                          "ini", "sh", "tf", "md", "xml", "properties", "log"};

struct Credential {
  std::string id, secret, token;
};

Credential make_credential(Rng& rng, bool temporary) {
  Credential c;
  c.id = encode_key_id(temporary ? "ASIA" : "AKIA", rng.next() % 1000000000000ull, rng.next());
  do c.secret = rng.chars(kBase64, 40);
  while (c.secret.find_first_of("0123456789+/") == std::string::npos);
  if (temporary) c.token = "IQoJb3JpZ2luX2VjE" + rng.chars(kBase64, 600) + "==";
  return c;
}

std::string word(Rng& rng) { return rng.chars(kLower, 3 + rng.below(8)); }

// One line of ordinary content for a file type, sometimes a decoy that must produce no finding: 40-character
// hex and base64 runs are common (about 1 line in 10, as in real trees), key-like decoys rare (1 in 5,000 each).
std::string filler_line(Rng& rng, std::string_view ext) {
  size_t pick = rng.below(5000);
  if (pick >= 13 && pick < 13 + 500) return fmt::format("commit {} {}", rng.chars(kHex, 40), word(rng));
  if (pick >= 513 && pick < 513 + 500) return fmt::format("checksum = \"{}\"", rng.chars(kBase64, 40));
  switch (pick) {
    case 0: return fmt::format("# placeholder: aws_access_key_id = AKIAXXXXXXXXXXXXXXXX");
    case 1: return fmt::format("sha1: {}", rng.chars(kHex, 40));
    case 2: return fmt::format("token_hash = \"{}\"", rng.chars(kBase64, 40));
    case 3: return fmt::format("blob: {}", rng.chars(kBase64, 120));
    case 4: return "MOTTO = \"ONCEINASIAASACKOFRICEFELLOVER\"";
    case 5: return fmt::format("ID_{} = \"AKIA{}\"", rng.below(100), rng.chars(kBase32, 15));  // 19 characters
    case 6: return fmt::format("LONG_{} = AKIA{}", rng.below(100), rng.chars(kBase32, 17));   // 21 characters
    case 7: return "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}";
    case 8: return fmt::format("secret_key = \"{}\"", rng.chars(kHex, 40));
    case 9: return "aws_secret_access_key: <your-secret-access-key>";
    case 10: return "session_token = os.environ.get(\"AWS_SESSION_TOKEN\")";
    case 11: return fmt::format("\"principalId\": \"AROA{}:botocore-session\"", rng.chars(kBase32, 16));
    case 12: return "key = AKIA1234567890ABCDEF  # digits 0, 1, 8, 9 never occur";
    default: break;
  }
  std::string a = word(rng), b = word(rng), c = word(rng);
  if (ext == "py") return fmt::format("    {} = {}.{}({}, {})", a, b, c, rng.below(1000), word(rng));
  if (ext == "js") return fmt::format("  const {} = await {}.{}('{}');", a, b, c, word(rng));
  if (ext == "go") return fmt::format("\t{} := {}.{}(ctx, {})", a, b, c, rng.below(1000));
  if (ext == "java") return fmt::format("        final String {} = {}.get{}(\"{}\");", a, b, c, word(rng));
  if (ext == "json") return fmt::format("  \"{}\": \"{} {}\",", a, b, c);
  if (ext == "yaml") return fmt::format("  {}: {}-{}", a, b, rng.below(100));
  if (ext == "env" || ext == "properties") return fmt::format("{}_{}={}", a, b, rng.below(100000));
  if (ext == "ini") return fmt::format("{} = {}", a, b);
  if (ext == "sh") return fmt::format("{} --{} \"${}\" | {}", a, b, c, word(rng));
  if (ext == "tf") return fmt::format("  {} = \"{}-{}\"", a, b, c);
  if (ext == "xml") return fmt::format("  <{}>{}</{}>", a, b, a);
  if (ext == "md") return fmt::format("The {} {} {} the {} {}.", a, b, c, word(rng), word(rng));
  return fmt::format("2024-05-{:02}T12:{:02}:{:02}Z INFO {} {} {}", 1 + rng.below(28), rng.below(60), rng.below(60), a, b, c);
}

// A planted credential in one of the contexts the detector must handle; returns lines and the expected rule.
struct Plant {
  std::string ext;
  std::vector<std::string> lines;
  std::string rule;
  std::string id;
  std::string marker;  // text on the line the finding is reported at (the key ID, or the lone secret)
};

Plant plant(Rng& rng, size_t n) {
  size_t context = n % 16;
  Credential c = make_credential(rng, context == 11);
  Plant p;
  p.id = c.id;
  p.rule = "aws_access_key_pair";
  switch (context) {
    case 0: p.ext = "ini"; p.lines = {"[default]", "aws_access_key_id = " + c.id, "aws_secret_access_key = " + c.secret}; break;
    case 1: p.ext = "env"; p.lines = {"AWS_ACCESS_KEY_ID=" + c.id, "AWS_SECRET_ACCESS_KEY=" + c.secret}; break;
    case 2: p.ext = "json"; p.lines = {fmt::format("  \"AccessKeyId\": \"{}\", \"SecretAccessKey\": \"{}\",", c.id, c.secret)}; break;
    case 3: p.ext = "json";
      p.lines = {fmt::format("  \"config\": \"[default]\\naws_access_key_id = \\\"{}\\\"\\naws_secret_access_key = \\\"{}\\\"\",", c.id, c.secret)};
      break;
    case 4: p.ext = "yaml"; p.lines = {"aws:", "  aws_access_key_id: " + c.id, "  aws_secret_access_key: '" + c.secret + "'"}; break;
    case 5: p.ext = "sh"; p.lines = {"export AWS_ACCESS_KEY_ID=" + c.id, "export AWS_SECRET_ACCESS_KEY=\"" + c.secret + "\""}; break;
    case 6: p.ext = "py";
      p.lines = {fmt::format("    s3 = boto3.client('s3', aws_access_key_id='{}', aws_secret_access_key='{}')", c.id, c.secret)};
      break;
    case 7: p.ext = "java"; p.lines = {fmt::format("        new BasicAWSCredentials(\"{}\", \"{}\");", c.id, c.secret)}; break;
    case 8: p.ext = "tf"; p.lines = {"provider \"aws\" {", "  access_key = \"" + c.id + "\"", "  secret_key = \"" + c.secret + "\"", "}"}; break;
    case 9: p.ext = "go"; p.lines = {fmt::format("\tcreds := credentials.NewStaticCredentials(\"{}\", \"{}\", \"\")", c.id, c.secret)}; break;
    case 10: p.ext = "xml"; p.lines = {"  <AccessKeyId>" + c.id + "</AccessKeyId>", "  <SecretAccessKey>" + c.secret + "</SecretAccessKey>"}; break;
    case 11: p.ext = "json"; p.rule = "aws_temporary_credentials";
      p.lines = {"  \"Credentials\": {", "    \"AccessKeyId\": \"" + c.id + "\",", "    \"SecretAccessKey\": \"" + c.secret + "\",",
                 "    \"SessionToken\": \"" + c.token + "\",", "    \"Expiration\": \"2024-05-01T12:00:00Z\"", "  },"};
      break;
    case 12: p.ext = "md"; p.rule = "aws_presigned_url";
      p.lines = {fmt::format("Download: https://b.s3.amazonaws.com/r.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={}%2F20240501%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240501T000000Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Signature={}", c.id, rng.chars(kHex, 64))};
      break;
    case 13: p.ext = "yaml"; p.rule = "aws_secret_access_key"; p.id = "-";
      p.lines = {"deploy:", "  secret_access_key: \"" + c.secret + "\""};
      break;
    case 14: p.ext = "md"; p.rule = "aws_access_key_id"; p.lines = {"The leaked key " + c.id + " was deactivated."}; break;
    default: p.ext = "properties"; p.lines = {"aws.accessKeyId=" + c.id, "aws.secretKey=" + c.secret}; break;
  }
  p.marker = p.id == "-" ? c.secret : c.id;
  return p;
}

struct Args {
  std::string out;
  double mb = 200;
  uint64_t seed = 1;
  size_t keys = 25;
  int history_step = 0;
};

int usage() {
  std::fputs("usage: gen_secrets_tree OUT_DIR [--mb N] [--seed N] [--keys N] [--history-step N]\n", stderr);
  return 2;
}

int write(const fs::path& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  // Plain writes: thousands of fsyncs (write_file_atomic) would make generation needlessly slow.
  std::FILE* f = std::fopen(path.c_str(), "wb");
  bool ok = f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (f) ok = std::fclose(f) == 0 && ok;
  if (!ok) std::fprintf(stderr, "gen_secrets_tree: cannot write %s\n", path.c_str());
  return ok ? 0 : 1;
}

// Commit step N of the history benchmark: odd steps leak a key in a new file, the next step deletes it;
// every step also edits an ordinary file.
int history_step(const Args& a) {
  Rng rng(a.seed * 1000003u + static_cast<uint64_t>(a.history_step));
  fs::path leak = fs::path(a.out) / fmt::format("leaks/leak{}.env", (a.history_step + 1) / 2);
  if (a.history_step % 2 == 1 && (a.history_step + 1) / 2 <= 4) {
    Credential c = make_credential(rng, false);
    if (write(leak, fmt::format("AWS_ACCESS_KEY_ID={}\nAWS_SECRET_ACCESS_KEY={}\n", c.id, c.secret))) return 1;
    fmt::print("{}\t1\taws_access_key_pair\t{}\n", leak.lexically_relative(a.out).string(), c.id);
  } else {
    std::error_code ec;
    fs::remove(leak, ec);
  }
  std::string text;
  for (int i = 0; i < 200; ++i) text += filler_line(rng, "py") + "\n";
  return write(fs::path(a.out) / fmt::format("history/step{}.py", a.history_step % 7), text);
}

int generate(const Args& a) {
  Rng rng(a.seed);
  const auto target = static_cast<uint64_t>(a.mb * 1e6);
  // ~20 KB per file on average; planted files are spread evenly through the tree.
  const size_t files = std::max<size_t>(1, static_cast<size_t>(target / 20000));
  uint64_t written = 0;
  size_t planted = 0;
  for (size_t i = 0; i < files || written < target; ++i) {
    bool plant_here = planted < a.keys && i * a.keys >= planted * files;
    Plant p;
    if (plant_here) p = plant(rng, planted++);
    std::string ext = plant_here ? p.ext : std::string(kExtensions[rng.below(kExtensions.size())]);
    std::string name = ext == "env" && rng.below(4) == 0 ? ".env" : fmt::format("{}_{}.{}", word(rng), i, ext);
    constexpr std::array<const char*, 5> kDirs = {"src", "config", "docs", "scripts", "lib"};
    fs::path rel = fs::path(fmt::format("svc{:03}", i % 97)) / kDirs[i % 5] / fmt::format("m{}", (i / 97) % 3) / name;
    size_t lines = 30 + rng.below(700);
    size_t at = plant_here ? rng.below(lines) : lines;
    std::string text;
    for (size_t line = 0; line < lines; ++line) {
      if (line == at) {
        for (size_t k = 0; k < p.lines.size(); ++k) {
          if (p.lines[k].find(p.marker) != std::string::npos && !p.marker.empty()) {
            fmt::print("{}\t{}\t{}\t{}\n", rel.string(), line + 1 + k, p.rule, p.id);
            p.marker.clear();
          }
          text += p.lines[k] + "\n";
        }
        break;
      }
      text += filler_line(rng, ext) + "\n";
    }
    written += text.size();
    if (write(fs::path(a.out) / rel, text)) return 1;
  }
  // AWS's documented example pair: reported only with --include-examples.
  return write(fs::path(a.out) / "docs/README.md",
               "Example:\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    bool has_value = i + 1 < argc;
    if (arg == "--mb" && has_value) a.mb = std::atof(argv[++i]);
    else if (arg == "--seed" && has_value) a.seed = std::strtoull(argv[++i], nullptr, 10);
    else if (arg == "--keys" && has_value) a.keys = std::strtoull(argv[++i], nullptr, 10);
    else if (arg == "--history-step" && has_value) a.history_step = std::atoi(argv[++i]);
    else if (!arg.empty() && arg[0] != '-' && a.out.empty()) a.out = arg;
    else return usage();
  }
  if (a.out.empty()) return usage();
  return a.history_step ? history_step(a) : generate(a);
}
