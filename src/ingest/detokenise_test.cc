#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/reader.h"

namespace warta::ingest {
namespace {

std::string D(std::vector<std::string> tokens) { return Detokenise(tokens); }

TEST(DetokeniseTest, BriefExample) {
  EXPECT_EQ(D({"\"", "Tidak", "hanya", "tarif", ".", "\"", "ucap", "Zulkifli", "(", "27", "/", "3",
               ")", "."}),
            "\"Tidak hanya tarif.\" ucap Zulkifli (27/3).");
}

TEST(DetokeniseTest, ClosingPunctuationAttachesLeft) {
  EXPECT_EQ(D({"a", ",", "b", ";", "c", ":", "d", "!", "e", "?", "f", "."}), "a, b; c: d! e? f.");
  EXPECT_EQ(D({"naik", "20", "%", "."}), "naik 20%.");
  EXPECT_EQ(D({"maaf", "...", "itu"}), "maaf... itu");
  EXPECT_EQ(D({"[", "Antara", "]"}), "[Antara]");
  EXPECT_EQ(D({"{", "x", "}"}), "{x}");
}

TEST(DetokeniseTest, OpeningBracketsAttachRight) {
  EXPECT_EQ(D({"Partai", "(", "2,0", "%", ")", "serta"}), "Partai (2,0%) serta");
}

TEST(DetokeniseTest, StraightDoubleQuotesAlternate) {
  EXPECT_EQ(D({"Dia", "berkata", "\"", "ya", "\"", "dan", "\"", "tidak", "\"", "."}),
            "Dia berkata \"ya\" dan \"tidak\".");
}

TEST(DetokeniseTest, QuotesPairAcrossSentencesOfAParagraph) {
  // IndoSum: the quote opens in the first sentence and closes in the last.
  EXPECT_EQ(D({"\"", "Tidak", "hanya", "tarif", ".", "Kan", "bisa", ",", "\"", "ucap", "Zulkifli",
               "."}),
            "\"Tidak hanya tarif. Kan bisa,\" ucap Zulkifli.");
}

TEST(DetokeniseTest, DanglingQuoteAtEndCloses) {
  EXPECT_EQ(D({"kata", "dia", ".", "\""}), "kata dia.\"");
}

TEST(DetokeniseTest, SingleQuotesAndBackticks) {
  EXPECT_EQ(D({"album", "bertajuk", "'", "One", "More", "Light", "'", "."}),
            "album bertajuk 'One More Light'.");
  EXPECT_EQ(D({"``", "Halo", "''", "katanya"}), "``Halo'' katanya");
  EXPECT_EQ(D({"konser", "`", "Welcome", "Home", "`", "ini"}), "konser `Welcome Home` ini");
}

TEST(DetokeniseTest, TypographicQuotes) {
  EXPECT_EQ(D({"\xE2\x80\x9C", "Orang", "berteriak", ",", "\xE2\x80\x9D", "katanya"}),
            "\xE2\x80\x9COrang berteriak,\xE2\x80\x9D katanya");
  EXPECT_EQ(D({"tanda", "\xE2\x80\x98", "no", "gay", "\xE2\x80\x99", "ada"}),
            "tanda \xE2\x80\x98no gay\xE2\x80\x99 ada");
}

TEST(DetokeniseTest, DigitsAroundSlashAndColon) {
  EXPECT_EQ(D({"Kamis", "(", "6", "/", "4", "/", "2017", ")"}), "Kamis (6/4/2017)");
  EXPECT_EQ(D({"pukul", "10", ":", "00", "WIB"}), "pukul 10:00 WIB");
  // Not digits on both sides: ordinary spacing rules.
  EXPECT_EQ(D({"Baca", "juga", ":", "Setya"}), "Baca juga: Setya");
  EXPECT_EQ(D({"VI", "/", "MPR"}), "VI / MPR");
}

TEST(DetokeniseTest, RupiahKeepsItsSpaceCurrencySymbolsDoNot) {
  EXPECT_EQ(D({"Rp", "50.000", "."}), "Rp 50.000.");
  EXPECT_EQ(D({"seharga", "$", "500", ","}), "seharga $500,");
}

TEST(DetokeniseTest, ReduplicationAndOrdinals) {
  EXPECT_EQ(D({"bentrokan", "-", "bentrokan"}), "bentrokan-bentrokan");
  EXPECT_EQ(D({"Orang", "-", "orang"}), "Orang-orang");
  EXPECT_EQ(D({"menit", "ke", "-", "32"}), "menit ke-32");
  EXPECT_EQ(D({"Rimanews", "-", "Komandan"}), "Rimanews - Komandan");
}

TEST(DetokeniseTest, WhitespaceAndInvisibleTokensDropped) {
  EXPECT_EQ(D({"Babelan", "\xC2\xA0", "tersebut", "\n", "."}), "Babelan tersebut.");
  EXPECT_EQ(D({"a", "\xE2\x80\x8E", "b"}), "a b");
  EXPECT_EQ(D({" ", "\xC2\xA0 "}), "");
  EXPECT_EQ(D({}), "");
}

TEST(DetokeniseTest, ContractionsAndClitics) {
  EXPECT_EQ(D({"It", "'s", "Seminyak"}), "It's Seminyak");
  EXPECT_EQ(D({"Ketuban", "-nya", "pecah"}), "Ketuban-nya pecah");
}

TEST(DetokeniseTest, StringViewOverloadAgrees) {
  std::vector<std::string> t = {"(", "27", "/", "3", ")", "."};
  std::vector<std::string_view> v(t.begin(), t.end());
  EXPECT_EQ(Detokenise(v), Detokenise(t));
  EXPECT_EQ(Detokenise(v), "(27/3).");
}

}  // namespace
}  // namespace warta::ingest
