#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "ingest/warc_http.h"

namespace casus::ingest {
namespace {

// One gzip member holding `data`.
std::string gzip_member(std::string_view data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string record(std::string_view type, std::string_view id, std::string_view uri,
                   std::string_view block, std::string_view extra = {}) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + std::string(type) +
                  "\r\nWARC-Record-ID: <urn:uuid:" + std::string(id) +
                  ">\r\nWARC-Date: 2022-03-04T05:06:07Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += std::string(extra);
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string http(std::string_view headers, std::string_view body) {
  return "HTTP/1.1 200 OK\r\n" + std::string(headers) + "\r\n" + std::string(body);
}

const char kPage1[] = "<html><head><title>One</title></head><body><p>First page.</p></body></html>";
const char kPage2[] =
    "<html><head><meta property='article:published_time' content='2021-01-02'></head>"
    "<body><h1>Two</h1><p>Second page.</p></body></html>";

std::vector<std::string> sample_records() {
  return {
      record("warcinfo", "0000", "", "software: hand\r\n"),
      record("request", "1111", "https://a.example/1", "GET /1 HTTP/1.1\r\n\r\n"),
      record("response", "2222", "https://a.example/1",
             http("Content-Type: text/html; charset=utf-8\r\n", kPage1)),
      record("response", "3333", "https://a.example/img",
             http("Content-Type: image/png\r\n", "\x89PNG....")),
      record("metadata", "4444", "https://a.example/1", "via: x\r\n"),
      record("response", "5555", "https://a.example/2",
             http("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                  "10\r\n" + std::string(kPage2).substr(0, 16) + "\r\n" +
                      [] {
                        const std::string rest = std::string(kPage2).substr(16);
                        char hex[16];
                        std::snprintf(hex, sizeof(hex), "%zx", rest.size());
                        return std::string(hex) + ";ext=1\r\n" + rest + "\r\n0\r\n\r\n";
                      }())),
  };
}

std::vector<Document> read(std::string_view name, std::string_view bytes) {
  std::vector<Document> docs;
  read_warc(name, bytes, [&](Document&& d) { docs.push_back(std::move(d)); });
  return docs;
}

std::string meta(const Document& doc, std::string_view key) {
  for (const auto& m : doc.meta)
    if (m.key == key) return m.json;
  return {};
}

TEST(WarcReader, PlainRecords) {
  std::string warc;
  std::vector<size_t> offsets;
  for (const auto& r : sample_records()) {
    offsets.push_back(warc.size());
    warc += r;
  }
  const auto docs = read("crawl.warc", warc);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "2222");
  EXPECT_EQ(docs[0].url, "https://a.example/1");
  EXPECT_EQ(docs[0].title, "One");
  EXPECT_EQ(docs[0].text, "First page.");
  EXPECT_EQ(docs[0].format, "warc");
  EXPECT_EQ(docs[0].date, "2022-03-04");  // from WARC-Date
  EXPECT_EQ(docs[0].date_source, DateSource::kMetadata);
  EXPECT_EQ(docs[0].origin, "crawl.warc@" + std::to_string(offsets[2]));
  EXPECT_EQ(meta(docs[0], "warc_record"), std::to_string(offsets[2]));
  EXPECT_TRUE(docs[0].errors.empty());
  EXPECT_EQ(docs[1].id, "5555");
  EXPECT_EQ(docs[1].title, "Two");
  EXPECT_EQ(docs[1].text, "Second page.");  // chunked body decoded
  EXPECT_EQ(docs[1].date, "2021-01-02");    // page metadata wins over WARC-Date
  EXPECT_TRUE(docs[1].errors.empty());
}

TEST(WarcReader, GzipMembersReportCompressedOffsets) {
  std::string gz;
  std::vector<size_t> offsets;
  for (const auto& r : sample_records()) {
    offsets.push_back(gz.size());
    gz += gzip_member(r);
  }
  const auto docs = read("crawl.warc.gz", gz);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].origin, "crawl.warc.gz@" + std::to_string(offsets[2]));
  EXPECT_EQ(docs[1].origin, "crawl.warc.gz@" + std::to_string(offsets[5]));
  EXPECT_EQ(docs[1].text, "Second page.");

  // Through read_bytes: detected by the extension, gzip handled by the WARC reader.
  std::vector<Document> via;
  read_bytes("crawl.warc.gz", gz, ReadOptions{}, [&](Document&& d) { via.push_back(std::move(d)); });
  ASSERT_EQ(via.size(), 2u);
  EXPECT_EQ(via[1].origin, docs[1].origin);
}

TEST(WarcReader, WholeFileGzipAndGzipContentEncoding) {
  const std::string page = gzip_member(kPage1);
  const std::string one = record("response", "abcd", "https://b.example/",
                                 http("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", page));
  const std::string two = record("response", "efgh", "https://b.example/2",
                                 http("Content-Type: application/xhtml+xml\r\n", kPage2));
  const auto docs = read("all.warc.gz", gzip_member(one + two));
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "First page.");
  EXPECT_EQ(docs[1].text, "Second page.");
  EXPECT_EQ(docs[0].origin, "all.warc.gz@0");
}

TEST(WarcReader, TruncatedPlainRecord) {
  const auto recs = sample_records();
  std::string warc = recs[2];
  const size_t second = warc.size();
  warc += recs[5].substr(0, recs[5].size() / 2);
  const auto docs = read("t.warc", warc);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "First page.");
  EXPECT_EQ(docs[1].id, "t.warc@" + std::to_string(second));
  EXPECT_EQ(docs[1].origin, docs[1].id);
  ASSERT_EQ(docs[1].errors.size(), 1u);
  EXPECT_EQ(docs[1].errors[0].message, "truncated WARC record at offset " + std::to_string(second));
}

TEST(WarcReader, TruncatedAndCorruptGzipMembers) {
  const auto recs = sample_records();
  const std::string first = gzip_member(recs[2]);
  const std::string second = gzip_member(recs[5]);
  {
    const auto docs = read("t.warc.gz", first + second.substr(0, second.size() / 2));
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(docs[0].text, "First page.");
    ASSERT_EQ(docs[1].errors.size(), 1u);
    EXPECT_EQ(docs[1].errors[0].message,
              "truncated WARC record at offset " + std::to_string(first.size()));
  }
  {
    std::string bad = second;
    for (size_t i = 20; i < 60 && i < bad.size(); ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    const auto docs = read("c.warc.gz", first + bad + first);
    ASSERT_GE(docs.size(), 2u);
    EXPECT_EQ(docs[0].text, "First page.");
    ASSERT_EQ(docs[1].errors.size(), 1u);
    EXPECT_EQ(docs[1].errors[0].message,
              "corrupt gzip member at offset " + std::to_string(first.size()));
    EXPECT_EQ(docs[1].id, "c.warc.gz@" + std::to_string(first.size()));
  }
}

TEST(WarcReader, GarbageResyncsAtNextRecord) {
  const auto recs = sample_records();
  const std::string warc = "garbage line\r\nmore\r\n" + recs[2];
  const auto docs = read("g.warc", warc);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_NE(docs[0].errors[0].message.find("invalid WARC record at offset 0"), std::string::npos);
  EXPECT_EQ(docs[1].text, "First page.");
}

TEST(WarcReader, SniffsHtmlAndSkipsRedirects) {
  const std::string warc =
      record("response", "r1", "https://c.example/", http("", kPage1)) +
      record("response", "r2", "https://c.example/old",
             "HTTP/1.1 301 Moved\r\nLocation: /\r\nContent-Type: text/html\r\n\r\n<p>moved</p>");
  const auto docs = read("s.warc", warc);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "r1");
  EXPECT_EQ(docs[0].text, "First page.");
}

TEST(WarcHttp, Chunked) {
  std::string out;
  EXPECT_EQ(decode_chunked("3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n", &out), ChunkedResult::kOk);
  EXPECT_EQ(out, "abcde");
  EXPECT_EQ(decode_chunked("<html>", &out), ChunkedResult::kNotChunked);
  EXPECT_EQ(decode_chunked("5\r\nab", &out), ChunkedResult::kTruncated);
  EXPECT_EQ(out, "ab");
}

TEST(WarcReader, EmptyAndNonWarcInput) {
  EXPECT_TRUE(read("e.warc", "").empty());
  const auto docs = read("x.warc", "this is not a warc file");
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].errors.size(), 1u);
}

}  // namespace
}  // namespace casus::ingest
