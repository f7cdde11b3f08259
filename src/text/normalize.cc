// UTF-8 repair and NFC normalization (the first half of the text stage). Already-normalized text,
// nearly all news, costs one quick check over its UTF-8 bytes (ASCII eight bytes at a time, then
// ICU's NFC quick check on the UTF-8 itself) and no copy; only text that needs composing goes
// through UTF-16.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "base/utf8.h"
#include "text/text.h"

namespace casus::text {
namespace {

void repair_field(Document& doc, std::string& value, const char* field) {
  const size_t n = utf8::repair(value);
  if (n > 0) {
    doc.add_error("text", "invalid UTF-8 in " + std::string(field) + ": " + std::to_string(n) +
                              " sequence(s) replaced with U+FFFD");
  }
}

bool is_ascii(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    __builtin_memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ULL) return false;
  }
  for (; i < n; ++i)
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  return true;
}

const icu::Normalizer2* nfc_instance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return U_FAILURE(status) ? nullptr : nfc;
}

// True when valid UTF-8 `s` is known to be NFC without converting it (pure ASCII, or ICU's
// quick check on the UTF-8 bytes says so). False means "normalize through UTF-16".
bool known_nfc(std::string_view s) {
  if (is_ascii(s)) return true;
  const icu::Normalizer2* nfc = nfc_instance();
  if (nfc == nullptr) return false;
  UErrorCode status = U_ZERO_ERROR;
  const bool yes =
      nfc->isNormalizedUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), status);
  return U_SUCCESS(status) && yes;
}

// NFC through ICU's UTF-16 API; `s` unchanged when it is NFC already (or ICU fails).
std::string nfc_utf16(std::string_view s) {
  const icu::Normalizer2* nfc = nfc_instance();
  if (nfc == nullptr) return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString input =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (nfc->isNormalized(input, status) && U_SUCCESS(status)) return std::string(s);
  status = U_ZERO_ERROR;
  const icu::UnicodeString output = nfc->normalize(input, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string out;
  output.toUTF8String(out);
  return out;
}

// NFC of valid UTF-8 `s` in place.
void nfc_in_place(std::string& s) {
  if (!known_nfc(s)) s = nfc_utf16(s);
}

}  // namespace

std::string to_nfc(std::string_view s) {
  // The UTF-8 quick check is only trusted on valid UTF-8; anything else takes the UTF-16 path,
  // which reads invalid bytes as U+FFFD.
  if (is_ascii(s) || (utf8::is_valid(s) && known_nfc(s))) return std::string(s);
  return nfc_utf16(s);
}

void prepare(Document& doc) {
  repair_field(doc, doc.text, "text");
  repair_field(doc, doc.title, "title");
  repair_field(doc, doc.id, "id");
  repair_field(doc, doc.url, "url");
  repair_field(doc, doc.date, "date");
  for (auto& author : doc.authors) repair_field(doc, author, "authors");
  nfc_in_place(doc.text);
  nfc_in_place(doc.title);
}

}  // namespace casus::text
