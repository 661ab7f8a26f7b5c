// The built-in action catalog, loaded once for every access test.
#pragma once

#include <gtest/gtest.h>

#include "catalog/catalog.h"

namespace iamwarden::access::testing {

inline const catalog::Catalog& test_catalog() {
  static const catalog::Catalog c = [] {
    Result<catalog::Catalog> r = catalog::load_catalog();
    EXPECT_TRUE(r.ok());
    return r.take();
  }();
  return c;
}

}  // namespace iamwarden::access::testing
