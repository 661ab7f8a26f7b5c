// The subcommands: each registers itself on the app and sets the function that runs it.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace iamwarden::cli {

/// Set by a subcommand's callback; returns the exit code.
using Runner = std::function<int()>;

/// `iamwarden simulate`: evaluate requests against policies.
void add_simulate_command(CLI::App& app, Runner& runner);

}  // namespace iamwarden::cli
