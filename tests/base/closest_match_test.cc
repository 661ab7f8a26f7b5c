// Edit distance and the "did you mean" helpers.
#include "base/closest_match.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace iamwarden {
namespace {

TEST(ClosestMatch, EditDistanceIgnoresCase) {
  EXPECT_EQ(edit_distance("simualte", "simulate"), 2u);
  EXPECT_EQ(edit_distance("SIMULATE", "simulate"), 0u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(ClosestMatch, KeepsTheNearestCloseEnoughCandidate) {
  ClosestMatch m("simualte");
  for (std::string_view c : {"lint", "simulate", "secrets", "snapshot"}) m.consider(c);
  EXPECT_EQ(m.best(), "simulate");
  ClosestMatch far("xyz");
  far.consider("simulate");
  EXPECT_EQ(far.best(), "");
  ClosestMatch tie("ab");
  tie.consider("ax");
  tie.consider("xb");
  EXPECT_EQ(tie.best(), "ax");  // first seen wins a tie
  ClosestMatch shown("s3:prefx");
  shown.consider("s3:prefix", "the suggestion");
  EXPECT_EQ(shown.best(), "the suggestion");
}

TEST(ClosestMatch, SuggestNamesPrefersWholeWordPrefixes) {
  std::vector<std::string_view> names{"bob.martinez", "alice.nguyen", "alicea", "alice-admin", "carol"};
  EXPECT_EQ(suggest_names("alice", names), (std::vector<std::string>{"alice.nguyen", "alice-admin"}));
  EXPECT_EQ(suggest_names("ALICE", names, 1), (std::vector<std::string>{"alice.nguyen"}));
  EXPECT_EQ(suggest_names("carl", names), (std::vector<std::string>{"carol"}));
  EXPECT_TRUE(suggest_names("zzzzzzzz", names).empty());
  EXPECT_TRUE(suggest_names("", names).empty());
}

TEST(ClosestMatch, DidYouMeanWording) {
  EXPECT_EQ(did_you_mean(std::vector<std::string>{}), "");
  EXPECT_EQ(did_you_mean(std::vector<std::string>{"a"}), "; did you mean \"a\"?");
  EXPECT_EQ(did_you_mean(std::vector<std::string>{"a", "b"}), "; did you mean \"a\" or \"b\"?");
  EXPECT_EQ(did_you_mean(std::vector<std::string>{"a", "b", "c"}), "; did you mean \"a\", \"b\" or \"c\"?");
}

}  // namespace
}  // namespace iamwarden
