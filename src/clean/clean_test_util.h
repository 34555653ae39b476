// Helpers shared by the clean stage's tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "clean/cleaner.h"

namespace warta::clean::testing {

// One Cleaner with the built-in rules for all tests (Create compiles every
// rule, so tests share it; Clean is const and thread-safe).
inline const Cleaner& BuiltinCleaner() {
  static const std::unique_ptr<Cleaner> cleaner = [] {
    auto c = Cleaner::Create({});
    if (!c.ok()) {
      ADD_FAILURE() << c.status().ToString();
      std::abort();
    }
    return std::move(c).value();
  }();
  return *cleaner;
}

inline RawDocument TextDoc(std::string text) {
  RawDocument doc;
  doc.source = "test.txt";
  doc.text = std::move(text);
  return doc;
}

inline Article MustClean(const RawDocument& doc, const Cleaner& cleaner = BuiltinCleaner()) {
  StatusOr<Article> a = cleaner.Clean(doc);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? std::move(a).value() : Article{};
}

inline Article MustCleanText(const std::string& text) { return MustClean(TextDoc(text)); }

// The reason recorded for removed text equal to `text`, or "" when none.
inline std::string ReasonFor(const Article& a, const std::string& text) {
  for (const RemovedLine& r : a.removed)
    if (r.text == text) return r.reason;
  return "";
}

inline bool HasParagraph(const Article& a, const std::string& p) {
  return std::find(a.paragraphs.begin(), a.paragraphs.end(), p) != a.paragraphs.end();
}

inline std::vector<std::string> Reasons(const Article& a) {
  std::vector<std::string> out;
  for (const RemovedLine& r : a.removed) out.push_back(r.reason);
  return out;
}

// Two body paragraphs to surround a line under test, so that the line is
// neither the first (a title candidate) nor the last of the text.
constexpr const char* kBodyA =
    "Pemerintah Kabupaten Sleman meresmikan pasar tradisional baru di Kecamatan Depok pada Rabu pagi.";
constexpr const char* kBodyB =
    "Bupati mengatakan pasar itu dibangun dengan dana daerah senilai Rp 12 miliar selama dua tahun.";
constexpr const char* kBodyC =
    "Para pedagang menyambut baik pembangunan tersebut karena los lama sudah rusak dan sering bocor.";

inline std::string Surround(const std::string& line) {
  return std::string(kBodyA) + "\n" + kBodyB + "\n" + line + "\n" + kBodyC + "\n" + kBodyA + " Lagi.\n" +
         kBodyB + " Lagi.\n";
}

}  // namespace warta::clean::testing
