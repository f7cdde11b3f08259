#include "base/codepoints.h"

#include "base/utf8.h"

namespace casus {

CodepointIndex::CodepointIndex(std::string_view text) : text_(text) {
  for (char ch : text) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii_ = false;
      break;
    }
  }
  if (ascii_) return;
  block_start_.reserve(text.size() / kBlock + 1);
  uint32_t cps = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) block_start_.push_back(cps);
    cps += utf8::is_lead(static_cast<unsigned char>(text[i]));
  }
}

uint32_t CodepointIndex::operator()(uint32_t byte) const {
  if (ascii_) return byte;
  const uint32_t block = byte / kBlock;
  if (block >= block_start_.size()) {
    // Only byte == text.size() on a block boundary lands here.
    uint32_t cps = block_start_.empty() ? 0 : block_start_.back();
    for (size_t i = (block_start_.size() - 1) * size_t{kBlock}; i < byte; ++i)
      cps += utf8::is_lead(static_cast<unsigned char>(text_[i]));
    return cps;
  }
  uint32_t cps = block_start_[block];
  for (uint32_t i = block * kBlock; i < byte; ++i)
    cps += utf8::is_lead(static_cast<unsigned char>(text_[i]));
  return cps;
}

}  // namespace casus
