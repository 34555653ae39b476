// Training Warta's NER model (ner_model.h): the trainer's own library
// (warta_entities_train), so the tagger that `warta` ingests with carries no
// training code. Its inputs: sentences in CoNLL form (ner_data.h), word
// clusters and the country gazetteer (resources.h); its dev scoring is
// ner_eval.h's.
//
//   auto train = ReadNerFile("train.conll"), dev = ReadNerFile("dev.conll");
//   auto clusters = ReadClusters("clusters.tsv");
//   auto model = TrainNer(*train, *dev, *clusters, gazetteer, {.runs = 3}, log);
//   if (model.ok()) WARTA_RETURN_IF_ERROR(model->Save("warta-ner.bin"));
//
// Thread-safety: TrainNer uses the calling thread only; calls are independent.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "entities/ner_data.h"
#include "entities/ner_model.h"
#include "entities/resources.h"

namespace warta::entities {

struct NerTrainOptions {
  int max_epochs = 25;
  // Training stops when dev F1 has not improved for this many epochs; the
  // best epoch's averaged weights are kept.
  int patience = 4;
  uint64_t seed = 1;          // sentence shuffling and augmentation
  // Independent training runs (different shuffles, each stopped on dev)
  // whose weights are averaged into the model. Training time grows with it.
  int runs = 1;
  // Share of training sentences added again in Title Case and in ALL CAPS
  // (each), so headlines and shouted text do not turn every word into a
  // name. 0 = none.
  double case_augment = 0.0;
  // Share of training sentences added again in lower case, so text that an
  // outlet or an export delivers without capitals still yields names (the
  // sentence regime tells the model it cannot lean on capitals there).
  // 0 = none.
  double lower_augment = 0.0;
  std::string description;    // stored in the model ("trained by ...")
};

// Trains a model on `train`, choosing the epoch by entity-level F1 on `dev`
// (when `dev` is empty, runs max_epochs). `log` (may be null) gets one line
// per epoch. Errors: kInvalidArgument when `train` is empty.
StatusOr<NerModel> TrainNer(const std::vector<NerSentence>& train, const std::vector<NerSentence>& dev,
                            const WordClusters& clusters, const std::vector<std::string>& gazetteer,
                            const NerTrainOptions& options, const std::function<void(const std::string&)>& log);

}  // namespace warta::entities
