// WARC reader: plain or gzip (one member per record, read member by member so that each record's
// compressed offset is known). Each `response` record with an HTML payload becomes a document
// read by the HTML reader; other records are skipped.
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "ingest/charset.h"
#include "ingest/html_date.h"
#include "ingest/html_reader.h"
#include "ingest/ingest.h"
#include "ingest/warc_http.h"

namespace casus::ingest {
namespace {

constexpr size_t kMaxWarcHeader = 1 << 16;          // a header block longer than this is corrupt
constexpr size_t kMaxRecordBytes = size_t{1} << 30;  // decompressed bytes buffered for one record
constexpr size_t kMaxBodyBytes = size_t{256} << 20;  // decoded HTTP body

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string strip_angle(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

enum class Parse { kOk, kNeedMore, kInvalid };

struct Record {
  HeaderList headers;
  std::string_view content;
  size_t end = 0;  // offset just past the content block
};

// Parses the record starting at data[p]. kNeedMore when `data` ends inside it (sets *need to the
// total size of `data` needed, or 0 when unknown).
Parse parse_record(std::string_view data, size_t p, Record* rec, size_t* need,
                   std::string* reason) {
  *need = 0;
  const std::string_view rest = data.substr(p);
  if (rest.size() < 5) {
    if (std::string_view("WARC/").substr(0, rest.size()) == rest) return Parse::kNeedMore;
    *reason = "no WARC version line";
    return Parse::kInvalid;
  }
  if (rest.substr(0, 5) != "WARC/") {
    *reason = "no WARC version line";
    return Parse::kInvalid;
  }
  size_t sep = 0;
  const size_t header_end = find_header_end(data, p, kMaxWarcHeader, &sep);
  if (header_end == std::string_view::npos) {
    if (rest.size() >= kMaxWarcHeader) {
      *reason = "header block longer than " + std::to_string(kMaxWarcHeader) + " bytes";
      return Parse::kInvalid;
    }
    return Parse::kNeedMore;
  }
  const size_t line_end = data.find('\n', p);
  rec->headers.clear();
  if (line_end < header_end)
    parse_header_lines(data.substr(line_end + 1, header_end - line_end - 1), &rec->headers);
  const std::string_view length_text = header_value(rec->headers, "content-length");
  if (length_text.empty() || length_text.size() > 15) {
    *reason = "missing or invalid Content-Length";
    return Parse::kInvalid;
  }
  size_t length = 0;
  for (char c : length_text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      *reason = "invalid Content-Length";
      return Parse::kInvalid;
    }
    length = length * 10 + static_cast<size_t>(c - '0');
  }
  const size_t content_start = header_end + sep;
  if (data.size() - content_start < length) {
    *need = content_start + length;
    return Parse::kNeedMore;
  }
  rec->content = data.substr(content_start, length);
  rec->end = content_start + length;
  return Parse::kOk;
}

class WarcReader {
 public:
  WarcReader(std::string_view name, const EmitFn& emit) : name_(name), emit_(emit) {}

  void read_plain(std::string_view bytes) {
    size_t p = 0;
    while (true) {
      p = skip_separators(bytes, p);
      if (p >= bytes.size()) return;
      Record rec;
      size_t need = 0;
      std::string reason;
      switch (parse_record(bytes, p, &rec, &need, &reason)) {
        case Parse::kOk:
          process(p, rec);
          p = rec.end;
          break;
        case Parse::kNeedMore:
          error(p, "truncated WARC record at offset " + std::to_string(p));
          return;
        case Parse::kInvalid: {
          error(p, "invalid WARC record at offset " + std::to_string(p) + ": " + reason);
          const size_t next = find_record_start(bytes, p + 1);
          if (next == std::string_view::npos) return;
          p = next;
          break;
        }
      }
    }
  }

  void read_gzip(std::string_view bytes) {
    size_t cpos = 0;
    while (cpos < bytes.size()) {
      if (!is_gzip(bytes.substr(cpos))) {
        bool blank = true;
        for (size_t i = cpos; i < bytes.size() && blank; ++i)
          blank = bytes[i] == '\0' || std::isspace(static_cast<unsigned char>(bytes[i]));
        if (!blank) error(cpos, "corrupt gzip member at offset " + std::to_string(cpos));
        break;
      }
      members_.push_back({base_ + buf_.size(), cpos});
      size_t consumed = 0;
      const int rc = inflate_member(bytes.substr(cpos), &consumed);
      if (stopped_) return;
      if (rc == Z_STREAM_END) {
        cpos += consumed;
        if (consumed == 0) break;
        continue;
      }
      if (rc == Z_DATA_ERROR || rc == Z_STREAM_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR) {
        error(cpos, "corrupt gzip member at offset " + std::to_string(cpos));
        return;
      }
      // The input ended inside this member.
      if (!drain(true)) error(cpos, "truncated gzip member at offset " + std::to_string(cpos));
      return;
    }
    drain(true);
  }

 private:
  static size_t skip_separators(std::string_view data, size_t p) {
    while (p < data.size() && (data[p] == '\r' || data[p] == '\n' || data[p] == ' ' ||
                               data[p] == '\t' || data[p] == '\0'))
      ++p;
    return p;
  }

  // The next "WARC/" at the start of a line at or after `from`.
  static size_t find_record_start(std::string_view data, size_t from) {
    size_t q = from;
    while ((q = data.find("WARC/", q)) != std::string_view::npos) {
      if (q == 0 || data[q - 1] == '\n') return q;
      ++q;
    }
    return std::string_view::npos;
  }

  // Inflates the member at the start of `in`, draining records as data arrives. Returns the last
  // zlib code (Z_STREAM_END when the member is complete) and sets *consumed.
  int inflate_member(std::string_view in, size_t* consumed) {
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Z_MEM_ERROR;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
    char buffer[1 << 16];
    int rc = Z_OK;
    while (rc == Z_OK) {
      zs.next_out = reinterpret_cast<Bytef*>(buffer);
      zs.avail_out = sizeof(buffer);
      rc = inflate(&zs, Z_NO_FLUSH);
      const size_t produced = sizeof(buffer) - zs.avail_out;
      buf_.append(buffer, produced);
      if (buf_.size() > kMaxRecordBytes) {
        error(record_offset(base_), "WARC record at offset " + std::to_string(record_offset(base_)) +
                                        " is larger than " + std::to_string(kMaxRecordBytes) +
                                        " bytes");
        stopped_ = true;
        break;
      }
      if (produced > 0) drain(false);
      if (stopped_) break;
      if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // input ended inside the member
      if (rc == Z_BUF_ERROR && produced > 0) rc = Z_OK;
    }
    *consumed = in.size() - zs.avail_in;
    inflateEnd(&zs);
    return rc;
  }

  // The compressed offset of the member holding decompressed position `pos`.
  size_t record_offset(size_t pos) const {
    auto it = std::upper_bound(members_.begin(), members_.end(), pos,
                               [](size_t v, const Member& m) { return v < m.start; });
    if (it == members_.begin()) return 0;
    return std::prev(it)->offset;
  }

  // Parses every complete record in the buffer. With `final`, what is left is damage.
  // Returns true when it reported damage.
  bool drain(bool final) {
    bool damaged = false;
    if (!final && buf_.size() < need_) return false;
    const std::string_view data = buf_;
    size_t p = 0;
    while (!stopped_) {
      if (resync_) {
        const size_t next = find_record_start(data, p);
        if (next == std::string_view::npos) {
          p = data.size();
          break;
        }
        p = next;
        resync_ = false;
      }
      p = skip_separators(data, p);
      if (p >= data.size()) break;
      Record rec;
      size_t need = 0;
      std::string reason;
      const size_t offset = record_offset(base_ + p);
      const Parse r = parse_record(data, p, &rec, &need, &reason);
      if (r == Parse::kOk) {
        process(offset, rec);
        p = rec.end;
        continue;
      }
      if (r == Parse::kNeedMore) {
        if (final) {
          error(offset, "truncated WARC record at offset " + std::to_string(offset));
          damaged = true;
          p = data.size();
        } else {
          need_ = need > p ? need - p : 0;
        }
        break;
      }
      error(offset, "invalid WARC record at offset " + std::to_string(offset) + ": " + reason);
      damaged = true;
      resync_ = true;
      ++p;
    }
    // Drop what was consumed.
    buf_.erase(0, p);
    base_ += p;
    if (p > 0 && need_ >= p) need_ -= p;
    while (members_.size() > 1 && members_[1].start <= base_) members_.erase(members_.begin());
    return damaged;
  }

  void error(size_t offset, std::string message) {
    Document doc;
    doc.id = std::string(name_) + "@" + std::to_string(offset);
    doc.origin = doc.id;
    doc.format = "warc";
    doc.add_error("ingest", std::move(message));
    emit_(std::move(doc));
  }

  void process(size_t offset, const Record& rec) {
    if (lower(header_value(rec.headers, "warc-type")) != "response") return;
    const std::string_view content = rec.content;
    HttpResponse http;
    std::string content_type;
    std::string_view body;
    if (parse_http_response(content, &http)) {
      if (http.status >= 300) return;
      content_type = std::string(header_value(http.headers, "content-type"));
      body = http.body;
    } else {
      // A response record without an HTTP envelope (e.g. from a non-HTTP crawl).
      content_type = std::string(header_value(rec.headers, "content-type"));
      if (media_type(content_type).rfind("application/http", 0) == 0) return;
      body = content;
    }
    std::vector<std::string> problems;
    std::string dechunked;
    if (lower(header_value(http.headers, "transfer-encoding")).find("chunked") != std::string::npos) {
      switch (decode_chunked(body, &dechunked)) {
        case ChunkedResult::kOk:
          body = dechunked;
          break;
        case ChunkedResult::kTruncated:
          body = dechunked;
          problems.push_back("truncated chunked HTTP body");
          break;
        case ChunkedResult::kNotChunked:
          break;
      }
    }
    std::string decoded, coding_error;
    const bool decoded_ok = decode_content(body, header_value(http.headers, "content-encoding"),
                                           kMaxBodyBytes, &decoded, &coding_error);
    if (!decoded_ok) problems.push_back(coding_error);
    const std::string media = media_type(content_type);
    const bool html = media == "text/html" || media == "application/xhtml+xml";
    const bool sniffable = media.empty() || media == "application/octet-stream" ||
                           media == "binary/octet-stream" || media == "unknown/unknown";
    if (!html && !(sniffable && (decoded_ok ? sniff_html(decoded) : sniff_html(body)))) return;

    const std::string target = strip_angle(header_value(rec.headers, "warc-target-uri"));
    Document doc;
    std::string id = strip_angle(header_value(rec.headers, "warc-record-id"));
    if (id.rfind("urn:uuid:", 0) == 0) id.erase(0, 9);
    doc.id = id.empty() ? std::string(name_) + "@" + std::to_string(offset) : id;
    doc.url = target;
    for (auto& p : problems) doc.add_error("ingest", std::move(p));
    if (!decoded_ok && decoded.empty()) {
      doc.add_error("ingest", "the HTML payload could not be decoded");
    } else {
      read_html_page(name_, decoded, charset_from_content_type(content_type), doc);
    }
    if (!target.empty()) {
      if (!doc.url.empty() && doc.url != target) doc.set_meta_string("canonical_url", doc.url);
      doc.url = target;
    }
    if (doc.date.empty()) {
      const std::string date = normalize_date(header_value(rec.headers, "warc-date"));
      if (!date.empty()) {
        doc.date = date;
        doc.date_source = DateSource::kMetadata;
      }
    }
    doc.origin = std::string(name_) + "@" + std::to_string(offset);
    doc.format = "warc";
    doc.set_meta_json("warc_record", std::to_string(offset));
    emit_(std::move(doc));
  }

  struct Member {
    size_t start;   // decompressed offset where the member's data begins
    size_t offset;  // compressed offset of the member
  };

  std::string_view name_;
  const EmitFn& emit_;
  std::string buf_;          // decompressed bytes not yet parsed
  size_t base_ = 0;          // decompressed offset of buf_[0]
  size_t need_ = 0;          // buffer size needed before the pending record can be complete
  bool resync_ = false;      // skipping to the next "WARC/" line after damage
  bool stopped_ = false;
  std::vector<Member> members_;
};

}  // namespace

void read_warc(std::string_view name, std::string_view bytes, const EmitFn& emit) {
  WarcReader reader(name, emit);
  if (is_gzip(bytes)) {
    reader.read_gzip(bytes);
  } else {
    reader.read_plain(bytes);
  }
}

}  // namespace casus::ingest
