// The one place that knows every analyser: adding one is a file pair in its
// stage folder and a line here.
#include "analyse/analyzer.h"

namespace warta::analyse {

StatusOr<std::vector<std::unique_ptr<Analyzer>>> MakeAnalyzers(const AnalysisOptions& options) {
  std::vector<std::unique_ptr<Analyzer>> out;
  (void)options;  // entity and time analysers register here as their stages land
  return out;
}

}  // namespace warta::analyse
