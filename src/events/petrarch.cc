// Loading PETRARCH/TABARI dictionaries from files (formats: docs/petrarch.md).
#include "events/petrarch.h"

#include <fstream>
#include <sstream>

#include "events/petrarch_dict.h"
#include "events/stage.h"

namespace casus::events::petrarch {
namespace {

Status read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error("cannot read dictionary " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return Status::ok();
}

}  // namespace

Status Dictionaries::load(const EventOptions& options, std::unique_ptr<const Dictionaries>* out,
                          std::vector<std::string>* warnings) {
  out->reset();
  auto dict = std::make_unique<CompiledDictionaries>();
  std::string text;
  // Actors and agents first: verb patterns do not depend on them, but keeping one order makes
  // word ids (and so any dump) reproducible.
  for (const std::string& path : options.actors) {
    if (Status st = read_file(path, &text); !st.is_ok()) return st;
    dict->parse_actors(text, path, warnings);
  }
  if (!options.agents.empty()) {
    if (Status st = read_file(options.agents, &text); !st.is_ok()) return st;
    dict->parse_agents(text, options.agents, warnings);
  }
  if (!options.discards.empty()) {
    if (Status st = read_file(options.discards, &text); !st.is_ok()) return st;
    dict->parse_discards(text, options.discards, warnings);
  }
  if (!options.verbs.empty()) {
    if (Status st = read_file(options.verbs, &text); !st.is_ok()) return st;
    dict->parse_verbs(text, options.verbs, warnings);
  }
  *out = std::move(dict);
  return Status::ok();
}

}  // namespace casus::events::petrarch
