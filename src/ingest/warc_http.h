// HTTP message parsing for the WARC reader: status line, headers, chunked transfer coding and
// gzip/deflate content coding. Pure functions; thread-safe.
#ifndef CASUS_INGEST_WARC_HTTP_H_
#define CASUS_INGEST_WARC_HTTP_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casus::ingest {

// Header fields with lower-cased names, in order; values trimmed, continuation lines joined.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

// The value of the first field named `name` (lower case), or empty.
std::string_view header_value(const HeaderList& headers, std::string_view name);

// Parses "Name: value" lines of `block` (no start line) into `out`.
void parse_header_lines(std::string_view block, HeaderList* out);

// Finds the blank line that ends a header block starting at `from`: returns the offset of the
// blank line's start and sets *sep_len to its length ("\r\n\r\n" = 4, "\n\n" = 2), or npos when
// there is none within `limit` bytes.
size_t find_header_end(std::string_view data, size_t from, size_t limit, size_t* sep_len);

struct HttpResponse {
  int status = 0;            // 0 when the status line has no number
  HeaderList headers;
  std::string_view body;     // raw, still transfer- and content-coded
};

// Parses an HTTP response message ("HTTP/1.1 200 OK\r\n...\r\n\r\nbody"). False when `message`
// does not start with an HTTP status line or has no end of headers.
bool parse_http_response(std::string_view message, HttpResponse* out);

enum class ChunkedResult { kOk, kNotChunked, kTruncated };
// Decodes a chunked body into `out`. kNotChunked when the first chunk-size line is not hex (the
// archive stored the body already de-chunked); kTruncated keeps what was decoded.
ChunkedResult decode_chunked(std::string_view body, std::string* out);

// Decodes a Content-Encoding ("gzip", "x-gzip", "deflate"; "identity" or empty copy) into `out`,
// at most `max_out` bytes. False with *error set when the coding is unsupported or the data
// corrupt (then `out` holds what could be decoded).
bool decode_content(std::string_view body, std::string_view encoding, size_t max_out,
                    std::string* out, std::string* error);

// The media type of a Content-Type value, lower case without parameters ("text/html").
std::string media_type(std::string_view content_type);

// True when the first bytes of `body` look like an HTML document.
bool sniff_html(std::string_view body);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_WARC_HTTP_H_
