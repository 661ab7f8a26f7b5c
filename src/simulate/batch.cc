// Batch simulation: a parallel for-loop over inputs, results kept in input order.
#include "simulate/batch.h"

#include <fmt/format.h>

#include <filesystem>

#include "base/files.h"
#include "base/json.h"
#include "base/json_writer.h"
#include "base/parallel.h"
#include "simulate/simulation_case.h"

namespace iamwarden::simulate {
namespace {

struct Input {
  std::string file;  ///< file name, or "file:line" for JSON lines
  std::string text;
  bool read_failed = false;
};

BatchLine run_one(const Input& input) {
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
  eval::Outcome outcome = eval::evaluate(c.request, c.set);
  line.decision = std::string(eval::decision_name(outcome.decision));
  line.ok = !expect || (!expect->error && expect->decision == outcome.decision);
  return line;
}

}  // namespace

std::string format_batch_line(const BatchLine& line) {
  std::string out = "{\"file\":" + json_quote(line.file) + ",\"name\":" + json_quote(line.name) +
                    ",\"decision\":" + json_quote(line.decision) + ",\"expect\":" +
                    (line.expect.empty() ? "null" : json_quote(line.expect)) + ",\"ok\":" + (line.ok ? "true" : "false");
  if (!line.error.empty()) out += ",\"error\":" + json_quote(line.error);
  return out + "}";
}

Result<BatchResult> run_batch(const std::string& path, unsigned threads) {
  std::vector<Input> inputs;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    Result<std::vector<std::string>> files = list_files(path, ".json");
    if (!files) return files.error();
    for (std::string& f : *files) {
      Result<std::string> text = read_file(f);
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
  parallel_for(inputs.size(), worker_count(threads, inputs.size()),
               [&](unsigned, size_t i) { result.lines[i] = run_one(inputs[i]); });
  for (const BatchLine& line : result.lines) (line.ok ? result.passed : result.failed)++;
  return result;
}

}  // namespace iamwarden::simulate
