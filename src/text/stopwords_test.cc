#include <gtest/gtest.h>

#include "text/stopwords.h"

namespace warta::text {
namespace {

TEST(StopwordsTest, FunctionWordsYesContentWordsNo) {
  for (const char* w : {"yang", "dan", "di", "ke", "dari", "tersebut", "bahwa"}) EXPECT_TRUE(IsStopword(w)) << w;
  for (const char* w : {"banjir", "menteri", "rusia", "tentara", "Yang", ""}) EXPECT_FALSE(IsStopword(w)) << w;
  EXPECT_GT(Stopwords().size(), 80u);
  EXPECT_TRUE(std::is_sorted(Stopwords().begin(), Stopwords().end()));
}

}  // namespace
}  // namespace warta::text
