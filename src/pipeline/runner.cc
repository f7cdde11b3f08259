#include "pipeline/runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "ingest/ingest.h"

namespace casus {
namespace {

using Clock = std::chrono::steady_clock;

unsigned resolve_threads(unsigned requested) {
  if (requested > 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw > 0 ? hw : 1;
}

// Processes docs[0..n) with `threads` workers (the calling thread is one of them).
void process_batch(std::vector<Document>& docs, const Engine& engine, unsigned threads) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < docs.size(); i = next.fetch_add(1)) engine.process(docs[i]);
  };
  const unsigned extra = std::min<size_t>(threads, docs.size()) - 1;
  std::vector<std::thread> pool;
  pool.reserve(extra);
  for (unsigned t = 0; t < extra; ++t) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
}

}  // namespace

RunStats run_pipeline(const std::vector<std::string>& inputs, const RunOptions& options,
                      const Engine& engine, Sink& sink, std::ostream& log) {
  RunStats stats;
  const unsigned threads = resolve_threads(engine.options().threads);
  const size_t batch_limit = std::max<size_t>(1, engine.options().batch_size);
  const auto start = Clock::now();
  auto last_progress = start;
  size_t inputs_done = 0;

  std::vector<Document> batch;
  batch.reserve(batch_limit);
  size_t batch_bytes = 0;

  auto report_progress = [&](bool final) {
    if (!options.progress) return;
    const auto now = Clock::now();
    if (!final && now - last_progress < std::chrono::milliseconds(500)) return;
    last_progress = now;
    const double secs = std::chrono::duration<double>(now - start).count();
    const double rate = secs > 0 ? stats.documents / secs : 0;
    char line[160];
    int len = std::snprintf(line, sizeof(line), "\r%zu documents, %.1f docs/s, input %zu/%zu",
                            stats.documents, rate, inputs_done, inputs.size());
    if (inputs_done > 0 && inputs_done < inputs.size() && secs > 0) {
      const double eta = secs / inputs_done * (inputs.size() - inputs_done);
      len += std::snprintf(line + len, sizeof(line) - len, ", ETA %.0fs", eta);
    }
    log << line << "   " << (final ? "\n" : "") << std::flush;
  };

  auto flush = [&] {
    if (batch.empty()) return;
    process_batch(batch, engine, threads);
    for (const Document& doc : batch) {
      ++stats.documents;
      stats.text_bytes += doc.text.size();
      stats.tokens += doc.tokens.size();
      if (!doc.errors.empty()) {
        ++stats.documents_with_errors;
        if (options.report_errors) {
          if (options.progress) log << "\r";
          for (const auto& e : doc.errors) {
            log << "casus: " << (doc.origin.empty() ? doc.id : doc.origin) << ": " << e.stage << ": "
                << e.message << "\n";
          }
        }
      }
      if (stats.sink_status.is_ok()) stats.sink_status = sink.write(doc);
    }
    batch.clear();
    batch_bytes = 0;
    report_progress(false);
  };

  for (const auto& input : inputs) {
    ingest::read_path(input, options.read, [&](Document&& doc) {
      batch_bytes += doc.text.size();
      batch.push_back(std::move(doc));
      // Bound memory: flush on count or on 64 MB of text in flight.
      if (batch.size() >= batch_limit || batch_bytes >= (size_t{64} << 20)) flush();
    });
    ++inputs_done;
  }
  flush();
  if (stats.sink_status.is_ok()) stats.sink_status = sink.finish();
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  report_progress(true);
  return stats;
}

}  // namespace casus
