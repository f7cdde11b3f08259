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

// Gaps that the rules settle before the model is asked (GapFeaturizer::fixed): 1 = a sentence
// ends, 0 = it does not, -1 = the model decides. The gap follows the `nth` token spelled `after`;
// the sentence is taken to start at the paragraph's first token.
TEST(SentenceModel, FixedDecisions) {
  struct Case {
    const char* name;
    const char* text;
    const char* after;
    int nth;
    int expected;
  };
  const Case cases[] = {
      {"score_period", "The score was 3-2. Fans cheered.", ".", 1, 1},
      {"year_period", "He was born in 1984. He died later.", ".", 1, 1},
      {"footnote_mark_after_year", "He was born in 1984. [2] He died later.", ".", 1, -1},
      {"list_number_after_symbols", "* 2. The second ingredient is words.", ".", 1, -1},
      {"born_abbreviation", "Matilda (b. March 2009) and Teddie.", ".", 1, 0},
      {"circa_abbreviation", "Theodorus (c. 314-368) was a monk.", ".", 1, 0},
      {"page_abbreviation", "As argued (Smith, 2006, p. 330), it holds.", ".", 1, 0},
      {"question_then_lowercase", "Who cares? not me.", "?", 1, 1},
      {"ordinary_period", "It rained. Then it stopped.", ".", 1, -1},
      {"bracket_insertion", "In 88 and 92, [George H. W.] Bush won.", "]", 1, 0},
      {"footnote_bracket", "He died in 1832. [12] Then came", "]", 1, -1},
      {"initial_then_starter", "It is because of X. So I may as well.", "X.", 1, 1},
      {"initial_then_name", "George W. Bush spoke.", "W.", 1, 0},
      {"mail_stamp_am_pm", "Traci Warner on 08/16/2000 03:14:14 PM Steve, Rod - hi", "PM", 1, 1},
      {"mail_stamp_24h", "Mike Jordan 21/03/2001 18:20 Several issues arose.", "18:20", 1, 1},
      {"time_without_date", "We meet at 03:14 PM Steve said.", "PM", 1, -1},
      {"opening_mark", "AP reported of Muqtada: 'A radical cleric spoke.'", "'", 1, 0},
      {"closing_mark", "He said 'no.' Then he left.", "'", 2, -1},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    std::vector<RawToken> toks;
    tokenize(text, &toks);
    size_t gap = toks.size();
    for (size_t k = 0, seen = 0; k + 1 < toks.size(); ++k) {
      if (text.substr(toks[k].begin, toks[k].end - toks[k].begin) == c.after &&
          ++seen == static_cast<size_t>(c.nth)) {
        gap = k;
        break;
      }
    }
    ASSERT_LT(gap, toks.size()) << c.name;
    GapFeaturizer fz;
    fz.reset(text, toks.data(), toks.size());
    EXPECT_EQ(fz.fixed(gap, fz.rule(gap), gap + 1), c.expected) << c.name;
  }
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
