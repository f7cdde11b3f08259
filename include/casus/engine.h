// casus::Engine: runs the pipeline stages over Documents.
//
// An Engine is immutable after construction and thread-safe: one shared Engine serves all
// threads; per-call scratch lives inside process(). process() never throws: a stage failure is
// recorded in Document::errors and the remaining stages still run where they can.
#ifndef CASUS_ENGINE_H_
#define CASUS_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "casus/document.h"
#include "casus/options.h"
#include "casus/status.h"

namespace casus {

class Engine {
 public:
  // Loads the models named in `options`. A model that cannot be loaded is reported by status()
  // and as an error on every processed document; the other stages still run.
  explicit Engine(EngineOptions options = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Runs every stage on `doc` in order: text (UTF-8 repair, NFC, paragraphs, sentences, tokens),
  // syntax, entities, places, quotes, time, events.
  void process(Document& doc) const;

  const EngineOptions& options() const { return options_; }
  // OK when every model loaded.
  const Status& status() const;
  // Non-fatal problems met while loading (e.g. malformed dictionary lines, skipped), one per line.
  const std::vector<std::string>& warnings() const;

 private:
  struct Models;
  EngineOptions options_;
  std::unique_ptr<const Models> models_;
};

}  // namespace casus

#endif  // CASUS_ENGINE_H_
