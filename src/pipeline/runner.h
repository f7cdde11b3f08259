// The batch runner: reads inputs, codes documents on a pool of threads and pushes them to a Sink
// in input order. Memory is bounded by one batch of documents in flight.
#ifndef CASUS_PIPELINE_RUNNER_H_
#define CASUS_PIPELINE_RUNNER_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "casus/engine.h"
#include "casus/options.h"
#include "casus/sink.h"
#include "casus/status.h"

namespace casus {

struct RunOptions {
  ReadOptions read;
  // Write a progress line (documents/s, ETA) to `log` while running.
  bool progress = false;
  // Report every document error on `log` with its origin.
  bool report_errors = true;
};

struct RunStats {
  size_t documents = 0;
  size_t documents_with_errors = 0;
  size_t text_bytes = 0;
  size_t tokens = 0;
  double seconds = 0;
  Status sink_status;
};

RunStats run_pipeline(const std::vector<std::string>& inputs, const RunOptions& options,
                      const Engine& engine, Sink& sink, std::ostream& log);

}  // namespace casus

#endif  // CASUS_PIPELINE_RUNNER_H_
