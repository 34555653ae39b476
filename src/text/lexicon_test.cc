// The lexicon: the embedded files load, lookups are typed, a directory
// replaces a file by name, and a bad line is an error naming file:line.
#include "text/lexicon.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "test_support.h"

namespace warta::text {
namespace {

namespace wt = warta::testing;

TEST(LexiconTest, EmbeddedFilesMatchTheSourceFiles) {
  const auto& files = internal::BuiltinLexiconFiles();
  ASSERT_FALSE(files.empty());
  for (const auto& [name, bytes] : files) {
    std::filesystem::path p = wt::SourceDir() / "src/text/data/lexicon" / std::string(name);
    ASSERT_TRUE(std::filesystem::exists(p)) << p;
    EXPECT_EQ(wt::ReadFile(p), bytes) << name << " is stale: the build did not re-embed it";
  }
  // Every file in the folder is embedded: one left out of
  // WARTA_LEXICON_FILES would be silently ignored.
  for (const auto& entry : std::filesystem::directory_iterator(wt::SourceDir() / "src/text/data/lexicon")) {
    const std::string name = entry.path().filename().string();
    bool embedded = false;
    for (const auto& [n, bytes] : files) embedded |= n == name;
    EXPECT_TRUE(embedded) << name << " is not in WARTA_LEXICON_FILES (src/text/CMakeLists.txt)";
  }
}

TEST(LexiconTest, BuiltinLoadsWithTypedEntries) {
  auto lex = Lexicon::Builtin();
  ASSERT_NE(lex, nullptr);
  EXPECT_EQ(lex, Lexicon::Builtin());  // one shared instance

  const SpeechVerb* ujarnya = lex->FindSpeechVerb("ujarnya");
  ASSERT_NE(ujarnya, nullptr);
  EXPECT_TRUE(ujarnya->Has(SpeechRole::kAfter));
  EXPECT_FALSE(ujarnya->Has(SpeechRole::kBefore));
  EXPECT_TRUE(lex->IsSpeechVerb("mengatakan", SpeechRole::kBefore));
  EXPECT_TRUE(lex->IsSpeechVerb("mengatakan", SpeechRole::kClaim));
  EXPECT_TRUE(lex->IsSpeechVerb("pungkas", SpeechRole::kAfter));
  EXPECT_FALSE(lex->IsSpeechVerb("rumah", SpeechRole::kAfter));
  EXPECT_EQ(lex->FindSpeechVerb("Ujarnya"), nullptr);  // lookups are lower-case

  const MonthName* agt = lex->FindMonth("agt");
  ASSERT_NE(agt, nullptr);
  EXPECT_EQ(agt->number, 8);
  EXPECT_TRUE(agt->abbreviation);
  ASSERT_NE(lex->FindMonth("pebruari"), nullptr);
  EXPECT_EQ(lex->FindMonth("pebruari")->number, 2);
  EXPECT_FALSE(lex->FindMonth("pebruari")->abbreviation);
  ASSERT_NE(lex->FindMonth("may"), nullptr);
  EXPECT_TRUE(lex->FindMonth("may")->english);
  ASSERT_NE(lex->FindMonth("peb"), nullptr);
  ASSERT_NE(lex->FindMonth("ags"), nullptr);
  for (int m = 1; m <= 12; ++m) {
    int names = 0;
    for (const MonthName& n : lex->months()) names += n.number == m && !n.abbreviation && !n.english;
    EXPECT_GE(names, 1) << "month " << m << " has no Indonesian name";
  }

  bool ribu_scale = false, ribu_multiplier = false;
  for (const NumberWord& n : lex->number_words()) {
    ribu_scale |= n.word == "ribu" && n.kind == NumberKind::kScale && n.value == 1e3;
    ribu_multiplier |= n.word == "ribu" && n.kind == NumberKind::kMultiplier && n.value == 1e3;
  }
  EXPECT_TRUE(ribu_scale && ribu_multiplier);  // one word, two kinds
  bool rp = false;
  for (const Currency& c : lex->currencies()) rp |= c.word == "rp" && c.prefix && c.canonical == "rupiah";
  EXPECT_TRUE(rp);
  bool about = false;
  for (const BoundPhrase& b : lex->bounds()) about |= b.phrase == "kurang lebih" && b.bound == "about";
  EXPECT_TRUE(about);
  EXPECT_TRUE(lex->Is(WordClass::kClaimHedge, "diperkirakan"));
  EXPECT_TRUE(lex->Is(WordClass::kClaimCompoundUnit, "meter persegi"));

  const EventTrigger* menerima = nullptr;
  for (const EventTrigger& t : lex->event_triggers())
    if (t.word == "menerima") menerima = &t;
  ASSERT_NE(menerima, nullptr);
  EXPECT_EQ(menerima->type, "meeting");
  EXPECT_EQ(menerima->frame, EventFrame::kTransitive);
  EXPECT_TRUE(menerima->Has(EventTriggerFlag::kActorObject));
  EXPECT_FALSE(menerima->Has(EventTriggerFlag::kVisit));
  EXPECT_TRUE(lex->Is(WordClass::kEventWeapon, "rudal"));
  // One word, two types, each with its condition ("menaikkan" suku bunga /
  // harga); the cue classes are named after the types.
  int menaikkan = 0;
  for (const EventTrigger& t : lex->event_triggers())
    if (t.word == "menaikkan") menaikkan += t.Has(EventTriggerFlag::kCue);
  EXPECT_EQ(menaikkan, 2);
  EXPECT_TRUE(lex->Is(WordClass::kEventCueDecision, "bunga"));
  EXPECT_TRUE(lex->Is(WordClass::kEventHoped, "berharap"));
  EXPECT_TRUE(lex->Is(WordClass::kEventRole, "-"));  // "Menteri Luar Negeri - X": a dash glues a phrase

  ASSERT_NE(lex->FindWeekday("jum'at"), nullptr);
  EXPECT_EQ(lex->FindWeekday("jum'at")->number, 5);
  EXPECT_EQ(lex->FindWeekday("ahad")->number, 7);
  EXPECT_TRUE(lex->FindWeekday("sen")->abbreviation);

  // timex_parts.tsv: one word may have two kinds, each its own record.
  auto part = [&](std::string_view word, TimexPartKind kind) -> const TimexPart* {
    for (const TimexPart& p : lex->timex_parts())
      if (p.word == word && p.kind == kind) return &p;
    return nullptr;
  };
  ASSERT_NE(part("pagi", TimexPartKind::kPartOfDay), nullptr);
  EXPECT_EQ(part("pagi", TimexPartKind::kPartOfDay)->code, "MO");
  ASSERT_NE(part("wita", TimexPartKind::kZone), nullptr);
  EXPECT_EQ(part("wita", TimexPartKind::kZone)->value, 480);
  ASSERT_NE(part("semi", TimexPartKind::kSeason), nullptr);
  EXPECT_EQ(part("semi", TimexPartKind::kSeason)->code, "SP");
  ASSERT_NE(part("medio", TimexPartKind::kModifier), nullptr);
  EXPECT_EQ(part("medio", TimexPartKind::kModifier)->value, 2);
  ASSERT_NE(part("silam", TimexPartKind::kDirection), nullptr);
  EXPECT_EQ(part("silam", TimexPartKind::kDirection)->value, -1);
  EXPECT_EQ(part("ini", TimexPartKind::kDirection)->value, 0);
  ASSERT_NE(part("lusa", TimexPartKind::kDay), nullptr);
  EXPECT_EQ(part("lusa", TimexPartKind::kDay)->value, 2);  // "+2" in the file
  // Holidays: a fixed one by month-day; a moving one has one record a year.
  ASSERT_NE(part("tahun baru", TimexPartKind::kHoliday), nullptr);
  EXPECT_EQ(part("tahun baru", TimexPartKind::kHoliday)->code, "01-01");
  int lebaran_years = 0;
  for (const TimexPart& p : lex->timex_parts()) lebaran_years += p.word == "lebaran" && p.kind == TimexPartKind::kHoliday;
  EXPECT_GE(lebaran_years, 10);
  EXPECT_TRUE(lex->Is(WordClass::kTimexAnaphor, "saat itu"));
  EXPECT_TRUE(lex->Is(WordClass::kTimexPast, "telah"));

  // One class for a list several analysers read; titles as a class.
  EXPECT_TRUE(lex->Is(WordClass::kPersonPronoun, "beliau"));
  EXPECT_TRUE(lex->Is(WordClass::kDemonstrative, "tersebut"));
  EXPECT_TRUE(lex->Is(WordClass::kTitle, "kombes"));
  EXPECT_TRUE(lex->Is(WordClass::kTitle, "jend."));
}

TEST(LexiconTest, EveryWordClassAndRoleHasAName) {
  for (size_t c = 0; c < static_cast<size_t>(WordClass::kCount); ++c)
    EXPECT_FALSE(WordClassName(static_cast<WordClass>(c)).empty()) << c;
  for (size_t r = 0; r < static_cast<size_t>(SpeechRole::kCount); ++r)
    EXPECT_FALSE(SpeechRoleName(static_cast<SpeechRole>(r)).empty()) << r;
  for (size_t f = 0; f < static_cast<size_t>(EventFrame::kCount); ++f)
    EXPECT_FALSE(EventFrameName(static_cast<EventFrame>(f)).empty()) << f;
  for (size_t f = 0; f < static_cast<size_t>(EventTriggerFlag::kCount); ++f)
    EXPECT_FALSE(EventTriggerFlagName(static_cast<EventTriggerFlag>(f)).empty()) << f;
  for (size_t k = 0; k < static_cast<size_t>(TimexPartKind::kCount); ++k)
    EXPECT_FALSE(TimexPartKindName(static_cast<TimexPartKind>(k)).empty()) << k;
  // Every built-in class has words: an empty one is a list lost in a move.
  auto lex = Lexicon::Builtin();
  for (size_t c = 0; c < static_cast<size_t>(WordClass::kCount); ++c)
    EXPECT_FALSE(lex->Words(static_cast<WordClass>(c)).empty()) << WordClassName(static_cast<WordClass>(c));
}

TEST(LexiconTest, WordClassesAreOneLookup) {
  auto lex = Lexicon::FromFiles({{"quotes.tsv", "quote.clause_stop\tYang\tdi atas\n# comment\n\n"
                                                "quote.clause_stop\t\tuntuk\n"}});
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_TRUE((*lex)->Is(WordClass::kQuoteClauseStop, "yang"));   // folded to lower case at load
  EXPECT_TRUE((*lex)->Is(WordClass::kQuoteClauseStop, "di atas")); // an entry may be a phrase
  EXPECT_TRUE((*lex)->Is(WordClass::kQuoteClauseStop, "untuk"));   // several tabs are one separator
  EXPECT_FALSE((*lex)->Is(WordClass::kQuoteClauseStop, "dengan")); // the built-in file is replaced
  EXPECT_TRUE((*lex)->ClassesOf("pohon").none());
  EXPECT_EQ((*lex)->Words(WordClass::kQuoteClauseStop), (std::vector<std::string>{"yang", "di atas", "untuk"}));
}

TEST(LexiconTest, DirectoryReplacesOneFileAndKeepsTheOthers) {
  wt::TempDir dir;
  wt::WriteFile(dir / "speech_verbs.tsv", "# mine\nbercuit\tafter,before\n");
  wt::WriteFile(dir / "unrelated.txt", "not read\n");
  auto lex = Lexicon::Load(dir.path().string());
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_TRUE((*lex)->IsSpeechVerb("bercuit", SpeechRole::kBefore));
  EXPECT_EQ((*lex)->FindSpeechVerb("kata"), nullptr);  // the built-in list is replaced
  EXPECT_EQ((*lex)->speech_verbs().size(), 1u);
  ASSERT_NE((*lex)->FindMonth("januari"), nullptr);  // the other files are still built in
  EXPECT_EQ((*lex)->FindMonth("januari")->number, 1);
}

TEST(LexiconTest, MissingDirectoryIsNotFound) {
  auto lex = Lexicon::Load("/nonexistent/lexicon");
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), StatusCode::kNotFound);
}

TEST(LexiconTest, BadLinesNameFileLineAndReason) {
  struct Case {
    std::string file, text, message;
  };
  const Case cases[] = {
      {"months.tsv", "januari\t1\n\nbulan13\t13\n", "months.tsv:3: month number must be 1-12"},
      {"months.tsv", "januari\tsatu\n", "months.tsv:1: 'satu' is not a number"},
      {"months.tsv", "januari\t1\tpendek\n", "months.tsv:1: unknown tag 'pendek' (abbrev, en)"},
      {"months.tsv", "januari\t1\njanuari\t1\n", "months.tsv:2: duplicate month 'januari'"},
      {"months.tsv", "januari\n", "months.tsv:1: expected word<TAB>number[<TAB>tags], got 1 fields"},
      {"weekdays.tsv", "senin\t8\n", "weekdays.tsv:1: weekday number must be 1-7"},
      {"speech_verbs.tsv", "# c\nkata\tafter,sesudah\n", "speech_verbs.tsv:2: unknown speech-verb role 'sesudah'"},
      {"speech_verbs.tsv", "kata\tafter\nKata\tbefore\n", "speech_verbs.tsv:2: duplicate speech verb 'kata'"},
      {"speech_verbs.tsv", "kata\n", "speech_verbs.tsv:1: expected word<TAB>roles, got 1 fields"},
      {"quotes.tsv", "quote.clause_stop\tyang\nquote.klausa\tdi\n", "quotes.tsv:2: unknown word class 'quote.klausa'"},
      {"quotes.tsv", "quote.clause_stop\n", "quotes.tsv:1: expected class<TAB>word[<TAB>word...]"},
      {"quotes.tsv", "quote.clause_stop\tyang\tYANG\n", "quotes.tsv:1: 'yang' is already in quote.clause_stop"},
      {"number_words.tsv", "tiga\tunit\t3\nempat\tsatuan\t4\n", "number_words.tsv:2: unknown number kind 'satuan'"},
      {"number_words.tsv", "tiga\tunit\ttiga\n", "number_words.tsv:1: 'tiga' is not a positive number"},
      {"number_words.tsv", "ribu\tscale\t1e3\nribu\tscale\t1000\n",
       "number_words.tsv:2: duplicate number word 'ribu' (scale)"},
      {"currencies.tsv", "rp\tdepan\trupiah\n", "currencies.tsv:1: position must be prefix or suffix, not 'depan'"},
      {"bounds.tsv", "lebih dari\tmore\n", "bounds.tsv:1: unknown bound 'more'"},
      {"claims.tsv", "claim.hedge\tdiduga\nclaim.hedges\tkonon\n", "claims.tsv:2: unknown word class 'claim.hedges'"},
      {"event_triggers.tsv", "bertemu\tmeeting\treciprocal\nberpidato\tstatement\tintransitive\n",
       "event_triggers.tsv:2: unknown event type 'statement' (one of \"meeting\", \"agreement\", \"deployment\", "
       "\"accusation\", \"attack\", \"visit\", \"hearing\", \"decision\", \"regulation\", \"price_change\", "
       "\"appointment\", \"dismissal\", \"arrest\", \"charge\", \"verdict\", \"protest\", \"disaster\", \"launch\" or "
       "\"election\")"},
      {"event_triggers.tsv", "bertemu\tmeeting\ttimbal-balik\n",
       "event_triggers.tsv:1: unknown event frame 'timbal-balik'"},
      {"event_triggers.tsv", "menerima\tmeeting\ttransitive\tvisit,orang\n",
       "event_triggers.tsv:1: unknown event trigger flag 'orang'"},
      {"event_triggers.tsv", "bertemu\tmeeting\treciprocal\nBertemu\tmeeting\tnoun\n",
       "event_triggers.tsv:2: duplicate event trigger 'bertemu' (a word listed twice needs another type on each "
       "line, and a condition -- cue, weapon_next, needs_document -- on all but one)"},
      {"event_triggers.tsv", "menaikkan\tdecision\ttransitive\tcue\nmenaikkan\tdecision\ttransitive\tcue\n",
       "event_triggers.tsv:2: duplicate event trigger 'menaikkan' (a word listed twice needs another type on each "
       "line, and a condition -- cue, weapon_next, needs_document -- on all but one)"},
      {"event_triggers.tsv", "menahan\tarrest\ttransitive\nmenahan\tdecision\ttransitive\n",
       "event_triggers.tsv:2: duplicate event trigger 'menahan' (a word listed twice needs another type on each "
       "line, and a condition -- cue, weapon_next, needs_document -- on all but one)"},
      {"event_triggers.tsv", "bertemu\tmeeting\n",
       "event_triggers.tsv:1: expected word<TAB>type<TAB>frame[<TAB>flags], got 2 fields"},
      {"events.tsv", "event.sport\tlaga\nevent.olahraga\tgol\n", "events.tsv:2: unknown word class 'event.olahraga'"},
      {"timex_parts.tsv", "pagi\tpart_of_day\tMO\nsubuh\tpart_of_day\tDAWN\n",
       "timex_parts.tsv:2: a part_of_day is one of MO, MI, AF, EV, NI, not 'DAWN'"},
      {"timex_parts.tsv", "wib\tzona\t420\n", "timex_parts.tsv:1: unknown timex part kind 'zona'"},
      {"timex_parts.tsv", "wib\tzone\t+7\n\nwit\tzone\t900\n",
       "timex_parts.tsv:3: a zone's minutes east of UTC must be -840-840"},
      {"timex_parts.tsv", "lalu\tdirection\tpast\nLalu\tdirection\tahead\n",
       "timex_parts.tsv:2: duplicate direction 'lalu'"},
      {"timex_parts.tsv", "awal\tmodifier\n", "timex_parts.tsv:1: expected word<TAB>kind<TAB>value, got 2 fields"},
      {"timex_parts.tsv", "natal\tholiday\t25-12-2024\n",
       "timex_parts.tsv:1: a holiday's value is MM-DD or YYYY-MM-DD, not '25-12-2024'"},
      {"timex_parts.tsv", "imlek\tholiday\t2024-02-10\nimlek\tholiday\t2024-02-10\n",
       "timex_parts.tsv:2: duplicate holiday 'imlek'"},
      {"titles.tsv", "title\tmenteri\tMenteri\n", "titles.tsv:1: 'menteri' is already in title"},
  };
  for (const Case& c : cases) {
    wt::TempDir dir;
    wt::WriteFile(dir / c.file, c.text);
    auto lex = Lexicon::Load(dir.path().string());
    ASSERT_FALSE(lex.ok()) << c.file << ": " << c.text;
    EXPECT_EQ(lex.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(lex.status().message(), (dir / c.file).string().substr(0, (dir / c.file).string().size() - c.file.size()) +
                                          c.message);
  }
}

TEST(LexiconTest, RejectsInvalidUtf8AndUnknownFileNames) {
  wt::TempDir dir;
  wt::WriteFile(dir / "months.tsv", "janu\xff\t1\n");
  auto lex = Lexicon::Load(dir.path().string());
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(lex.status().message().find("months.tsv: not valid UTF-8"), std::string::npos);

  auto unknown = Lexicon::FromFiles({{"bulan.tsv", "januari\t1\n"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message(), "bulan.tsv: not a lexicon file name");
}

TEST(LexiconTest, SharedAcrossThreads) {
  // Immutable after load: concurrent lookups need no lock (run under TSan
  // by the sanitizer pass).
  auto lex = Lexicon::Builtin();
  std::vector<std::thread> threads;
  std::atomic<int> found{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i)
        found += lex->IsSpeechVerb("katanya", SpeechRole::kAfter) && lex->FindMonth("mei") != nullptr;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(found.load(), 4000);
}

}  // namespace
}  // namespace warta::text
