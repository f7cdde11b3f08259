#include "casus/engine.h"

#include <exception>

#include "entities/stage.h"
#include "text/text.h"
#include "time/time.h"

namespace casus {

Engine::Engine(EngineOptions options) : options_(options) {}
Engine::~Engine() = default;

void Engine::process(Document& doc) const {
  // Each stage is isolated: an exception inside one becomes an error on this document only.
  auto run_stage = [&doc](const char* stage, auto&& fn) {
    try {
      fn();
    } catch (const std::exception& e) {
      doc.add_error(stage, std::string("internal error: ") + e.what());
    } catch (...) {
      doc.add_error(stage, "internal error");
    }
  };
  run_stage("text", [&] {
    text::prepare(doc);
    text::segment(doc);
  });
  run_stage("entities", [&] { entities::annotate(doc); });
  run_stage("time", [&] { time::annotate(doc, options_.anchor_date); });
}

}  // namespace casus
