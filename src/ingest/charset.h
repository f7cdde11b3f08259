// Character set detection and transcoding of HTML bytes to UTF-8 (ICU ucnv / ucsdet).
//
// Order of evidence, after the WHATWG encoding sniffing algorithm: byte order mark, then the
// transport charset (HTTP Content-Type), then a <meta charset> / http-equiv declaration in the first
// bytes, then "is it valid UTF-8?", then ICU's statistical detector, then windows-1252.
// A declared charset that ICU does not know, or that the bytes contradict, is replaced by a
// fallback and `warning` says so. Pure functions; thread-safe.
#ifndef CASUS_INGEST_CHARSET_H_
#define CASUS_INGEST_CHARSET_H_

#include <string>
#include <string_view>

namespace casus::ingest {

struct DecodedText {
  std::string utf8;     // the input as UTF-8 (undecodable bytes become U+FFFD), BOM removed
  std::string charset;  // the charset used, ICU's canonical name ("UTF-8", "windows-1252", ...)
  std::string warning;  // non-empty when a declared charset was unknown or wrong
};

// Decodes an HTML page. `transport_charset` is the charset of an HTTP Content-Type, or empty.
DecodedText decode_html_bytes(std::string_view bytes, std::string_view transport_charset = {});

// The charset declared by <meta charset> or <meta http-equiv="content-type"> in the first 4096
// bytes of `bytes` (prescan, no DOM), lower-cased; empty when there is none.
std::string prescan_meta_charset(std::string_view bytes);

// The charset parameter of a Content-Type value ("text/html; charset=UTF-8" -> "utf-8").
std::string charset_from_content_type(std::string_view content_type);

// Converts `bytes` from `charset` to UTF-8. Returns false (and leaves `out` empty) when ICU has no
// converter for `charset`.
bool transcode_to_utf8(std::string_view bytes, std::string_view charset, std::string* out);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_CHARSET_H_
