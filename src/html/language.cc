// Language decision (see internal.h): the page's declaration, checked by cld2.
#include <cstdio>  // cld2's header needs it first
#include <cld2/public/compact_lang_det.h>

#include <string>
#include <string_view>

#include "html/internal.h"

namespace CLD2 {
const char* LanguageCode(Language lang);  // lang_script.h, not in the public headers
}

namespace warta::html::internal {
namespace {

std::string Primary(std::string_view tag) {
  std::string l = Lower(CollapseSpace(tag));
  size_t cut = l.find_first_of("-_");
  if (cut != std::string::npos) l.resize(cut);
  if (l == "in") l = "id";  // the withdrawn ISO 639 code still seen on the web
  if (l.size() < 2 || l.size() > 3) return "";
  for (char c : l) {
    if (c < 'a' || c > 'z') return "";
  }
  return l;
}

int CountWords(std::string_view text, std::initializer_list<std::string_view> words) {
  int n = 0;
  std::string l = Lower(text);
  for (std::string_view w : words) {
    size_t from = 0;
    while ((from = l.find(w, from)) != std::string::npos) {
      bool left = from == 0 || !std::isalpha(static_cast<unsigned char>(l[from - 1]));
      size_t end = from + w.size();
      bool right = end >= l.size() || !std::isalpha(static_cast<unsigned char>(l[end]));
      if (left && right) ++n;
      from = end;
    }
  }
  return n;
}

// cld2 tells Indonesian from Malay by vocabulary too, but news text shares
// most of it; words only one of the two standards uses settle it.
std::string IdOrMs(std::string_view text, std::string_view guess) {
  int id = CountWords(text, {"karena", "bisa", "sudah", "saja", "tetapi", "kemarin", "nggak",
                             "enggak", "mengatakan", "sementara"});
  int ms = CountWords(text, {"kerana", "boleh", "sahaja", "iaitu", "semalam", "beliau",
                             "kerajaan", "selepas", "bagaimanapun"});
  if (id > ms) return "id";
  if (ms > id) return "ms";
  return std::string(guess);
}

// Function words that make up a fifth or more of any running text in the
// language: a declaration they confirm needs no statistical detection.
// Indonesian and Malay share them (and DecideLanguage keeps either
// declaration against the other anyway).
constexpr std::string_view kIdWords[] = {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam",
                                         "tidak", "akan", "pada", "ke", "juga", "ada", "oleh", "sebagai", "atau",
                                         "telah", "mereka", "karena", "kerana", "bahwa", "bahawa", "saat"};
constexpr std::string_view kEnWords[] = {"the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on",
                                         "with", "as", "by", "at", "from", "he", "be", "are", "this", "have",
                                         "has", "an", "not", "but", "said", "they", "his", "were", "which"};

bool ConfirmedByFunctionWords(std::string_view decl, std::string_view sample) {
  const std::string_view* words = nullptr;
  size_t count = 0;
  if (decl == "id" || decl == "ms") {
    words = kIdWords;
    count = std::size(kIdWords);
  } else if (decl == "en") {
    words = kEnWords;
    count = std::size(kEnWords);
  } else {
    return false;
  }
  int tokens = 0, hits = 0;
  char buf[16];
  size_t len = 0;
  bool long_word = false;
  auto end_word = [&] {
    if (len > 0 || long_word) {
      ++tokens;
      if (!long_word) {
        const std::string_view w(buf, len);
        for (size_t k = 0; k < count; ++k) {
          if (w == words[k]) {
            ++hits;
            break;
          }
        }
      }
    }
    len = 0;
    long_word = false;
  };
  for (char c : sample) {
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper || (c >= 'a' && c <= 'z')) {
      if (len < sizeof buf) buf[len++] = upper ? static_cast<char>(c - 'A' + 'a') : c;
      else long_word = true;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      long_word = true;  // not ASCII: never a function word of these languages
    } else {
      end_word();
    }
  }
  end_word();
  return tokens >= 40 && hits * 5 >= tokens;
}

}  // namespace

std::string DecideLanguage(std::string_view declared, std::string_view text, bool detect) {
  std::string decl = Primary(declared);
  if (!detect || text.size() < 40) return decl;
  std::string_view sample = text.substr(0, kLanguageSampleBytes);
  // Never cut a UTF-8 sequence.
  while (!sample.empty() && sample.size() < text.size() &&
         (static_cast<unsigned char>(text[sample.size()]) & 0xC0) == 0x80)
    sample.remove_suffix(1);
  if (ConfirmedByFunctionWords(decl, sample)) return decl;
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(sample.data(), static_cast<int>(sample.size()),
                                             /*is_plain_text=*/true, &reliable);
  std::string code = lang == CLD2::UNKNOWN_LANGUAGE ? "" : CLD2::LanguageCode(lang);
  if (code == "id" || code == "ms") code = IdOrMs(sample, code);
  if (decl.empty()) return reliable ? code : "";
  if (reliable && !code.empty() && code != decl) {
    // Indonesian and Malay are close enough that cld2 alone does not overrule
    // a declaration of either.
    if ((decl == "id" || decl == "ms") && (code == "id" || code == "ms")) return decl;
    return code;
  }
  return decl;
}

}  // namespace warta::html::internal
