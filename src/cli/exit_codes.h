// Exit codes of the iamwarden command, one meaning each (docs/cli.md).
#pragma once

namespace iamwarden::cli {

inline constexpr int kExitOk = 0;            ///< done; nothing to report
inline constexpr int kExitCheckFailed = 1;   ///< findings, or a simulate expectation that differs
inline constexpr int kExitUsage = 2;         ///< bad command line
inline constexpr int kExitInput = 3;         ///< unreadable or invalid input
inline constexpr int kExitInternal = 70;     ///< a bug in iamwarden

}  // namespace iamwarden::cli
