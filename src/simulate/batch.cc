// Batch simulation: a parallel for-loop over inputs, results kept in input order.
#include "simulate/batch.h"

#include <fmt/format.h>

#include <filesystem>

#include "base/files.h"
#include "base/json.h"
#include "base/json_writer.h"
#include "base/parallel.h"
#include "simulate/decide.h"
#include "simulate/request_check.h"
#include "simulate/simulation_case.h"

namespace iamwarden::simulate {
namespace {

struct Input {
  std::string file;  ///< file name, or "file:line" for JSON lines
  std::string text;
  bool read_failed = false;
};

BatchLine run_one(const Input& input, const BatchOptions& options) {
  BatchLine line;
  line.file = input.file;
  auto error = [&](const std::string& message) {
    line.decision = "ERROR";
    line.error = message;
    line.ok = line.expect == "Error";
    return line;
  };
  if (input.read_failed) return error(input.text);
  Result<JsonDocument> doc = parse_json(input.text, input.file);
  if (!doc) return error(doc.error().format());
  std::optional<Expectation> expect;
  peek_case_header(*doc, line.name, expect);
  if (expect) line.expect = expect->text;
  SimulationCase c;
  std::vector<Error> errors;
  if (!load_case(*doc, c, errors)) return error(errors.front().format());
  if (options.catalog) {
    std::vector<Error> checked = check_request(c.request, *options.catalog, &*doc);
    if (options.strict && !checked.empty()) return error(checked.front().format());
    for (Error& w : checked) c.warnings.push_back(std::move(w));
  }
  for (const Error& w : c.warnings) line.warnings.push_back(w.format());
  if (refusing_restriction(c.request, options.restrictions)) {
    line.decision = std::string(eval::decision_name(eval::Decision::kImplicitDeny));
    line.ok = !expect || (!expect->error && expect->decision == eval::Decision::kImplicitDeny);
    return line;
  }
  // The decision comes from the allocation-free path that audit and access use, so the corpus keeps
  // testing it; a second, statement-free traced run finds the missing context values.
  eval::Outcome outcome = eval::evaluate(c.request, c.set);
  eval::Trace light;
  light.record_statements = false;
  if (eval::evaluate(c.request, c.set, &light).decision != outcome.decision)
    return error("internal error: the traced and untraced evaluations disagree (please report this request)");
  line.missing_keys = std::move(light.missing_keys);
  line.decision = std::string(eval::decision_name(outcome.decision));
  line.ok = !expect || (!expect->error && expect->decision == outcome.decision);
  return line;
}

std::string json_strings(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + json_quote(items[i]);
  return out + "]";
}

}  // namespace

std::string format_batch_line(const BatchLine& line) {
  std::string out = "{\"file\":" + json_quote(line.file) + ",\"name\":" + json_quote(line.name) +
                    ",\"decision\":" + json_quote(line.decision) + ",\"expect\":" +
                    (line.expect.empty() ? "null" : json_quote(line.expect)) + ",\"ok\":" + (line.ok ? "true" : "false") +
                    ",\"missingContextValues\":" + json_strings(line.missing_keys) +
                    ",\"warnings\":" + json_strings(line.warnings);
  if (!line.error.empty()) out += ",\"error\":" + json_quote(line.error);
  return out + "}";
}

Result<BatchResult> run_batch(const std::string& path, const BatchOptions& options) {
  std::vector<Input> inputs;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::vector<std::string> skipped;
    Result<std::vector<std::string>> files = list_files(path, ".json", &skipped);
    if (!files) return files.error();
    // A symlink in the tree is never followed: an ERROR line, so the batch cannot pass on it.
    for (std::string& f : skipped)
      inputs.push_back({std::move(f), "a symbolic link or special file inside a directory is never followed", true});
    for (std::string& f : *files) {
      Result<std::string> text = read_tree_file(f);
      if (text) inputs.push_back({std::move(f), text.take(), false});
      else inputs.push_back({std::move(f), text.error().format(), true});
    }
  } else {
    Result<std::string> text = read_file(path);
    if (!text) return text.error();
    size_t start = 0, number = 1;
    const std::string& all = *text;
    while (start < all.size()) {
      size_t end = all.find('\n', start);
      if (end == std::string::npos) end = all.size();
      std::string_view line(all.data() + start, end - start);
      if (line.find_first_not_of(" \t\r") != std::string_view::npos)
        inputs.push_back({fmt::format("{}:{}", path, number), std::string(line), false});
      start = end + 1;
      ++number;
    }
  }
  BatchResult result;
  result.lines.resize(inputs.size());
  parallel_for(inputs.size(), worker_count(options.threads, inputs.size()),
               [&](unsigned, size_t i) { result.lines[i] = run_one(inputs[i], options); });
  for (const BatchLine& line : result.lines) (line.ok ? result.passed : result.failed)++;
  return result;
}

}  // namespace iamwarden::simulate
