// libFuzzer target: the timex analyser (timex/timex_analyzer.h) on arbitrary
// UTF-8 text and a publication date taken from the input's first bytes.
// Invariants: every expression's span lies inside the text, in order and not
// overlapping, and its text is exactly the code points it covers; every value
// is a well-formed TIMEX3 value (analyser_input.h) with real calendar
// dates and clock times.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analyse/analyzer.h"
#include "analyser_input.h"
#include "core/article.h"
#include "core/utf8.h"
#include "fuzz_check.h"
#include "timex/timex_analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  warta::Article article;
  std::string_view text;
  // Analysers read clean text: valid UTF-8 (anything else is refused, so
  // libFuzzer does not keep it).
  if (!warta::fuzz::ArticleFromInput(data, size, &article, &text)) return -1;
  static const warta::timex::TimexAnalyzer timex;
  warta::analyse::AnalysisContext ctx(article);
  FUZZ_CHECK(timex.Analyse(&article, &ctx).ok(), "the timex analyser never fails");
  FUZZ_CHECK(!(article.published && article.inferred_published), "inferred only without a stated date");
  if (article.inferred_published) FUZZ_CHECK(article.inferred_published->IsValid(), "the inferred date is real");

  const warta::fuzz::CodePoints cps(ctx.text());
  int32_t last_end = 0;
  for (const warta::TimeExpression& t : article.timexes) {
    cps.CheckSpan(t.span, t.text, "timex");
    FUZZ_CHECK(t.span.begin >= last_end, "time expressions in text order, not overlapping");
    last_end = t.span.end;
    FUZZ_CHECK(warta::fuzz::WellFormedTimexValue(t.value), ("timex value: " + t.value).c_str());
  }
  return 0;
}
