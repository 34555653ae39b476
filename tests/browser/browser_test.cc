// End-to-end tests of the web page in Debian's headless Chromium, driven
// over WebDriver: a real `warta serve` on a free loopback port over a store
// ingested from data/articles.jsonl (invented articles: a deployment followed
// over three weeks with figures from three claimants, an edited syndicated
// copy, an unrelated story, and one article whose title, outlet, URL and
// text are hostile markup) and src/dedupe/testdata/series.jsonl (recurring
// reports: daily gold prices, exchange rates, match reports).
//
// Screenshots go to <build>/browser-screenshots/. Without chromium and
// chromium-driver (scripts/install-deps --browser; $WARTA_CHROMIUM and
// $WARTA_CHROMEDRIVER name other paths) the browser tests skip and say so;
// the static-asset tests need only the server. Views whose data comes from
// analysers (claims, dated events) are checked when the fixture store holds
// such data and skip, naming what is missing, when it does not.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>

#include "child_process.h"
#include "cli_runner.h"
#include "test_support.h"
#include "webdriver.h"

namespace warta::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// One store and one server for every test in this process.
class Served {
 public:
  static Served& Get() {
    static Served served;
    return served;
  }
  bool ok() const { return port_ > 0; }
  int port() const { return port_; }
  const std::string& why() const { return why_; }
  std::string Url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

  // GET on the API; `status` gets the HTTP status.
  json Api(const std::string& path, int* status = nullptr) {
    httplib::Client c("127.0.0.1", port_);
    auto res = c.Get(path);
    if (status) *status = res ? res->status : -1;
    if (!res) return json();
    return json::parse(res->body, nullptr, false);
  }
  // Success when the server knows the endpoint (an unknown path says "no
  // such endpoint"). Every route the page uses exists: a missing one is a
  // regression and fails the test rather than skipping it.
  ::testing::AssertionResult Has(const std::string& path) {
    int status = 0;
    json body = Api(path, &status);
    if (status == 404 && body.is_object() &&
        body["error"].value("message", "").find("no such endpoint") != std::string::npos)
      return ::testing::AssertionFailure() << "the server has no " << path;
    return ::testing::AssertionSuccess();
  }

  fs::path logs() const { return dir_.path(); }

 private:
  Served() {
    const fs::path db = dir_ / "db";
    // Plus the recurring reports the series view shows (issue 15).
    auto ingest = RunWarta({"--db", db.string(), "ingest", (SourceDir() / "tests/browser/data/articles.jsonl").string(),
                            (SourceDir() / "src/dedupe/testdata/series.jsonl").string()});
    if (ingest.exit_code != 0) {
      why_ = "ingest failed: " + ingest.err;
      return;
    }
    serve_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{WartaBinary(), "--db", db.string(), "serve", "--port", "0"}, dir_ / "serve.log");
    auto port = serve_->WaitForPort(R"(http://127\.0\.0\.1:(\d+)/)");
    if (!port) {
      why_ = "warta serve did not start: " + serve_->Log();
      return;
    }
    port_ = *port;
  }

  TempDir dir_;
  std::unique_ptr<ChildProcess> serve_;
  std::string why_;
  int port_ = 0;
};

// Sends `request` as raw bytes (no client-side path normalisation) and
// returns the whole response.
std::string RawHttp(int port, const std::string& request) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string out;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
    char buf[4096];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

// ------------------------------------------------------------ static assets

TEST(StaticAssets, VendorBundleIsServedWithTheContentSecurityPolicy) {
  Served& s = Served::Get();
  ASSERT_TRUE(s.ok()) << s.why();
  httplib::Client c("127.0.0.1", s.port());
  for (const auto& [path, type] : std::vector<std::pair<std::string, std::string>>{
           {"/", "text/html"}, {"/app.js", "text/javascript"}, {"/app.css", "text/css"},
           {"/vendor/vendor.js", "text/javascript"}, {"/vendor/vendor.css", "text/css"}}) {
    auto res = c.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_EQ(res->get_header_value("Content-Type").rfind(type, 0), 0u) << path;
    EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos) << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
  }
  // The bundle is the one the page expects: it defines window.WartaVendor.
  EXPECT_NE(c.Get("/vendor/vendor.js")->body.find("WartaVendor"), std::string::npos);
}

TEST(StaticAssets, NoPathReachesTheFileSystem) {
  Served& s = Served::Get();
  ASSERT_TRUE(s.ok()) << s.why();
  const int port = s.port();
  for (const std::string target :
       {"/../../../../../../etc/passwd", "/vendor/../../../../etc/passwd", "/vendor/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/vendor/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/app.js/../../../etc/passwd", "/vendor//etc/passwd",
        "/vendor/..\\..\\..\\etc\\passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/vendor/vendor.js%00.png",
        "/vendor/LICENSES.txt", "/web/app.js", "/src/server/web/app.js", "//etc/passwd"}) {
    std::string reply = RawHttp(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    ASSERT_FALSE(reply.empty()) << target;
    EXPECT_TRUE(reply.rfind("HTTP/1.1 404", 0) == 0 || reply.rfind("HTTP/1.1 400", 0) == 0)
        << target << " -> " << reply.substr(0, reply.find("\r\n"));
    EXPECT_EQ(reply.find("root:"), std::string::npos) << target;
    EXPECT_EQ(reply.find("'use strict'"), std::string::npos) << target;
  }
}

// ------------------------------------------------------------ the browser

class Browser : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Served& s = Served::Get();
    if (!s.ok()) return;
    // $WARTA_CHROMIUM and $WARTA_CHROMEDRIVER point at other installs.
    BrowserOptions options{.log_dir = s.logs()};
    if (const char* p = std::getenv("WARTA_CHROMIUM")) options.chromium = p;
    if (const char* p = std::getenv("WARTA_CHROMEDRIVER")) options.chromedriver = p;
    std::string why;
    driver_ = WebDriver::Start(options, &why).release();
    why_ = why;
  }
  static void TearDownTestSuite() {
    delete driver_;
    driver_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(Served::Get().ok()) << Served::Get().why();
    if (!driver_) GTEST_SKIP() << "no headless browser: " << why_;
    driver_->BrowserLog();  // start each test with an empty console
  }

  WebDriver& b() { return *driver_; }
  Served& s() { return Served::Get(); }

  // Opens a hash route and waits until the view has drawn something.
  void Open(const std::string& hash) {
    // A hash-only navigation keeps the document: clear the old view's
    // "finished" mark first so the wait below sees the new view.
    b().Execute("const v = document.getElementById('view'); if (v) v.removeAttribute('aria-busy');");
    b().Navigate(s().Url("/" + hash));
    ASSERT_TRUE(b().WaitFor("document.getElementById('view').getAttribute('aria-busy') === 'false' && "
                            "document.getElementById('view').childElementCount > 0"))
        << hash << " never finished drawing";
  }

  std::string ViewText() { return b().Execute("return document.getElementById('view').textContent;").get<std::string>(); }
  int Count(const std::string& css) {
    return b().Execute("return document.querySelectorAll(arguments[0]).length;", {css}).get<int>();
  }

  void Shot(const std::string& name) {
    const fs::path png = BinaryDir() / "browser-screenshots" / (name + ".png");
    b().Screenshot(png);
    ASSERT_GT(fs::file_size(png), 1000u) << png;
  }

  // No script error, CSP violation or failed load was logged on the page.
  void ExpectCleanConsole() {
    for (const json& entry : b().BrowserLog())
      if (entry.value("level", "") == "SEVERE") ADD_FAILURE() << "console: " << entry.value("message", "");
  }

  // No alert is open and no hostile handler left its mark.
  void ExpectNothingRan() {
    EXPECT_EQ(b().AlertText(), std::nullopt) << "an alert opened: hostile text ran as script";
    EXPECT_TRUE(b().Execute("return document.body.dataset.pwned === undefined;").get<bool>())
        << "an onerror handler from article text ran";
  }

  static WebDriver* driver_;
  static std::string why_;
};

WebDriver* Browser::driver_ = nullptr;
std::string Browser::why_;

TEST_F(Browser, SearchFromTheFormShowsMarkedSnippetsAndFilters) {
  Open("#/");
  const std::string q = b().Find("#q");
  b().Type(q, "tentara");
  // The front page's own hits (every article, nothing marked) stay until the
  // search answers: clear the view's "finished" mark, as Open does, so the
  // wait sees the search's hits and not those.
  b().Execute("document.getElementById('view').removeAttribute('aria-busy');");
  b().Click(b().Find("#search-form button[type=submit]"));
  ASSERT_TRUE(b().WaitFor("location.hash.startsWith('#/search?q=tentara') && "
                          "document.getElementById('view').getAttribute('aria-busy') === 'false' && "
                          "document.querySelectorAll('.hit').length > 0"))
      << ViewText();
  EXPECT_GE(Count(".hit"), 3);
  EXPECT_GT(Count(".hit mark"), 0) << "no highlighted match in the snippets";
  EXPECT_TRUE(b().Execute("return [...document.querySelectorAll('.hit mark')].every(m => /tentara/i.test(m.textContent));")
                  .get<bool>());
  Shot("01-search");

  // A filter narrows the hits, and the form shows it.
  Open("#/search?q=tentara&outlet=Warta%20Timur");
  ASSERT_GT(Count(".hit"), 0) << ViewText();
  EXPECT_TRUE(b().Execute("return [...document.querySelectorAll('.hit .meta')].every(m => m.textContent.startsWith('Warta Timur'));")
                  .get<bool>())
      << ViewText();
  EXPECT_EQ(b().Execute("return document.getElementById('outlet').value;").get<std::string>(), "Warta Timur");
  Open("#/search?q=tentara&from=2025-03-10");
  ASSERT_GT(Count(".hit"), 0) << ViewText();
  EXPECT_TRUE(b().Execute("return [...document.querySelectorAll('.hit .meta')].every(m => m.textContent.split(' · ')[1] >= '2025-03-10');")
                  .get<bool>())
      << ViewText();
  ExpectCleanConsole();
}

TEST_F(Browser, ArticleMarksItsTextAndShowsTheRemovedDebris) {
  Open("#/search?q=%22Pemantau%20Hak%20Sipil%22");
  ASSERT_GT(Count(".hit h2 a"), 0) << ViewText();
  b().Click(b().Find(".hit h2 a"));
  ASSERT_TRUE(b().WaitFor("location.hash.startsWith('#/article/') && document.getElementById('article-title')"));
  const std::string id = b().Execute("return location.hash.slice(10);").get<std::string>();
  const json a = s().Api("/api/articles/" + id);
  ASSERT_TRUE(a.is_object() && a.contains("text")) << a.dump();

  // Every annotation the store holds is a marked span of its layer.
  EXPECT_EQ(Count("#article-text .mk.PERSON, #article-text .mk.ORGANISATION, #article-text .mk.LOCATION") > 0,
            !a["entities"].empty());
  EXPECT_EQ(Count("#article-text .mk.tmx") > 0, !a["timexes"].empty());
  EXPECT_EQ(Count("#article-text .mk.quote") > 0, !a["quotes"].empty());
  EXPECT_EQ(Count("#article-text .mk.claim") > 0, !a["claims"].empty());
  EXPECT_FALSE(a["entities"].empty()) << "the fixture names people, organisations and places";
  EXPECT_EQ(Count("#legend input[type=checkbox]"), 7);
  // The marked text is the stored text, paragraph by paragraph.
  std::string shown = b().Execute("return [...document.querySelectorAll('#article-text p')].map(p => p.textContent).join('\\n');")
                          .get<std::string>();
  EXPECT_EQ(shown, a["text"].get<std::string>());

  Shot("02-article");

  // A layer can be hidden from the legend.
  b().Click(b().Find("#legend label.PERSON input"));
  EXPECT_TRUE(b().Execute("return document.getElementById('article-text').classList.contains('hide-PERSON');").get<bool>());

  // The removed debris is there, folded, and opens.
  ASSERT_FALSE(a["removed"].empty()) << "the fixture has a 'Baca juga' line";
  EXPECT_FALSE(b().Execute("return document.getElementById('removed').open;").get<bool>());
  b().Click(b().Find("#removed summary"));
  EXPECT_TRUE(b().Execute("return document.getElementById('removed').open;").get<bool>());
  EXPECT_EQ(Count("#removed tbody tr"), static_cast<int>(a["removed"].size()));
  EXPECT_NE(ViewText().find(a["removed"][0]["text"].get<std::string>()), std::string::npos);

  Shot("02-article-debris");

  // Relations, when the server gives them.
  if (a.contains("story_id") && !a["story_id"].is_null()) {
    EXPECT_EQ(Count("#story-link"), 1);
  }
  ExpectCleanConsole();
}

TEST_F(Browser, HostileArticleTextStaysText) {
  Open("#/search?q=keamanan%20halaman");
  ASSERT_GT(Count(".hit"), 0) << ViewText();
  ExpectNothingRan();
  EXPECT_NE(ViewText().find("<script>alert(1)</script>"), std::string::npos) << "the title is shown as text";
  Shot("03-hostile-search");

  b().Click(b().Find(".hit h2 a"));
  ASSERT_TRUE(b().WaitFor("document.getElementById('article-title')"));
  b().Click(b().Find("#removed summary"));
  ExpectNothingRan();
  const std::string text = ViewText();
  EXPECT_NE(text.find("<script>alert(1)</script>"), std::string::npos) << text;
  EXPECT_NE(text.find("onerror="), std::string::npos) << text;
  EXPECT_NE(text.find("<b>Tebal</b>"), std::string::npos) << "the outlet is text too";
  // Nothing from the article became an element.
  EXPECT_EQ(Count("#view script, #view img, #view iframe, #view svg, #view b, #view u"), 0);
  EXPECT_EQ(Count("#view [onerror], #view [onload]"), 0);
  // No link from stored data may run script.
  EXPECT_EQ(Count("#view a[href^='javascript:' i]"), 0);
  EXPECT_NE(text.find("javascript:alert(3)"), std::string::npos) << "the URL is shown, as text";
  Shot("03-hostile-article");

  ExpectCleanConsole();

  // The quoted markup stays text in the quote list too.
  ASSERT_TRUE(s().Has("/api/quotes"));
  Open("#/quotes?q=svg");
  ExpectNothingRan();
  EXPECT_EQ(Count("#view svg, #view script"), 0);
  ExpectCleanConsole();
}

// An entity the fixture makes certain: the claimant who speaks in three articles.
std::string FindEntity(Served& s, const std::string& name) {
  json found = s.Api("/api/entities?name=" + httplib::detail::encode_query_param(name) + "&limit=5");
  if (!found.is_object() || found["items"].empty()) return "";
  return found["items"][0]["id"].get<std::string>();
}

TEST_F(Browser, EntityPageShowsAliasesRolesTimelineAndQuotes) {
  const std::string id = FindEntity(s(), "Bima Prasetyo");
  ASSERT_FALSE(id.empty()) << "the entity analyser found no 'Bima Prasetyo' in the fixture";
  const json e = s().Api("/api/entities/" + id);
  Open("#/entity/" + httplib::detail::encode_query_param(id));
  EXPECT_EQ(b().Execute("return document.getElementById('entity-name').textContent;").get<std::string>(),
            e["canonical"].get<std::string>());
  EXPECT_EQ(Count("#aliases span"), static_cast<int>(e["aliases"].size()));
  EXPECT_EQ(Count("#cooccurring tbody tr"), static_cast<int>(e["cooccurring"].size()));
  if (e.contains("roles")) {
    EXPECT_EQ(Count("#roles tbody tr"), static_cast<int>(e["roles"].size()));
  }
  if (e.contains("quotes")) {
    EXPECT_EQ(Count("#entity-quotes blockquote"), static_cast<int>(e["quotes"].size()));
  }
  Shot("04-entity");
  ASSERT_TRUE(e.contains("timeline")) << "the server's /api/entities/{id} has no timeline";

  int dated = 0, drawn = 0;
  auto calendar = [](const std::string& v) { return v.size() >= 4 && isdigit(static_cast<unsigned char>(v[0])); };
  for (const json& ev : e["timeline"]) {
    dated += calendar(ev.value("date", ""));
    // An undated event is drawn at the day it was reported (issue 18).
    const std::string at = ev.value("date", "").empty() && ev.contains("reported") && ev["reported"].is_string()
                               ? ev["reported"].get<std::string>()
                               : ev.value("date", "");
    drawn += calendar(at);
  }
  // The fixture dates an event of this entity: none is an analyser regression.
  ASSERT_GT(dated, 0) << "no dated event for " << e["canonical"] << " (events analyser)";
  // A box item is drawn as a box, a line and a dot: count and click boxes.
  ASSERT_TRUE(b().WaitFor("document.querySelectorAll('#entity-timeline .vis-item.vis-box').length > 0 && "
                          "getComputedStyle(document.querySelector('#entity-timeline .vis-item.vis-box')).visibility "
                          "=== 'visible'"))
      << "the vis-timeline was not drawn, or stayed hidden";
  EXPECT_EQ(Count("#entity-timeline .vis-item.vis-box"), drawn);
  // Selecting an item highlights its row. (vis-timeline selects on a
  // pointer tap, which a WebDriver click on the box's content delivers once
  // the timeline is in view.)
  b().Execute("document.getElementById('entity-timeline').scrollIntoView({block: 'center'});");
  Shot("04-entity-timeline");
  b().Click(b().Find("#entity-timeline .vis-item.vis-box .vis-item-content"));
  EXPECT_TRUE(b().WaitFor("document.querySelectorAll('.events tr.selected').length === 1"));
  Shot("04-entity-timeline");
  // The control lists what was planned, hoped or denied too, marked.
  int status = 0;
  const json every =
      s().Api("/api/events?modality=all&limit=100&entity=" + httplib::detail::encode_query_param(id), &status);
  ASSERT_EQ(status, 200) << every.dump();
  int marked = 0, drawn_all = 0, marked_drawn = 0;
  for (const json& ev : every["items"]) {
    marked += ev.value("modality", "happened") != "happened";
    const std::string at = ev.value("date", "").empty() && ev.contains("reported") && ev["reported"].is_string()
                               ? ev["reported"].get<std::string>()
                               : ev.value("date", "");
    drawn_all += calendar(at);
    marked_drawn += calendar(at) && ev.value("modality", "happened") != "happened";
  }
  b().Click(b().Find("#entity-timeline-all"));
  EXPECT_TRUE(b().WaitFor("document.querySelectorAll('.events tbody tr').length === " +
                          std::to_string(every["items"].size())))
      << "the modality control did not list " << every["items"].size() << " events";
  EXPECT_EQ(Count(".events tr.not-happened"), marked);
  EXPECT_TRUE(b().WaitFor("document.querySelectorAll('#entity-timeline .vis-item.vis-box').length === " +
                          std::to_string(drawn_all)))
      << "the chart was not redrawn with " << drawn_all << " items";
  EXPECT_EQ(Count("#entity-timeline .vis-item.vis-box.not-happened"), marked_drawn);
  Shot("04-entity-timeline-all");
  ExpectNothingRan();
  ExpectCleanConsole();
}

TEST_F(Browser, ClaimTrackerChartsFiguresByClaimant) {
  ASSERT_TRUE(s().Has("/api/claims"));
  const json page = s().Api("/api/claims?about=tentara&limit=100");
  ASSERT_TRUE(page.is_object() && page.contains("items")) << page.dump();
  Open("#/claims?about=tentara");
  ASSERT_FALSE(page["items"].empty()) << "no claim about 'tentara' in the fixture store (claims analyser)";

  std::set<std::string> claimants;
  for (const json& c : page["items"]) claimants.insert(c.value("claimant", "").empty() ? "(tanpa sumber)" : c.value("claimant", ""));
  ASSERT_TRUE(b().WaitFor("window.WartaVendor && WartaVendor.Chart.getChart('claim-chart-canvas')")) << ViewText();
  // One series (one colour) per claimant, and every figure in the table.
  json series = b().Execute(
      "const c = WartaVendor.Chart.getChart('claim-chart-canvas');"
      "return c.data.datasets.map(d => ({label: d.label, colour: d.borderColor, points: d.data.length}));");
  std::set<std::string> labels, colours;
  for (const json& d : series) {
    labels.insert(d["label"].get<std::string>());
    colours.insert(d["colour"].get<std::string>());
  }
  EXPECT_EQ(labels, claimants);
  EXPECT_EQ(colours.size(), labels.size());
  EXPECT_EQ(Count("#claims-table tbody tr"), static_cast<int>(page["items"].size()));
  Shot("05-claims");
  ExpectNothingRan();
  ExpectCleanConsole();
}

TEST_F(Browser, SeriesViewChartsItsFiguresOverTimeOneUnitAtATime) {
  ASSERT_TRUE(s().Has("/api/series"));
  const json list = s().Api("/api/series?limit=100");
  ASSERT_TRUE(list.is_object() && !list["items"].empty()) << list.dump();
  Open("#/series");
  EXPECT_EQ(Count(".story"), static_cast<int>(list["items"].size()));
  int64_t gold = 0;
  for (const json& x : list["items"])
    if (x["name"] == "Harga Emas Antam Hari Ini") gold = x["id"].get<int64_t>();
  ASSERT_NE(gold, 0) << list.dump();
  const json series = s().Api("/api/series/" + std::to_string(gold));
  ASSERT_FALSE(series["figures"].empty()) << "no figures in the gold reports (claims analyser)";
  Open("#/series/" + std::to_string(gold));
  EXPECT_EQ(b().Execute("return document.getElementById('series-name').textContent;").get<std::string>(),
            "Harga Emas Antam Hari Ini");
  EXPECT_EQ(Count("#series-articles li"), 10);
  EXPECT_EQ(Count("#series-figures tbody tr"), static_cast<int>(series["figures"].size()));
  ASSERT_TRUE(b().WaitFor("window.WartaVendor && WartaVendor.Chart.getChart('series-chart-canvas')")) << ViewText();
  // The price per gram by default: in every item, and it changes.
  auto charted = [&] {
    return b().Execute(
        "const c = WartaVendor.Chart.getChart('series-chart-canvas');"
        "return c.data.datasets.map(d => ({label: d.label, points: d.data.length}));");
  };
  json datasets = charted();
  ASSERT_EQ(datasets.size(), 1u) << datasets.dump();
  const std::string unit = datasets[0]["label"];
  size_t of_unit = 0;
  for (const json& f : series["figures"]) of_unit += f["unit"] == unit;
  EXPECT_EQ(datasets[0]["points"].get<size_t>(), of_unit);
  EXPECT_GE(of_unit, 10u) << unit;
  Shot("08-series");
  // Another unit, from its link.
  b().Click(b().Find("#series-units a:not(.current)"));
  ASSERT_TRUE(b().WaitFor("location.hash.includes('unit=') && WartaVendor.Chart.getChart('series-chart-canvas')"));
  datasets = charted();
  ASSERT_EQ(datasets.size(), 1u);
  EXPECT_NE(datasets[0]["label"], unit);
  // An item's page names its series.
  Open("#/article/" + series["articles"][0]["id"].get<std::string>());
  EXPECT_EQ(Count("#series-link a"), 1);
  ExpectNothingRan();
  ExpectCleanConsole();
}

TEST_F(Browser, StoryViewNestsCopiesAndDrawsItsTimeline) {
  ASSERT_TRUE(s().Has("/api/stories"));
  const json stories = s().Api("/api/stories?limit=100");
  ASSERT_TRUE(stories.is_object() && !stories["items"].empty()) << stories.dump();
  json biggest = stories["items"][0];
  for (const json& st : stories["items"])
    if (st["article_count"].get<int>() > biggest["article_count"].get<int>()) biggest = st;
  // The page lists stories 20 at a time (app.js storiesView), newest first
  // as the API does.
  Open("#/stories");
  const json first_page = s().Api("/api/stories?limit=20");
  EXPECT_EQ(Count(".story"), static_cast<int>(first_page["items"].size()));
  const json story = s().Api("/api/stories/" + std::to_string(biggest["id"].get<int64_t>()));
  Open("#/story/" + std::to_string(biggest["id"].get<int64_t>()));
  EXPECT_EQ(b().Execute("return document.getElementById('story-headline').textContent;").get<std::string>(),
            story["headline"].get<std::string>());
  size_t copies = 0;
  for (const json& a : story["articles"]) copies += a["copies"].size();
  EXPECT_EQ(Count("#story-articles > li"), static_cast<int>(story["articles"].size()));
  EXPECT_EQ(Count("#story-articles .copies > li"), static_cast<int>(copies));
  if (!story["events"].empty()) {
    EXPECT_TRUE(b().WaitFor("document.querySelectorAll('#story-timeline .vis-item, #story-timeline p').length > 0"));
  }
  Shot("06-story");

  // A copy's article page names its original, and the original lists it.
  if (copies > 0) {
    b().Click(b().Find("#story-articles .copies a"));
    ASSERT_TRUE(b().WaitFor("document.getElementById('copy-of')")) << ViewText();
    b().Click(b().Find("#copy-of a"));
    ASSERT_TRUE(b().WaitFor("document.getElementById('copies')")) << ViewText();
    EXPECT_EQ(Count("#copies li"), static_cast<int>(story["articles"][0]["copies"].size()));
  }
  ExpectCleanConsole();
}

TEST_F(Browser, GraphDrawsTheTopEntities) {
  ASSERT_TRUE(s().Has("/api/graph"));
  const json g = s().Api("/api/graph?top=40");
  Open("#/graph");
  ASSERT_FALSE(g["nodes"].empty()) << "no entities in the fixture store";
  ASSERT_TRUE(b().WaitFor("document.querySelectorAll('#graph canvas').length > 0")) << ViewText();
  EXPECT_NE(ViewText().find(std::to_string(g["nodes"].size()) + " entitas"), std::string::npos);
  Shot("07-graph");
  ExpectCleanConsole();
}

TEST_F(Browser, UnknownArticleSaysSo) {
  Open("#/article/ffffffffffff");
  EXPECT_EQ(Count("#error"), 1);
  EXPECT_NE(ViewText().find("Gagal"), std::string::npos);
}

}  // namespace
}  // namespace warta::testing
