// The PETRARCH records reader of `casus eval petrarch` (docs/petrarch.md): environment, include
// list, expected codings, noevents and error records, and malformed files.
#include "eval/petrarch_eval.h"

#include <gtest/gtest.h>

#include <string>

namespace casus::eval {
namespace {

constexpr const char* kRecords = R"(<Validation>
<!-- a comment with <Sentence> inside -->
<Environment>
  <Verbfile>test.verbs.txt</Verbfile>
  <Actorfile>test.actors.txt</Actorfile>
  <Include>valid DEMO AGENT</Include>
</Environment>
<Sentence date="19950101" id="DEMO-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode = "GON" targetcode="ARN" eventcode='064'/>
<Text>
Arnor &amp; Gondor restore
   ties.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date = "19950102" id ="DEMO-2" category="DEMO">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happens.</Text>
</Sentence>
<Sentence date="19950103" id="ERR-1" category="ERROR">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Bad tree.</Text>
</Sentence>
<Sentence date="19950103" id="ERR-2" category="ERROR">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Baseball.</Text>
</Sentence>
</Validation>
)";

TEST(PetrarchRecords, ReadsRecords) {
  PetrarchRecords f;
  ASSERT_TRUE(parse_petrarch_records(kRecords, &f).is_ok());
  EXPECT_EQ(f.verbs, "test.verbs.txt");
  EXPECT_EQ(f.actors, "test.actors.txt");
  EXPECT_EQ(f.include, (std::vector<std::string>{"valid", "DEMO", "AGENT"}));
  ASSERT_EQ(f.records.size(), 4u);
  const PetrarchRecord& r = f.records[0];
  EXPECT_EQ(r.id, "DEMO-1");
  EXPECT_EQ(r.date, "19950101");
  EXPECT_EQ(r.text, "Arnor & Gondor restore ties.");
  ASSERT_EQ(r.expected.size(), 2u);
  EXPECT_EQ(r.expected[0], (PetrarchCoding{"ARN", "GON", "064"}));
  EXPECT_EQ(r.expected[1], (PetrarchCoding{"GON", "ARN", "064"}));
  EXPECT_EQ(f.records[1].id, "DEMO-2");
  EXPECT_TRUE(f.records[1].expected.empty());
  EXPECT_TRUE(f.records[2].parse_error_test);
  EXPECT_FALSE(f.records[3].parse_error_test);  // discards expect no events
  EXPECT_TRUE(f.records[3].expected.empty());
}

TEST(PetrarchRecords, RejectsMalformedFiles) {
  const char* bad[] = {
      "<Sentence id=\"a\"><Text>x</Text>",                  // unclosed record
      "<Sentence id=\"a\"><Sentence id=\"b\"></Sentence>",  // nested
      "</Sentence>",                                        // stray close
      "<!-- never closed",                                  // comment
      "<Sentence id=\"a></Sentence>",                       // unterminated attribute
      "<EventCoding sourcecode=\"A\"></EventCoding>",       // coding outside a record
      "<Validation></>",                                    // empty closing tag (found by fuzzing)
  };
  for (const char* xml : bad) {
    PetrarchRecords f;
    EXPECT_FALSE(parse_petrarch_records(xml, &f).is_ok()) << xml;
  }
}

}  // namespace
}  // namespace casus::eval
