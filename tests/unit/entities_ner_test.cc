// NER: hand-written sentences, the model file loader, and the first sample article.
#include <gtest/gtest.h>


#include "entities/ner.h"
#include "ingest/ingest.h"
#include "text/text.h"
#include "pipeline_fixture.h"

namespace casus::entities {
namespace {

std::vector<std::pair<std::string, EntityType>> names_in(const std::string& text) {
  Document doc;
  doc.text = text;
  text::prepare(doc);
  text::segment(doc);
  NerWorkspace ws;
  std::vector<std::pair<std::string, EntityType>> out;
  for (const Sentence& s : doc.sentences) {
    std::vector<std::string_view> v;
    for (uint32_t t = s.first_token; t < s.end_token; ++t) v.push_back(doc.slice(doc.tokens[t].span));
    std::vector<NamedSpan> spans;
    NerModel::builtin()->recognize(v, ws, &spans);
    for (const auto& n : spans) {
      const Span sp{doc.tokens[s.first_token + n.begin].span.begin,
                    doc.tokens[s.first_token + n.end - 1].span.end};
      out.emplace_back(std::string(doc.slice(sp)), n.type);
    }
  }
  return out;
}

bool has(const std::vector<std::pair<std::string, EntityType>>& v, const std::string& name,
         EntityType type) {
  for (const auto& [n, t] : v)
    if (n == name && t == type) return true;
  return false;
}

TEST(EntitiesNer, HandWrittenSentences) {
  ASSERT_FALSE(NerModel::builtin()->empty()) << "models/ner.bin was not embedded";
  const auto a = names_in("Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday.");
  EXPECT_TRUE(has(a, "Olaf Scholz", EntityType::kPer));
  EXPECT_TRUE(has(a, "Emmanuel Macron", EntityType::kPer));
  EXPECT_TRUE(has(a, "Paris", EntityType::kGpe));
  const auto b = names_in("The European Union and NATO criticized Russia.");
  EXPECT_TRUE(has(b, "NATO", EntityType::kOrg));
  EXPECT_TRUE(has(b, "Russia", EntityType::kGpe));
  const auto c = names_in("Ukrainian soldiers crossed the Kerch Bridge.");
  EXPECT_TRUE(has(c, "Ukrainian", EntityType::kNorp));
  EXPECT_TRUE(has(c, "Kerch Bridge", EntityType::kFac));
}

TEST(EntitiesNer, PostRules) {
  // One-word lexicon aliases that are common words ("IS", "LET") need capitals.
  for (const auto& [n, t] : names_in("Is it ok to book online? Let me know."))
    EXPECT_TRUE(n != "Is" && n != "Let") << n;
  // A possessive that ends the noun phrase names a business, "'s" included (UNER convention);
  // one that starts a noun phrase does not.
  EXPECT_TRUE(has(names_in("We had lunch at Del Frisco's in Houston."), "Del Frisco's",
                  EntityType::kFac));
  for (const auto& [n, t] : names_in("Yasser Arafat's legacy is disputed."))
    EXPECT_NE(n, "Yasser Arafat's");
}

TEST(EntitiesNer, LoaderRefusesUnknownFiles) {
  NerModel m;
  EXPECT_FALSE(NerModel::load("not a model at all, just some bytes here", &m).is_ok());
  std::string bytes = NerModel::builtin()->save();
  NerModel ok;
  ASSERT_TRUE(NerModel::load(bytes, &ok).is_ok());
  EXPECT_EQ(ok.content_hash(), NerModel::builtin()->content_hash());
  bytes[8] = 99;  // version
  EXPECT_EQ(NerModel::load(bytes, &m).code(), Status::Code::kUnsupported);
  bytes = NerModel::builtin()->save();
  bytes[bytes.size() - 3] ^= 0x5a;  // payload
  EXPECT_EQ(NerModel::load(bytes, &m).code(), Status::Code::kCorrupt);
}

Document sample_article() { return test_support::process_sample_article(); }

const Entity* find_entity(const Document& doc, std::string_view name, EntityType type) {
  for (const Entity& e : doc.entities)
    if (e.name == name && e.type == type) return &e;
  return nullptr;
}

bool has_mention(const Document& doc, std::string_view text, EntityType type) {
  for (const Mention& m : doc.mentions)
    if (doc.slice(m.span) == text && m.type == type) return true;
  return false;
}

TEST(EntitiesNer, SampleArticle) {
  const Document doc = sample_article();
  EXPECT_TRUE(doc.errors.empty()) << doc.errors.front().message;
  for (const Mention& m : doc.mentions) {
    ASSERT_LE(m.span.begin, m.span.end);
    ASSERT_LE(m.span.end, doc.text.size());
    ASSERT_LT(m.entity, doc.entities.size());
    EXPECT_EQ(m.span.begin, doc.tokens[m.first_token].span.begin);
    EXPECT_EQ(m.span.end, doc.tokens[m.end_token - 1].span.end);
  }
  const Entity* putin = find_entity(doc, "Vladimir Putin", EntityType::kPer);
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->actor_code, "RUSGOV");
  const Entity* blinken = find_entity(doc, "Antony Blinken", EntityType::kPer);
  ASSERT_NE(blinken, nullptr);
  EXPECT_EQ(blinken->actor_code, "USAGOV");
  EXPECT_TRUE(has_mention(doc, "Kremlin", EntityType::kFac));
  EXPECT_TRUE(has_mention(doc, "Kerch Bridge", EntityType::kFac));
  EXPECT_TRUE(has_mention(doc, "Russia", EntityType::kGpe));
  EXPECT_TRUE(has_mention(doc, "Ukraine", EntityType::kGpe));
  EXPECT_TRUE(has_mention(doc, "Moscow", EntityType::kGpe));
  EXPECT_TRUE(has_mention(doc, "NATO", EntityType::kOrg));
  EXPECT_TRUE(has_mention(doc, "Ukrainian", EntityType::kNorp));
  EXPECT_TRUE(has_mention(doc, "Washington Post", EntityType::kOrg));
  EXPECT_NE(find_entity(doc, "David Ignatius", EntityType::kPer), nullptr);
}

}  // namespace
}  // namespace casus::entities
