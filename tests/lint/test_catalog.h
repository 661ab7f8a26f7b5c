// The bundled action catalog for the lint tests, loaded once.
#pragma once

#include <gtest/gtest.h>

#include <optional>

#include "catalog/catalog.h"

namespace iamwarden::lint::testing {

/// The bundled catalog; one that does not load fails the calling test (and the rules run without a catalog)
/// instead of crashing the binary.
inline const catalog::Catalog* test_catalog() {
  static const std::optional<catalog::Catalog> instance = []() -> std::optional<catalog::Catalog> {
    Result<catalog::Catalog> loaded = catalog::load_catalog();
    if (!loaded) return std::nullopt;
    return loaded.take();
  }();
  EXPECT_TRUE(instance.has_value()) << "the bundled catalog does not load";
  return instance ? &*instance : nullptr;
}

}  // namespace iamwarden::lint::testing
