// A minimal W3C WebDriver client for the browser tests: it starts Debian's
// chromedriver on a free loopback port and drives one headless Chromium
// session over HTTP (cpp-httplib), so the tests need neither node nor
// Selenium.
//
//   std::string why;
//   auto browser = WebDriver::Start(&why);       // nullptr + why when absent
//   browser->Navigate("http://127.0.0.1:8080/#/search?q=banjir");
//   ASSERT_TRUE(browser->WaitFor("document.querySelectorAll('.hit').length > 0"));
//   browser->Screenshot(dir / "search.png");
//
// Protocol errors (no such element, a script that threw, a browser that went
// away) throw WebDriverError: a test that meets one fails with its message.
// Waiting is by polling a condition with a generous bound; nothing measures
// time.
//
// Not thread-safe; one test thread.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "child_process.h"

namespace httplib {
class Client;
}

namespace warta::testing {

struct WebDriverError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct BrowserOptions {
  std::filesystem::path chromium = "/usr/bin/chromium";
  std::filesystem::path chromedriver = "/usr/bin/chromedriver";
  std::filesystem::path log_dir;   // chromedriver's log goes here (required)
  int width = 1280, height = 900;
};

class WebDriver {
 public:
  // Starts chromedriver and opens a session. Returns nullptr and says why in
  // `why` when Chromium or chromedriver is not installed or will not start.
  static std::unique_ptr<WebDriver> Start(const BrowserOptions& options, std::string* why);
  ~WebDriver();
  WebDriver(const WebDriver&) = delete;
  WebDriver& operator=(const WebDriver&) = delete;

  void Navigate(const std::string& url);
  // Runs `script` (a function body; `arguments` holds `args`) in the page and
  // returns what it returned.
  nlohmann::json Execute(const std::string& script, const nlohmann::json& args = nlohmann::json::array());
  // Polls the JavaScript expression until it is truthy (true) or `seconds`
  // pass (false).
  bool WaitFor(const std::string& expression, int seconds = 20);
  // The first element matching `css` (its WebDriver id); throws when none.
  std::string Find(const std::string& css);
  void Click(const std::string& element);
  void Type(const std::string& element, const std::string& text);
  // The text of the open alert/confirm/prompt, or nullopt when none is open.
  std::optional<std::string> AlertText();
  // Writes a PNG of the viewport.
  void Screenshot(const std::filesystem::path& png);
  // Console messages since the last call: [{level, message, timestamp}].
  std::vector<nlohmann::json> BrowserLog();

 private:
  WebDriver() = default;
  nlohmann::json Command(const std::string& method, const std::string& path, const nlohmann::json& body,
                         int* http_status = nullptr);

  std::unique_ptr<ChildProcess> driver_;
  std::unique_ptr<httplib::Client> http_;
  std::string session_;
};

// Decodes standard base64 (WebDriver's screenshots).
std::string Base64Decode(const std::string& in);

}  // namespace warta::testing
