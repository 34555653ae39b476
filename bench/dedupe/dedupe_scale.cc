// dedupe_scale: near-duplicate detection and story clustering at 100k, 300k
// and 1M articles: time and peak RSS.
//
//   build/.../bench/dedupe/dedupe_scale [--corpus DIR] [--sizes 100000,300000,1000000]
//       [--threads 2] [--copy-rate 0.05] [--seed 11] [--series-rate 0.1] [--series-templates 300]
//
// Articles are generated from IndoSum's vocabulary (word frequencies of the
// dev files) with a fixed seed: each belongs to a synthetic story (a handful
// of topic words that recur in its title and sentences) that runs for a few
// days, about 900 articles a day. A share `copy-rate` of them are edited
// copies (CopyGenerator, intensity 0-0.6) of a recent article, so the
// detector's recall and precision on the injected copies are known. A share
// `series-rate` of the others are templated series items (issue 15): one of
// `series-templates` fixed templates (an outlet, a title and 3-5 paragraphs of
// vocabulary words with slots) filled with the day's date and fresh figures,
// as daily price, exchange-rate and weather reports are. Series items are
// never copies of one another, so a copy link between two items of one
// template is counted apart ("series items marked copies").
//
// Each size runs in its own forked child so its peak RSS (getrusage) is its
// own. Timed, in the pipeline's order (pipeline/relations.cc): the copy and
// series signatures (parallel, --threads), then for each article on one
// writer SeriesDetector::Add, DuplicateDetector::AddAndMatch (a copy link
// inside one series vetoed, as the pipeline does) and StoryClusterer::Add
// (with the article's series). Generation is timed apart. Series quality:
// "series items in a series" is the share of template items placed in some
// series, "series mixed" the articles whose series was founded by an item of
// another template (or by an article of no template).
// Times are wall clock; "child CPU s" (user + system of the run, generation
// and both signing threads included) says how much of that was CPU when the
// machine is shared.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "dedupe/duplicates.h"
#include "dedupe/evaluation.h"
#include "dedupe/series.h"
#include "dedupe/stories.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace warta;
using namespace warta::dedupe;

namespace {

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

struct Vocabulary {
  std::vector<std::string> words;       // by descending frequency
  std::vector<uint64_t> cumulative;     // cumulative counts, for sampling
};

Vocabulary LoadVocabulary(const std::string& corpus) {
  std::unordered_map<std::string, uint64_t> counts;
  for (const auto& e : fs::directory_iterator(corpus)) {
    if (e.path().extension() != ".jsonl") continue;
    std::ifstream in(e.path());
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("paragraphs")) continue;
      for (const auto& p : j["paragraphs"])
        for (const auto& s : p)
          for (const auto& w : s) {
            const std::string& t = w.get_ref<const std::string&>();
            if (!t.empty() && std::isalnum(static_cast<unsigned char>(t[0]))) ++counts[t];
          }
    }
  }
  std::vector<std::pair<uint64_t, std::string>> sorted;
  for (auto& [w, n] : counts) sorted.emplace_back(n, w);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  Vocabulary v;
  uint64_t total = 0;
  for (auto& [n, w] : sorted) {
    total += n;
    v.words.push_back(std::move(w));
    v.cumulative.push_back(total);
  }
  return v;
}

// Deterministic article stream.
class Generator {
 public:
  Generator(const Vocabulary& vocab, uint64_t seed, double copy_rate, double series_rate, int series_templates)
      : vocab_(vocab), gen_(seed), copy_rate_(copy_rate), series_rate_(series_rate),
        series_templates_(std::max(1, series_templates)) {}

  struct Next {
    Article article;
    int64_t copy_of_index = -1;   // index in the stream of the article copied
    int series = -1;              // template of a series item, else -1
  };

  Next Make(int64_t index) {
    Next out;
    int64_t day = 17000 + index / 900;  // ~900 articles a day from mid-2016
    if (index > 100 && gen_.Uniform() < copy_rate_) {
      int64_t back = 1 + static_cast<int64_t>(gen_.Below(std::min<uint64_t>(static_cast<uint64_t>(index), kRecent - 1)));
      const Recent& src = recent_[static_cast<size_t>((index - back) % kRecent)];
      GeneratedCopy c = gen_.MakeCopy(src.article, gen_.Uniform() * 0.6, titles_);
      out.article = std::move(c.article);
      out.article.published = Date(day);
      out.copy_of_index = src.index;
    } else if (series_rate_ > 0 && gen_.Uniform() < series_rate_) {
      out.series = static_cast<int>(gen_.Below(static_cast<uint64_t>(series_templates_)));
      out.article = SeriesItem(out.series, day);
    } else {
      // 45 %: a new story; else one of the ~300 most recent stories.
      if (topics_.empty() || gen_.Uniform() < 0.45) {
        std::vector<const std::string*> words;
        for (int i = 0; i < 6; ++i) words.push_back(&vocab_.words[200 + gen_.Below(std::min<uint64_t>(20000, vocab_.words.size() - 200))]);
        topics_.push_back(std::move(words));
        if (topics_.size() > 300) topics_.erase(topics_.begin());
      }
      const auto& topic = topics_[gen_.Below(topics_.size())];
      Article& a = out.article;
      a.published = Date(day);
      a.title = Sentence(topic, 8, 0.5);
      int paragraphs = 5 + static_cast<int>(gen_.Below(6));
      for (int p = 0; p < paragraphs; ++p) {
        std::string para = Sentence(topic, 12 + static_cast<int>(gen_.Below(10)), 0.15) + ". ";
        std::string second = Sentence(topic, 10 + static_cast<int>(gen_.Below(10)), 0.1) + ".";
        second[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(second[0])));
        para += second;
        a.paragraphs.push_back(std::move(para));
      }
      if (titles_.size() < 1000) titles_.push_back(a.title);
    }
    Recent& slot = recent_[static_cast<size_t>(index % kRecent)];
    slot.article = out.article;
    slot.index = index;
    return out;
  }

 private:
  static constexpr uint64_t kRecent = 2000;
  struct Recent {
    Article article;
    int64_t index = 0;
  };
  std::optional<DateTime> Date(int64_t day) {
    return DateTime::FromUnixSeconds(day * 86400 + static_cast<int64_t>(gen_.Below(86400)));
  }
  std::string Sentence(const std::vector<const std::string*>& topic, int words, double topic_share) {
    std::string s;
    for (int i = 0; i < words; ++i) {
      const std::string* w;
      if (gen_.Uniform() < topic_share) {
        w = topic[gen_.Below(topic.size())];
      } else {
        uint64_t r = gen_.Below(vocab_.cumulative.back());
        size_t k = static_cast<size_t>(std::upper_bound(vocab_.cumulative.begin(), vocab_.cumulative.end(), r) -
                                       vocab_.cumulative.begin());
        w = &vocab_.words[k];
      }
      if (!s.empty()) s += ' ';
      s += *w;
    }
    return s;
  }

  // A series template: an outlet, and text pieces between which the figures
  // go (a title, then paragraphs). Made once, the first time it is used.
  struct Template {
    std::string outlet, host;
    std::vector<std::string> title;                  // pieces; the date, then figures, between them
    std::vector<std::vector<std::string>> paragraphs;
  };

  std::string Figure() {
    switch (gen_.Below(3)) {
      case 0: {  // a price: 1.548.000
        uint64_t v = 1000 + gen_.Below(2000000);
        std::string digits = std::to_string(v * 1000), out;
        for (size_t i = 0; i < digits.size(); ++i) {
          if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
          out += digits[i];
        }
        return out;
      }
      case 1:  // a rate or a change: 2.634,1 / 0,21
        return std::to_string(gen_.Below(3000)) + "," + std::to_string(gen_.Below(100));
      default:  // a count or a temperature
        return std::to_string(1 + gen_.Below(400));
    }
  }

  const Template& TemplateOf(int t) {
    if (templates_.size() < static_cast<size_t>(series_templates_)) templates_.resize(static_cast<size_t>(series_templates_));
    Template& tpl = templates_[static_cast<size_t>(t)];
    if (!tpl.paragraphs.empty()) return tpl;
    std::vector<const std::string*> topic;
    for (int i = 0; i < 6; ++i) topic.push_back(&vocab_.words[200 + gen_.Below(std::min<uint64_t>(20000, vocab_.words.size() - 200))]);
    // A few hundred templates from a few dozen outlets, some on sub-domains of one network.
    tpl.outlet = "outlet" + std::to_string(t % 40);
    tpl.host = (t % 3 == 0 ? "ekonomi." : t % 3 == 1 ? "www." : "daerah.") + tpl.outlet + ".example";
    tpl.title = {Sentence(topic, 5, 0.5), Sentence(topic, 2, 0.3), ""};
    int paragraphs = 3 + static_cast<int>(gen_.Below(3));
    for (int p = 0; p < paragraphs; ++p) {
      std::vector<std::string> pieces;
      int slots = 1 + static_cast<int>(gen_.Below(3));
      for (int k = 0; k <= slots; ++k) pieces.push_back(Sentence(topic, 4 + static_cast<int>(gen_.Below(8)), 0.2));
      pieces.back() += ".";
      tpl.paragraphs.push_back(std::move(pieces));
    }
    return tpl;
  }

  Article SeriesItem(int t, int64_t day) {
    const Template& tpl = TemplateOf(t);
    static const char* const kDays[] = {"Kamis", "Jumat", "Sabtu", "Minggu", "Senin", "Selasa", "Rabu"};  // 1970-01-01 was a Thursday
    const DateTime civil = DateTime::FromUnixSeconds(day * 86400);
    const int y = civil.year, m = civil.month, d = civil.day;
    std::string date = std::string(kDays[day % 7]) + " (" + std::to_string(d) + "/" + std::to_string(m) + "/" +
                       std::to_string(y) + ")";
    Article a;
    a.published = Date(day);
    a.outlet = tpl.outlet;
    a.url = "https://" + tpl.host + "/" + std::to_string(y) + "/" + std::to_string(m) + "/" + std::to_string(d) +
            "/seri-" + std::to_string(t);
    a.title = tpl.title[0] + " " + date + " " + tpl.title[1] + " " + Figure();
    for (size_t p = 0; p < tpl.paragraphs.size(); ++p) {
      const auto& pieces = tpl.paragraphs[p];
      std::string text = pieces[0];
      if (p == 0) text += " " + date;
      for (size_t k = 1; k < pieces.size(); ++k) text += " " + Figure() + " " + pieces[k];
      text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
      a.paragraphs.push_back(std::move(text));
    }
    return a;
  }

  const Vocabulary& vocab_;
  CopyGenerator gen_;
  double copy_rate_;
  double series_rate_;
  int series_templates_;
  std::vector<Template> templates_;
  std::vector<std::vector<const std::string*>> topics_;
  std::vector<std::string> titles_;
  std::vector<Recent> recent_ = std::vector<Recent>(kRecent);
};

struct Result {
  double generate = 0, sign = 0, series = 0, match = 0, stories = 0;
  long long injected = 0, found = 0, false_copies = 0, story_count = 0, active_stories = 0;
  long long series_items = 0, series_marked_copies = 0, series_vetoed = 0;
  long long series_placed = 0, series_mixed = 0, series_count = 0;
  long long detector_mb = 0, series_mb = 0, stories_mb = 0;
};

Result Run(const Vocabulary& vocab, int64_t n, int threads, double copy_rate, double series_rate, int series_templates,
           uint64_t seed, const StoryOptions& story_options) {
  Result r;
  Generator gen(vocab, seed, copy_rate, series_rate, series_templates);
  // Template of each series item by seq, to tell a copy link inside one series.
  std::unordered_map<int64_t, int> series_of_seq;
  DuplicateDetector detector;
  SeriesDetector series;
  StoryClusterer stories(story_options);
  // Template of each series id's founder (-1: an article of no template).
  std::unordered_map<int64_t, int> template_of_series;
  const int64_t batch = 8192;
  std::vector<Generator::Next> items;
  std::vector<Signature> sigs;
  std::vector<SeriesSignature> series_sigs;
  for (int64_t start = 0; start < n; start += batch) {
    int64_t end = std::min(n, start + batch);
    auto t0 = Clock::now();
    items.clear();
    for (int64_t i = start; i < end; ++i) items.push_back(gen.Make(i));
    auto t1 = Clock::now();
    sigs.assign(items.size(), {});
    series_sigs.assign(items.size(), {});
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        for (size_t i = static_cast<size_t>(t); i < items.size(); i += static_cast<size_t>(threads)) {
          sigs[i] = detector.Sign(items[i].article);
          series_sigs[i] = series.Sign(items[i].article);
        }
      });
    for (auto& th : pool) th.join();
    auto t2 = Clock::now();
    for (size_t i = 0; i < items.size(); ++i) {
      const int64_t seq = start + static_cast<int64_t>(i) + 1;
      auto a0 = Clock::now();
      const SeriesAssignment in_series = series.Add(seq, series_sigs[i]);
      if (in_series.series_id && in_series.founder_seq) stories.NoteSeries(in_series.founder_seq, in_series.series_id);
      auto a1 = Clock::now();
      MatchResult m = detector.AddAndMatch(seq, sigs[i], items[i].article.published);
      if (m.copy && in_series.series_id &&
          (series.SeriesOf(m.copy->nearest_seq) == in_series.series_id ||
           series.SeriesOf(m.copy->original_seq) == in_series.series_id)) {
        m.copy.reset();
        ++r.series_vetoed;
      }
      std::optional<int64_t> copy_of;
      if (m.copy && m.copy->original_seq != seq) copy_of = m.copy->original_seq;
      auto a2 = Clock::now();
      StoryInput input;
      input.copy_of = copy_of;
      if (in_series.series_id) input.series = in_series.series_id;
      stories.Add(seq, items[i].article, input);
      auto a3 = Clock::now();
      r.series += Seconds(a0, a1);
      r.match += Seconds(a1, a2);
      r.stories += Seconds(a2, a3);

      const int tpl = items[i].series;
      if (in_series.series_id) {
        if (in_series.new_series) template_of_series.emplace(in_series.series_id, tpl);
        const auto founder = template_of_series.find(in_series.series_id);
        if (tpl >= 0) ++r.series_placed;
        if (founder == template_of_series.end() || founder->second != tpl || tpl < 0) ++r.series_mixed;
      }
      if (tpl >= 0) {
        ++r.series_items;
        series_of_seq.emplace(seq, tpl);
      }
      int64_t src = items[i].copy_of_index;
      if (src >= 0) {
        ++r.injected;
        if (m.copy && detector.OriginalOf(seq) == detector.OriginalOf(src + 1)) ++r.found;
      } else if (m.copy) {
        ++r.false_copies;
        auto other = series_of_seq.find(m.copy->nearest_seq);
        if (tpl >= 0 && other != series_of_seq.end() && other->second == tpl) ++r.series_marked_copies;
      }
    }
    r.generate += Seconds(t0, t1);
    r.sign += Seconds(t1, t2);
  }
  r.story_count = static_cast<long long>(stories.story_count());
  r.active_stories = static_cast<long long>(stories.active_story_count());
  r.series_count = static_cast<long long>(series.series_count());
  r.detector_mb = static_cast<long long>(detector.MemoryBytes() >> 20);
  r.series_mb = static_cast<long long>(series.MemoryBytes() >> 20);
  r.stories_mb = static_cast<long long>(stories.MemoryBytes() >> 20);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = "../shared/data/corpus/indosum-dev";
  std::vector<int64_t> sizes = {100000, 300000, 1000000};
  int threads = 2;
  double copy_rate = 0.05, series_rate = 0.1;
  int series_templates = 300;
  uint64_t seed = 11;
  StoryOptions story_options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) {
      std::fprintf(stderr, "usage: dedupe_scale [--corpus DIR] [--sizes N,N,..] [--threads T] [--copy-rate R] [--seed S] "
                           "[--series-rate R] [--series-templates N]\n");
      return 2;
    }
    std::string v = argv[++i];
    if (a == "--corpus") corpus = v;
    else if (a == "--threads") threads = std::max(1, std::stoi(v));
    else if (a == "--copy-rate") copy_rate = std::stod(v);
    else if (a == "--series-rate") series_rate = std::stod(v);
    else if (a == "--series-templates") series_templates = std::stoi(v);
    else if (a == "--seed") seed = std::stoull(v);
    else if (a == "--body-weight") story_options.body_weight = std::stod(v);
    else if (a == "--no-stem") story_options.stem = v != "1";
    else if (a == "--sizes") {
      sizes.clear();
      size_t pos = 0;
      while (pos < v.size()) {
        size_t comma = v.find(',', pos);
        if (comma == std::string::npos) comma = v.size();
        sizes.push_back(std::stoll(v.substr(pos, comma - pos)));
        pos = comma + 1;
      }
    } else {
      std::fprintf(stderr, "dedupe_scale: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (!fs::exists(corpus)) {
    std::fprintf(stderr, "dedupe_scale: no corpus at %s\n", corpus.c_str());
    return 1;
  }
  Vocabulary vocab = LoadVocabulary(corpus);
  std::printf("vocabulary: %zu words from %s; threads %d, copy rate %.3f, series rate %.3f from %d templates, seed %llu\n\n",
              vocab.words.size(), corpus.c_str(), threads, copy_rate, series_rate, series_templates,
              static_cast<unsigned long long>(seed));
  std::printf("| articles | generate s | sign s | series s | match s | stories s | dedupe+stories s | peak RSS MB | "
              "detector MB | series MB | stories MB | injected copies | recall | false copies | series items | "
              "series items in a series | series mixed | series | copy links vetoed in a series | "
              "series items marked copies | stories | active | child CPU s |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  std::fflush(stdout);
  for (int64_t n : sizes) {
    int fd[2];
    if (pipe(fd) != 0) return 1;
    pid_t pid = fork();
    if (pid == 0) {
      close(fd[0]);
      Result r = Run(vocab, n, threads, copy_rate, series_rate, series_templates, seed, story_options);
      if (write(fd[1], &r, sizeof r) != static_cast<ssize_t>(sizeof r)) _exit(1);
      _exit(0);
    }
    close(fd[1]);
    Result r;
    ssize_t got = read(fd[0], &r, sizeof r);
    close(fd[0]);
    int status = 0;
    struct rusage ru {};
    wait4(pid, &status, 0, &ru);
    if (got != static_cast<ssize_t>(sizeof r)) {
      std::fprintf(stderr, "dedupe_scale: run of %lld failed (status %d)\n", static_cast<long long>(n), status);
      return 1;
    }
    // Peak RSS includes the vocabulary inherited from the parent (~10 MB).
    double cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                 static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    std::printf("| %lld | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %ld | %lld | %lld | %lld | %lld | %.4f | %lld | %lld | "
                "%.4f | %lld | %lld | %lld | %lld | %lld | %lld | %.1f |\n",
                static_cast<long long>(n), r.generate, r.sign, r.series, r.match, r.stories,
                r.sign + r.series + r.match + r.stories, ru.ru_maxrss / 1024, r.detector_mb, r.series_mb, r.stories_mb,
                r.injected, r.injected ? static_cast<double>(r.found) / static_cast<double>(r.injected) : 1.0,
                r.false_copies, r.series_items,
                r.series_items ? static_cast<double>(r.series_placed) / static_cast<double>(r.series_items) : 1.0,
                r.series_mixed, r.series_count, r.series_vetoed, r.series_marked_copies, r.story_count,
                r.active_stories, cpu);
    std::fflush(stdout);
  }
  return 0;
}
