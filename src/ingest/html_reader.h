// Internal entry point of the HTML reader for callers that know more than the bytes (the WARC
// reader passes the charset of the HTTP Content-Type).
#ifndef CASUS_INGEST_HTML_READER_H_
#define CASUS_INGEST_HTML_READER_H_

#include <string_view>

#include "casus/document.h"

namespace casus::ingest {

// As read_html(name, bytes, doc), with the charset named by the transport layer (empty if none).
// A doc.url set by the caller is used for the URL-date fallback and kept when the page names no
// canonical URL.
void read_html_page(std::string_view name, std::string_view bytes,
                    std::string_view transport_charset, Document& doc);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_HTML_READER_H_
