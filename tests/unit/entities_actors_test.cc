// ActorCoder: table-driven coding cases (the first sample article and date-range rules) and
// sanity checks over the whole embedded lexicon (data/actors/*.tsv).
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "entities/actor_coder.h"
#include "entities/names.h"

namespace casus::entities {
namespace {

const ActorCoder& coder() {
  static const std::shared_ptr<const ActorCoder> c = ActorCoder::builtin();
  return *c;
}

struct Case {
  const char* mention;
  const char* left;
  const char* date;
  const char* code;       // expected code, "" = not an actor
  const char* canonical;  // expected canonical name, "" = not checked
};

// Mentions of examples/articles/kremlin-drone-2023-05-03.md and the rules of docs/actors.md.
const Case kCases[] = {
    // The sample article (3 May 2023).
    {"Russia's Foreign Ministry", "", "2023-05-03", "RUSGOV", ""},
    {"Foreign Ministry", "On Wednesday, Russia's", "2023-05-03", "RUSGOV", ""},
    {"Vladimir Putin", "", "2023-05-03", "RUSGOV", "Vladimir Putin"},
    {"Russian President Vladimir Putin", "", "2023-05-03", "RUSGOV", "Vladimir Putin"},
    {"President Vladimir Putin", "assassinate", "2023-05-03", "RUSGOV", "Vladimir Putin"},
    {"Putin", "", "2023-05-03", "RUSGOV", "Vladimir Putin"},
    {"Zelensky", "", "2023-05-03", "UKRGOV", "Volodymyr Zelensky"},
    {"Ukrainian President Volodymyr Zelensky", "", "2023-05-03", "UKRGOV", "Volodymyr Zelensky"},
    {"Volodymyr Zelenskyy", "", "2023-05-03", "UKRGOV", "Volodymyr Zelensky"},
    {"the Zelensky government", "", "2023-05-03", "UKRGOV", ""},
    {"Antony Blinken", "", "2023-05-03", "USAGOV", "Antony Blinken"},
    {"Secretary of State Antony Blinken", "", "2023-05-03", "USAGOV", "Antony Blinken"},
    {"Blinken", "", "2023-05-03", "USAGOV", "Antony Blinken"},
    {"Karine Jean-Pierre", "", "2023-05-03", "USAGOV", "Karine Jean-Pierre"},
    {"Press Secretary Karine Jean-Pierre", "", "2023-05-03", "USAGOV", "Karine Jean-Pierre"},
    {"Jean-Pierre", "", "2023-05-03", "USAGOV", "Karine Jean-Pierre"},
    {"David Ignatius", "", "2023-05-03", "USAMED", "David Ignatius"},
    {"Washington Post", "", "2023-05-03", "USAMED", "The Washington Post"},
    {"Washington Post columnist David Ignatius", "", "2023-05-03", "USAMED", "David Ignatius"},
    {"New York Times", "", "2023-05-03", "USAMED", "The New York Times"},
    {"NATO", "", "2023-05-03", "IGOWSTNAT", "NATO"},
    {"NATO forces", "", "2023-05-03", "IGOWSTNAT", "NATO"},
    {"James Nixey", "", "2023-05-03", "GBRNGO", "James Nixey"},
    {"Chatham House", "", "2023-05-03", "GBRNGO", "Chatham House"},
    {"Colonel Alexander Vindman", "", "2023-05-03", "USAELI", "Alexander Vindman"},
    {"Alexander Vindman", "", "2019-10-29", "USAMIL", "Alexander Vindman"},
    {"Ukrainian Postal Service", "", "2023-05-03", "UKRGOV", ""},
    {"US officials", "", "2023-05-03", "USAGOV", ""},
    {"Ukrainian special forces", "", "2023-05-03", "UKRMIL", ""},
    {"Kerch Bridge", "", "2023-05-03", "", ""},
    {"Muammar Gaddafi", "", "2023-05-03", "LBYGOV", "Muammar Gaddafi"},
    {"Saddam Hussein", "", "2023-05-03", "IRQGOV", "Saddam Hussein"},
    {"George W. Bush", "", "2023-05-03", "USAGOV", "George W. Bush"},
    {"Bush", "", "2003-03-20", "USAGOV", "George W. Bush"},
    {"the Kiev regime", "", "2023-05-03", "UKRGOV", ""},
    {"Kyiv government", "", "2023-05-03", "UKRGOV", ""},
    {"the Kremlin", "", "2023-05-03", "RUSGOV", "Kremlin"},
    {"White House", "", "2023-05-03", "USAGOV", "White House"},
    {"Pentagon", "", "2023-05-03", "USAMIL", "Pentagon"},
    {"Russian troops", "", "2023-05-03", "RUSMIL", ""},
    {"the Ukrainian government", "", "2023-05-03", "UKRGOV", ""},
    {"the Biden administration", "", "2023-05-03", "USAGOV", ""},
    {"Finland", "", "2023-05-03", "FIN", ""},
    {"Ukrainian", "", "2023-05-03", "UKR", ""},
    // Date ranges.
    {"Blinken", "", "2023-05-03", "USAGOV", "Antony Blinken"},
    {"Secretary of State", "", "2010-01-01", "USAGOV", "Hillary Clinton"},
    {"Secretary of State", "", "2006-01-01", "USAGOV", "Condoleezza Rice"},
    {"the Russian president", "", "2010-06-01", "RUSGOV", "Dmitry Medvedev"},
    {"the Russian president", "", "2023-05-03", "RUSGOV", "Vladimir Putin"},
    {"Russian Prime Minister", "", "2010-06-01", "RUSGOV", "Vladimir Putin"},
    {"Muammar Gaddafi", "", "2005-01-01", "LBYGOV", "Muammar Gaddafi"},
    {"Slobodan Milošević", "", "1999-03-24", "YUGGOV", "Slobodan Milošević"},
    {"Slobodan Milosevic", "", "1995-01-01", "SRBGOV", "Slobodan Milošević"},
    {"UN Secretary-General", "", "2023-05-03", "IGOUNO", "António Guterres"},
    {"UN Secretary-General", "", "2010-05-03", "IGOUNO", "Ban Ki-moon"},
    // Role words with a country in the left context; organizations; negatives.
    {"officials", "denials by Ukrainian and US", "2023-05-03", "USAGOV", ""},
    {"spokesman", "a Kremlin", "2023-05-03", "", ""},
    {"Hamas", "", "2023-10-07", "PSEREBHMS", "Hamas"},
    {"Hezbollah", "", "2023-10-07", "LBNREBHEZ", "Hezbollah"},
    {"Taliban", "", "2023-05-03", "AFGGOV", "Taliban"},
    {"Taliban", "", "2015-05-03", "AFGREB", "Taliban"},
    {"Brazilian Senate", "", "2023-05-03", "BRALEG", ""},
    {"who", "", "2023-05-03", "", ""},
    {"WHO", "", "2023-05-03", "IGOUNOHLH", "World Health Organization"},
    {"us", "", "2023-05-03", "", ""},
};

TEST(EntitiesActorCoder, SampleArticleAndRules) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.mention) + " @ " + c.date);
    auto got = coder().code_mention(c.mention, c.left, c.date);
    if (*c.code == '\0') {
      EXPECT_FALSE(got.has_value()) << "coded as " << got->code;
      continue;
    }
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->code, c.code) << "basis " << actor_basis_name(got->basis);
    if (*c.canonical) {
      EXPECT_EQ(got->canonical_name, c.canonical);
    }
  }
}

TEST(EntitiesActorCoder, BasisAndFlags) {
  auto putin = coder().code_mention("Vladimir Putin", "", "2023-05-03");
  ASSERT_TRUE(putin);
  EXPECT_EQ(putin->basis, ActorBasis::kLexicon);
  EXPECT_EQ(putin->country, "RUS");
  EXPECT_EQ(putin->role, "GOV");
  EXPECT_TRUE(putin->in_term);
  EXPECT_FALSE(putin->entry_id.empty());
  EXPECT_NE(coder().entry(putin->entry_id), nullptr);

  auto gaddafi = coder().code_mention("Muammar Gaddafi", "", "2023-05-03");
  ASSERT_TRUE(gaddafi);
  EXPECT_FALSE(gaddafi->in_term);  // a former leader keeps his last office's code

  auto ministry = coder().code_mention("Russia's Foreign Ministry", "", "2023-05-03");
  ASSERT_TRUE(ministry);
  EXPECT_EQ(ministry->basis, ActorBasis::kRoleCountry);

  auto moscow = coder().code_mention("Moscow", "", "2023-05-03");
  ASSERT_TRUE(moscow);
  EXPECT_EQ(moscow->code, "RUS");
  EXPECT_EQ(moscow->basis, ActorBasis::kCountry);
  EXPECT_TRUE(moscow->via_capital);  // the caller decides on metonymy (-> RUSGOV)

  auto nato = coder().code_mention("NATO", "", "2023-05-03");
  ASSERT_TRUE(nato);
  EXPECT_EQ(nato->country, "");
  EXPECT_EQ(nato->role, "IGO");
}

TEST(EntitiesActorCoder, Countries) {
  const ActorCoder& c = coder();
  EXPECT_GT(c.country_count(), 240u);
  EXPECT_EQ(c.country_of("Russia").value_or(""), "RUS");
  EXPECT_EQ(c.country_of("Russian Federation").value_or(""), "RUS");
  EXPECT_EQ(c.country_of("Ukrainian").value_or(""), "UKR");
  EXPECT_EQ(c.country_of("Ukrainians").value_or(""), "UKR");
  EXPECT_EQ(c.country_of("American").value_or(""), "USA");
  EXPECT_EQ(c.country_of("French").value_or(""), "FRA");
  EXPECT_EQ(c.country_of("Côte d’Ivoire").value_or(""), "CIV");
  EXPECT_EQ(c.country_of("Türkiye").value_or(""), "TUR");
  EXPECT_EQ(c.country_of("Moscow").value_or(""), "RUS");
  EXPECT_FALSE(c.country_of("Congo").has_value());   // two countries
  EXPECT_FALSE(c.country_of("us").has_value());      // the pronoun, not "US"
  EXPECT_EQ(c.country_of("US").value_or(""), "USA");
  EXPECT_EQ(c.country_of_capital("Kiev").value_or(""), "UKR");
  EXPECT_EQ(c.country_of_capital("Kyiv").value_or(""), "UKR");
  EXPECT_EQ(c.country_of_capital("Moscow").value_or(""), "RUS");
  EXPECT_EQ(c.country_of_capital("Washington").value_or(""), "USA");
  EXPECT_EQ(c.country_of_capital("Beijing").value_or(""), "CHN");
  EXPECT_FALSE(c.country_of_capital("Finland").has_value());
  const CountryInfo* fin = c.country_info("FIN");
  ASSERT_NE(fin, nullptr);
  EXPECT_EQ(fin->name, "Finland");
  EXPECT_EQ(fin->capital, "Helsinki");
  EXPECT_NEAR(fin->lat, 64.0, 1.0);
  EXPECT_NEAR(fin->lng, 26.0, 1.0);
  EXPECT_EQ(c.country_info("XXX"), nullptr);
}

TEST(EntitiesActorCoder, NameNormalization) {
  EXPECT_EQ(normalize_name("Slobodan Milošević"), "slobodan milosevic");
  EXPECT_EQ(normalize_name("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
  EXPECT_EQ(normalize_name("Volodymyr Zelens’kyy"), "volodymyr zelenskyy");
  EXPECT_EQ(normalize_name("Russia’s"), "russia");
  EXPECT_EQ(normalize_name("U.S."), "us");
  EXPECT_EQ(normalize_name("Ban Ki-moon"), "ban ki moon");
  EXPECT_EQ(normalize_name("  THE   Kremlin "), "the kremlin");
  EXPECT_EQ(normalize_name("Kyïv"), "kyiv");
}

TEST(EntitiesActorCoder, ThreadSafeSharedInstance) {
  EXPECT_EQ(ActorCoder::builtin().get(), ActorCoder::builtin().get());
}

// ---- Lexicon sanity: every row parses, codes are well-formed and consistent.

bool known_role(const std::string& r) {
  static const std::set<std::string> kRoles = {
      "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
      "CVL", "LAB", "LEG", "HLH", "REF", "ELI", "AGR", "NGO", "IGO", "INS", "SEP", "MOD",
      "RAD", "UAF", "HRI", "ENV", "DEV", "REL", "IMG", "MNC", "SET"};
  return kRoles.count(r) > 0;
}

TEST(EntitiesLexicon, EveryRowParses) {
  const ActorCoder& c = coder();
  for (const std::string& e : c.errors()) ADD_FAILURE() << e;
  EXPECT_GT(c.lexicon().actors.size(), 1700u);
  EXPECT_GT(c.lexicon().roles.size(), 40u);
  EXPECT_GT(c.lexicon().country_names.size(), 50u);
}

TEST(EntitiesLexicon, CodesWellFormed) {
  const ActorCoder& c = coder();
  for (const ActorEntry& e : c.lexicon().actors) {
    for (const CodeTerm& t : e.terms) {
      SCOPED_TRACE(e.file + ":" + std::to_string(e.line) + " " + t.code);
      EXPECT_TRUE(is_well_formed_code(t.code));
      EXPECT_LE(t.range.from, t.range.to);
      const std::string head = t.code.substr(0, 3);
      if (c.country_info(head) != nullptr) {
        if (t.code.size() >= 6) {
          EXPECT_TRUE(known_role(t.code.substr(3, 3)));
        }
      } else {
        EXPECT_TRUE(head == "IGO" || head == "NGO" || head == "IMG" || head == "MNC")
            << "unknown country or actor type " << head;
      }
    }
  }
  for (const RoleEntry& r : c.lexicon().roles) {
    SCOPED_TRACE(r.file + ":" + std::to_string(r.line));
    EXPECT_TRUE(known_role(r.role)) << r.role;
    if (!r.country.empty()) {
      EXPECT_NE(c.country_info(r.country), nullptr);
    }
  }
  for (const CountryNameEntry& n : c.lexicon().country_names) EXPECT_NE(c.country_info(n.iso3), nullptr);
}

TEST(EntitiesLexicon, NoConflictingDuplicateAliases) {
  const ActorCoder& c = coder();
  const auto& actors = c.lexicon().actors;
  std::map<std::string, std::vector<size_t>> by_alias;
  for (size_t i = 0; i < actors.size(); ++i) {
    std::set<std::string> keys;
    keys.insert(normalize_name(actors[i].name));
    for (const std::string& a : actors[i].aliases) keys.insert(normalize_name(a));
    for (const std::string& k : keys) by_alias[k].push_back(i);
  }
  for (const auto& [alias, entries] : by_alias) {
    for (size_t a = 0; a < entries.size(); ++a) {
      for (size_t b = a + 1; b < entries.size(); ++b) {
        const ActorEntry& x = actors[entries[a]];
        const ActorEntry& y = actors[entries[b]];
        for (const CodeTerm& tx : x.terms) {
          for (const CodeTerm& ty : y.terms) {
            bool overlap = tx.range.from <= ty.range.to && ty.range.from <= tx.range.to;
            EXPECT_FALSE(overlap && tx.code != ty.code)
                << "alias '" << alias << "': " << x.file << ":" << x.line << " " << tx.code
                << " vs " << y.file << ":" << y.line << " " << ty.code;
          }
        }
      }
    }
  }
}

TEST(EntitiesLexicon, MalformedLinesAreReportedAndSkipped) {
  Lexicon lex;
  parse_lexicon_file("test.tsv",
                     {"name\taliases\tcodes\ttype\tnotes", "Good One\t\tUSAGOV[2001:2003]\tperson\t",
                      "Bad Code\t\tusagov\tperson\t", "Bad Range\t\tUSAGOV[2005:2001]\tperson\t",
                      "Bad Type\t\tUSAGOV\tthing\t", "Too\tmany\tcolumns\there\tx\ty"},
                     lex);
  ASSERT_EQ(lex.actors.size(), 1u);
  EXPECT_EQ(lex.actors[0].id, "test:good-one");
  EXPECT_EQ(lex.actors[0].terms[0].range.from, 20010101);
  EXPECT_EQ(lex.actors[0].terms[0].range.to, 20031231);
  ASSERT_EQ(lex.errors.size(), 4u);
  EXPECT_EQ(lex.errors[0].rfind("test.tsv:3:", 0), 0u) << lex.errors[0];
}

}  // namespace
}  // namespace casus::entities
