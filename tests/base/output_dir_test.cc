// Tests for the output directory: writes and removes stay inside it, planted links are refused or replaced.
#include "base/output_dir.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace iamwarden {
namespace {

namespace fs = std::filesystem;

class OutputDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            (std::string("iamwarden-outdir-") + info->name() + "-" + std::to_string(getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "elsewhere");
    out_ = root_ / "out";
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static void put(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }
  size_t entries(const fs::path& dir) const {
    return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
  }

  fs::path root_;
  fs::path out_;
};

TEST_F(OutputDirTest, WritesNestedFilesAndReplacesThem) {
  Result<OutputDir> dir = OutputDir::open(out_.string());
  ASSERT_TRUE(dir.ok()) << dir.error().format();
  ASSERT_TRUE(dir->write("a/b/c.json", "{}\n").ok());
  EXPECT_EQ(slurp(out_ / "a/b/c.json"), "{}\n");
  ASSERT_TRUE(dir->write("a/b/c.json", "[1]").ok());
  EXPECT_EQ(slurp(out_ / "a/b/c.json"), "[1]");
  EXPECT_EQ(entries(out_ / "a/b"), 1u);  // no temporary file left behind
}

TEST_F(OutputDirTest, RefusesToWriteThroughALinkedDirectory) {
  fs::create_directories(out_);
  fs::create_directory_symlink(root_ / "elsewhere", out_ / "cloudtrail");
  Result<OutputDir> dir = OutputDir::open(out_.string());
  ASSERT_TRUE(dir.ok());
  Result<void> written = dir->write("cloudtrail/us-east-1/trails.json", "{}");
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().loc.file, (out_ / "cloudtrail").string());
  EXPECT_NE(written.error().message.find("symbolic link"), std::string::npos) << written.error().message;
  EXPECT_EQ(entries(root_ / "elsewhere"), 0u);
}

TEST_F(OutputDirTest, RefusesALinkDeeperDown) {
  fs::create_directories(out_ / "organizations");
  fs::create_directory_symlink(root_ / "elsewhere", out_ / "organizations" / "policies");
  Result<OutputDir> dir = OutputDir::open(out_.string());
  ASSERT_TRUE(dir.ok());
  Result<void> written = dir->write("organizations/policies/p-1.json", "{}");
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().loc.file, (out_ / "organizations/policies").string());
  EXPECT_EQ(entries(root_ / "elsewhere"), 0u);
}

TEST_F(OutputDirTest, RefusesToRemoveThroughALinkedDirectory) {
  fs::create_directories(out_);
  put(root_ / "elsewhere" / "organization.json", "precious");
  fs::create_directory_symlink(root_ / "elsewhere", out_ / "organizations");
  Result<OutputDir> dir = OutputDir::open(out_.string());
  ASSERT_TRUE(dir.ok());
  Result<void> removed = dir->remove("organizations/organization.json");
  ASSERT_FALSE(removed.ok());
  EXPECT_EQ(removed.error().loc.file, (out_ / "organizations").string());
  EXPECT_EQ(slurp(root_ / "elsewhere" / "organization.json"), "precious");
}

TEST_F(OutputDirTest, ReplacesALinkAtTheFileItselfWithoutFollowingIt) {
  fs::create_directories(out_);
  put(root_ / "elsewhere" / "target", "keep");
  fs::create_symlink(root_ / "elsewhere" / "target", out_ / "summary.json");
  Result<OutputDir> dir = OutputDir::open(out_.string());
  ASSERT_TRUE(dir.ok());
  ASSERT_TRUE(dir->write("summary.json", "new").ok());
  EXPECT_EQ(slurp(root_ / "elsewhere" / "target"), "keep");
  EXPECT_FALSE(fs::is_symlink(out_ / "summary.json"));
  EXPECT_EQ(slurp(out_ / "summary.json"), "new");
}

TEST_F(OutputDirTest, APlantedTemporaryNameRedirectsNothing) {
  fs::create_directories(out_);
  put(root_ / "elsewhere" / "target", "keep");
  // The names a predictable scheme would use: <name>.tmp.<pid> and <name>.tmp.
  for (const std::string& name : {"f.json.tmp." + std::to_string(getpid()), std::string("f.json.tmp")}) {
    fs::create_symlink(root_ / "elsewhere" / "target", out_ / name);
  }
  Result<OutputDir> dir = OutputDir::open(out_.string());
  ASSERT_TRUE(dir.ok());
  ASSERT_TRUE(dir->write("f.json", "data").ok());
  EXPECT_EQ(slurp(root_ / "elsewhere" / "target"), "keep");
  EXPECT_EQ(slurp(out_ / "f.json"), "data");
}

TEST_F(OutputDirTest, RemovesALinkNotItsTarget) {
  fs::create_directories(out_);
  put(root_ / "elsewhere" / "target", "keep");
  fs::create_symlink(root_ / "elsewhere" / "target", out_ / "stale.json");
  Result<OutputDir> dir = OutputDir::open(out_.string());
  ASSERT_TRUE(dir.ok());
  ASSERT_TRUE(dir->remove("stale.json").ok());
  EXPECT_FALSE(fs::exists(fs::symlink_status(out_ / "stale.json")));
  EXPECT_EQ(slurp(root_ / "elsewhere" / "target"), "keep");
  EXPECT_TRUE(dir->remove("missing/dir/file.json").ok());  // nothing there: nothing to do
  EXPECT_TRUE(dir->remove("missing.json").ok());
}

TEST_F(OutputDirTest, RefusesPathsThatLeaveTheDirectory) {
  Result<OutputDir> dir = OutputDir::open(out_.string());
  ASSERT_TRUE(dir.ok());
  for (const char* rel : {"../escape.json", "a/../../escape.json", "/tmp/escape.json", "a//b.json", ""}) {
    EXPECT_FALSE(dir->write(rel, "x").ok()) << rel;
    EXPECT_FALSE(dir->remove(rel).ok()) << rel;
  }
  EXPECT_FALSE(fs::exists(root_ / "escape.json"));
}

TEST_F(OutputDirTest, TheUsersOwnPathMayBeALink) {
  fs::create_directory_symlink(root_ / "elsewhere", root_ / "link");
  Result<OutputDir> dir = OutputDir::open((root_ / "link").string());
  ASSERT_TRUE(dir.ok()) << dir.error().format();
  ASSERT_TRUE(dir->write("x/y.json", "1").ok());
  EXPECT_EQ(slurp(root_ / "elsewhere" / "x" / "y.json"), "1");
}

TEST_F(OutputDirTest, AFileInTheWayIsAnError) {
  fs::create_directories(out_);
  put(out_ / "cloudtrail", "not a directory");
  Result<OutputDir> dir = OutputDir::open(out_.string());
  ASSERT_TRUE(dir.ok());
  Result<void> written = dir->write("cloudtrail/t.json", "{}");
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().loc.file, (out_ / "cloudtrail").string());
  put(root_ / "file", "x");
  EXPECT_FALSE(OutputDir::open((root_ / "file").string()).ok());
}

}  // namespace
}  // namespace iamwarden
