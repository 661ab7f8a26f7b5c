// Result<T> and Error: how failures cross module boundaries, as values with a source location.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace iamwarden {

/// Where in an input something was found: file, 1-based line:column and RFC 6901 JSON pointer.
struct SourceLoc {
  std::string file;
  uint32_t line = 0;  ///< 0 when unknown
  uint32_t column = 0;
  std::string json_pointer;
};

/// What kind of failure an Error is; maps onto the CLI exit codes.
enum class ErrorCode { kUsage, kIo, kJsonSyntax, kInvalidInput, kPolicy, kInternal };

/// A failure with a message, a location and an optional hint on how to fix it.
struct Error {
  ErrorCode code = ErrorCode::kInvalidInput;
  std::string message;
  SourceLoc loc;
  std::string hint;

  /// "file:line:col: message (at /pointer)" plus "hint: ..." on a second line when set.
  std::string format() const;
};

/// A value or an Error. Accessors are deleted on rvalues so a temporary cannot dangle.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}    // NOLINT: implicit by design

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && = delete;
  T take() { return std::move(std::get<0>(data_)); }

  const Error& error() const& { return std::get<1>(data_); }
  Error&& error() && = delete;

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> data_;
};

/// Result of an operation that returns nothing on success.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace iamwarden
