// Byte offset -> Unicode code point offset conversion for one text, used once at the JSON edge.
// Construction is O(n/64) memory and one pass over the text; each lookup scans at most 63 bytes.
// Immutable after construction; the text must outlive the index.
#ifndef CASUS_BASE_CODEPOINTS_H_
#define CASUS_BASE_CODEPOINTS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace casus {

class CodepointIndex {
 public:
  explicit CodepointIndex(std::string_view text);
  // Code point offset of byte offset `byte` (<= text.size(), on a code point boundary).
  uint32_t operator()(uint32_t byte) const;
  bool ascii() const { return ascii_; }

 private:
  static constexpr uint32_t kBlock = 64;
  std::string_view text_;
  bool ascii_ = true;
  std::vector<uint32_t> block_start_;  // code points before byte block_index * kBlock
};

}  // namespace casus

#endif  // CASUS_BASE_CODEPOINTS_H_
