#include "entities/stage.h"

#include <algorithm>
#include <span>
#include <unordered_set>

#include "entities/actor_coder.h"
#include "entities/coref.h"
#include "entities/ner.h"

namespace casus::entities {
namespace {

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return r;
}

// Person titles that a later "the <title>" can refer back to.
bool is_title_noun(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "president", "secretary", "minister", "chancellor", "premier", "senator", "governor",
      "mayor", "ambassador", "columnist", "spokesman", "spokeswoman", "spokesperson", "colonel",
      "general", "lieutenant", "commander", "director", "chairman", "chairwoman", "analyst",
      "king", "queen", "prince", "pope", "leader", "envoy", "adviser", "advisor", "judge",
      "prosecutor", "professor", "journalist", "reporter", "correspondent", "editor", "author",
      "congressman", "congresswoman", "representative", "speaker", "chief", "officer", "captain",
      "major", "sergeant", "admiral", "marshal", "ceo", "founder", "candidate", "coach"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

// Words that may stand in a title before a name without being its head noun.
bool is_title_filler(std::string_view w) {
  return w == "of" || w == "state" || w == "press" || w == "foreign" || w == "prime" ||
         w == "deputy" || w == "vice" || w == "defense" || w == "defence" || w == "white" ||
         w == "house" || w == "former" || w == "acting" || w == "interior" || w == "finance" ||
         w == "national" || w == "security";
}

// Last words of group nominals that name an organization rather than people.
bool is_org_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "ministry", "department", "government", "administration", "army", "navy", "military",
      "forces", "force", "police", "parliament", "regime", "service", "agency", "council",
      "court", "media", "embassy", "office", "command", "guard", "cabinet", "authorities",
      "intelligence", "legislature", "congress", "senate", "party", "company", "press"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

bool is_word(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
          static_cast<unsigned char>(c) >= 0x80))
      return false;
  return true;
}

bool is_stop_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {"and", "or", "of", "the", "a", "an", "to", "in", "on",
                                       "for", "with", "by", "at", "from", "is", "was", "are",
                                       "were", "be", "that", "this", "who", "which", "not"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

bool is_speech_verb(std::string_view w) {
  static constexpr std::string_view kWords[] = {"said", "says", "say", "announced", "denied", "denies",
                                       "accused", "accuses", "warned", "warns", "claimed",
                                       "claims", "stated", "responded", "rejected", "insisted",
                                       "knew", "declared", "demanded", "condemned", "threatened",
                                       "vowed", "blamed", "called"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

// The token of m whose head lies outside m (its syntactic head); m.first_token when none.
uint32_t head_token(const Document& doc, const Mention& m) {
  for (uint32_t t = m.first_token; t < m.end_token; ++t) {
    const uint32_t h = doc.syntax[t].head;
    if (h == kNoHead || h < m.first_token || h >= m.end_token) return t;
  }
  return m.first_token;
}

// Whether the mention is the active subject of a verb, alone or as a conjunct of one
// ("Washington and Kiev denied"). Needs the syntax layer.
bool is_agent(const Document& doc, const Mention& m) {
  uint32_t t = head_token(doc, m);
  for (int hops = 0; hops < 3; ++hops) {
    const TokenSyntax& x = doc.syntax[t];
    if (x.deprel == "nsubj") return x.head != kNoHead && doc.syntax[x.head].upos == "VERB";
    if (x.deprel != "conj" || x.head == kNoHead) return false;
    t = x.head;
  }
  return false;
}

}  // namespace

void annotate(Document& doc) {
  static const std::shared_ptr<const NerModel> model = NerModel::builtin();
  static const std::shared_ptr<const ActorCoder> coder = ActorCoder::builtin();
  thread_local NerWorkspace ws;
  thread_local std::vector<std::vector<std::string_view>> views;

  std::vector<MentionCandidate> cands;
  const bool has_syntax = doc.syntax.size() == doc.tokens.size();
  auto tok = [&](uint32_t t) { return doc.slice(doc.tokens[t].span); };
  auto make = [&](uint32_t sent, uint32_t b, uint32_t e, EntityType type, MentionKind kind) {
    MentionCandidate c;
    c.mention.span = {doc.tokens[b].span.begin, doc.tokens[e - 1].span.end};
    c.mention.type = type;
    c.mention.kind = kind;
    c.mention.sentence = sent;
    c.mention.first_token = b;
    c.mention.end_token = e;
    return c;
  };

  // Names per sentence.
  std::vector<std::vector<NamedSpan>> names(doc.sentences.size());
  std::unordered_set<std::string_view> surnames;  // last words of multi-word person names
  views.resize(doc.sentences.size());
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    views[si].clear();
    if (s.end_token <= s.first_token) continue;
    for (uint32_t t = s.first_token; t < s.end_token; ++t) views[si].push_back(tok(t));
    std::span<const TokenSyntax> layer;
    if (has_syntax)
      layer = std::span<const TokenSyntax>(doc.syntax).subspan(s.first_token,
                                                               s.end_token - s.first_token);
    model->recognize(views[si], layer, ws, &names[si]);
  }
  // One sense per article (same spelling, same type; missed occurrences added).
  harmonize_names(views, &names);
  for (uint32_t si = 0; si < doc.sentences.size(); ++si)
    for (const NamedSpan& n : names[si])
      if (n.type == EntityType::kPer && n.end - n.begin >= 2)
        surnames.insert(tok(doc.sentences[si].first_token + n.end - 1));
  // One sense per article: a surname already seen in a full person name is that person where
  // the tagger missed it or typed it otherwise ("the assassination of Putin").
  auto is_surname = [&](std::string_view w) {
    return surnames.count(w) > 0;
  };
  for (uint32_t si = 0; si < doc.sentences.size() && !surnames.empty(); ++si) {
    const Sentence& s = doc.sentences[si];
    auto& v = names[si];
    std::vector<bool> covered(s.end_token - s.first_token, false);
    for (NamedSpan& n : v) {
      if (n.end - n.begin == 1 && n.type != EntityType::kPer && is_surname(tok(s.first_token + n.begin)))
        n.type = EntityType::kPer;
      for (uint32_t k = n.begin; k < n.end; ++k) covered[k] = true;
    }
    bool added = false;
    for (uint32_t k = 0; k < covered.size(); ++k) {
      const std::string_view w = tok(s.first_token + k);
      if (covered[k] || w.empty() || !(w[0] >= 'A' && w[0] <= 'Z') || !is_surname(w)) continue;
      v.push_back({k, k + 1, EntityType::kPer});
      added = true;
    }
    if (added)
      std::sort(v.begin(), v.end(),
                [](const NamedSpan& a, const NamedSpan& b) { return a.begin < b.begin; });
  }

  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.end_token <= s.first_token) continue;
    const std::vector<NamedSpan>& found = names[si];
    std::vector<bool> in_name(s.end_token - s.first_token, false);
    for (const NamedSpan& n : found) {
      const uint32_t b = s.first_token + n.begin, e = s.first_token + n.end;
      for (uint32_t k = n.begin; k < n.end; ++k) in_name[k] = true;
      MentionCandidate c = make(si, b, e, n.type, MentionKind::kName);
      if (n.type == EntityType::kPer) {
        // Title words and honorifics just before the name.
        for (uint32_t k = b; k > s.first_token && b - k < 5;) {
          --k;
          const std::string w = lower(tok(k));
          if (w == "mr" || w == "mr.") c.male_hint = true;
          else if (w == "ms" || w == "ms." || w == "mrs" || w == "mrs.") c.female_hint = true;
          else if (is_title_noun(w)) c.titles.push_back(w);
          else if (!is_title_filler(w)) break;
        }
      }
      cands.push_back(std::move(c));
    }
    // Group nominals: a country name or demonym followed by role words ("US officials",
    // "Russia's Foreign Ministry", "Ukrainian special forces"); they absorb a name the tagger
    // found inside ("Foreign Ministry").
    for (const NamedSpan& n : found) {
      if (n.type != EntityType::kGpe && n.type != EntityType::kNorp) continue;
      const uint32_t b = s.first_token + n.begin, e = s.first_token + n.end;
      uint32_t r = e;
      if (r < s.end_token && (tok(r) == "'s" || tok(r) == "’s")) ++r;
      for (uint32_t end = r + 1; end <= std::min(s.end_token, r + 3); ++end) {
        const std::string last = lower(tok(end - 1));
        if (!is_word(last) || is_stop_word(last)) break;
        // Only the words of the noun phrase: "North Korea fired artillery" is no group.
        if (has_syntax) {
          const std::string& upos = doc.syntax[end - 1].upos;
          if (upos != "NOUN" && upos != "PROPN" && upos != "ADJ") break;
        }
        if (end < s.end_token && !tok(end).empty() && tok(end)[0] >= 'A' && tok(end)[0] <= 'Z')
          continue;  // a name follows: the words are its title ("Russian President Putin")
        if (is_person_title_word(last)) continue;
        const std::string_view phrase = std::string_view(doc.text).substr(
            doc.tokens[b].span.begin, doc.tokens[end - 1].span.end - doc.tokens[b].span.begin);
        const auto code = coder->code_mention(phrase, {}, doc.date);
        if (!code || code->basis != ActorBasis::kRoleCountry || code->role.empty()) continue;
        const bool org = is_org_word(last) || (tok(end - 1)[0] >= 'A' && tok(end - 1)[0] <= 'Z');
        MentionCandidate g = make(si, b, end, org ? EntityType::kOrg : EntityType::kNorp,
                                  MentionKind::kNominal);
        for (size_t k = cands.size(); k-- > 0 && cands[k].mention.sentence == si;) {
          const Mention& m = cands[k].mention;
          if (m.first_token >= r && m.end_token <= end && m.kind == MentionKind::kName)
            cands.erase(cands.begin() + static_cast<std::ptrdiff_t>(k));
        }
        cands.push_back(std::move(g));
        break;
      }
    }
    // Title nominals: "the secretary", "the former president".
    for (uint32_t t = s.first_token; t + 1 < s.end_token; ++t) {
      if (tok(t) != "the" && tok(t) != "The") continue;
      uint32_t h = t + 1;
      if (h + 1 < s.end_token && is_word(tok(h)) && tok(h)[0] >= 'a' && tok(h)[0] <= 'z' &&
          !is_title_noun(tok(h)))
        ++h;
      const std::string w = lower(tok(h));
      if (!is_title_noun(w) || (tok(h)[0] >= 'A' && tok(h)[0] <= 'Z')) continue;
      if (h + 1 < s.end_token) {
        const std::string_view nx = tok(h + 1);
        if (nx == "of" || (!nx.empty() && nx[0] >= 'A' && nx[0] <= 'Z') || nx == "'s") continue;
      }
      if (in_name[h - s.first_token]) continue;
      MentionCandidate c = make(si, t, h + 1, EntityType::kPer, MentionKind::kNominal);
      c.titles.push_back(w);
      cands.push_back(std::move(c));
    }
  }

  resolve_coreference(doc, std::move(cands));

  // Actor codes: the canonical name first, then each name mention with its left context.
  for (Entity& e : doc.entities) {
    std::optional<ActorCode> code;
    bool metonymy = false;
    for (uint32_t mi : e.mentions) {
      const Mention& m = doc.mentions[mi];
      if (m.kind == MentionKind::kPronoun) continue;
      if (m.end_token < doc.tokens.size() &&
          is_speech_verb(doc.slice(doc.tokens[m.end_token].span)))
        metonymy = true;
      else if (e.type == EntityType::kGpe && has_syntax && is_agent(doc, m) &&
               coder->country_of_capital(doc.slice(m.span)))
        metonymy = true;  // "Washington has overthrown", "Washington and Kiev denied"
    }
    code = coder->code_mention(e.name, {}, doc.date);
    size_t tried = 0;
    for (uint32_t mi : e.mentions) {
      if ((code && code->basis != ActorBasis::kCountry) || tried >= 8) break;
      const Mention& m = doc.mentions[mi];
      if (m.kind == MentionKind::kPronoun) continue;
      const Sentence& s = doc.sentences[m.sentence];
      const uint32_t left_begin = doc.tokens[s.first_token].span.begin;
      const uint32_t from = m.span.begin > left_begin + 80 ? m.span.begin - 80 : left_begin;
      std::string_view left = std::string_view(doc.text).substr(from, m.span.begin - from);
      ++tried;
      auto c = coder->code_mention(doc.slice(m.span), left, doc.date);
      if (c && (!code || c->basis != ActorBasis::kCountry)) code = c;
    }
    if (!code) continue;
    if (e.type == EntityType::kPer && code->basis == ActorBasis::kCountry) continue;
    if (code->basis == ActorBasis::kCountry && (e.type == EntityType::kGpe) && metonymy &&
        code->role.empty()) {
      // "Moscow said", "Washington denied": the capital or country acts for its government.
      code->code += "GOV";
      code->role = "GOV";
      code->basis = ActorBasis::kRoleCountry;
    }
    e.actor_code = code->code;
    e.actor_country = code->country;
    e.actor_role = code->role;
    e.actor_basis = actor_basis_name(code->basis);
    // A role+country code may name the office holder ("Russia's Foreign Ministry" -> the foreign
    // minister's entry); only a person can be that entry.
    e.actor_id = code->basis == ActorBasis::kLexicon || e.type == EntityType::kPer
                     ? code->entry_id
                     : std::string();
  }
}

}  // namespace casus::entities
