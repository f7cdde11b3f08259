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

}  // namespace

std::string to_nfc(std::string_view s) {
  // Pure ASCII is always NFC.
  bool ascii = true;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
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

void prepare(Document& doc) {
  repair_field(doc, doc.text, "text");
  repair_field(doc, doc.title, "title");
  repair_field(doc, doc.id, "id");
  repair_field(doc, doc.url, "url");
  repair_field(doc, doc.date, "date");
  for (auto& author : doc.authors) repair_field(doc, author, "authors");
  doc.text = to_nfc(doc.text);
  doc.title = to_nfc(doc.title);
}

}  // namespace casus::text
