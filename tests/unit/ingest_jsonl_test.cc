#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace casus::ingest {
namespace {

std::vector<Document> read(std::string_view name, std::string_view bytes) {
  std::vector<Document> docs;
  read_jsonl(name, bytes, [&](Document&& d) { docs.push_back(std::move(d)); });
  return docs;
}

std::string meta(const Document& doc, std::string_view key) {
  for (const auto& m : doc.meta)
    if (m.key == key) return m.json;
  return {};
}

TEST(JsonlReader, GoodLines) {
  const auto docs = read("in.jsonl",
                         "{\"id\":\"a1\",\"text\":\"Hello.\",\"title\":\"T\",\"date\":\"2023-05-03T10:00:00Z\","
                         "\"url\":\"https://x/1\",\"authors\":[\"A B\",\"C D\"],\"source\":{\"k\":[1,2]},\"n\":7}\n"
                         "\n   \n"
                         "{\"id\":42,\"text\":\"Second\",\"authors\":\"Solo Name\",\"date\":\"sometime\"}");
  ASSERT_EQ(docs.size(), 2u);
  const Document& a = docs[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.text, "Hello.");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.date, "2023-05-03");
  EXPECT_EQ(a.date_source, DateSource::kInput);
  EXPECT_EQ(a.url, "https://x/1");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"A B", "C D"}));
  EXPECT_EQ(meta(a, "source"), "{\"k\":[1,2]}");
  EXPECT_EQ(meta(a, "n"), "7");
  EXPECT_EQ(a.origin, "in.jsonl:1");
  EXPECT_EQ(a.format, "jsonl");
  EXPECT_TRUE(a.errors.empty());
  const Document& b = docs[1];
  EXPECT_EQ(b.id, "42");
  EXPECT_EQ(b.origin, "in.jsonl:4");
  EXPECT_EQ(b.authors, (std::vector<std::string>{"Solo Name"}));
  EXPECT_TRUE(b.date.empty());
  EXPECT_EQ(meta(b, "date"), "\"sometime\"");
}

TEST(JsonlReader, BadLinesYieldOneErrorDocumentEach) {
  const auto docs = read("bad.jsonl",
                         "{not json}\n"
                         "[1,2]\n"
                         "{\"id\":\"x\"}\n"
                         "{\"text\":\"no id\"}\n"
                         "{\"id\":null,\"text\":5}\n"
                         "{\"id\":\"ok\",\"text\":\"fine\"} trailing\n"
                         "{\"id\":\"last\",\"text\":\"good\"}\n");
  ASSERT_EQ(docs.size(), 7u);
  for (size_t i = 0; i < 6; ++i) {
    ASSERT_EQ(docs[i].errors.size(), 1u) << i;
    EXPECT_EQ(docs[i].errors[0].stage, "ingest");
    EXPECT_EQ(docs[i].origin, "bad.jsonl:" + std::to_string(i + 1));
    EXPECT_NE(docs[i].errors[0].message.find("line " + std::to_string(i + 1)), std::string::npos);
  }
  EXPECT_NE(docs[0].errors[0].message.find("not valid JSON"), std::string::npos);
  EXPECT_NE(docs[1].errors[0].message.find("not a JSON object"), std::string::npos);
  EXPECT_NE(docs[2].errors[0].message.find("\"text\""), std::string::npos);
  EXPECT_EQ(docs[2].id, "x");
  EXPECT_NE(docs[3].errors[0].message.find("\"id\""), std::string::npos);
  EXPECT_EQ(docs[3].id, "bad:4");
  EXPECT_TRUE(docs[6].errors.empty());
  EXPECT_EQ(docs[6].text, "good");
}

TEST(JsonlReader, BomCrlfAndHugeLine) {
  std::string big(3 << 20, 'x');
  const std::string input = "\xEF\xBB\xBF{\"id\":\"1\",\"text\":\"a\"}\r\n\r\n{\"id\":\"2\",\"text\":\"" +
                            big + "\"}\r\n";
  const auto docs = read("crlf.jsonl", input);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(docs[0].errors.empty());
  EXPECT_EQ(docs[0].text, "a");
  EXPECT_EQ(docs[1].text.size(), big.size());
  EXPECT_EQ(docs[1].origin, "crlf.jsonl:3");
}

TEST(JsonlReader, DeepNestingIsRefusedNotRecursed) {
  std::string deep = "{\"id\":\"d\",\"text\":\"t\",\"x\":";
  for (int i = 0; i < 100000; ++i) deep += '[';
  for (int i = 0; i < 100000; ++i) deep += ']';
  deep += "}";
  const auto docs = read("deep.jsonl", deep);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "t");
  ASSERT_EQ(docs[0].errors.size(), 1u);
  EXPECT_NE(docs[0].errors[0].message.find("nested deeper"), std::string::npos);
}

TEST(JsonlReader, ThroughReadBytes) {
  std::vector<Document> docs;
  auto emit = [&](Document&& d) { docs.push_back(std::move(d)); };
  read_bytes("feed.ndjson", "{\"id\":\"a\",\"text\":\"x\"}\n", ReadOptions{}, emit);
  read_bytes("-", "{\"id\":\"b\",\"text\":\"y\"}", ReadOptions{}, emit);  // sniffed
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "a");
  EXPECT_EQ(docs[0].origin, "feed.ndjson:1");
  EXPECT_EQ(docs[1].id, "b");
  EXPECT_EQ(docs[1].format, "jsonl");
}

}  // namespace
}  // namespace casus::ingest
