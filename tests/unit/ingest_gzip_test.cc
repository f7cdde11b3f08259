#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "ingest/ingest.h"

namespace casus::ingest {
namespace {

std::string gz(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(Gunzip, MultiMember) {
  const std::string a = gz("hello "), b = gz("world");
  const GunzipResult r = gunzip(a + b, 1 << 20);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.data, "hello world");
}

TEST(Gunzip, TruncatedCorruptAndLimit) {
  const std::string a = gz("hello "), b = gz(std::string(5000, 'z') + "tail");
  GunzipResult r = gunzip(a + b.substr(0, b.size() - 6), 1 << 20);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_offset, a.size());
  EXPECT_EQ(r.data.substr(0, 6), "hello ");

  std::string bad = b;
  bad[12] = static_cast<char>(bad[12] ^ 0xFF);
  bad[13] = static_cast<char>(bad[13] ^ 0xFF);
  r = gunzip(a + bad, 1 << 20);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_offset, a.size());

  r = gunzip(b, 100);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("exceeds"), std::string::npos);

  r = gunzip(a + "junk", 1 << 20);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.data, "hello ");
  EXPECT_EQ(r.error_offset, a.size());

  r = gunzip(std::string("\x1f\x8b", 2), 1 << 20);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.data.empty());
}

TEST(Gunzip, ReadBytesDecompressesOtherFormats) {
  std::vector<Document> docs;
  read_bytes("a.jsonl.gz", gz("{\"id\":\"1\",\"text\":\"x\"}\n{\"id\":\"2\",\"text\":\"y\"}\n"),
             ReadOptions{}, [&](Document&& d) { docs.push_back(std::move(d)); });
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].id, "2");
  docs.clear();
  read_bytes("p.html.gz", gz("<p>Zipped page.</p>"), ReadOptions{},
             [&](Document&& d) { docs.push_back(std::move(d)); });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "Zipped page.");
}

}  // namespace
}  // namespace casus::ingest
