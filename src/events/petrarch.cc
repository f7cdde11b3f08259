#include "events/petrarch.h"

#include "events/stage.h"

namespace casus::events::petrarch {

Status Dictionaries::load(const EventOptions& options, std::unique_ptr<const Dictionaries>* out,
                          std::vector<std::string>* warnings) {
  (void)options;
  (void)warnings;
  out->reset();
  return Status::unsupported("PETRARCH dictionaries are not supported yet");
}

}  // namespace casus::events::petrarch
