// The events stage through the real pipeline (casus::Engine with models/syntax.bin) and a small
// inline lexicon, one table row per linguistic case of issue #7: negation, passive, coordinated
// actors, reported speech and the quote link, nominal events and their governing date, mood,
// control and adverbial clauses, relative clauses, self-pairs and within-article dedup.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "casus/engine.h"
#include "events/coder.h"
#include "events/lexicon.h"
#include "ingest/ingest.h"
#include "pipeline_fixture.h"

namespace casus::events {
namespace {

const Lexicon& fixture_lexicon() {
  static const Lexicon lex = [] {
    Lexicon l;
    parse_codebook("cameo.tsv",
                   "010\tMake statement\t0.0\t\t\n"
                   "016\tDeny responsibility\t3.4\tREJECT\t\n"
                   "036\tExpress intent to meet or negotiate\t4.0\tAGREE\tdiplomatic\n"
                   "042\tMake a visit\t1.9\tCONSULT\tvisit\n"
                   "052\tDefend verbally\t3.5\tSUPPORT\t\n"
                   "111\tCriticize or denounce\t-2.0\tDISAPPROVE\tcriticize\n"
                   "112\tAccuse\t-2.0\tACCUSE\t\n"
                   "138\tThreaten with military force\t-7.0\tTHREATEN\t\n"
                   "186\tAssassinate\t-10.0\tASSAULT\tkill\n"
                   "190\tUse conventional military force\t-10.0\tFIGHT\t\n",
                   l);
    parse_patterns("verbs.tsv",
                   "112\taccuse T=obj\n"
                   "042\tarrive T=in|at\n"
                   "042\tvisit T=obj\n"
                   "052\tjustify T=obj\n"
                   "016\tdeny obj=involvement|responsibility|role\n"
                   "190\tattack T=obj\n"
                   "186\tassassinate T=obj\n"
                   "111\tcondemn T=obj\n"
                   "138\tthreaten T=obj mood=threat\n"
                   "112\tcall obj=attempt|attack|act\n"
                   "190\tlaunch obj=attack|strike T=obj.on|on\n"
                   "010\tcomment T=on\n",
                   false, l);
    parse_patterns("nouns.tsv",
                   "190\tattack T=on|against\n"
                   "186\tassassination T=of\n",
                   true, l);
    EXPECT_TRUE(l.errors.empty());
    return l;
  }();
  return lex;
}

Document code(const std::string& text, const std::string& date = "2023-05-03") {
  Document doc = test_support::process_text(text, date);
  annotate_events(fixture_lexicon(), nullptr, true, doc);
  return doc;
}

// "SRC code TGT" (TGT "-" when null) plus " neg" and " <mood>" when not asserted. Actors are
// compared by their country part ("RUS" for "RUSGOV"): which role the entities stage gives a
// country name ("Moscow said" -> RUSGOV) is its business, not this stage's.
std::string describe(const Event& e) {
  auto actor = [](const EventParty& p) { return p.actor.empty() ? "?" : p.actor.substr(0, 3); };
  std::string s = actor(e.source) + " " + e.code + " " + (e.has_target ? actor(e.target) : "-");
  if (e.negated) s += " neg";
  if (e.mood != EventMood::kAsserted) s += std::string(" ") + event_mood_name(e.mood);
  return s;
}

std::vector<std::string> describe_all(const Document& doc) {
  std::vector<std::string> out;
  for (const Event& e : doc.events) out.push_back(describe(e));
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += "[" + x + "] ";
  return s;
}

struct Case {
  const char* name;
  const char* text;
  std::vector<std::string> expected;  // each must be among the coded events
  std::vector<std::string> absent;    // none of these may be coded
};

const Case kCases[] = {
    {"active transitive", "Russia accused Ukraine of the attack.", {"RUS 112 UKR"}, {}},
    {"a time expression in the target slot is not a party",
     "The Kremlin commented on the news overnight.", {"RUS 010 -"}, {"RUS 010 ?"}},
    {"negation", "Russia did not attack Ukraine.", {"RUS 190 UKR neg"}, {"RUS 190 UKR"}},
    {"never", "Russia never attacked Ukraine.", {"RUS 190 UKR neg"}, {"RUS 190 UKR"}},
    {"passive with by-agent", "Ukraine was attacked by Russia.", {"RUS 190 UKR"}, {"UKR 190 RUS"}},
    {"passive participle modifying the target", "Ukraine, attacked by Russia, asked for help.",
     {"RUS 190 UKR"}, {"UKR 190 RUS"}},
    {"agentless passive codes nothing", "Ukraine was attacked.", {}, {"UKR 190 -"}},
    {"a participle joined to a passive is passive", "Zelensky was attacked and assassinated.",
     {}, {"UKR 186 -"}},
    {"a participle joined to an active perfect shares its subject",
     "Russia has attacked and assassinated Zelensky.", {"RUS 186 UKR"}, {}},
    {"coordinated subjects",
     "Washington and Kiev denied involvement.",
     {"USA 016 -", "UKR 016 -"},
     {}},
    {"coordinated objects",
     "Russia attacked Ukraine and Georgia.",
     {"RUS 190 UKR", "RUS 190 GEO"},
     {}},
    {"first person in a quote is the speaker",
     "\"We didn't attack Putin,\" said Zelensky.",
     {"UKR 190 RUS neg", "UKR 016 RUS"},
     {"UKR 190 RUS"}},
    {"control verb lends its subject",
     "Ukraine tried to assassinate Russian President Vladimir Putin.",
     {"UKR 186 RUS"},
     {}},
    {"adverbial participle", "Zelensky left Ukraine, arriving in Finland.", {"UKR 042 FIN"}, {}},
    {"relative clause",
     "Ukraine condemned Russia, which attacked Georgia in 2008.",
     {"RUS 190 GEO"},
     {}},
    {"apposition names the actor",
     "Ukraine's president, Volodymyr Zelensky, visited Finland.",
     {"UKR 042 FIN"},
     {}},
    {"compound sentence",
     "Russia attacked Ukraine, and Kiev accused Moscow of war crimes.",
     {"RUS 190 UKR", "UKR 112 RUS"},
     {}},
    {"nominal event with possessor",
     "Ukraine condemned Russia's attack on Georgia.",
     {"RUS 190 GEO", "UKR 111 RUS"},
     {}},
    {"nominal event with by-agent",
     "Ukraine condemned the attack on Georgia by Russia.",
     {"RUS 190 GEO"},
     {}},
    {"no determiner", "There was no Russian attack on Ukraine.", {"RUS 190 UKR neg"},
     {"RUS 190 UKR"}},
    {"negated light verb", "Russia did not launch an attack on Ukraine.", {"RUS 190 UKR neg"},
     {"RUS 190 UKR"}},
    {"negating control verb",
     "Ukraine refused to condemn Russia.",
     {"UKR 111 RUS neg"},
     {"UKR 111 RUS"}},
    {"future", "Russia will attack Ukraine.", {"RUS 190 UKR future"}, {"RUS 190 UKR"}},
    {"going to", "Russia is going to attack Ukraine.", {"RUS 190 UKR future"}, {"RUS 190 UKR"}},
    {"modal", "Russia could attack Ukraine.", {"RUS 190 UKR hypothetical"}, {"RUS 190 UKR"}},
    {"conditional",
     "If Russia attacks Ukraine, the West will respond.",
     {"RUS 190 UKR hypothetical"},
     {"RUS 190 UKR"}},
    {"question", "Did Russia attack Ukraine?", {"RUS 190 UKR hypothetical"}, {"RUS 190 UKR"}},
    {"threat", "Russia threatened to attack Ukraine.", {"RUS 190 UKR threatened"}, {"RUS 190 UKR"}},
    {"denied", "Russia denied attacking Ukraine.", {"RUS 190 UKR denied"}, {"RUS 190 UKR"}},
    {"never an actor with itself", "Ukraine attacked Ukraine.", {}, {"UKR 190 UKR"}},
    {"characterization accuses the agent",
     "Russia's Foreign Ministry called the explosions an attempt by the Ukrainian government "
     "to assassinate Russian President Vladimir Putin.",
     {"RUS 112 UKR", "UKR 186 RUS"},
     {}},
};

class EventsCoderCase : public ::testing::TestWithParam<Case> {};

TEST_P(EventsCoderCase, Codes) {
  const Case& c = GetParam();
  const Document doc = code(c.text);
  const auto got = describe_all(doc);
  for (const std::string& e : c.expected) {
    EXPECT_NE(std::find(got.begin(), got.end(), e), got.end())
        << "missing " << e << " in: " << joined(got);
  }
  for (const std::string& e : c.absent) {
    EXPECT_EQ(std::find(got.begin(), got.end(), e), got.end())
        << "unexpected " << e << " in: " << joined(got);
  }
  if (c.expected.empty() && c.absent.empty()) {
    EXPECT_TRUE(got.empty()) << joined(got);
  }
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string s;
  for (const char* p = info.param.name; *p; ++p) {
    s += std::isalnum(static_cast<unsigned char>(*p)) ? *p : '_';
  }
  return s;
}

INSTANTIATE_TEST_SUITE_P(Table, EventsCoderCase, ::testing::ValuesIn(kCases), case_name);

// Every event's fields are consistent with the codebook and with the document's layers.
void expect_well_formed(const Document& doc) {
  for (const Event& e : doc.events) {
    EXPECT_EQ(e.root, e.code.substr(0, 2));
    EXPECT_EQ(e.quad, quad_class(e.code));
    EXPECT_FALSE(e.label.empty()) << e.code;
    EXPECT_FALSE(e.source.actor.empty());
    EXPECT_LE(e.predicate.end, doc.text.size());
    EXPECT_FALSE(e.predicate.empty());
    EXPECT_LT(e.sentence, doc.sentences.size());
    EXPECT_FALSE(e.evidence.empty());
    EXPECT_GT(e.confidence, 0.f);
    EXPECT_LE(e.confidence, 1.f);
    EXPECT_TRUE(e.quote == kNoIndex || e.quote < doc.quotes.size());
    EXPECT_TRUE(e.place == kNoIndex || e.place < doc.places.size());
    if (e.date_basis == DateBasis::kTimex) {
      EXPECT_LT(e.timex, doc.times.size());
    }
  }
  for (size_t i = 1; i < doc.events.size(); ++i) {
    EXPECT_LE(doc.events[i - 1].predicate.begin, doc.events[i].predicate.begin);
  }
}

TEST(EventsCoder, CodebookFieldsAndQuoteLink) {
  const Document doc = code("\"We didn't attack Putin,\" said Zelensky.");
  expect_well_formed(doc);
  ASSERT_FALSE(doc.events.empty());
  const Event& e = doc.events[0];
  EXPECT_EQ(e.label, "Use conventional military force");
  EXPECT_EQ(e.quad, 4);
  EXPECT_DOUBLE_EQ(e.goldstein, -10.0);
  EXPECT_EQ(e.plover_type, "FIGHT");
  EXPECT_EQ(doc.slice(e.predicate), "attack");
  EXPECT_EQ(e.predicate_lemma, "attack");
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(e.quote, 0u);
  EXPECT_EQ(doc.slice(e.source.span), "We");
  EXPECT_EQ(e.pattern, "verbs.tsv:6");
}

TEST(EventsCoder, GoverningTimexElseArticleDate) {
  {
    const Document doc = code("Ukraine condemned the October 8, 2022 Russian attack on Georgia.");
    expect_well_formed(doc);
    const Event* attack = nullptr;
    for (const Event& e : doc.events) {
      if (e.code == "190") attack = &e;
    }
    ASSERT_NE(attack, nullptr) << joined(describe_all(doc));
    EXPECT_EQ(attack->date, "2022-10-08");
    EXPECT_EQ(attack->date_basis, DateBasis::kTimex);
    EXPECT_EQ(doc.slice(doc.times[attack->timex].span), "October 8, 2022");
  }
  {
    const Document doc = code("On Monday, Russia attacked Ukraine.");
    ASSERT_EQ(doc.events.size(), 1u) << joined(describe_all(doc));
    EXPECT_EQ(doc.events[0].date, "2023-05-01");
    EXPECT_EQ(doc.events[0].date_basis, DateBasis::kTimex);
  }
  {
    // A time expression inside the object dates the object, not the event.
    const Document doc = code("George W. Bush justified the 2003 invasion of Iraq.");
    ASSERT_EQ(doc.events.size(), 1u) << joined(describe_all(doc));
    EXPECT_EQ(doc.events[0].code, "052");
    EXPECT_EQ(doc.events[0].date, "2023-05-03");
    EXPECT_EQ(doc.events[0].date_basis, DateBasis::kArticle);
  }
  {
    const Document doc = code("Russia attacked Ukraine.");
    ASSERT_EQ(doc.events.size(), 1u);
    EXPECT_EQ(doc.events[0].date, "2023-05-03");
    EXPECT_EQ(doc.events[0].date_basis, DateBasis::kArticle);
  }
  {
    const Document doc = code("Russia attacked Ukraine.", "");
    ASSERT_EQ(doc.events.size(), 1u);
    EXPECT_EQ(doc.events[0].date, "");
    EXPECT_EQ(doc.events[0].date_basis, DateBasis::kNone);
  }
}

TEST(EventsCoder, PlaceFromObliqueElseSentence) {
  {
    const Document doc = code("Zelensky arrived in Finland.");
    const Event* visit = nullptr;
    for (const Event& e : doc.events) {
      if (e.code == "042") visit = &e;
    }
    ASSERT_NE(visit, nullptr) << joined(describe_all(doc));
    ASSERT_LT(visit->place, doc.places.size());
    EXPECT_EQ(doc.places[visit->place].country, "FIN");
  }
  {
    // The source's own name is not the place: no other place in the sentence, so none.
    const Document doc = code("Russia's Foreign Ministry accused Ukraine of the attack.");
    ASSERT_EQ(doc.events.size(), 1u) << joined(describe_all(doc));
    EXPECT_TRUE(doc.events[0].place == kNoIndex ||
                doc.places[doc.events[0].place].country != "RUS");
  }
}

// The lexicon's targetless "call X an attempt" (112) gives way to the derived 112 toward the
// attempt's agent on the same predicate.
TEST(EventsCoder, TargetlessEventSubsumedByTargetedOne) {
  const Document doc = code(
      "Russia's Foreign Ministry called the explosions an attempt by the Ukrainian government to "
      "assassinate Russian President Vladimir Putin.");
  expect_well_formed(doc);
  size_t accusations = 0;
  for (const Event& e : doc.events) {
    if (e.code != "112") continue;
    ++accusations;
    EXPECT_TRUE(e.has_target);
    EXPECT_EQ(doc.slice(e.predicate), "called");
  }
  EXPECT_EQ(accusations, 1u) << joined(describe_all(doc));
}

TEST(EventsCoder, DuplicatesMergeWithEveryEvidenceSpan) {
  const Document doc = code(
      "Russia attacked Ukraine. Officials said nothing. Russia attacked Ukraine again, they "
      "said.");
  expect_well_formed(doc);
  ASSERT_EQ(doc.events.size(), 1u) << joined(describe_all(doc));
  const Event& e = doc.events[0];
  ASSERT_EQ(e.evidence.size(), 2u);
  EXPECT_EQ(e.evidence[0], doc.sentences[0].span);
  EXPECT_EQ(e.evidence[1], doc.sentences[2].span);
}

TEST(EventsCoder, WithoutOwnLexiconNothingIsCoded) {
  Document doc = test_support::process_text("Russia attacked Ukraine.");
  annotate_events(fixture_lexicon(), nullptr, false, doc);
  EXPECT_TRUE(doc.events.empty());
}

TEST(EventsCoder, ConfidenceOrdersEvidenceQuality) {
  const float strong = event_confidence(2, true, "lexicon", "lexicon", false, EventMood::kAsserted);
  const float weak = event_confidence(0, false, "country", "", false, EventMood::kAsserted);
  const float hedged =
      event_confidence(2, true, "lexicon", "lexicon", false, EventMood::kHypothetical);
  const float negated = event_confidence(2, true, "lexicon", "lexicon", true, EventMood::kAsserted);
  EXPECT_GT(strong, weak);
  EXPECT_GT(strong, hedged);
  EXPECT_GT(strong, negated);
  EXPECT_LE(strong, 1.f);
  EXPECT_GT(weak, 0.f);
}

}  // namespace
}  // namespace casus::events

namespace casus::events {
namespace {

// The first sample article with the fixture lexicon: the four checks of issue #7.
TEST(EventsCoder, FirstSampleArticle) {
  Document doc = test_support::process_sample_article();
  annotate_events(fixture_lexicon(), nullptr, true, doc);
  expect_well_formed(doc);
  auto country = [&](const EventParty& p) { return p.actor.substr(0, 3); };
  bool rus_accuses_ukr = false, ukr_visits_fin = false, usa_denies = false, ukr_denies = false;
  for (const Event& e : doc.events) {
    const bool tabled =
        !e.negated && (e.mood == EventMood::kAsserted || e.mood == EventMood::kFuture);
    if (!tabled) continue;
    if (e.root == "11" && country(e.source) == "RUS" && e.has_target && country(e.target) == "UKR")
      rus_accuses_ukr = true;
    if (e.root == "04" && country(e.source) == "UKR" && e.has_target && e.target.actor == "FIN")
      ukr_visits_fin = true;
    if (e.code == "016" && country(e.source) == "USA") usa_denies = true;
    if (e.code == "016" && country(e.source) == "UKR") ukr_denies = true;
    // "We didn't attack Putin," said Zelensky: no attack by Ukraine on Russia is tabled.
    const std::string_view sentence = doc.slice(doc.sentences[e.sentence].span);
    EXPECT_FALSE(e.root == "19" && sentence.find("didn't attack Putin") != std::string_view::npos)
        << sentence;
  }
  EXPECT_TRUE(rus_accuses_ukr);
  EXPECT_TRUE(ukr_visits_fin);
  EXPECT_TRUE(usa_denies);
  EXPECT_TRUE(ukr_denies);
}

}  // namespace
}  // namespace casus::events
