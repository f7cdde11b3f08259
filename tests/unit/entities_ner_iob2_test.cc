// UNER IOB2 reading and partial training labels (entities/ner_iob2.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "entities/ner_iob2.h"

namespace casus::entities {
namespace {

constexpr int kB = 1, kI = 2;  // B-type = 1 + 2 * type, I-type = 2 + 2 * type
int tag(EntityType t, int bi) { return bi + 2 * static_cast<int>(t); }
uint16_t bit(int t) { return static_cast<uint16_t>(1u << t); }

std::string write_temp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path.string();
}

TEST(NerIob2, ReadsDocumentsAndSentences) {
  const std::string path = write_temp(
      "casus_iob2_test.iob2",
      "# newdoc id = a\n# sent_id = a-1\n1\tWe\tO\t-\t-\n2\tflew\tO\t-\t-\n3\tto\tO\t-\t-\n"
      "4\ttampa\tB-LOC\t-\tx\n5\tbay\tI-LOC\t-\tx\n\n"
      "1\tHi\tO\t-\t-\n\n"
      "# newdoc id = b\n1\tAcme\tB-ORG\t-\t-\n2\tCorp\tI-ORG\t-\t-\n3\tsaid\tO\t-\t-\n\n");
  std::vector<Iob2Document> docs;
  ASSERT_TRUE(read_iob2(path, &docs).is_ok());
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_EQ(docs[0].size(), 2u);
  EXPECT_EQ(docs[0][0].tokens[3], "tampa");
  EXPECT_EQ(docs[0][0].tags[4], "I-LOC");
  ASSERT_EQ(docs[1].size(), 1u);
  const auto spans = iob2_spans(docs[1][0]);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0], (Iob2Span{0, 2, "ORG"}));
  std::filesystem::remove(path);
}

TEST(NerIob2, MalformedLineIsAnErrorWithItsLine) {
  const std::string path = write_temp("casus_iob2_bad.iob2", "1\tok\tO\n2 no tabs here\n");
  std::vector<Iob2Document> docs;
  const Status st = read_iob2(path, &docs);
  EXPECT_FALSE(st.is_ok());
  EXPECT_NE(st.message().find(":2:"), std::string::npos) << st.message();
  std::filesystem::remove(path);
  EXPECT_FALSE(read_iob2(path, &docs).is_ok());  // missing file
}

TEST(NerIob2, SpansDoNotJoinAcrossTypes) {
  Iob2Sentence s{{"a", "b", "c", "d"}, {"B-PER", "I-ORG", "I-ORG", "O"}};
  const auto spans = iob2_spans(s);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Iob2Span{0, 1, "PER"}));
  EXPECT_EQ(spans[1], (Iob2Span{1, 3, "ORG"}));  // a stray I- starts a span of its own
}

TEST(NerIob2, PartialLabelsKeepUnersAmbiguity) {
  Iob2Sentence s{{"Smith", "visited", "New", "York", "'s", "Apple", "Dutch", "iPhone"},
                 {"B-PER", "O", "B-LOC", "I-LOC", "O", "B-ORG", "O", "B-OTH"}};
  const NerSentence ns = uner_training_sentence(s, 0.5f);
  ASSERT_EQ(ns.allowed.size(), s.tokens.size());
  EXPECT_FLOAT_EQ(ns.weight, 0.5f);
  EXPECT_EQ(ns.allowed[0], bit(tag(EntityType::kPer, kB)));
  EXPECT_EQ(ns.allowed[2], bit(tag(EntityType::kGpe, kB)) | bit(tag(EntityType::kLoc, kB)) |
                               bit(tag(EntityType::kFac, kB)));
  EXPECT_EQ(ns.allowed[3], bit(tag(EntityType::kGpe, kI)) | bit(tag(EntityType::kLoc, kI)) |
                               bit(tag(EntityType::kFac, kI)));
  EXPECT_EQ(ns.allowed[5], bit(tag(EntityType::kOrg, kB)));
  // O: outside, or a nationality word (UNER tags those O, casus NORP).
  EXPECT_EQ(ns.allowed[6], bit(0) | bit(tag(EntityType::kNorp, kB)) | bit(tag(EntityType::kNorp, kI)));
  EXPECT_EQ(ns.allowed[7], (1u << kNerTags) - 1);  // OTH teaches nothing
  EXPECT_EQ(ns.tags[0], tag(EntityType::kPer, kB));
  EXPECT_EQ(ns.tags[1], 0);
}

}  // namespace
}  // namespace casus::entities
