// casus::Sink: where coded documents go. The pipeline pushes each finished Document, in input
// order, to one Sink and never knows whether it feeds JSON Lines, CoNLL-U or an HTTP response.
// A Sink is used from one thread at a time.
#ifndef CASUS_SINK_H_
#define CASUS_SINK_H_

#include <memory>
#include <ostream>

#include "casus/document.h"
#include "casus/status.h"

namespace casus {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual Status write(const Document& doc) = 0;
  virtual Status finish() { return Status::ok(); }
};

struct JsonOptions {
  // Include the tokens layer (per token: span) in JSON output.
  bool tokens = false;
};

// One JSON object per document per line (docs/schema.md). `out` must outlive the sink.
std::unique_ptr<Sink> make_jsonl_sink(std::ostream& out, JsonOptions options = {});
// Sentences and tokens as CoNLL-U, one "# newdoc id" block per document.
std::unique_ptr<Sink> make_conllu_sink(std::ostream& out);
// One tab-separated line per event (after a header line): date, source, target, code, label,
// document id, sentence, as TABARI/PETRARCH users expect (docs/events.md#formats). Negated,
// denied, hypothetical and threatened events are left out.
std::unique_ptr<Sink> make_events_tsv_sink(std::ostream& out);
// The GDELT 2.0 event table's 61 tab-separated columns, filled where casus has the data
// (mapping: docs/events.md#formats); same event selection as events-tsv.
std::unique_ptr<Sink> make_gdelt_sink(std::ostream& out);

}  // namespace casus

#endif  // CASUS_SINK_H_
