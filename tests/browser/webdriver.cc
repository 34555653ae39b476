#include "webdriver.h"

#include <httplib.h>

#include <chrono>
#include <thread>

#include "test_support.h"

namespace warta::testing {

using nlohmann::json;

namespace {
// The W3C name of the key that holds an element reference.
constexpr const char* kElementKey = "element-6066-11e4-a52e-4f735466cecf";
}  // namespace

std::unique_ptr<WebDriver> WebDriver::Start(const BrowserOptions& options, std::string* why) {
  for (const auto& p : {options.chromium, options.chromedriver}) {
    if (!IsExecutable(p)) {
      *why = p.string() + " is not installed (scripts/install-deps --browser installs chromium and chromium-driver)";
      return nullptr;
    }
  }
  std::unique_ptr<WebDriver> d(new WebDriver());
  d->driver_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{options.chromedriver.string(), "--port=0"}, options.log_dir / "chromedriver.log");
  auto port = d->driver_->WaitForPort(R"(started successfully on port (\d+))");
  if (!port) {
    *why = "chromedriver did not start: " + d->driver_->Log();
    return nullptr;
  }
  d->http_ = std::make_unique<httplib::Client>("127.0.0.1", *port);
  d->http_->set_read_timeout(120, 0);
  d->http_->set_connection_timeout(10, 0);

  // The flags the issue names: no sandbox (containers), no GPU, and no
  // traffic of the browser's own (updates, first-run pages).
  json args = {"--headless",
               "--no-sandbox",
               "--disable-gpu",
               "--disable-background-networking",
               "--disable-component-update",
               "--no-first-run",
               "--disable-dev-shm-usage",
               "--window-size=" + std::to_string(options.width) + "," + std::to_string(options.height)};
  json caps = {{"capabilities",
                {{"alwaysMatch",
                  {{"browserName", "chrome"},
                   {"goog:chromeOptions", {{"binary", options.chromium.string()}, {"args", args}}},
                   {"goog:loggingPrefs", {{"browser", "ALL"}}},
                   {"unhandledPromptBehavior", "ignore"}}}}}};
  int status = 0;
  json value;
  try {
    value = d->Command("POST", "/session", caps, &status);
  } catch (const WebDriverError& e) {
    *why = std::string("Chromium would not start a session: ") + e.what();
    return nullptr;
  }
  d->session_ = value.value("sessionId", "");
  if (d->session_.empty()) {
    *why = "chromedriver gave no session: " + value.dump();
    return nullptr;
  }
  return d;
}

WebDriver::~WebDriver() {
  if (!session_.empty() && http_) http_->Delete("/session/" + session_);
}

json WebDriver::Command(const std::string& method, const std::string& path, const json& body, int* http_status) {
  httplib::Result res = method == "GET"      ? http_->Get(path)
                        : method == "DELETE" ? http_->Delete(path)
                                             : http_->Post(path, body.dump(), "application/json");
  if (!res) throw WebDriverError("chromedriver did not answer " + method + " " + path + ": " + httplib::to_string(res.error()));
  if (http_status) *http_status = res->status;
  json reply = json::parse(res->body, nullptr, /*allow_exceptions=*/false);
  if (reply.is_discarded()) throw WebDriverError("chromedriver sent non-JSON for " + path + ": " + res->body);
  json value = reply.contains("value") ? reply["value"] : json();
  if (res->status != 200) {
    std::string what = value.is_object() ? value.value("error", "error") + ": " + value.value("message", "") : res->body;
    throw WebDriverError(method + " " + path + " -> " + std::to_string(res->status) + " " + what);
  }
  return value;
}

void WebDriver::Navigate(const std::string& url) { Command("POST", "/session/" + session_ + "/url", {{"url", url}}); }

json WebDriver::Execute(const std::string& script, const json& args) {
  return Command("POST", "/session/" + session_ + "/execute/sync", {{"script", script}, {"args", args}});
}

bool WebDriver::WaitFor(const std::string& expression, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  const std::string script = "try { return !!(" + expression + "); } catch (e) { return false; }";
  do {
    if (Execute(script).get<bool>()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  } while (std::chrono::steady_clock::now() < deadline);
  return false;
}

std::string WebDriver::Find(const std::string& css) {
  json v = Command("POST", "/session/" + session_ + "/element", {{"using", "css selector"}, {"value", css}});
  return v.at(kElementKey).get<std::string>();
}

void WebDriver::Click(const std::string& element) {
  Command("POST", "/session/" + session_ + "/element/" + element + "/click", json::object());
}

void WebDriver::Type(const std::string& element, const std::string& text) {
  Command("POST", "/session/" + session_ + "/element/" + element + "/clear", json::object());
  Command("POST", "/session/" + session_ + "/element/" + element + "/value", {{"text", text}});
}

std::optional<std::string> WebDriver::AlertText() {
  httplib::Result res = http_->Get("/session/" + session_ + "/alert/text");
  if (!res) throw WebDriverError("chromedriver did not answer the alert query");
  json reply = json::parse(res->body, nullptr, false);
  if (res->status == 200 && reply.is_object()) return reply["value"].is_string() ? reply["value"].get<std::string>() : "";
  if (reply.is_object() && reply["value"].is_object() && reply["value"].value("error", "") == "no such alert")
    return std::nullopt;
  throw WebDriverError("unexpected answer to the alert query: " + res->body);
}

void WebDriver::Screenshot(const std::filesystem::path& png) {
  json v = Command("GET", "/session/" + session_ + "/screenshot", json());
  std::filesystem::create_directories(png.parent_path());
  WriteFile(png, Base64Decode(v.get<std::string>()));
}

std::vector<json> WebDriver::BrowserLog() {
  json v = Command("POST", "/session/" + session_ + "/se/log", {{"type", "browser"}});
  return v.is_array() ? v.get<std::vector<json>>() : std::vector<json>{};
}

std::string Base64Decode(const std::string& in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  out.reserve(in.size() * 3 / 4);
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    int v = value(c);
    if (v < 0) continue;  // padding and line breaks
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

}  // namespace warta::testing
