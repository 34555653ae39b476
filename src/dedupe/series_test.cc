#include "dedupe/series.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/url.h"
#include "test_support.h"

namespace warta::dedupe {
namespace {

// src/dedupe/testdata/series.jsonl: 10 daily gold-price reports of one
// network (finance.detik.com and m.detik.com), 8 exchange-rate reports
// (money.kompas.com), 6 match reports of one league (bola.net), unrelated
// news of the same networks with the same boilerplate line, one-off
// reports that repeat two or three of a series' sentences, and a gold
// report syndicated to another network. Each record's "series" field is
// its label (null: in none), written by reading the articles.
struct LabelledArticle {
  Article article;
  std::string label;
};

std::vector<LabelledArticle> SeriesFixtures() {
  std::vector<LabelledArticle> out;
  std::istringstream in(testing::ReadFile(testing::SourceDir() / "src/dedupe/testdata/series.jsonl"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    LabelledArticle a;
    a.article.title = j["title"];
    a.article.outlet = j["outlet"];
    a.article.url = j["url"];
    a.article.published = DateTime::ParseIso(j["date"].get<std::string>());
    std::istringstream text(j["text"].get<std::string>());
    for (std::string p; std::getline(text, p);) a.article.paragraphs.push_back(p);
    a.label = j["series"].is_null() ? "" : j["series"].get<std::string>();
    out.push_back(std::move(a));
  }
  return out;
}

TEST(SeriesMaskTest, MasksFiguresDatesValueWordsAndNamesKeepsTheTemplate) {
  SeriesDetector d;
  Skeleton k = d.Mask("Harga emas Antam hari ini, Senin (13/1/2025), naik Rp 5.000 per gram.");
  EXPECT_EQ(k.text, "N emas N hari ini @ # ~ rp # per gram");
  EXPECT_EQ(k.values, "Harga|Antam|Senin|13/1/2025|naik|5.000");
  EXPECT_EQ(k.literal_words, 6);
}

TEST(SeriesMaskTest, ARunOfNamesOrFiguresIsOneSlotAndPunctuationEndsARun) {
  SeriesDetector d;
  Skeleton k = d.Mask("Persija Jakarta mengalahkan PSM Makassar dengan skor 2-1, Persib Bandung, Arema FC.");
  EXPECT_EQ(k.text, "N ~ N dengan skor # N N");
  EXPECT_EQ(k.values, "Persija Jakarta|mengalahkan|PSM Makassar|2-1|Persib Bandung|Arema FC");
  // Spelled-out numbers and their multipliers are figures too; months are dates.
  Skeleton n = d.Mask("tiga puluh ribu orang hadir pada 5 Januari");
  EXPECT_EQ(n.text, "# orang hadir pada # @");
}

TEST(SeriesMaskTest, TwoDaysOfOneTemplateShareTheSkeletonNotTheValues) {
  SeriesDetector d;
  Skeleton monday = d.Mask("Harga emas Antam hari ini, Senin (13/1/2025), naik Rp 5.000 per gram.");
  Skeleton tuesday = d.Mask("Harga emas Antam hari ini, Selasa (14/1/2025), turun Rp 3.000 per gram.");
  Skeleton other = d.Mask("Harga cabai rawit di pasar induk, Senin (13/1/2025), naik Rp 5.000 per kilogram.");
  EXPECT_EQ(monday.text, tuesday.text);
  EXPECT_NE(monday.values, tuesday.values);
  EXPECT_NE(monday.text, other.text);
}

TEST(SeriesMaskTest, TheLexiconDecidesWhichWordsAreValues) {
  // Without "naik" in series.value_word it stays a template word.
  auto lexicon = text::Lexicon::FromFiles({{"series.tsv", "series.value_word\tturun\n"}});
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  SeriesOptions o;
  o.lexicon = *lexicon;
  SeriesDetector d(o);
  EXPECT_EQ(d.Mask("harga naik tajam").text, "harga naik tajam");
  EXPECT_EQ(d.Mask("harga turun tajam").text, "harga ~ tajam");
}

TEST(RegistrableDomainTest, SubDomainsOfOneNetworkShareIt) {
  EXPECT_EQ(RegistrableDomain("https://finance.detik.com/berita/d-1/x"), "detik.com");
  EXPECT_EQ(RegistrableDomain("https://m.detik.com/finance/d-1"), "detik.com");
  EXPECT_EQ(RegistrableDomain("http://www.Kompas.co.id:8080/a?b=1"), "kompas.co.id");
  EXPECT_EQ(RegistrableDomain("https://tempo.co/read/1"), "tempo.co");
  EXPECT_EQ(RegistrableDomain("https://en.tempo.co/read/1"), "tempo.co");
  EXPECT_EQ(RegistrableDomain("not a url"), "");
  EXPECT_EQ(RegistrableDomain(""), "");
}

// Adds the fixtures in file order (seq = line number); returns each seq's
// series at the end (0: none), as the store holds them: a series' first item
// joins when the second founds it.
std::vector<int64_t> AddAll(SeriesDetector& d, const std::vector<LabelledArticle>& fixtures) {
  for (size_t i = 0; i < fixtures.size(); ++i) d.Add(static_cast<int64_t>(i + 1), d.Sign(fixtures[i].article));
  std::vector<int64_t> out;
  for (size_t i = 0; i < fixtures.size(); ++i) out.push_back(d.SeriesOf(static_cast<int64_t>(i + 1)).value_or(0));
  return out;
}

TEST(SeriesDetectorTest, FindsEachLabelledSeriesWithExactlyItsMembers) {
  auto fixtures = SeriesFixtures();
  ASSERT_GE(fixtures.size(), 30u);
  SeriesDetector d;
  std::vector<int64_t> got = AddAll(d, fixtures);
  std::map<std::string, std::set<int64_t>> ids_of_label;
  std::map<int64_t, std::set<std::string>> labels_of_id;
  for (size_t i = 0; i < fixtures.size(); ++i) {
    const std::string& label = fixtures[i].label;
    if (label.empty()) {
      EXPECT_EQ(got[i], 0) << "not a series item: " << fixtures[i].article.title;
      continue;
    }
    EXPECT_NE(got[i], 0) << "missed series item: " << fixtures[i].article.title;
    ids_of_label[label].insert(got[i]);
    labels_of_id[got[i]].insert(label);
  }
  ASSERT_EQ(ids_of_label.size(), 3u);
  for (const auto& [label, ids] : ids_of_label) EXPECT_EQ(ids.size(), 1u) << label << " split into several series";
  for (const auto& [id, labels] : labels_of_id) EXPECT_EQ(labels.size(), 1u) << "series " << id << " mixes labels";
  EXPECT_EQ(d.series_count(), 3u);

  const Series* gold = d.series(*ids_of_label["gold"].begin());
  ASSERT_NE(gold, nullptr);
  EXPECT_EQ(gold->name, "Harga Emas Antam Hari Ini");
  EXPECT_EQ(gold->network, "detik.com");
  EXPECT_EQ(gold->article_count, 10);
  EXPECT_EQ(gold->id, 1);  // its first item's seq
  EXPECT_EQ(gold->first_day, DateTime::ParseIso("2025-01-06")->DaysSinceEpoch());
  EXPECT_EQ(gold->last_day, DateTime::ParseIso("2025-01-17")->DaysSinceEpoch());
  const Series* fx = d.series(*ids_of_label["fx"].begin());
  ASSERT_NE(fx, nullptr);
  EXPECT_EQ(fx->article_count, 8);
  EXPECT_EQ(fx->outlet, "Kompas.com");
  // "Rupiah" names the currency; "Rp" only stands before an amount.
  EXPECT_EQ(fx->name, "Rupiah Pagi Ini");
  const Series* liga = d.series(*ids_of_label["liga"].begin());
  ASSERT_NE(liga, nullptr);
  EXPECT_EQ(liga->article_count, 6);
  EXPECT_FALSE(liga->name.empty());
  for (size_t i = 0; i < fixtures.size(); ++i) {
    auto of = d.SeriesOf(static_cast<int64_t>(i + 1));
    EXPECT_EQ(of.value_or(0), got[i]);
  }
}

TEST(SeriesDetectorTest, RestoringTheStoredDecisionsThenAddingGivesTheUninterruptedAnswers) {
  auto fixtures = SeriesFixtures();
  SeriesDetector whole;
  std::vector<int64_t> expected = AddAll(whole, fixtures);
  for (size_t cut : {size_t{1}, size_t{5}, fixtures.size() / 2, fixtures.size() - 3}) {
    SeriesDetector first;
    std::vector<int64_t> stored;
    for (size_t i = 0; i < cut; ++i)
      stored.push_back(first.Add(static_cast<int64_t>(i + 1), first.Sign(fixtures[i].article)).series_id);
    // What the store holds then: a founder's id is set when the series is founded.
    for (size_t i = 0; i < cut; ++i) stored[i] = first.SeriesOf(static_cast<int64_t>(i + 1)).value_or(0);
    SeriesDetector reopened;
    for (size_t i = 0; i < cut; ++i)
      reopened.Restore(static_cast<int64_t>(i + 1), reopened.Sign(fixtures[i].article), stored[i]);
    for (size_t i = cut; i < fixtures.size(); ++i)
      reopened.Add(static_cast<int64_t>(i + 1), reopened.Sign(fixtures[i].article));
    for (size_t i = 0; i < fixtures.size(); ++i)
      EXPECT_EQ(reopened.SeriesOf(static_cast<int64_t>(i + 1)).value_or(0),
                whole.SeriesOf(static_cast<int64_t>(i + 1)).value_or(0))
          << "cut " << cut << ", article " << i + 1;
    for (int64_t id : expected) {
      if (id == 0) continue;
      ASSERT_NE(reopened.series(id), nullptr);
      EXPECT_EQ(reopened.series(id)->name, whole.series(id)->name);
      EXPECT_EQ(reopened.series(id)->article_count, whole.series(id)->article_count);
    }
  }
}

// A crash after a batch's series were stored and before its relations: the
// founder of a series is restored as a member while the item that founded
// it with it is added again. The series, its count and its name come out as
// in an uninterrupted run.
TEST(SeriesDetectorTest, ReplayingABatchWhoseSeriesWereAlreadyStoredGivesTheSameSeries) {
  auto fixtures = SeriesFixtures();
  SeriesDetector whole;
  AddAll(whole, fixtures);
  for (size_t cut = 1; cut < fixtures.size(); cut += 4) {
    SeriesDetector reopened;
    for (size_t i = 0; i < cut; ++i)
      reopened.Restore(static_cast<int64_t>(i + 1), reopened.Sign(fixtures[i].article),
                       whole.SeriesOf(static_cast<int64_t>(i + 1)).value_or(0));
    for (size_t i = cut; i < fixtures.size(); ++i)
      reopened.Add(static_cast<int64_t>(i + 1), reopened.Sign(fixtures[i].article));
    for (size_t i = 0; i < fixtures.size(); ++i) {
      const auto id = whole.SeriesOf(static_cast<int64_t>(i + 1));
      ASSERT_EQ(reopened.SeriesOf(static_cast<int64_t>(i + 1)), id) << "cut " << cut << ", article " << i + 1;
      if (!id) continue;
      EXPECT_EQ(reopened.series(*id)->name, whole.series(*id)->name) << "cut " << cut;
      EXPECT_EQ(reopened.series(*id)->article_count, whole.series(*id)->article_count) << "cut " << cut;
    }
  }
}

// Articles older than the window are restored from their title alone (the
// store's replay skips masking their sentences); the answers do not change.
TEST(SeriesDetectorTest, RestoringOldArticlesWithoutTheirBodyChangesNothing) {
  auto fixtures = SeriesFixtures();
  SeriesOptions o;
  o.window_articles = 6;
  SeriesDetector whole(o);
  AddAll(whole, fixtures);
  const size_t cut = fixtures.size() / 2;
  SeriesDetector reopened(o);
  const int64_t oldest = reopened.OldestMatchable(static_cast<int64_t>(cut + 1));
  for (size_t i = 0; i < cut; ++i) {
    const int64_t seq = static_cast<int64_t>(i + 1);
    reopened.Restore(seq, reopened.Sign(fixtures[i].article, seq >= oldest), whole.SeriesOf(seq).value_or(0));
  }
  for (size_t i = cut; i < fixtures.size(); ++i) reopened.Add(static_cast<int64_t>(i + 1), reopened.Sign(fixtures[i].article));
  size_t members = 0;
  for (size_t i = 0; i < fixtures.size(); ++i) {
    const auto id = whole.SeriesOf(static_cast<int64_t>(i + 1));
    members += id.has_value();
    EXPECT_EQ(reopened.SeriesOf(static_cast<int64_t>(i + 1)), id) << "article " << i + 1;
    if (id) { EXPECT_EQ(reopened.series(*id)->name, whole.series(*id)->name); }
  }
  EXPECT_GT(members, 6u);  // the small window still finds the consecutive items
  EXPECT_TRUE(reopened.Sign(fixtures[0].article, false).lines.empty());
}

TEST(SeriesDetectorTest, NoSeriesWithoutADateOnTheSameDayOrAcrossNetworks) {
  auto fixtures = SeriesFixtures();
  const Article& monday = fixtures[0].article;
  const Article& tuesday = fixtures[1].article;
  ASSERT_EQ(fixtures[0].label, "gold");
  ASSERT_EQ(fixtures[1].label, "gold");
  {
    SeriesDetector d;
    Article undated = tuesday;
    undated.published.reset();
    d.Add(1, d.Sign(monday));
    EXPECT_EQ(d.Add(2, d.Sign(undated)).series_id, 0);
  }
  {
    SeriesDetector d;
    Article same_day = tuesday;
    same_day.published = monday.published;
    d.Add(1, d.Sign(monday));
    EXPECT_EQ(d.Add(2, d.Sign(same_day)).series_id, 0);
  }
  {
    SeriesDetector d;
    Article elsewhere = tuesday;
    elsewhere.url = "https://investor.id/market/1/harga-emas";
    d.Add(1, d.Sign(monday));
    EXPECT_EQ(d.Add(2, d.Sign(elsewhere)).series_id, 0);
  }
  {
    // A copy repeats every value: not another day's item.
    SeriesDetector d;
    Article copy = monday;
    copy.published = tuesday.published;
    d.Add(1, d.Sign(monday));
    EXPECT_EQ(d.Add(2, d.Sign(copy)).series_id, 0);
  }
  {
    SeriesDetector d;
    d.Add(1, d.Sign(monday));
    SeriesAssignment a = d.Add(2, d.Sign(tuesday));
    EXPECT_EQ(a.series_id, 1);
    EXPECT_TRUE(a.new_series);
    EXPECT_EQ(a.founder_seq, 1);
    EXPECT_GE(a.shared, 3);
  }
}

TEST(SeriesDetectorTest, ARepublishedItemIsACopyNotAnotherItemEvenWhenAnotherDayMatches) {
  // Monday's and Tuesday's reports found the series; Monday's report
  // published again on Wednesday repeats every value of Monday's: the
  // copy detector's to link, not a third item (Tuesday's differs from it
  // in its values and would otherwise take it in).
  auto fixtures = SeriesFixtures();
  const Article& monday = fixtures[0].article;
  const Article& tuesday = fixtures[1].article;
  ASSERT_EQ(fixtures[2].label, "gold");
  SeriesDetector d;
  d.Add(1, d.Sign(monday));
  ASSERT_EQ(d.Add(2, d.Sign(tuesday)).series_id, 1);
  Article again = monday;
  again.published = fixtures[2].article.published;
  EXPECT_EQ(d.Add(3, d.Sign(again)).series_id, 0);
  EXPECT_FALSE(d.SeriesOf(3).has_value());
  // The next real item still joins.
  EXPECT_EQ(d.Add(4, d.Sign(fixtures[2].article)).series_id, 1);
}

TEST(SeriesDetectorTest, TheWindowBoundsWhatIsKeptForMatching) {
  auto fixtures = SeriesFixtures();
  SeriesOptions o;
  o.window_articles = 5;
  SeriesDetector d(o);
  d.Add(1, d.Sign(fixtures[0].article));
  size_t one = d.MemoryBytes();
  // Ten seqs later the first item has left the window: the next day's
  // report finds nothing to join.
  EXPECT_EQ(d.Add(12, d.Sign(fixtures[1].article)).series_id, 0);
  EXPECT_LE(d.MemoryBytes(), one + one / 2);
  EXPECT_EQ(d.Add(13, d.Sign(fixtures[2].article)).series_id, 12);
}

}  // namespace
}  // namespace warta::dedupe
