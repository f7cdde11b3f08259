#include "casus/engine.h"

#include <exception>

#include "entities/stage.h"
#include "events/stage.h"
#include "places/stage.h"
#include "syntax/model.h"
#include "syntax/stage.h"
#include "quotes/quotes.h"
#include "text/text.h"
#include "time/time.h"

namespace casus {

struct Engine::Models {
  std::shared_ptr<const syntax::SyntaxModel> syntax;
  std::unique_ptr<const events::EventCoder> events;
  Status status;
  std::vector<std::string> warnings;
};

Engine::Engine(EngineOptions options) : options_(std::move(options)) {
  auto models = std::make_unique<Models>();
  const std::string path =
      options_.syntax_model.empty() ? syntax::SyntaxModel::default_path() : options_.syntax_model;
  if (path.empty()) {
    models->status = Status::not_found(
        "syntax model not found: models/syntax.bin is looked for under the working directory and "
        "beside the executable's folder (or pass --syntax-model FILE)");
  } else {
    models->status = syntax::SyntaxModel::load(path, &models->syntax);
  }
  events::EventOptions event_options;
  event_options.own_lexicon = options_.own_event_lexicon;
  event_options.verbs = options_.event_verbs;
  event_options.actors = options_.event_actors;
  event_options.agents = options_.event_agents;
  event_options.discards = options_.event_discards;
  Status st = events::EventCoder::create(event_options, &models->events);
  if (!st.is_ok()) {
    if (models->status.is_ok()) models->status = st;
  } else {
    models->warnings = models->events->warnings();
  }
  models_ = std::move(models);
}
Engine::~Engine() = default;

const Status& Engine::status() const { return models_->status; }
const std::vector<std::string>& Engine::warnings() const { return models_->warnings; }

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
  run_stage("syntax", [&] {
    if (!models_->syntax) {
      doc.add_error("syntax", models_->status.message());
      return;
    }
    thread_local syntax::Workspace workspace;
    syntax::annotate_document(*models_->syntax, workspace, doc, &doc.syntax);
  });
  run_stage("entities", [&] { entities::annotate(doc); });
  run_stage("places", [&] { places::annotate(doc); });
  run_stage("quotes", [&] { quotes::annotate(doc); });
  run_stage("time", [&] { time::annotate(doc, options_.anchor_date); });
  run_stage("events", [&] {
    if (!models_->events) {
      doc.add_error("events", models_->status.message());
      return;
    }
    models_->events->annotate(doc);
  });
}

}  // namespace casus
