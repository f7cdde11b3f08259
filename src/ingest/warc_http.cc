#include "ingest/warc_http.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>

#include "ingest/ingest.h"

namespace casus::ingest {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Inflates a zlib (window_bits > 0) or raw deflate (< 0) stream.
bool inflate_stream(std::string_view in, int window_bits, size_t max_out, std::string* out) {
  out->clear();
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
  char buffer[1 << 15];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof(buffer);
    rc = inflate(&zs, Z_NO_FLUSH);
    const size_t produced = sizeof(buffer) - zs.avail_out;
    if (out->size() + produced > max_out) {
      rc = Z_MEM_ERROR;
      break;
    }
    out->append(buffer, produced);
    if (rc == Z_BUF_ERROR && produced > 0) rc = Z_OK;
  }
  inflateEnd(&zs);
  return rc == Z_STREAM_END;
}

}  // namespace

std::string_view header_value(const HeaderList& headers, std::string_view name) {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return {};
}

void parse_header_lines(std::string_view block, HeaderList* out) {
  size_t pos = 0;
  while (pos < block.size()) {
    size_t end = block.find('\n', pos);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if ((line[0] == ' ' || line[0] == '\t') && !out->empty()) {
      out->back().second += ' ';
      out->back().second += trim(line);
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    out->emplace_back(lower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
}

size_t find_header_end(std::string_view data, size_t from, size_t limit, size_t* sep_len) {
  const std::string_view window = data.substr(from, limit);
  const size_t crlf = window.find("\r\n\r\n");
  const size_t lf = window.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
  if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf + 1 <= lf)) {
    *sep_len = 4;
    return from + crlf;
  }
  *sep_len = 2;
  return from + lf;
}

bool parse_http_response(std::string_view message, HttpResponse* out) {
  if (message.substr(0, 5) != "HTTP/") return false;
  size_t sep = 0;
  const size_t header_end = find_header_end(message, 0, std::string_view::npos, &sep);
  size_t line_end = message.find('\n');
  if (line_end == std::string_view::npos) return false;
  if (header_end == std::string_view::npos) {
    // Headers without a body (the message ends after them).
    out->body = {};
  } else {
    out->body = message.substr(header_end + sep);
  }
  const std::string_view status_line = message.substr(0, line_end);
  const size_t sp = status_line.find(' ');
  out->status = 0;
  if (sp != std::string_view::npos) {
    int status = 0, digits = 0;
    for (size_t i = sp + 1; i < status_line.size() && digits < 3 &&
                            std::isdigit(static_cast<unsigned char>(status_line[i]));
         ++i, ++digits)
      status = status * 10 + (status_line[i] - '0');
    if (digits == 3) out->status = status;
  }
  const size_t headers_end = header_end == std::string_view::npos ? message.size() : header_end;
  if (line_end + 1 < headers_end)
    parse_header_lines(message.substr(line_end + 1, headers_end - line_end - 1), &out->headers);
  return true;
}

ChunkedResult decode_chunked(std::string_view body, std::string* out) {
  out->clear();
  size_t pos = 0;
  bool first = true;
  for (;;) {
    const size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return first ? ChunkedResult::kNotChunked : ChunkedResult::kTruncated;
    std::string_view line = body.substr(pos, eol - pos);
    const size_t semi = line.find(';');
    if (semi != std::string_view::npos) line = line.substr(0, semi);
    line = trim(line);
    size_t size = 0;
    bool ok = !line.empty() && line.size() <= 15;
    for (char c : line) {
      const int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                    : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
                    : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                                : -1;
      if (v < 0) {
        ok = false;
        break;
      }
      size = size * 16 + static_cast<size_t>(v);
    }
    if (!ok) return first ? ChunkedResult::kNotChunked : ChunkedResult::kTruncated;
    first = false;
    pos = eol + 1;
    if (size == 0) return ChunkedResult::kOk;  // trailers, if any, are ignored
    if (body.size() - pos < size) {
      out->append(body.substr(pos));
      return ChunkedResult::kTruncated;
    }
    out->append(body.substr(pos, size));
    pos += size;
    if (body.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (body.substr(pos, 1) == "\n") {
      pos += 1;
    }
  }
}

bool decode_content(std::string_view body, std::string_view encoding, size_t max_out,
                    std::string* out, std::string* error) {
  const std::string enc = lower(trim(encoding));
  if (enc.empty() || enc == "identity" || enc == "none") {
    out->assign(body);
    return true;
  }
  if (enc == "gzip" || enc == "x-gzip") {
    if (!is_gzip(body)) {  // already decoded by the crawler
      out->assign(body);
      return true;
    }
    GunzipResult gz = gunzip(body, max_out);
    *out = std::move(gz.data);
    if (!gz.ok) *error = "gzip-encoded HTTP body: " + gz.message;
    return gz.ok;
  }
  if (enc == "deflate") {
    if (inflate_stream(body, MAX_WBITS, max_out, out)) return true;
    if (inflate_stream(body, -MAX_WBITS, max_out, out)) return true;
    // Maybe not encoded at all.
    if (sniff_html(body)) {
      out->assign(body);
      return true;
    }
    *error = "corrupt deflate-encoded HTTP body";
    return false;
  }
  out->clear();
  *error = "unsupported HTTP Content-Encoding '" + enc.substr(0, 32) + "'";
  return false;
}

std::string media_type(std::string_view content_type) {
  const size_t semi = content_type.find(';');
  return lower(trim(content_type.substr(0, semi)));
}

bool sniff_html(std::string_view body) {
  size_t i = 0;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < body.size() && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
  const std::string head = lower(body.substr(i, 1024));
  if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 ||
      head.rfind("<head", 0) == 0 || head.rfind("<body", 0) == 0)
    return true;
  return !head.empty() && head[0] == '<' && head.find("<html") != std::string::npos;
}

}  // namespace casus::ingest
