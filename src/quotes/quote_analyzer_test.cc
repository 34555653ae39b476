#include "quotes/quote_analyzer.h"

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "golden_cases.h"
#include "hand_annotations.h"
#include "test_support.h"

#include <algorithm>
#include <string>
#include <vector>

namespace warta::quotes {
namespace {

// One line per quote: "direct" or "reported", the words, then speaker=,
// id= and relay= when not empty.
std::vector<std::string> Quotes(const testing::GoldenCase& c) {
  Article a = testing::ArticleOf(c);
  analyse::AnalysisContext ctx(a);
  EXPECT_TRUE(QuoteAnalyzer().Analyse(&a, &ctx).ok());
  std::vector<std::string> out;
  for (const Quote& q : a.quotes) {
    EXPECT_EQ(SpanText(ctx.text(), q.span), q.text);
    // A quote over several paragraphs keeps their line breaks; shown as ⏎
    // so the case stays one line.
    std::string shown = q.text;
    for (size_t at = shown.find('\n'); at != std::string::npos; at = shown.find('\n', at))
      shown.replace(at, 1, " ⏎ ");
    std::string line = (q.direct ? "direct | " : "reported | ") + shown;
    if (!q.speaker.empty()) line += " | speaker=" + q.speaker;
    if (!q.speaker_entity_id.empty()) line += " | id=" + q.speaker_entity_id;
    if (!q.relay.empty()) line += " | relay=" + q.relay;
    out.push_back(std::move(line));
  }
  return out;
}

// Direct, partial and reported speech, speakers, pronouns, titles and
// relaying outlets: one case per article.
TEST(QuoteAnalyzerTest, GoldenCases) {
  testing::RunGoldenFile(testing::SourceDir() / "src/quotes/testdata/quotes.golden", Quotes);
}

// An article of `paragraphs` whose entity mentions are given by hand, so
// these tests do not depend on the NER model.
class Doc {
 public:
  explicit Doc(std::vector<std::string> paragraphs) { article_.paragraphs = std::move(paragraphs); }
  // Marks the `nth` occurrence of `name` in the text as a mention.
  Doc& Mention(const std::string& name, const std::string& type, const std::string& canonical, int nth = 0) {
    std::vector<Span> spans = testing::SpansOf(article_.Text(), name);
    EXPECT_GT(spans.size(), static_cast<size_t>(nth)) << name;
    if (spans.size() > static_cast<size_t>(nth)) testing::AddMention(&article_, spans[nth], name, type, canonical);
    return *this;
  }
  const std::vector<Quote>& Run(QuoteAnalyzerOptions options = {}) {
    analyse::AnalysisContext ctx(article_);
    QuoteAnalyzer analyzer(options);
    EXPECT_TRUE(analyzer.Analyse(&article_, &ctx).ok());
    for (const Quote& q : article_.quotes) EXPECT_EQ(SpanText(ctx.text(), q.span), q.text);
    return article_.quotes;
  }

 private:
  Article article_;
};

TEST(QuoteAnalyzerTest, UnbalancedMarkInOneParagraphDoesNotSwallowTheNext) {
  Doc d({"“Kami tidak akan menyerah, kata Joko Santoso di depan massa.",
         "Massa lalu bubar. \" ",
         "“Besok kami datang lagi ke kantor ini,” ujar Joko Santoso."});
  d.Mention("Joko Santoso", "PERSON", "Joko Santoso").Mention("Joko Santoso", "PERSON", "Joko Santoso", 1);
  const auto& q = d.Run();
  // The mark left open gives no direct quote; its words, followed by
  // ", kata X", still read as reported speech.
  ASSERT_EQ(q.size(), 2u);
  EXPECT_FALSE(q[0].direct);
  EXPECT_EQ(q[0].text, "Kami tidak akan menyerah");
  EXPECT_TRUE(q[1].direct);
  EXPECT_EQ(q[1].text, "Besok kami datang lagi ke kantor ini");
  EXPECT_EQ(q[1].speaker, "Joko Santoso");
}

TEST(QuoteAnalyzerTest, HundredKilobyteQuoteIsOneQuote) {
  std::string body;
  while (body.size() < 100 * 1024) body += "Kami akan terus berjuang demi rakyat. ";
  body.pop_back();
  Doc d({"“" + body + "” kata Budi Hartono."});
  d.Mention("Budi Hartono", "PERSON", "Budi Hartono");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, body);
  EXPECT_EQ(q[0].speaker, "Budi Hartono");
}

TEST(QuoteAnalyzerTest, ManyStrayMarksAreHandledInOnePass) {
  std::string para;
  for (int i = 0; i < 20000; ++i) para += "“ kata ";
  std::string singles;
  for (int i = 0; i < 20000; ++i) singles += "' x ’ ";
  Doc d({para, singles, "\"\"\"\"\""});
  const auto& q = d.Run();
  // Every curly opener restarts the open quotation; none is ever closed.
  EXPECT_TRUE(q.empty());
}

TEST(QuoteAnalyzerTest, ParagraphsReopenedAndNeverClosedGiveNothing) {
  // Every paragraph reopens the quotation, none closes it: one pass, no
  // quote (and no paragraph rescanned from the first opener).
  std::vector<std::string> paras(20000, "“Kami terus bekerja untuk warga di sini.");
  Doc d(paras);
  EXPECT_TRUE(d.Run().empty());
}

TEST(QuoteAnalyzerTest, QuoteOverManyParagraphsIsOneQuote) {
  std::vector<std::string> paras(50, "“Kami terus bekerja untuk warga di sini.");
  paras.push_back("“Itu janji kami,” kata Budi Hartono.");
  Doc d(paras);
  d.Mention("Budi Hartono", "PERSON", "Budi Hartono");
  const auto& q = d.Run();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_TRUE(q[0].text.starts_with("Kami terus bekerja"));
  EXPECT_TRUE(q[0].text.ends_with("Itu janji kami"));
  EXPECT_EQ(q[0].speaker, "Budi Hartono");
}

TEST(QuoteAnalyzerTest, EmptyArticleGivesNothing) {
  Doc d({});
  EXPECT_TRUE(d.Run().empty());
  Doc e({"", "\"", "”"});
  EXPECT_TRUE(e.Run().empty());
}

}  // namespace
}  // namespace warta::quotes
