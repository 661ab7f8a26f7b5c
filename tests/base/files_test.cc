// Tests for file input and atomic output on hostile trees: walks never follow links, walked files
// are never opened through a link or as a FIFO, atomic writes never write through a planted link.
#include "base/files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace iamwarden {
namespace {

namespace fs = std::filesystem;

class FilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/iamwarden-files-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  std::string read(const fs::path& path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  fs::path dir_;
};

TEST_F(FilesTest, ListFilesNeverFollowsLinksAndNamesThem) {
  write(dir_ / "tree/a.json", "{}");
  write(dir_ / "tree/sub/b.json", "{}");
  write(dir_ / "outside/secret.json", "{}");
  fs::create_symlink(dir_ / "outside/secret.json", dir_ / "tree/link.json");
  fs::create_directory_symlink(dir_ / "outside", dir_ / "tree/linked-dir");
  ASSERT_EQ(::mkfifo((dir_ / "tree/pipe.json").c_str(), 0600), 0);
  std::vector<std::string> skipped;
  Result<std::vector<std::string>> files = list_files((dir_ / "tree").string(), ".json", &skipped);
  ASSERT_TRUE(files.ok()) << files.error().format();
  EXPECT_EQ(*files, (std::vector<std::string>{(dir_ / "tree/a.json").string(), (dir_ / "tree/sub/b.json").string()}));
  EXPECT_EQ(skipped, (std::vector<std::string>{(dir_ / "tree/link.json").string(), (dir_ / "tree/pipe.json").string()}));
}

TEST_F(FilesTest, TreeFilesAreNeverReadThroughALinkOrAFifo) {
  write(dir_ / "real.json", "real");
  fs::create_symlink(dir_ / "real.json", dir_ / "link.json");
  ASSERT_EQ(::mkfifo((dir_ / "pipe.json").c_str(), 0600), 0);
  EXPECT_EQ(*read_tree_file((dir_ / "real.json").string()), "real");
  Result<std::string> link = read_tree_file((dir_ / "link.json").string());
  ASSERT_FALSE(link.ok());
  EXPECT_NE(link.error().message.find("symbolic link"), std::string::npos) << link.error().message;
  Result<std::string> pipe = read_tree_file((dir_ / "pipe.json").string());  // must not block
  ASSERT_FALSE(pipe.ok());
  EXPECT_NE(pipe.error().message.find("FIFO"), std::string::npos) << pipe.error().message;
  // Named by the user, a link is followed and a directory refused.
  EXPECT_EQ(*read_file((dir_ / "link.json").string()), "real");
  EXPECT_FALSE(read_file(dir_.string()).ok());
}

TEST_F(FilesTest, AtomicWritesNeverWriteThroughAPlantedLink) {
  write(dir_ / "victim", "untouched");
  // The old predictable temporary name, planted: nothing may be written through it.
  fs::create_symlink(dir_ / "victim", dir_ / ("report.html.tmp." + std::to_string(::getpid())));
  ASSERT_TRUE(write_file_atomic((dir_ / "report.html").string(), "report").ok());
  EXPECT_EQ(read(dir_ / "report.html"), "report");
  EXPECT_EQ(read(dir_ / "victim"), "untouched");
  // A link at the target itself is replaced, not written through.
  fs::create_symlink(dir_ / "victim", dir_ / "out.json");
  ASSERT_TRUE(write_file_atomic((dir_ / "out.json").string(), "new").ok());
  EXPECT_FALSE(fs::is_symlink(dir_ / "out.json"));
  EXPECT_EQ(read(dir_ / "out.json"), "new");
  EXPECT_EQ(read(dir_ / "victim"), "untouched");
  // No temporary file is left behind.
  size_t entries = 0;
  for ([[maybe_unused]] const fs::directory_entry& e : fs::directory_iterator(dir_)) ++entries;
  EXPECT_EQ(entries, 4u);  // victim, report.html, out.json and the planted link
}

}  // namespace
}  // namespace iamwarden
