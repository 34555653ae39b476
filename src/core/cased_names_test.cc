#include "core/cased_names.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace warta {
namespace {

TEST(CasedNamesTest, TheMostWrittenFormWinsAndTiesGoToTheSmallerString) {
  CasedNamesTable table;
  EXPECT_TRUE(table.Add({"Kim", "Jong", "-", "un"}));
  EXPECT_TRUE(table.Add({"Kim", "Jong", "-", "Un"}));  // a tie: "Kim\tJong\t-\tUn" < "...un"
  auto names = table.Snapshot();
  const CasedNames::Entry* e = names->FindName("kim\tjong\t-\tun");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->form, "Kim\tJong\t-\tUn");
  EXPECT_EQ(e->count, 1);
  EXPECT_FALSE(table.Add({"Kim", "Jong", "-", "Un"}));  // the same best form: nothing new to publish
  EXPECT_FALSE(table.Add({"Kim", "Jong", "-", "un"}));  // 2 and 2: "Un" stays
  EXPECT_TRUE(table.Add({"Kim", "Jong", "-", "un"}));   // 3: now the most written
  names = table.Snapshot();
  EXPECT_EQ(names->FindName("kim\tjong\t-\tun")->form, "Kim\tJong\t-\tun");
  EXPECT_EQ(names->FindName("kim\tjong\t-\tun")->count, 3);
  // Words: each word token (not the hyphen); a one-token name is a word only.
  EXPECT_EQ(names->FindWord("kim")->form, "Kim");
  EXPECT_FALSE(names->FindWord("-"));
  EXPECT_TRUE(table.Add({"Antam"}));
  names = table.Snapshot();
  EXPECT_FALSE(names->FindName("antam"));
  EXPECT_EQ(names->FindWord("antam")->form, "Antam");
  EXPECT_TRUE(names->StartsName("kim"));
  EXPECT_FALSE(names->StartsName("antam"));
  EXPECT_EQ(names->max_tokens(), 4u);
  EXPECT_EQ(names->names(), 1u);
  EXPECT_EQ(names->words(), 4u);  // kim jong un antam
}

TEST(CasedNamesTest, ASnapshotDoesNotChangeWhenTheTableGrows) {
  CasedNamesTable table;
  table.Add({"Bank", "Indonesia"});
  auto before = table.Snapshot();
  table.Add({"Sergei", "Lavrov"});
  EXPECT_FALSE(before->FindName("sergei\tlavrov"));
  EXPECT_TRUE(table.Snapshot()->FindName("sergei\tlavrov"));
}

// One writer publishes while readers take snapshots: every reader sees
// null or a whole snapshot.
TEST(CasedNamesTest, BoardSwapsSnapshotsUnderReaders) {
  CasedNamesBoard board;
  EXPECT_FALSE(board.Current());
  std::atomic<bool> done{false};
  std::atomic<size_t> seen{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r)
    readers.emplace_back([&] {
      while (!done.load()) {
        std::shared_ptr<const CasedNames> n = board.Current();
        if (n && n->FindName("bank\tindonesia")) seen.fetch_add(1);
      }
    });
  CasedNamesTable table;
  table.Add({"Bank", "Indonesia"});
  for (int i = 0; i < 200; ++i) {
    table.Add({"Orang", "Ke" + std::to_string(i)});
    board.Publish(table.Snapshot());
  }
  done.store(true);
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(board.Current()->names(), 201u);
}

}  // namespace
}  // namespace warta
