// Tests of the learned sentence-boundary classifier (text/sentence_model.h): the built-in model,
// serialization, refusal of foreign or damaged files, and deterministic training.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/sentence_model.h"

namespace casus::text {
namespace {

TEST(SentenceModel, BuiltinIsLoaded) {
  const SentenceModel& m = SentenceModel::builtin();
  EXPECT_FALSE(m.empty()) << "data/text/sentence_model.bin missing or rejected at build time";
  EXPECT_EQ(&m, &SentenceModel::builtin());
}

TEST(SentenceModel, SerializeParseRoundTrip) {
  std::vector<float> w(1u << 10);
  for (size_t k = 0; k < w.size(); ++k) w[k] = static_cast<float>(static_cast<int>(k % 17) - 8);
  const SentenceModel m = SentenceModel::from_float(w, 10, 1.5f);
  const std::string bytes = m.serialize();
  SentenceModel back;
  ASSERT_TRUE(SentenceModel::parse(bytes, &back).is_ok());
  EXPECT_EQ(back.serialize(), bytes);
  EXPECT_EQ(back.hash(), m.hash());
  EXPECT_EQ(back.bits(), 10u);
  EXPECT_NEAR(back.threshold(), 1.5f, 0.01f);
}

TEST(SentenceModel, RefusesDamagedOrForeignFiles) {
  const SentenceModel m = SentenceModel::from_float(std::vector<float>(1u << 8, 1.0f), 8, 0);
  const std::string good = m.serialize();
  SentenceModel out;
  EXPECT_FALSE(SentenceModel::parse("", &out).is_ok());
  EXPECT_FALSE(SentenceModel::parse("XXXX" + good.substr(4), &out).is_ok());
  std::string version = good;
  version[4] = 99;
  EXPECT_FALSE(SentenceModel::parse(version, &out).is_ok());
  std::string features = good;
  features[8] = 99;
  EXPECT_FALSE(SentenceModel::parse(features, &out).is_ok());
  std::string flipped = good;
  flipped[40] ^= 1;
  EXPECT_FALSE(SentenceModel::parse(flipped, &out).is_ok());
  EXPECT_FALSE(SentenceModel::parse(good.substr(0, good.size() - 2), &out).is_ok());
  EXPECT_TRUE(SentenceModel::parse(good, &out).is_ok());
}

TEST(SentenceModel, EmptyModelFollowsTheRules) {
  const std::string text = "It rained. Then it stopped";
  std::vector<RawToken> toks;
  tokenize(text, &toks);
  std::vector<uint8_t> breaks(toks.size());
  SentenceModel().split(text, toks.data(), toks.size(), breaks.data());
  ASSERT_EQ(toks.size(), 6u);
  EXPECT_EQ(breaks, (std::vector<uint8_t>{0, 0, 1, 0, 0, 1}));
}

// A toy corpus: sentences end at "." and, without punctuation, before "Regards".
std::vector<SentenceTrainingDoc> toy_docs(int count) {
  std::vector<SentenceTrainingDoc> docs;
  const char* words[] = {"the", "cat", "sat", "on", "a", "mat", "dogs", "run"};
  for (int d = 0; d < count; ++d) {
    SentenceTrainingDoc doc;
    for (int s = 0; s < 4; ++s) {
      if (!doc.text.empty()) doc.text += ' ';
      const auto b = static_cast<uint32_t>(doc.text.size());
      doc.text += "The";
      for (int k = 0; k < 3 + (d + s) % 4; ++k) {
        doc.text += ' ';
        doc.text += words[(d * 7 + s * 3 + k) % 8];
      }
      if (s < 3) doc.text += " .";
      doc.sentences.emplace_back(b, static_cast<uint32_t>(doc.text.size()));
    }
    const auto b = static_cast<uint32_t>(doc.text.size() + 1);
    doc.text += " Regards Ann";
    doc.sentences.emplace_back(b, static_cast<uint32_t>(doc.text.size()));
    docs.push_back(std::move(doc));
  }
  return docs;
}

TEST(SentenceModel, TrainingIsDeterministicAndLearns) {
  const auto train = toy_docs(40), dev = toy_docs(10);
  SentenceTrainOptions options;
  options.bits = 12;
  options.epochs = 5;
  options.verbose = false;
  const SentenceModel a = train_sentence_model(train, {dev}, options);
  const SentenceModel b = train_sentence_model(train, {dev}, options);
  EXPECT_EQ(a.serialize(), b.serialize());
  EXPECT_GT(score_sentence_model(a, dev).f1(), score_sentence_model(SentenceModel(), dev).f1());
  EXPECT_GT(score_sentence_model(a, dev).f1(), 99.0);
}

}  // namespace
}  // namespace casus::text
