// Placeholder: replaced by the CoNLL 2018 segmentation evaluation.
#include "eval/eval.h"

namespace casus::eval {

Status evaluate_segmentation(const std::string&, SegmentScores*) {
  return Status::unsupported("segmentation evaluation not implemented yet");
}

}  // namespace casus::eval
