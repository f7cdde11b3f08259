#include "events/stage.h"

namespace casus::events {

struct EventCoder::Impl {
  std::vector<std::string> warnings;
};

EventCoder::EventCoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventCoder::~EventCoder() = default;

Status EventCoder::create(const EventOptions& options, std::unique_ptr<const EventCoder>* out) {
  (void)options;
  out->reset(new EventCoder(std::make_unique<Impl>()));
  return Status::ok();
}

void EventCoder::annotate(Document& doc) const { doc.events.clear(); }

const std::vector<std::string>& EventCoder::warnings() const { return impl_->warnings; }

}  // namespace casus::events
