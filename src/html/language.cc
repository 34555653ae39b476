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

}  // namespace

std::string DecideLanguage(std::string_view declared, std::string_view text, bool detect) {
  std::string decl = Primary(declared);
  if (!detect || text.size() < 40) return decl;
  std::string_view sample = text.substr(0, 8 * 1024);  // plenty for a language, cheap
  // Never cut a UTF-8 sequence.
  while (!sample.empty() && sample.size() < text.size() &&
         (static_cast<unsigned char>(text[sample.size()]) & 0xC0) == 0x80)
    sample.remove_suffix(1);
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
