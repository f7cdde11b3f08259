// The quotes stage: one table row per construction (docs/quotes.md), quote-mark pairing, the
// cue lexicon, and the first sample article through the Markdown reader and the full Engine.
#include "quotes/quotes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "casus/engine.h"
#include "ingest/ingest.h"
#include "quotes/cues.h"
#include "pipeline_fixture.h"

namespace casus {
namespace {

Document run(std::string text) { return test_support::process_text(std::move(text)); }

std::string content_text(const Document& doc, const Quote& q) {
  std::string s;
  for (const Span& sp : q.content) {
    if (!s.empty()) s += " | ";
    s += doc.slice(sp);
  }
  return s;
}

// Every span of every quote lies inside the text, on UTF-8 boundaries.
void expect_valid_spans(const Document& doc) {
  auto ok = [&](Span s) {
    if (s.begin > s.end || s.end > doc.text.size()) return false;
    for (uint32_t b : {s.begin, s.end})
      if (b < doc.text.size() && (static_cast<unsigned char>(doc.text[b]) & 0xC0) == 0x80)
        return false;
    return true;
  };
  for (const Quote& q : doc.quotes) {
    EXPECT_FALSE(q.content.empty());
    for (const Span& s : q.content) EXPECT_TRUE(ok(s) && !s.empty());
    EXPECT_TRUE(ok(q.speaker));
    EXPECT_TRUE(ok(q.cue));
    EXPECT_TRUE(ok(q.addressee));
    EXPECT_TRUE(q.speaker_entity == kNoEntity || q.speaker_entity < doc.entities.size());
    EXPECT_LE(q.first_sentence, q.end_sentence);
    EXPECT_LE(q.end_sentence, doc.sentences.size());
  }
}

struct Case {
  const char* name;
  const char* text;
  QuoteKind kind;
  const char* content;    // pieces joined by " | "
  const char* speaker;    // as written, "" for none
  const char* cue;        // as written, "" for none
  const char* addressee;  // as written, "" for none
};

// The quote whose content starts with `content`'s first piece.
const Quote* find_quote(const Document& doc, const std::string& content) {
  for (const Quote& q : doc.quotes)
    if (content_text(doc, q) == content) return &q;
  return nullptr;
}

const Case kCases[] = {
    {"inverted cue after quote", "\"We didn't attack Putin,\" said Zelensky.", QuoteKind::kDirect,
     "\"We didn't attack Putin,\"", "Zelensky", "said", ""},
    {"cue after quote", "\u201CWe regard these actions as a terrorist act,\u201D Moscow said.",
     QuoteKind::kDirect, "\u201CWe regard these actions as a terrorist act,\u201D", "Moscow",
     "said", ""},
    {"cue before quote with colon", "Blinken said: \u2018We leave it to Ukraine to decide.\u2019",
     QuoteKind::kDirect, "\u2018We leave it to Ukraine to decide.\u2019", "Blinken", "said:", ""},
    {"guillemets", "Macron said, \u00ABWe will stand with Ukraine for as long as it takes.\u00BB",
     QuoteKind::kDirect, "\u00ABWe will stand with Ukraine for as long as it takes.\u00BB",
     "Macron", "said", ""},
    {"low-9 opening mark", "Scholz said, \u201EWe will not send troops to the front.\u201C",
     QuoteKind::kDirect, "\u201EWe will not send troops to the front.\u201C", "Scholz", "said", ""},
    {"NYT double apostrophes", "''The economy is strong,'' said Jared Bernstein, an economist.",
     QuoteKind::kDirect, "''The economy is strong,''", "Jared Bernstein, an economist", "said", ""},
    {"split quote", "\u201CWe will win,\u201D Smith said, \u201Cand we will win soon.\u201D",
     QuoteKind::kDirect, "\u201CWe will win,\u201D | \u201Cand we will win soon.\u201D", "Smith",
     "said", ""},
    {"nested quote", "\"He told me, 'Go home right now,'\" said Smith.", QuoteKind::kDirect,
     "\"He told me, 'Go home right now,'\"", "Smith", "said", ""},
    {"multi-sentence quote",
     "\"It went beyond the room. It went beyond the moment,\" said Donna "
     "Brazile, the chairwoman of the committee.",
     QuoteKind::kDirect, "\"It went beyond the room. It went beyond the moment,\"",
     "Donna Brazile, the chairwoman of the committee", "said", ""},
    {"multi-paragraph quote", "Trump said, \"We will build the wall.\n\n\"And Mexico will pay.\"",
     QuoteKind::kDirect, "\"We will build the wall. | \"And Mexico will pay.\"", "Trump", "said",
     ""},
    {"participle cue",
     "She refused to condemn the attack, declaring, \u201CI'm just not going to "
     "speculate.\u201D",
     QuoteKind::kDirect, "\u201CI'm just not going to speculate.\u201D", "She", "declaring", ""},
    {"question with addressee",
     "Ignatius asked him again: \"Would the United States criticize "
     "them?\"",
     QuoteKind::kDirect, "\"Would the United States criticize them?\"", "Ignatius", "asked", "him"},
    {"passive question",
     "Jean-Pierre was asked a variant of the same question: \"Is Putin a "
     "lawful target?\"",
     QuoteKind::kDirect, "\"Is Putin a lawful target?\"", "", "was asked", "Jean-Pierre"},
    {"said that", "Smith said that the plan would fail.", QuoteKind::kIndirect,
     "that the plan would fail", "Smith", "said", ""},
    {"told X that", "US officials told the New York Times that the United States did not know.",
     QuoteKind::kIndirect, "that the United States did not know", "US officials", "told",
     "the New York Times"},
    {"according to first", "According to Smith, the plan failed badly.", QuoteKind::kIndirect,
     "the plan failed badly", "Smith", "According to", ""},
    {"according to last", "The plan failed badly, according to Smith.", QuoteKind::kIndirect,
     "The plan failed badly", "Smith", "according to", ""},
    {"denied that", "Smith denied that he had met Jones.", QuoteKind::kIndirect,
     "that he had met Jones", "Smith", "denied", ""},
    {"called X Y", "Russia's Foreign Ministry called the explosions an attempt to kill Putin.",
     QuoteKind::kIndirect, "the explosions an attempt to kill Putin", "Russia's Foreign Ministry",
     "called", ""},
    {"warned that", "The governor warned that prices would rise.", QuoteKind::kIndirect,
     "that prices would rise", "The governor", "warned", ""},
    {"tail cue", "The economy will grow next year, Smith said.", QuoteKind::kIndirect,
     "The economy will grow next year", "Smith", "said", ""},
    {"mixed quote",
     "Vindman hailed the attack, declaring that it \u201Cdemonstrates how "
     "vulnerable Russia really is.\u201D",
     QuoteKind::kMixed, "that it \u201Cdemonstrates how vulnerable Russia really is.\u201D",
     "Vindman", "declaring", ""},
    {"term quote attributed", "Nixey declared the attack was a \"false flag\" by the Kremlin.",
     QuoteKind::kTerm, "\"false flag\"", "Nixey", "declared", ""},
    {"term quote alone", "The so-called \"deal\" collapsed on Monday.", QuoteKind::kTerm,
     "\"deal\"", "", "", ""},
    // PolNeAR's conventions (docs/quotes.md).
    {"auxiliaries and adverbs in the cue",
     "The senator has repeatedly said that the plan would fail.", QuoteKind::kIndirect,
     "that the plan would fail", "The senator", "has repeatedly said", ""},
    {"progressive cue", "Smith is warning that the bridge will close.", QuoteKind::kIndirect,
     "that the bridge will close", "Smith", "is warning", ""},
    {"preposition after an object cue", "The governor warned of a long recession.",
     QuoteKind::kIndirect, "a long recession", "The governor", "warned of", ""},
    {"parenthesis closes the source", "Sen. David Perdue (R-Ga.) said the bill would pass.",
     QuoteKind::kIndirect, "the bill would pass", "Sen. David Perdue (R-Ga.)", "said", ""},
    {"hearer phrase stops at that",
     "A producer for Yahoo Studios told The New York Times on Tuesday that Trump canceled the "
     "interview.",
     QuoteKind::kIndirect, "that Trump canceled the interview", "A producer for Yahoo Studios",
     "told", "The New York Times"},
    {"dash and name after a quote",
     "Lead paragraph about the survey.\n\n\u201CHe is ignorant of our culture.\u201D \u2015 "
     "Pamela Padilla\n",
     QuoteKind::kDirect, "\u201CHe is ignorant of our culture.\u201D", "Pamela Padilla",
     "\u2015", ""},
    {"dash attribution, quote opening a line the sentence splitter joined to the previous one",
     "Lead paragraph about the survey.\n\n\u201CHe is ignorant.\u201D \u2015 Pamela Padilla\n"
     "\u201CThe most unqualified child to ever run for president.\u201D \u2015 Francisco "
     "Herrero\n",
     QuoteKind::kDirect, "\u201CThe most unqualified child to ever run for president.\u201D",
     "Francisco Herrero", "\u2015", ""},
    {"dash attribution, quote opened by a mistyped closing mark",
     "Lead paragraph about the survey.\n\n\u201DFear. I am truly afraid.\u201D \u2015 "
     "Edwin G. Monroy\n",
     QuoteKind::kDirect, "\u201DFear. I am truly afraid.\u201D", "Edwin G. Monroy", "\u2015",
     ""},
    {"quoted transcript turn",
     "Partial transcript as follows:\n\n\"WALLACE: Why would he do that?\n\n\"PENCE: Well, "
     "look, it was a joke.\"\n",
     QuoteKind::kDirect, "Well, look, it was a joke.", "PENCE", ":", ""},
    {"quoted transcript turn with a curly quote inside",
     "Partial transcript as follows:\n\n\"WALLACE: Why would he do that?\n\n\"PENCE: Well, "
     "it is an episode of \u201CShark Tank.\u201D But this is America.\n\n\"WALLACE: Thank "
     "you.\"\n",
     QuoteKind::kDirect, "Well, it is an episode of \u201CShark Tank.\u201D But this is America.",
     "PENCE", ":", ""},
    {"dash attribution, quote with a quote inside",
     "Lead paragraph about the survey.\n\n\u201CI would rather live in what he calls "
     "\u201Chell\u201D than live in his world.\u201D \u2015 Adriana Rodarte\n",
     QuoteKind::kDirect,
     "\u201CI would rather live in what he calls \u201Chell\u201D than live in his world.\u201D",
     "Adriana Rodarte", "\u2015", ""},
    {"a poll opening the sentence",
     "In a new CNN/ORC poll released Monday, 31% of Republicans backed Trump.",
     QuoteKind::kIndirect, "31% of Republicans backed Trump", "a new CNN/ORC poll released Monday",
     "In", ""},
    // The splitter ends the sentence at '?”'; the next sentence of the same line attributes it.
    {"cue sentence after the closing mark",
     "Lead.\n\nThe rally went on. \u201CIs that all there is?\u201D Trump asked. "
     "The crowd cheered.",
     QuoteKind::kDirect, "\u201CIs that all there is?\u201D", "Trump", "asked", ""},
    {"said that, then a quotation: mixed from 'that'",
     "Lead.\n\nSmith said that in 2009, \u201CI called all my lenders and asked for "
     "extensions.\u201D",
     QuoteKind::kMixed,
     "that in 2009, \u201CI called all my lenders and asked for extensions.\u201D", "Smith",
     "said", ""},
};

TEST(Quotes, Constructions) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    const Document doc = run(c.text);
    expect_valid_spans(doc);
    const Quote* q = find_quote(doc, c.content);
    if (!q) {
      std::string got;
      for (const Quote& x : doc.quotes) got += "[" + content_text(doc, x) + "] ";
      ADD_FAILURE() << "no quote with content [" << c.content << "]; got " << got;
      continue;
    }
    EXPECT_EQ(q->kind, c.kind);
    EXPECT_EQ(doc.slice(q->speaker), c.speaker);
    EXPECT_EQ(doc.slice(q->cue), c.cue);
    EXPECT_EQ(doc.slice(q->addressee), c.addressee);
  }
}

TEST(Quotes, UnbalancedMarkDoesNotSwallowTheArticle) {
  const Document doc =
      run("Trump said, \"We will build the wall.\n\nThe senator disagreed. "
          "\"No,\" said Smith.\n\nThe end.");
  expect_valid_spans(doc);
  const Quote* first = find_quote(doc, "\"We will build the wall.");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(doc.slice(first->speaker), "Trump");
  const Quote* second = find_quote(doc, "\"No,\"");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(doc.slice(second->speaker), "Smith");
}

TEST(Quotes, ContinuationAfterCue) {
  const Document doc =
      run("\"It works,\" Alexander Vindman said. He continued, \"It is good for "
          "everyone.\"");
  const Quote* q = find_quote(doc, "\"It is good for everyone.\"");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(doc.slice(q->speaker), "He");
  EXPECT_EQ(doc.slice(q->cue), "continued");
  ASSERT_NE(q->speaker_entity, kNoEntity);
  EXPECT_EQ(doc.entities[q->speaker_entity].name, "Alexander Vindman");
}

TEST(Quotes, FollowingQuoteWithoutCueJoinsTheSpeakersQuote) {
  const Document doc =
      run("\"My name is not on the ballot,\" Obama said on Saturday. \"Tolerance is on the "
          "ballot.\"");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].content.size(), 2u);
  EXPECT_EQ(doc.slice(doc.quotes[0].speaker), "Obama");
}

TEST(Quotes, MarkPairing) {
  Document doc = run("A \u201Cb \u2018c\u2019 d\u201D e \"f\" voters\u2019 g.");
  const auto runs = quotes::pair_quote_marks(doc);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].depth, 0u);
  EXPECT_EQ(runs[1].depth, 1u);
  EXPECT_FALSE(runs[1].is_double);
  EXPECT_TRUE(runs[2].closed);
  EXPECT_EQ(
      doc.slice(Span{doc.tokens[runs[2].first()].span.begin, doc.tokens[runs[2].last()].span.end}),
      "\"f\"");
}

TEST(Quotes, CueLexicon) {
  EXPECT_GT(quotes::cue_lemma_count(), 80u);
  ASSERT_NE(quotes::find_cue("said"), nullptr);
  EXPECT_EQ(quotes::find_cue("said")->lemma, "say");
  EXPECT_EQ(quotes::find_cue("denied")->lemma, "deny");
  EXPECT_EQ(quotes::find_cue("declaring")->lemma, "declare");
  EXPECT_EQ(quotes::find_cue("reiterated")->lemma, "reiterate");
  EXPECT_EQ(quotes::find_cue("told")->lemma, "tell");
  EXPECT_EQ(quotes::find_cue("table"), nullptr);
  ASSERT_NE(quotes::find_cue_phrase("according", "to"), nullptr);
  EXPECT_EQ(quotes::find_cue_phrase("according", "to")->lemma, "according to");
  EXPECT_EQ(quotes::find_cue_phrase("pointed", "out")->lemma, "point out");
}

TEST(Quotes, EmptyAndQuoteOnlyDocuments) {
  for (const char* text : {"", "\"", "\u201C\u201D", "'''", "\"\n\n\"", "He said", "said:"}) {
    const Document doc = run(text);
    expect_valid_spans(doc);
  }
}

// The first sample article through the Markdown reader and the whole Engine.
class KremlinArticle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    doc_ = new Document(test_support::process_sample_article());
  }
  static void TearDownTestSuite() { delete doc_; }

  // The quote whose content contains `needle`.
  static const Quote* quote_with(std::string_view needle) {
    for (const Quote& q : doc_->quotes)
      if (content_text(*doc_, q).find(needle) != std::string::npos) return &q;
    return nullptr;
  }
  static std::string speaker_name(const Quote& q) {
    return q.speaker_entity == kNoEntity ? "" : doc_->entities[q.speaker_entity].name;
  }
  static std::string addressee_name(const Quote& q) {
    return q.addressee_entity == kNoEntity ? "" : doc_->entities[q.addressee_entity].name;
  }
  static Document* doc_;
};
Document* KremlinArticle::doc_ = nullptr;

TEST_F(KremlinArticle, SpansAreValid) { expect_valid_spans(*doc_); }

TEST_F(KremlinArticle, Moscow) {
  const Quote* q = quote_with("We regard these actions");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  EXPECT_EQ(speaker_name(*q), "Moscow");
  EXPECT_EQ(q->cue_lemma, "say");
}

TEST_F(KremlinArticle, ForeignMinistryIndirect) {
  const Quote* q = quote_with("the explosions an attempt");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, QuoteKind::kIndirect);
  EXPECT_EQ(doc_->slice(q->speaker), "Russia's Foreign Ministry");
  EXPECT_EQ(q->cue_lemma, "call");
}

TEST_F(KremlinArticle, BlinkenAnswers) {
  const Quote* q = quote_with("We leave it to Ukraine");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(speaker_name(*q), "Antony Blinken");
  EXPECT_EQ(doc_->slice(q->cue), "declaring");
  const Quote* q2 = quote_with("These are decisions for Ukraine");
  ASSERT_NE(q2, nullptr);
  EXPECT_EQ(speaker_name(*q2), "Antony Blinken");
  EXPECT_EQ(q2->cue_lemma, "reiterate");
}

TEST_F(KremlinArticle, IgnatiusQuestions) {
  const Quote* q1 = quote_with("the news overnight from the Kremlin");
  ASSERT_NE(q1, nullptr);
  EXPECT_EQ(speaker_name(*q1), "David Ignatius");
  EXPECT_EQ(addressee_name(*q1), "Antony Blinken");
  EXPECT_EQ(q1->content.size(), 2u);  // the quotation crosses a paragraph break
  const Quote* q2 = quote_with("If Ukraine decided on its own");
  ASSERT_NE(q2, nullptr);
  EXPECT_EQ(speaker_name(*q2), "David Ignatius");
  EXPECT_EQ(doc_->slice(q2->addressee), "him");
  EXPECT_EQ(addressee_name(*q2), "Antony Blinken");
  EXPECT_EQ(q2->cue_lemma, "ask");
}

TEST_F(KremlinArticle, ReporterQuestionToJeanPierre) {
  const Quote* q = quote_with("Does the administration see Putin");
  ASSERT_NE(q, nullptr);
  EXPECT_TRUE(q->speaker.empty());
  EXPECT_EQ(addressee_name(*q), "Karine Jean-Pierre");
}

TEST_F(KremlinArticle, JeanPierreViaShe) {
  const Quote* q = quote_with("just not going to speculate");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(doc_->slice(q->speaker), "She");
  EXPECT_EQ(speaker_name(*q), "Karine Jean-Pierre");
  EXPECT_EQ(doc_->slice(q->cue), "declaring");
}

TEST_F(KremlinArticle, Zelensky) {
  const Quote* q = quote_with("We didn't attack Putin");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(speaker_name(*q), "Zelensky");
  EXPECT_EQ(doc_->slice(q->cue), "said");
}

TEST_F(KremlinArticle, NixeyFalseFlag) {
  const Quote* term = nullptr;
  for (const Quote& q : doc_->quotes)
    if (q.kind == QuoteKind::kTerm && content_text(*doc_, q) == "\"false flag\"") term = &q;
  ASSERT_NE(term, nullptr);
  EXPECT_EQ(speaker_name(*term), "James Nixey");
  EXPECT_EQ(doc_->slice(term->cue), "declared");
}

TEST_F(KremlinArticle, Vindman) {
  const Quote* mixed = quote_with("demonstrates how vulnerable");
  ASSERT_NE(mixed, nullptr);
  EXPECT_EQ(mixed->kind, QuoteKind::kMixed);
  EXPECT_EQ(speaker_name(*mixed), "Alexander Vindman");
  const Quote* cont = quote_with("The most important thing about drone strikes");
  ASSERT_NE(cont, nullptr);
  EXPECT_EQ(speaker_name(*cont), "Alexander Vindman");
  EXPECT_EQ(doc_->slice(cont->cue), "continued");
}

TEST_F(KremlinArticle, UsOfficialsIndirect) {
  const Quote* q = quote_with("the United States did not know about the attacks");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, QuoteKind::kIndirect);
  EXPECT_EQ(doc_->slice(q->speaker), "US officials");
  EXPECT_EQ(q->cue_lemma, "tell");
  EXPECT_NE(doc_->slice(q->addressee).find("New York Times"), std::string_view::npos);
}

}  // namespace
}  // namespace casus
