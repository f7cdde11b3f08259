// The quotes stage (quotes.h, docs/quotes.md). Four passes over one document:
//   1. quote marks are paired into runs (marks.cc) and each top-level run is classed as a direct
//      quote, a fragment embedded in a clause, or a term (scare) quote;
//   2. cue words are found (cues.cc);
//   3. each direct quote takes the cue after it ("...," she said), else before it (He continued,
//      "..."), else continues the previous quote of the paragraph; split quotes are merged;
//   4. every unused cue with a reported clause yields an indirect quote (mixed when it contains a
//      quoted fragment); term quotes inside it are attributed to its speaker.
// Speakers and addressees come from the syntax layer when present (nsubj, obl:agent, ccomp) and
// from token patterns otherwise; they are resolved to entities through Document::mentions.
// With syntax, a learned scorer filters and extends the cue lexicon and a learned ranker picks
// where a reported clause ends (cue_model.h).
#include "quotes/quotes.h"

#include <algorithm>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "quotes/cue_model.h"
#include "quotes/cues.h"
#include "quotes/tagger.h"

namespace casus::quotes {
namespace {

constexpr uint32_t kNone = 0xffffffffu;

// A token range [b, e).
struct Range {
  uint32_t b = 0, e = 0;
  bool empty() const { return b >= e; }
};

struct CueHit {
  Range r;
  const CueEntry* entry = nullptr;
  bool used = false;
};

enum class RunClass { kDirect, kFragment, kTerm, kNested };

using WordSet = std::unordered_set<std::string_view>;

// Words that end a noun phrase when walking over it.
const WordSet& np_boundaries() {
  static const WordSet s = {
      "that",   "and",     "but",     "or",      "nor",    "because",  "while",   "when",
      "as",     "if",      "after",   "before",  "since",  "although", "though",  "so",
      "where",  "which",   "what",    "whom",    "whose",  "than",     "then",    "to",
      "for",    "with",    "by",      "from",    "in",     "on",       "at",      "about",
      "into",   "over",    "under",   "against", "during", "without",  "through", "is",
      "was",    "were",    "are",     "be",      "been",   "being",    "am",      "has",
      "have",   "had",     "not",     "n't",     "there",  "also",     "do",      "does",
      "did",    "will",    "would",   "could",   "can",    "should",   "may",     "might",
      "must",   "yet",     "however", "even",    "still",  "now",      "once",    "until",
      "unless", "whether", "how",     "why",     "who",    "it",       "this",    "here",
      "just",   "again",   "already", "'s",      "’s",     "'re",      "'ve",     "'ll",
      "'d",     "said",    "says",    "say",     "told",   "asked",    "added",   "wrote"};
  return s;
}

// Words skipped between a subject and its cue verb ("Blinken again reiterated").
const WordSet& pre_cue_skips() {
  static const WordSet s = {
      "also",      "again",      "then",   "later",     "likewise",  "has",      "have",
      "had",       "was",        "were",   "is",        "are",       "will",     "would",
      "could",     "did",        "does",   "do",        "not",       "n't",      "once",
      "just",      "never",      "often",  "further",   "first",     "finally",  "earlier",
      "long",      "already",    "still",  "even",      "'s",        "’s",       "'ve",
      "'d",        "has",        "monday", "tuesday",   "wednesday", "thursday", "friday",
      "saturday",  "sunday",     "today",  "yesterday", "tonight",   "on",       "last",
      "week",      "month",      "year",   "night",     "weekend",   "morning",  "evening",
      "afternoon", "this",       "too",    "all",       "both",      "each",     "himself",
      "herself",   "themselves", "itself"};
  return s;
}

const WordSet& passive_aux() {
  static const WordSet s = {"was", "were", "is", "are", "been", "be", "being", "'s", "’s"};
  return s;
}

const WordSet& object_pronouns() {
  static const WordSet s = {"him",     "her",       "them",        "me",         "us",
                            "you",     "reporters", "journalists", "supporters", "voters",
                            "viewers", "listeners", "lawmakers"};
  return s;
}

const WordSet& determiners() {
  static const WordSet s = {"the", "a",  "an",   "his",   "her",   "their", "its",
                            "our", "my", "your", "this",  "these", "those", "such",
                            "'s",  "’s", "no",   "every", "any"};
  return s;
}

const WordSet& prepositions() {
  static const WordSet s = {"of",     "by",      "from",    "to",     "for",     "with",
                            "in",     "on",      "at",      "about",  "against", "over",
                            "into",   "under",   "after",   "before", "like",    "than",
                            "toward", "towards", "between", "among",  "as"};
  return s;
}

// Prepositions that PolNeAR counts in the cue after an object cue ("worried about").
const WordSet& object_prepositions() {
  static const WordSet s = {"about", "for", "of", "on", "with", "against"};
  return s;
}

// Words that can begin a reported clause right after its cue ("said he would ...").
const WordSet& clause_starts() {
  static const WordSet s = {
      "he",   "she",   "it",   "they", "we",    "i",       "you",    "there",    "the",
      "a",    "an",    "his",  "her",  "their", "its",     "this",   "these",    "those",
      "some", "many",  "most", "no",   "if",    "whether", "how",    "what",     "why",
      "when", "where", "who",  "mr.",  "mrs.",  "ms.",     "dr.",    "our",      "my",
      "one",  "all",   "both", "each", "every", "none",    "nobody", "everyone", "nothing"};
  return s;
}

const WordSet& conjunction_starts() {
  static const WordSet s = {"and", "but", "so", "or", "yet", "still", "also"};
  return s;
}

class Annotator {
 public:
  Annotator(Document& doc, std::vector<float>* cue_scores) : doc_(doc), scores_out_(cue_scores) {
    if (scores_out_) scores_out_->assign(doc.tokens.size(), kNoCueScore);
  }

  void run() {
    doc_.quotes.clear();
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    if (n == 0 || doc_.sentences.empty()) return;
    syntax_ = doc_.syntax.size() == n;
    low_.resize(n);
    for (uint32_t t = 0; t < n; ++t) {
      const std::string_view w = word(t);
      low_[t].assign(w.begin(), w.end());
      for (char& c : low_[t])
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    index_mentions();
    runs_ = pair_quote_marks(doc_);
    classify_runs();
    run_used_.assign(runs_.size(), false);
    find_cues();
    attach_direct();
    indirect();
    colon_attributions();
    poll_attributions();
    leftover_runs();
    std::stable_sort(doc_.quotes.begin(), doc_.quotes.end(), [](const Quote& a, const Quote& b) {
      return a.content.front().begin < b.content.front().begin;
    });
  }

 private:
  // ---- tokens ----
  std::string_view word(uint32_t t) const { return doc_.slice(doc_.tokens[t].span); }
  const std::string& low(uint32_t t) const { return low_[t]; }
  uint32_t sent_of(uint32_t t) const { return doc_.tokens[t].sentence; }
  uint32_t sent_first(uint32_t t) const { return doc_.sentences[sent_of(t)].first_token; }
  uint32_t sent_end(uint32_t t) const { return doc_.sentences[sent_of(t)].end_token; }
  uint32_t para_of(uint32_t t) const { return doc_.sentences[sent_of(t)].paragraph; }
  bool is_punct(uint32_t t) const {
    const std::string_view w = word(t);
    if (w.empty()) return true;
    const unsigned char c = static_cast<unsigned char>(w[0]);
    if (c < 0x80) {
      if (w == "'s" || w == "'re" || w == "'ve" || w == "'ll" || w == "'d" || w == "'m")
        return false;
      return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '$' || c == '#' || c == '@');
    }
    // Curly quotes, dashes, ellipsis (U+2010..U+206F) and guillemets.
    if (w.starts_with("\u2019s")) return false;
    return w.starts_with("\xE2\x80") || w.starts_with("\xC2\xAB") || w.starts_with("\xC2\xBB");
  }
  bool is_cap(uint32_t t) const {
    const std::string_view w = word(t);
    return !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
  }
  bool is_final_punct(uint32_t t) const {
    const std::string_view w = word(t);
    return w == "." || w == "?" || w == "!" || w == "..." || w == "\u2026";
  }
  // True when a line break separates token t from the token before it.
  bool line_break_before(uint32_t t) const {
    if (t == 0) return true;
    const uint32_t b = doc_.tokens[t - 1].span.end, e = doc_.tokens[t].span.begin;
    return doc_.text.find('\n', b) < e;
  }
  bool is_dash(uint32_t t) const {
    const std::string_view w = word(t);
    return w == "\u2015" || w == "\u2014" || w == "\u2013" || w == "--" || w == "-";
  }
  bool is_ly_adverb(uint32_t t) const {
    const std::string& w = low(t);
    return w.size() > 4 && w.ends_with("ly") && !is_cap(t) && w != "only" && w != "family" &&
           w != "ally" && w != "italy";
  }
  Span span_of(Range r) const {
    return Span{doc_.tokens[r.b].span.begin, doc_.tokens[r.e - 1].span.end};
  }
  // Trims punctuation at both ends of r.
  // A closing parenthesis whose opening one is inside r stays ("Harry Reid (D-Nev.)").
  Range trim(Range r) const {
    while (!r.empty() && is_punct(r.b) && !is_quote_mark(r.b)) ++r.b;
    while (!r.empty() && is_punct(r.e - 1) && !is_quote_mark(r.e - 1)) {
      if (low(r.e - 1) == ")") {
        bool open = false;
        for (uint32_t t = r.b; t + 1 < r.e; ++t) open = open || low(t) == "(";
        if (open) break;
      }
      --r.e;
    }
    return r;
  }
  bool is_quote_mark(uint32_t t) const { return quote_mark_[t]; }

  // ---- syntax helpers (only when syntax_) ----
  const TokenSyntax& syn(uint32_t t) const { return doc_.syntax[t]; }
  bool deprel_is(uint32_t t, std::string_view rel) const {
    const std::string& d = syn(t).deprel;
    return d == rel || (d.size() > rel.size() && d.starts_with(rel) && d[rel.size()] == ':');
  }
  // The first child of `head` with deprel `rel` (or a subtype), or kNone.
  uint32_t child(uint32_t head, std::string_view rel) const {
    const uint32_t b = sent_first(head), e = sent_end(head);
    for (uint32_t t = b; t < e; ++t)
      if (syn(t).head == head && deprel_is(t, rel)) return t;
    return kNone;
  }
  bool dominates(uint32_t root, uint32_t t) const {
    for (int steps = 0; steps < 200 && t != kNone; ++steps) {
      if (t == root) return true;
      t = syn(t).head;
    }
    return false;
  }
  // The token range of the subtree of `root` (assumed projective), without edge punctuation.
  Range subtree(uint32_t root) const {
    uint32_t lo = root, hi = root;
    const uint32_t b = sent_first(root), e = sent_end(root);
    for (uint32_t t = b; t < e; ++t)
      if (dominates(root, t)) {
        lo = std::min(lo, t);
        hi = std::max(hi, t);
      }
    return trim(Range{lo, hi + 1});
  }

  // ---- mentions ----
  void index_mentions() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    mention_start_.assign(n, kNone);
    mention_end_.assign(n, kNone);
    for (uint32_t i = 0; i < doc_.mentions.size(); ++i) {
      const Mention& m = doc_.mentions[i];
      if (m.first_token >= n || m.end_token > n || m.first_token >= m.end_token) continue;
      auto longer = [&](uint32_t cur) {
        return cur == kNone || doc_.mentions[cur].end_token - doc_.mentions[cur].first_token <
                                   m.end_token - m.first_token;
      };
      if (longer(mention_start_[m.first_token])) mention_start_[m.first_token] = i;
      if (longer(mention_end_[m.end_token - 1])) mention_end_[m.end_token - 1] = i;
    }
  }

  // The entity of a speaker range: the longest mention starting at its first token, else the first
  // person mention inside it, else the first mention inside it; "who" resolves to the noun phrase
  // it follows; unresolved personal pronouns to the latest speaker nearby.
  uint32_t entity_of(Range r) const {
    if (r.empty()) return kNoEntity;
    uint32_t first = kNone;
    if (mention_start_[r.b] != kNone && doc_.mentions[mention_start_[r.b]].end_token <= r.e)
      first = mention_start_[r.b];
    for (uint32_t t = r.b; t < r.e; ++t) {
      const uint32_t m = mention_start_[t];
      if (m == kNone || doc_.mentions[m].end_token > r.e) continue;
      if (doc_.mentions[m].type == EntityType::kPer) return doc_.mentions[m].entity;
      if (first == kNone) first = m;
    }
    if (first != kNone) return doc_.mentions[first].entity;
    const std::string& w = low(r.b);
    if (r.e - r.b == 1 && (w == "who" || w == "which")) {
      uint32_t t = r.b;
      while (t > sent_first(r.b) && is_punct(t - 1)) --t;
      if (t > sent_first(r.b) && mention_end_[t - 1] != kNone)
        return doc_.mentions[mention_end_[t - 1]].entity;
    }
    if (r.e - r.b == 1 && (w == "he" || w == "she" || w == "they" || w == "i" || w == "we")) {
      // The speaker of the latest quote within three sentences.
      for (auto it = doc_.quotes.rbegin(); it != doc_.quotes.rend(); ++it) {
        if (it->speaker_entity == kNoEntity) continue;
        if (it->end_sentence + 3 >= sent_of(r.b) && it->end_sentence <= sent_of(r.b) + 1)
          return it->speaker_entity;
        break;
      }
    }
    return kNoEntity;
  }

  // ---- runs ----
  void classify_runs() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    quote_mark_.assign(n, false);
    in_run_.assign(n, kNone);
    classes_.resize(runs_.size());
    for (uint32_t k = 0; k < runs_.size(); ++k) {
      const MarkRun& r = runs_[k];
      for (const auto& [b, e] : r.pieces) {
        if (e > b) quote_mark_[b] = true;
      }
      if (r.closed) quote_mark_[r.last()] = true;
      classes_[k] = classify(r);
      if (r.depth == 0)
        for (const auto& [b, e] : r.pieces)
          for (uint32_t t = b; t < e; ++t) in_run_[t] = k;
    }
  }

  RunClass classify(const MarkRun& r) const {
    if (r.depth > 0) return RunClass::kNested;
    const uint32_t o = r.first(), c = r.last();
    uint32_t inner = 0;
    for (const auto& [b, e] : r.pieces) inner += e - b;
    inner -= std::min<uint32_t>(inner, r.closed ? r.pieces.size() + 1 : r.pieces.size());
    const bool multi = sent_of(o) != sent_of(c) || r.pieces.size() > 1;
    const bool ends_punct = r.closed && c > o + 1 && is_punct(c - 1) && !is_quote_mark(c - 1);
    bool embedded = false;
    // A mark opening a line is not embedded, even when the sentence splitter joined the line to
    // the one before ("… ― Carlos Raúl\n“The most unqualified child …” ― Francisco Herrero").
    if (o > sent_first(o) && !line_break_before(o)) {
      const uint32_t p = o - 1;
      embedded = !is_punct(p) && !cue_form(p) && low(p) != "that";
      if (low(p) == "that") embedded = true;
    }
    if (!embedded) return inner >= 3 || ends_punct || multi ? RunClass::kDirect : RunClass::kTerm;
    if (multi) return RunClass::kDirect;
    return inner >= 5 ? RunClass::kFragment : RunClass::kTerm;
  }

  bool cue_form(uint32_t t) const {
    const CueEntry* e = find_cue(low(t));
    return e && (e->flags & kSpeech);
  }

  // ---- cues ----
  // Thresholds on the learned scores (cue_model.h), chosen on PolNeAR dev: a verb the lexicon
  // does not know becomes a cue above kLearnedCueMin; a lexicon verb is dropped below
  // kLexiconCueMin; a reported clause is cut short only when the ranker prefers the shorter end by
  // more than kEndMargin.
  static constexpr float kLearnedCueMin = 6.0f;
  static constexpr float kLexiconCueMin = -3.0f;
  static constexpr float kEndMargin = 3.0f;

  void find_cues() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    cue_at_.assign(n, kNone);
    const CueModel& model = CueModel::builtin();
    const bool learned = syntax_ && !model.empty();
    if (learned && !features_) features_ = std::make_unique<CueFeatures>(doc_);
    CueFeatures* fx = features_.get();
    FeatureList feats;
    for (const Sentence& s : doc_.sentences) {
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        if (in_run_[t] != kNone && classes_[in_run_[t]] != RunClass::kTerm) continue;
        if (learned && fx->candidate(t)) {
          fx->extract(t, &feats);
          const float score = model.score(feats);
          if (scores_out_) (*scores_out_)[t] = score;
          const bool known = find_cue(low(t)) != nullptr ||
                             (t + 1 < s.end_token && find_cue_phrase(low(t), low(t + 1)));
          if (known && score < kLexiconCueMin) continue;
          if (!known && score > kLearnedCueMin && !(t > s.first_token && low(t - 1) == "to")) {
            learned_.push_back(CueEntry{syn(t).lemma, kThought | kObjectClause | kToClause});
            cue_at_[t] = static_cast<uint32_t>(cues_.size());
            cues_.push_back(CueHit{Range{t, t + 1}, &learned_.back()});
            continue;
          }
        }
        if (t + 1 < s.end_token) {
          const CueEntry* e = find_cue_phrase(low(t), low(t + 1));
          // An infinitive ("to comment on") is not a cue of its own.
          if (e && e->lemma != "according to" && t > s.first_token && low(t - 1) == "to")
            e = nullptr;
          if (e) {
            cue_at_[t] = static_cast<uint32_t>(cues_.size());
            cues_.push_back(CueHit{Range{t, t + 2}, e});
            ++t;
            continue;
          }
        }
        const CueEntry* e = find_cue(low(t));
        if (!e) continue;
        if (is_cap(t) && t != s.first_token &&
            !(is_cap(t - 1) && t + 1 < s.end_token && is_cap(t + 1)))  // "Sanders Says He ..."
          continue;
        if (syntax_) {
          const std::string& u = syn(t).upos;
          if (u != "VERB" && !(u == "AUX" && e->lemma == "say")) continue;
          if (t > s.first_token && low(t - 1) == "to") continue;  // "to comment"
        } else if (!verb_reading(t, s.first_token, *e)) {
          continue;
        }
        cue_at_[t] = static_cast<uint32_t>(cues_.size());
        cues_.push_back(CueHit{Range{t, t + 1}, e});
      }
    }
  }

  // Without tags: rejects noun readings of cue forms ("the false claim", "think tank") and
  // infinitives ("to deny").
  bool verb_reading(uint32_t t, uint32_t first, const CueEntry& e) const {
    if (t + 1 < doc_.tokens.size() && low(t) == "think" &&
        (low(t + 1) == "tank" || low(t + 1) == "tanks"))
      return false;
    if (t == first) return true;
    const std::string& p = low(t - 1);
    if (determiners().count(p) || p == "to") return false;
    static const WordSet ambiguous = {
        "claim",  "report", "call",  "note",   "comment", "post",     "plan",     "promise",
        "demand", "pledge", "vow",   "fear",   "hope",    "doubt",    "estimate", "charge",
        "tweet",  "show",   "find",  "state",  "reply",   "counter",  "joke",     "quip",
        "boast",  "warn",   "want",  "stress", "remark",  "question", "attack",   "back",
        "order",  "see",    "blame", "mock",   "echo",    "support",  "express",  "discuss"};
    if (!ambiguous.count(e.lemma)) return true;
    const std::string& w = low(t);
    if (w != e.lemma && w != std::string(e.lemma) + "s") return true;  // "claimed", "calling"
    // A base or -s form: a verb after a pronoun, a name, an auxiliary or "who".
    static const WordSet subjects = {
        "i",    "we",    "you",   "they", "he",   "she", "it",  "who",   "also",   "not",  "n't",
        "will", "would", "could", "did",  "does", "do",  "may", "might", "should", "must", "can"};
    return subjects.count(p) || is_cap(t - 1) || is_ly_adverb(t - 1);
  }

  // ---- speakers ----
  // Skips adverbs, auxiliaries and time words leftwards from t (inclusive); returns the first
  // token that is not skipped, or kNone when lo is passed.
  uint32_t skip_left(uint32_t t, uint32_t lo) const {
    while (t != kNone && t >= lo && t < doc_.tokens.size() &&
           (pre_cue_skips().count(low(t)) || is_ly_adverb(t))) {
      if (t == lo) return kNone;
      --t;
    }
    return t;
  }

  // The noun phrase that ends right before token `t0` (after skipping adverbs), within [lo, t0).
  Range np_before(uint32_t t0, uint32_t lo) const {
    if (t0 == 0 || t0 <= lo) return {};
    const uint32_t e = skip_left(t0 - 1, lo);
    if (e == kNone || e < lo) return {};
    if (low(e) == "who" || low(e) == "which") return Range{e, e + 1};
    if (low(e) == "," && e > lo) {
      // "Joe Maloy, a Republican from the Concord area, said": PolNeAR's source is the phrase
      // with its apposition and the closing comma.
      for (uint32_t c = e; c-- > lo && c + 20 > e;) {
        if (is_final_punct(c) || is_quote_mark(c) || low(c) == ";") break;
        if (cue_at_[c] != kNone && !is_cap(c)) break;
        if (low(c) != ",") continue;
        const Range head = np_walk(c, lo);
        if (!head.empty() && head.e == c) return Range{head.b, e + 1};
        break;
      }
      return {};
    }
    if (is_punct(e) || np_boundaries().count(low(e))) return {};
    if (mention_end_[e] != kNone && doc_.mentions[mention_end_[e]].kind == MentionKind::kPronoun)
      return Range{e, e + 1};
    return np_walk(e + 1, lo);
  }

  // A hyphen glued to both neighbours ("front-runner") is part of a word.
  bool inner_hyphen(uint32_t t) const {
    return low(t) == "-" && t > 0 && !doc_.tokens[t - 1].space_after && !doc_.tokens[t].space_after;
  }

  // The noun phrase ending at token end - 1, walked back to a boundary word or punctuation. With
  // prepositions allowed ("a source close to the campaign") when that walk ends cleanly at the
  // start of the clause.
  Range np_walk(uint32_t end, uint32_t lo) const {
    if (end == 0 || end <= lo) return {};
    const uint32_t e = end - 1;
    if (is_punct(e) || np_boundaries().count(low(e))) return {};
    auto walk = [&](bool loose, bool* clean) {
      uint32_t b = e;
      *clean = true;
      while (b > lo) {
        const uint32_t p = b - 1;
        const std::string& w = low(p);
        if (inner_hyphen(p)) {
          --b;
          continue;
        }
        if (is_punct(p)) break;
        if (np_boundaries().count(w) && w != "'s" && w != "’s") {
          if (!(loose && prepositions().count(w) && w != "as" && w != "than")) {
            *clean = false;
            break;
          }
        }
        if (cue_at_[p] != kNone && !is_cap(p)) {
          *clean = false;
          break;
        }
        --b;
      }
      return b;
    };
    bool clean_strict = false, clean_loose = false;
    uint32_t b = walk(false, &clean_strict);
    const uint32_t bl = walk(true, &clean_loose);
    if (bl < b && clean_loose && e + 1 - bl <= 15 &&
        (is_cap(bl) || determiners().count(low(bl)) || low(bl) == "some" || low(bl) == "many" ||
         low(bl) == "most" || low(bl) == "both"))
      b = bl;
    // Names with inner punctuation ("Jean-Pierre") are kept whole.
    if (mention_end_[e] != kNone && doc_.mentions[mention_end_[e]].first_token < b &&
        doc_.mentions[mention_end_[e]].first_token >= lo)
      b = doc_.mentions[mention_end_[e]].first_token;
    if (e + 1 - b > 15) {
      // Too long to be one noun phrase without syntax: keep the mention that ends it.
      if (mention_end_[e] != kNone) return Range{doc_.mentions[mention_end_[e]].first_token, e + 1};
      return Range{e, e + 1};
    }
    // A leading conjunction is not part of the phrase.
    while (b < e && conjunction_starts().count(low(b))) ++b;
    return Range{b, e + 1};
  }

  // The noun phrase that starts at t0 (inverted "said Donna Brazile, the chairwoman of ..."),
  // appositions included, up to hi.
  Range np_after(uint32_t t0, uint32_t hi) const {
    uint32_t e = t0;
    while (e < hi) {
      const std::string& w = low(e);
      if (is_quote_mark(e) || is_final_punct(e) || w == ";" || w == ":" || w == "(" ||
          w == "\u2014" || w == "--" || w == "\u2013")
        break;
      if (w == ",") {
        if (e + 1 >= hi) break;
        const std::string& nx = low(e + 1);
        if (prepositions().count(nx) || np_boundaries().count(nx) || cue_at_[e + 1] != kNone ||
            is_quote_mark(e + 1) || (nx.size() > 4 && nx.ends_with("ing")))
          break;
      } else if (e > t0 &&
                 (cue_at_[e] != kNone || (np_boundaries().count(w) && w != "'s" && w != "’s"))) {
        if (!(w == "of" || w == "and")) break;
      } else if (e == t0 && (np_boundaries().count(w) && w != "who")) {
        return {};
      }
      ++e;
      if (e - t0 > 20) break;
    }
    return trim(Range{t0, e});
  }

  // The subject of the sentence's main clause before `before` (for participial cues
  // "..., declaring"): the first person mention that does not follow a preposition, else the
  // first such mention.
  Range main_subject(uint32_t lo, uint32_t before) const {
    Range other;
    for (uint32_t t = lo; t < before; ++t) {
      const uint32_t m = mention_start_[t];
      if (m == kNone) continue;
      const Mention& mm = doc_.mentions[m];
      if (t > lo && prepositions().count(low(t - 1))) continue;
      const Range r{mm.first_token, mm.end_token};
      if (mm.type == EntityType::kPer) return r;
      if (other.empty()) other = r;
    }
    if (!other.empty() || lo >= before) return other;
    // No mention: a personal pronoun or a run of capitalized words opening the sentence.
    static const WordSet pronouns = {"he", "she", "they", "i", "we"};
    if (pronouns.count(low(lo))) return Range{lo, lo + 1};
    if (determiners().count(low(lo)) || np_boundaries().count(low(lo))) return {};
    uint32_t e = lo;
    while (e < before && is_cap(e) && !conjunction_starts().count(low(e))) ++e;
    return Range{lo, e};
  }

  struct Parties {
    Range speaker, addressee;
    uint32_t speaker_entity = kNoEntity;
  };

  // Speaker and addressee of cue c. `lo` bounds the leftward search (start of the sentence or the
  // end of a preceding quote); `hi` bounds the rightward one.
  Parties parties(const CueHit& c, uint32_t lo, uint32_t hi) const {
    Parties p;
    if (syntax_ && !(c.entry->lemma == "according to")) {
      syntax_parties(c, &p);
      if (!p.speaker.empty()) {
        p.speaker_entity = entity_of(p.speaker);
        if (!p.addressee.empty() || !(c.entry->flags & kAddressee)) return p;
      }
    }
    if (p.speaker.empty()) pattern_speaker(c, lo, hi, &p);
    if (p.addressee.empty() && (c.entry->flags & kAddressee)) p.addressee = object_after(c.r.e, hi);
    p.speaker_entity = entity_of(p.speaker);
    return p;
  }

  // A speaker phrase from a subtree: without quotations the parser attached to it and without a
  // leading conjunction ("And surveys of ...").
  Range clean_phrase(Range r, uint32_t cue) const {
    for (uint32_t t = r.b; t < r.e; ++t) {
      const uint32_t k = in_run_[t];
      if (k == kNone) continue;
      if (t < cue && runs_[k].last() + 1 < r.e && (runs_[k].first() <= r.b || t == r.b)) {
        r.b = runs_[k].last() + 1;
        t = r.b - 1;
      } else {
        r.e = t;
        break;
      }
    }
    r = trim(r);
    static const WordSet lead = {"first", "then", "now", "meanwhile", "alongside", "also"};
    while (!r.empty() && (conjunction_starts().count(low(r.b)) || lead.count(low(r.b)))) ++r.b;
    return trim(r);
  }

  // A hearer phrase cut before a clause the parser attached to it ("told the Times that ...",
  // "told reporters, ...").
  Range hearer_phrase(Range r) const {
    for (uint32_t t = r.b + 1; t < r.e; ++t)
      if (low(t) == "that" || low(t) == "," || low(t) == ":" || is_quote_mark(t) ||
          (syntax_ && deprel_is(t, "acl")))
        return trim(Range{r.b, t});
    return r;
  }

  void syntax_parties(const CueHit& c, Parties* p) const {
    uint32_t v = c.r.b;
    for (int climb = 0; climb < 3 && v != kNone; ++climb) {
      uint32_t s = child(v, "nsubj");
      if (s != kNone && syn(s).deprel == "nsubj:pass") {
        if (c.entry->flags & kAddressee) p->addressee = subtree(s);
        const uint32_t agent = child(v, "obl");
        if (agent != kNone && child(agent, "case") != kNone && low(child(agent, "case")) == "by") {
          Range a = subtree(agent);
          if (a.b < a.e && low(a.b) == "by") ++a.b;
          p->speaker = a;
        }
        return;
      }
      if (s != kNone) {
        p->speaker = clean_phrase(subtree(s), c.r.b);
        // "Colonel Alexander Vindman, a leading figure in ..., hailed": PolNeAR keeps the comma
        // that closes the apposition.
        if (p->speaker.e < v && low(p->speaker.e) == ",") {
          for (uint32_t t = p->speaker.b; t < p->speaker.e; ++t)
            if (low(t) == ",") {
              ++p->speaker.e;
              break;
            }
        }
        if (c.entry->flags & kAddressee) {
          const uint32_t o = child(v, "obj") != kNone ? child(v, "obj") : child(v, "iobj");
          if (o != kNone && o > c.r.b) p->addressee = hearer_phrase(subtree(o));
        }
        return;
      }
      const std::string& d = syn(v).deprel;
      if (d == "advcl" || d == "xcomp" || d == "conj" || d == "acl" || d == "parataxis") {
        v = syn(v).head;
      } else {
        return;
      }
    }
  }

  void pattern_speaker(const CueHit& c, uint32_t lo, uint32_t hi, Parties* p) const {
    // Passive: "Blinken was asked by David Ignatius ...", "Jean-Pierre was asked ...".
    if (c.r.b > lo) {
      uint32_t a = c.r.b - 1;
      while (a > lo && (is_ly_adverb(a) || low(a) == "also" || low(a) == "again")) --a;
      if (passive_aux().count(low(a)) && !low(c.r.b).ends_with("ing")) {
        if (c.entry->flags & kAddressee) p->addressee = np_before(a, lo);
        for (uint32_t j = c.r.e; j < hi && j < c.r.e + 10; ++j) {
          if (is_final_punct(j) || is_quote_mark(j) || low(j) == ":") break;
          if (low(j) == "by") {
            Range r = np_after(j + 1, hi);
            // The agent phrase ends before a following "to"-clause.
            for (uint32_t t = r.b; t < r.e; ++t)
              if (low(t) == "to") r.e = t;
            p->speaker = r;
            break;
          }
        }
        return;
      }
    }
    const bool participle = low(c.r.b).ends_with("ing");
    if (!participle || c.r.b == lo || low(c.r.b - 1) != ",") p->speaker = np_before(c.r.b, lo);
    if (!p->speaker.empty()) return;
    uint32_t prev = c.r.b > lo ? skip_left(c.r.b - 1, lo) : kNone;
    if (participle) {
      p->speaker = main_subject(sent_first(c.r.b), c.r.b);
      return;
    }
    // Inverted: "...," said Zelensky / "CONTENT, said X." at the end of the sentence.
    const bool after_quote =
        prev != kNone && prev >= lo &&
        (is_quote_mark(prev) || (low(prev) == "," && prev > 0 && is_quote_mark(prev - 1)));
    if (c.r.e < hi && (after_quote || prev == kNone || prev < lo)) {
      p->speaker = np_after(c.r.e, hi);
      return;
    }
    if (c.r.e < hi && prev != kNone && low(prev) == ",") {
      const Range r = np_after(c.r.e, hi);
      if (!r.empty() && r.e + 1 >= sent_end(c.r.b)) {
        p->speaker = r;
        return;
      }
    }
    // "X, a leading figure in ..., hailed": the sentence's subject.
    if (prev != kNone && low(prev) == ",") p->speaker = main_subject(sent_first(c.r.b), c.r.b);
  }

  // The hearer right after an addressee cue: a mention ("told the New York Times") or an object
  // pronoun ("asked him").
  Range object_after(uint32_t t, uint32_t hi) const {
    if (t >= hi) return {};
    uint32_t b = t;
    if (low(b) == "the" && b + 1 < hi) ++b;
    if (object_pronouns().count(low(t))) return Range{t, t + 1};
    if (mention_start_[b] != kNone) {
      const Mention& m = doc_.mentions[mention_start_[b]];
      if (m.end_token <= hi) return Range{t, m.end_token};
    }
    return {};
  }

  // PolNeAR's cue span: the verb with the auxiliaries and "also" before it and, up to the content
  // or the end of the sentence, its adjuncts and a colon ("has said", "said in a statement",
  // "said:"); never the speaker, the hearer or a comma.
  Range extend_cue(Range cue, const std::vector<Range>& pieces, const Parties& p) const {
    if (pieces.empty()) return cue;
    const bool single = cue.e - cue.b == 1;
    auto in = [](Range r, uint32_t t) { return !r.empty() && t >= r.b && t < r.e; };
    // Auxiliaries, negation and adverbs before the verb are part of PolNeAR's cue ("is
    // expected", "would not say", "has also called for"); counts on train: docs/quotes.md.
    static const WordSet left = {
        "has",   "have",   "had",    "also",  "'ve",  "\u2019ve", "later", "repeatedly", "is",
        "was",   "are",    "were",   "will",  "would", "did",      "does",  "do",         "not",
        "n't",   "\u2019t", "could", "can",   "may",   "might",    "should", "must",      "'s",
        "\u2019s", "'re",  "\u2019re", "still", "just", "now",     "never", "publicly",   "recently",
        "quickly", "first", "even",  "already", "been", "be",       "'ll",   "\u2019ll", "'d",
        "\u2019d", "previously", "openly", "privately", "once", "long", "often", "always"};
    while (cue.b > sent_first(cue.b) && left.count(low(cue.b - 1)) && !in(p.speaker, cue.b - 1))
      --cue.b;
    if (!single) return cue;
    const uint32_t se = sent_end(cue.e - 1);
    uint32_t stop = cue.e;
    const Range* next = nullptr;
    for (const Range& r : pieces)
      if (r.b >= cue.e && (!next || r.b < next->b)) next = &r;
    const bool tail = !next && pieces.front().e <= cue.b;
    if (next && sent_of(next->b) == sent_of(cue.b)) {
      stop = next->b;
    } else if (tail) {
      stop = se;
    } else {
      return cue;
    }
    // A colon right after the verb; at the end of a sentence, an "in a statement" phrase.
    if (cue.e < stop && low(cue.e) == ":") {
      ++cue.e;
    } else if (tail && cue.e + 2 < stop && low(cue.e) == "in" &&
               (low(cue.e + 1) == "a" || low(cue.e + 1) == "an")) {
      uint32_t e = cue.e + 2;
      while (e < stop && !is_punct(e) && !in(p.speaker, e) && e < cue.e + 6) ++e;
      if (e >= stop || is_final_punct(e)) cue.e = e;
    }
    return cue;
  }

  // ---- emitting ----
  Quote make_quote(QuoteKind kind, const std::vector<Range>& pieces, const CueHit* c,
                   const Parties& p) const {
    Quote q;
    q.kind = kind;
    for (const Range& r : pieces)
      if (!r.empty()) q.content.push_back(span_of(r));
    if (!p.speaker.empty()) q.speaker = span_of(p.speaker);
    q.speaker_entity = p.speaker_entity;
    if (!p.addressee.empty()) {
      q.addressee = span_of(p.addressee);
      q.addressee_entity = entity_of(p.addressee);
    }
    if (c) {
      q.cue = span_of(extend_cue(c->r, pieces, p));
      q.cue_lemma = std::string(c->entry->lemma);
    }
    uint32_t first = kNone, last = 0;
    for (const Range& r : pieces) {
      if (r.empty()) continue;
      first = std::min(first, sent_of(r.b));
      last = std::max(last, sent_of(r.e - 1));
    }
    q.first_sentence = first == kNone ? 0 : first;
    q.end_sentence = last + 1;
    return q;
  }

  std::vector<Range> run_pieces(const MarkRun& r) const {
    std::vector<Range> out;
    for (const auto& [b, e] : r.pieces)
      if (e > b) out.push_back(Range{b, e});
    return out;
  }

  // The unused speech cue within `window` tokens after the closing mark of a quote, in its
  // sentence, before any other quote: "...," said Zelensky / "...," Moscow said.
  uint32_t cue_after(uint32_t close, uint32_t limit) const {
    for (uint32_t j = close + 1; j < limit && j <= close + 20; ++j) {
      if (is_final_punct(j) || is_quote_mark(j) || low(j) == ";") return kNone;
      const uint32_t h = cue_at_[j];
      if (h != kNone && !cues_[h].used && (cues_[h].entry->flags & kSpeech)) return h;
    }
    return kNone;
  }

  // The unused speech cue of a short attribution sentence right after closing mark `close` when
  // that mark ends its sentence: the next sentence, on the same line, names the speaker and the
  // cue within its first 8 tokens and reports nothing else ("Trump said.", "said Jim Clyburn, a
  // Democratic congressman", not "Trump said that ..."). kNone otherwise.
  uint32_t tail_cue_sentence(uint32_t close, uint32_t next_run) const {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    const uint32_t b = close + 1;
    if (b >= n || sent_end(close) != b || para_of(b) != para_of(close) || line_break_before(b))
      return kNone;
    const uint32_t e = std::min(sent_end(b), next_run == kNone ? kNone : runs_[next_run].first());
    const uint32_t h = cue_after(close, std::min(e, b + 8));
    if (h == kNone) return kNone;
    const CueHit& c = cues_[h];
    if (c.r.e < n && c.r.e < sent_end(b) && (low(c.r.e) == "that" || low(c.r.e) == ":"))
      return kNone;
    if (syntax_)
      for (uint32_t t = c.r.b; t < c.r.e; ++t)
        if (child(t, "ccomp") != kNone || child(t, "xcomp") != kNone) return kNone;
    return h;
  }

  // The unused speech cue before an opening mark, in its sentence, with at most a short phrase
  // ("him again:") between: He continued, "..." / Ignatius asked him again: "...".
  uint32_t cue_before(uint32_t open, uint32_t lo) const {
    for (uint32_t j = open; j > lo;) {
      --j;
      if (open - j > 12 || is_final_punct(j) || is_quote_mark(j)) return kNone;
      const uint32_t h = cue_at_[j];
      if (h != kNone && !cues_[h].used && (cues_[h].entry->flags & kSpeech)) return h;
      if (j + 1 < doc_.tokens.size() && cue_at_[j] == kNone && j > 0 && cue_at_[j - 1] != kNone &&
          cues_[cue_at_[j - 1]].r.e == j + 1 && !cues_[cue_at_[j - 1]].used)
        return cue_at_[j - 1];
    }
    return kNone;
  }

  // The speaker label of a transcript turn opening at token b ("WALLACE:", "MR. SMITH:"): the
  // end of the label (the colon), or kNone.
  uint32_t transcript_label(uint32_t b, uint32_t e) const {
    for (uint32_t t = b; t < e && t < b + 4; ++t) {
      if (low(t) == ":") return t > b ? t : kNone;
      const std::string_view w = word(t);
      bool upper = !w.empty();
      for (char ch : w) upper = upper && !(ch >= 'a' && ch <= 'z');
      if (!upper || is_quote_mark(t)) return kNone;
    }
    return kNone;
  }

  // A quoted transcript ('"WALLACE: ...' / '"PENCE: ...', one turn per paragraph): each turn is
  // a direct quote with the label as speaker and the colon as cue, without the quote marks
  // (PolNeAR). Returns false when the run does not open with a label.
  bool transcript_run(const MarkRun& r) {
    if (r.pieces.empty() || transcript_label(r.first() + 1, r.pieces[0].second) == kNone)
      return false;
    static const CueEntry kColon{":", kSpeech};
    for (const auto& [pb, pe] : r.pieces) {
      const uint32_t b = is_quote_mark(pb) ? pb + 1 : pb;
      Range content{b, pe};
      while (!content.empty() && is_quote_mark(content.e - 1)) --content.e;
      const uint32_t colon = transcript_label(b, pe);
      if (colon != kNone) content.b = colon + 1;
      if (content.empty()) continue;
      if (colon == kNone) {  // the turn goes on in another paragraph
        if (doc_.quotes.empty()) continue;
        Quote& prev = doc_.quotes.back();
        prev.content.push_back(span_of(content));
        prev.end_sentence = std::max(prev.end_sentence, sent_of(content.e - 1) + 1);
        continue;
      }
      CueHit cue{Range{colon, colon + 1}, &kColon};
      Parties p;
      p.speaker = Range{b, colon};
      p.speaker_entity = entity_of(p.speaker);
      doc_.quotes.push_back(make_quote(QuoteKind::kDirect, {content}, &cue, p));
    }
    return true;
  }

  void attach_direct() {
    int last_quote = -1;  // index into doc_.quotes of the previous direct quote
    for (uint32_t k = 0; k < runs_.size(); ++k) {
      if (classes_[k] != RunClass::kDirect) continue;
      const MarkRun& r = runs_[k];
      const uint32_t open = r.first(), close = r.last();
      if (transcript_run(r)) {
        last_quote = static_cast<int>(doc_.quotes.size() - 1);
        continue;
      }
      // The next top-level run, which bounds the cue search.
      uint32_t next = kNone;
      for (uint32_t j = k + 1; j < runs_.size(); ++j)
        if (runs_[j].depth == 0) {
          next = j;
          break;
        }
      const uint32_t limit = std::min(sent_end(close), next == kNone ? kNone : runs_[next].first());
      uint32_t lo = sent_first(open);
      if (k > 0)
        for (uint32_t j = k; j-- > 0;)
          if (runs_[j].depth == 0) {
            if (runs_[j].last() >= lo) lo = runs_[j].last() + 1;
            break;
          }
      uint32_t h = r.closed ? cue_after(close, limit) : kNone;
      bool after = h != kNone;
      uint32_t after_limit = limit;
      // '“… a bribe?” Trump asked.': the sentence splitter ended the sentence at the closing
      // mark; the cue opens the next sentence of the same line.
      if (h == kNone && r.closed) {
        const uint32_t tail = tail_cue_sentence(close, next);
        if (tail != kNone) {
          h = tail;
          after = true;
          after_limit = std::min(sent_end(close + 1),
                                 next == kNone ? kNone : runs_[next].first());
        }
      }
      if (h == kNone) h = cue_before(open, lo);
      // A cue ending the previous paragraph with a colon: 'Karadsheh says:' / '"Well, ..."'.
      if (h == kNone && open == sent_first(open) && open > 0 && low(open - 1) == ":" &&
          para_of(open - 1) + 1 == para_of(open))
        h = cue_before(open - 1, sent_first(open - 1));
      std::vector<Range> pieces = run_pieces(r);
      // "Frank Newport: “...”": the colon is the cue, the phrase before it the speaker.
      if (h == kNone && open > lo + 1 && low(open - 1) == ":" && !is_quote_mark(open - 2)) {
        static const CueEntry kColon{":", kSpeech};
        CueHit colon{Range{open - 1, open}, &kColon};
        Parties p;
        p.speaker = np_before(open - 1, lo);
        if (!p.speaker.empty() && p.speaker.e - p.speaker.b <= 6) {
          p.speaker_entity = entity_of(p.speaker);
          doc_.quotes.push_back(make_quote(QuoteKind::kDirect, pieces, &colon, p));
          last_quote = static_cast<int>(doc_.quotes.size() - 1);
          continue;
        }
      }
      // "“...” ― Sonya Herridge": a dash after the quote and a short name closing the
      // paragraph; the dash is the cue (PolNeAR).
      if (h == kNone && r.closed && close + 2 < doc_.tokens.size() &&
          para_of(close + 1) == para_of(open) && is_dash(close + 1)) {
        uint32_t e = close + 2;
        while (e < doc_.tokens.size() && para_of(e) == para_of(open) && e < close + 10 &&
               !line_break_before(e) && !is_quote_mark(e))
          ++e;
        const Range name = trim(Range{close + 2, e});
        if (!name.empty() && is_cap(name.b) &&
            (e >= doc_.tokens.size() || para_of(e) != para_of(open) || line_break_before(e))) {
          static const CueEntry kDash{"\u2015", kSpeech};
          CueHit dash{Range{close + 1, close + 2}, &kDash};
          Parties p;
          p.speaker = name;
          p.speaker_entity = entity_of(name);
          doc_.quotes.push_back(make_quote(QuoteKind::kDirect, pieces, &dash, p));
          last_quote = static_cast<int>(doc_.quotes.size() - 1);
          continue;
        }
      }
      if (h == kNone) {
        // No cue: the quote continues the previous one (same paragraph) or has its speaker
        // (next paragraph).
        if (last_quote >= 0) {
          Quote& prev = doc_.quotes[last_quote];
          const uint32_t prev_para = doc_.sentences[prev.end_sentence - 1].paragraph;
          if (prev_para == para_of(open)) {
            for (const Range& p : pieces) prev.content.push_back(span_of(p));
            prev.end_sentence = std::max(prev.end_sentence, sent_of(close) + 1);
            continue;
          }
          if (prev_para + 1 == para_of(open) && prev.speaker_entity != kNoEntity) {
            Parties p;
            p.speaker_entity = prev.speaker_entity;
            const Span prev_speaker = prev.speaker;  // `prev` dies with the push_back below
            doc_.quotes.push_back(make_quote(QuoteKind::kDirect, pieces, nullptr, p));
            doc_.quotes.back().speaker = prev_speaker;
            last_quote = static_cast<int>(doc_.quotes.size() - 1);
            continue;
          }
        }
        doc_.quotes.push_back(make_quote(QuoteKind::kDirect, pieces, nullptr, Parties{}));
        last_quote = static_cast<int>(doc_.quotes.size() - 1);
        continue;
      }
      CueHit& c = cues_[h];
      c.used = true;
      const uint32_t hi = after ? after_limit : open;
      const Parties p = parties(c, after ? close + 1 : lo, hi);
      // A split quote: "...," he said, "..." -- the next run continues this one.
      if (after && next != kNone && classes_[next] == RunClass::kDirect &&
          para_of(runs_[next].first()) == para_of(close)) {
        const uint32_t o2 = runs_[next].first();
        const std::string& before = low(o2 - 1);
        if ((before == "," || before == ":" || before == "\u2014") &&
            sent_of(o2) == sent_of(close) && cue_before(o2, c.r.e) == kNone &&
            cue_after(runs_[next].last(), sent_end(runs_[next].last())) == kNone) {
          for (const Range& x : run_pieces(runs_[next])) pieces.push_back(x);
          k = next;
        }
      }
      // 'said that in 2009, “I called …”': a complementizer right after the cue opens a reported
      // clause that ends in the quotation; the content starts at "that" (PolNeAR): mixed.
      QuoteKind kind = QuoteKind::kDirect;
      if (!after && !pieces.empty())
        for (uint32_t j = c.r.e; j < open && j <= c.r.e + 3; ++j) {
          if (is_quote_mark(j) || is_final_punct(j) || in_run_[j] != kNone) break;
          if (low(j) == "that") {
            pieces.front().b = j;
            kind = QuoteKind::kMixed;
            break;
          }
        }
      doc_.quotes.push_back(make_quote(kind, pieces, &c, p));
      last_quote = static_cast<int>(doc_.quotes.size() - 1);
    }
  }

  // The end of a reported clause starting at b: the sentence end without its final punctuation,
  // or an earlier "; " or ", according to" / ", adding".
  uint32_t clause_end(uint32_t b) const {
    const uint32_t e = sent_end(b);
    for (uint32_t t = b; t < e; ++t) {
      if (low(t) == ";" && in_run_[t] == kNone) return t;
      if (in_run_[t] != kNone) continue;
      const std::string& w = low(t);
      if (w == "\u2013" || w == "\u2014" || w == "--") return t;
      if (w == "," && t + 1 < e) {
        const uint32_t h = cue_at_[t + 1];
        if (h != kNone && (low(t + 1).ends_with("ing") || cues_[h].entry->lemma == "according to"))
          return t;
        static const WordSet breaks = {"while", "whereas", "despite"};
        if (breaks.count(low(t + 1))) return t;
        // ", President Obama has said." -- a tail attribution of the clause.
        for (uint32_t j = t + 1; j < e && j < t + 9; ++j) {
          if (is_final_punct(j) || low(j) == ",") break;
          if (cue_at_[j] != kNone) {
            uint32_t k = j + 1;
            while (k < e && !is_final_punct(k) && low(k) != "," && k < j + 6) ++k;
            if (k >= e || is_final_punct(k)) return t;
            break;
          }
        }
      }
    }
    uint32_t end = e;
    while (end > b && is_final_punct(end - 1) && in_run_[end - 1] == kNone) --end;
    return end;
  }

  // A leading conjunction ("And Mrs. Clinton ...") is not part of the content.
  uint32_t content_start(uint32_t b, uint32_t e) const {
    while (b < e && (conjunction_starts().count(low(b)) || low(b) == ",")) ++b;
    return b;
  }

  // The reported clause of cue c (syntax first, then token patterns). Sets *parties.
  Range reported_clause(const CueHit& c, Parties* p) const {
    const uint32_t s0 = sent_first(c.r.b), s1 = sent_end(c.r.b);
    const uint32_t flags = c.entry->flags;
    if (c.entry->lemma == "according to") {
      if (c.r.b <= content_start(s0, c.r.b)) {
        // According to X, CONTENT.
        uint32_t comma = c.r.e;
        while (comma < s1 && low(comma) != ",") ++comma;
        if (comma >= s1) return {};
        p->speaker = trim(Range{c.r.e, comma});
        p->speaker_entity = entity_of(p->speaker);
        return Range{comma + 1, clause_end(comma + 1)};
      }
      // CONTENT, according to X.
      uint32_t e = c.r.b;
      while (e > s0 && is_punct(e - 1) && !is_quote_mark(e - 1)) --e;
      uint32_t se = c.r.e;
      while (se < s1 && low(se) != "," && !is_final_punct(se) && low(se) != ";") ++se;
      p->speaker = trim(Range{c.r.e, se});
      p->speaker_entity = entity_of(p->speaker);
      return Range{content_start(s0, e), e};
    }
    *p = parties(c, s0, s1);
    if (syntax_) {
      const Range r = cover_runs(syntax_clause(c));
      if (!r.empty()) return r;
    }
    // Tail cue: "CONTENT, X said." / "CONTENT, said X."
    {
      uint32_t start = c.r.b;
      if (!p->speaker.empty() && p->speaker.e <= c.r.b) start = p->speaker.b;
      uint32_t rest = c.r.e;
      if (!p->speaker.empty() && p->speaker.b >= c.r.e) rest = p->speaker.e;
      while (rest < s1 && (is_final_punct(rest) || pre_cue_skips().count(low(rest)))) ++rest;
      if (start > s0 + 2 && low(start - 1) == "," && rest >= s1 && !(flags & kQuoteOnly))
        return Range{content_start(s0, start - 1), start - 1};
      // "... “wanted to be a pilot since he was 5,” his friend told The Daily Beast."
      if (start > s0 + 3 && is_quote_mark(start - 1) && low(start - 2) == "," && rest >= s1 &&
          !(flags & kQuoteOnly))
        return Range{content_start(s0, start), start};
    }
    if (flags & kQuoteOnly) return {};
    uint32_t t = c.r.e;
    if (!p->addressee.empty() && p->addressee.b >= c.r.e) t = p->addressee.e;
    // Skip "by <agent>" of a passive cue.
    if (!p->speaker.empty() && p->speaker.b > c.r.e) t = std::max(t, p->speaker.e);
    // "that" within a few tokens ("said on Monday that", "told the Times in an interview that").
    for (uint32_t j = t; j < s1 && j < t + 10; ++j) {
      if (low(j) == "that" && in_run_[j] == kNone) return Range{j, clause_end(j)};
      if (is_final_punct(j) || low(j) == ";" || is_quote_mark(j) ||
          (j > t && cue_at_[j] != kNone) || clause_starts().count(low(j)))
        break;
    }
    if (t >= s1 || (flags & kNeedsThat)) return {};
    const std::string& w = low(t);
    if ((flags & kToClause) && w == "to") return Range{t, clause_end(t)};
    if (clause_starts().count(w) || (is_cap(t) && !is_quote_mark(t)) ||
        ((flags & (kObjectClause | kSpeech | kThought)) && !is_punct(t) &&
         !prepositions().count(w)) ||
        ((flags & kQuestion) && (w == "if" || w == "whether")) ||
        (c.entry->lemma == "warn" && w == "of")) {
      const uint32_t e = clause_end(t);
      if (e > t + 1) return Range{t, e};
    }
    return {};
  }

  // Extends r to the end of a top-level quote run that starts inside it.
  Range cover_runs(Range r) const {
    if (r.empty()) return r;
    const uint32_t k = in_run_[r.e - 1];
    if (k != kNone && runs_[k].last() >= r.e && runs_[k].first() >= r.b &&
        sent_of(runs_[k].last()) == sent_of(r.b))
      r.e = runs_[k].last() + 1;
    return r;
  }

  Range syntax_clause(const CueHit& c) const {
    const uint32_t v = c.r.b;
    uint32_t comp = child(v, "ccomp");
    if (comp == kNone && (c.entry->flags & kToClause)) comp = child(v, "xcomp");
    if (comp != kNone) {
      // The complement starts where its subtree starts; it ends where the reported clause ends
      // (subtrees often stop early on attachment errors; PolNeAR's content runs on).
      const Range r = subtree(comp);
      if (r.b > v) return Range{r.b, std::max(r.e, clause_end(r.b))};
      return r;
    }
    if (syn(v).deprel == "parataxis" && syn(v).head != kNone) {
      // "CONTENT, X said": the content is the head clause before the cue's own subtree.
      const Range own = subtree(v);
      const Range whole = subtree(syn(v).head);
      if (own.b > whole.b) return trim(Range{content_start(whole.b, own.b), own.b});
    }
    return {};
  }

  // The end of reported clause r chosen by the learned ranker (cue_model.h) among the ends up to
  // r.e; r itself without a model, syntax, or when r crosses sentences.
  Range learned_end(Range r) const {
    const CueModel& model = CueModel::builtin();
    if (r.e - r.b < 2 || !syntax_ || !model.has_end() || sent_of(r.b) != sent_of(r.e - 1) ||
        is_quote_mark(r.b))
      return r;
    if (!features_) features_ = std::make_unique<CueFeatures>(doc_);
    FeatureList feats;
    uint32_t best = r.e;
    features_->extract_end(r.b, r.e, &feats);
    float best_score = model.score(feats) + kEndMargin;
    for (uint32_t e = r.b + 1; e < r.e; ++e) {
      features_->extract_end(r.b, e, &feats);
      const float s = model.score(feats);
      if (s > best_score) best_score = s, best = e;
    }
    return trim(Range{r.b, best});
  }

  bool overlaps_direct(Range r) const {
    for (uint32_t t = r.b; t < r.e; ++t)
      if (in_run_[t] != kNone && classes_[in_run_[t]] == RunClass::kDirect) return true;
    return false;
  }

  // "His wife, he says, plans to ...": a cue between commas inside its sentence reports the
  // sentence around it (two pieces).
  bool parenthetical(CueHit& c) {
    if (!(c.entry->flags & kSpeech)) return false;
    const uint32_t s0 = sent_first(c.r.b), s1 = sent_end(c.r.b);
    Parties p;
    if (c.entry->lemma == "according to") {
      // "The plan, according to Smith, failed."
      if (c.r.b < s0 + 3 || low(c.r.b - 1) != ",") return false;
      uint32_t se = c.r.e;
      while (se < s1 && low(se) != "," && !is_final_punct(se) && low(se) != ";") ++se;
      if (se + 2 >= s1 || low(se) != ",") return false;
      const Range first = trim(Range{content_start(s0, c.r.b - 1), c.r.b - 1});
      const Range second = trim(Range{se + 1, clause_end(se + 1)});
      if (first.e - first.b < 1 || second.e - second.b < 2) return false;
      if (overlaps_direct(first) || overlaps_direct(second)) return false;
      p.speaker = trim(Range{c.r.e, se});
      p.speaker_entity = entity_of(p.speaker);
      c.used = true;
      doc_.quotes.push_back(make_quote(QuoteKind::kIndirect, {first, second}, &c, p));
      return true;
    }
    p.speaker = np_before(c.r.b, s0);
    if (p.speaker.empty() || p.speaker.b < s0 + 3 || low(p.speaker.b - 1) != ",") return false;
    if (p.speaker.e - p.speaker.b > 4) return false;
    if (c.r.e + 3 >= s1 || low(c.r.e) != ",") return false;
    const uint32_t a = content_start(s0, p.speaker.b - 1);
    const Range first = trim(Range{a, p.speaker.b - 1});
    const Range second = trim(Range{c.r.e + 1, clause_end(c.r.e + 1)});
    if (first.e - first.b < 2 || second.e - second.b < 2) return false;
    if (overlaps_direct(first) || overlaps_direct(second)) return false;
    p.speaker_entity = entity_of(p.speaker);
    c.used = true;
    doc_.quotes.push_back(make_quote(QuoteKind::kIndirect, {first, second}, &c, p));
    return true;
  }

  // "Trey Gowdy: Benghazi Investigation Helped ..." (headlines) and "TAPPER: And obviously ..."
  // (transcripts): a short capitalized phrase opening a sentence, then a colon.
  void colon_attributions() {
    std::vector<bool> covered(doc_.tokens.size(), false);
    for (const Quote& q : doc_.quotes)
      for (const Span& sp : q.content)
        for (uint32_t t = token_at(sp.begin);
             t < doc_.tokens.size() && doc_.tokens[t].span.begin < sp.end; ++t)
          covered[t] = true;
    for (const Sentence& s : doc_.sentences) {
      const uint32_t f = s.first_token;
      uint32_t k = f;
      while (k < s.end_token && k < f + 6 && low(k) != ":") ++k;
      if (k == f || k >= s.end_token || low(k) != ":" || k + 3 >= s.end_token) continue;
      if (is_quote_mark(k + 1) || covered[k + 1] || in_run_[k + 1] != kNone) continue;
      bool upper = true, ok = true;
      for (uint32_t t = f; t < k && ok; ++t) {
        const std::string_view w = word(t);
        if (cue_at_[t] != kNone) ok = false;
        if (!is_cap(t) && w != "'s" && w != "’s" && !inner_hyphen(t) && w != ".") ok = false;
        for (char ch : w)
          if (ch >= 'a' && ch <= 'z') upper = false;
      }
      if (!ok) continue;
      // The content runs to the end of the paragraph.
      uint32_t e = k + 1;
      while (e < doc_.tokens.size() && para_of(e) == para_of(k)) ++e;
      const Range content = trim(Range{k + 1, clause_end_at(e)});
      if (content.e - content.b < 2) continue;
      static const CueEntry kColon{":", kSpeech};
      const CueHit colon{Range{k, k + 1}, &kColon};
      Parties p;
      p.speaker = Range{f, k};
      p.speaker_entity = entity_of(p.speaker);
      doc_.quotes.push_back(
          make_quote(upper ? QuoteKind::kDirect : QuoteKind::kIndirect, {content}, &colon, p));
    }
  }

  // "In a CNN/ORC poll released Monday, 31% of Republicans said ...": a sentence opening with
  // "In <a poll or survey>," reports the clause after the comma; the poll is the source.
  void poll_attributions() {
    static const WordSet polls = {"poll", "polls", "survey", "surveys"};
    static const WordSet relatives = {"where", "which", "that", "who", "when"};
    for (const Sentence& s : doc_.sentences) {
      const uint32_t f = content_start(s.first_token, s.end_token);
      if (f >= s.end_token || low(f) != "in" || in_run_[f] != kNone) continue;
      uint32_t k = f + 1;
      bool poll = false;
      while (k < s.end_token && k < f + 16 && low(k) != "," && in_run_[k] == kNone) {
        if (polls.count(low(k))) poll = true;
        if (relatives.count(low(k))) break;  // "In states where exit polls showed ..."

        ++k;
      }
      if (!poll || k >= s.end_token || low(k) != "," || cue_at_[f] != kNone) continue;
      const Range content = trim(Range{k + 1, clause_end(k + 1)});
      if (content.e - content.b < 3 || overlaps_direct(content)) continue;
      static const CueEntry kIn{"in", kSpeech};
      const CueHit in{Range{f, f + 1}, &kIn};
      Parties p;
      p.speaker = trim(Range{f + 1, k});
      p.speaker_entity = entity_of(p.speaker);
      doc_.quotes.push_back(make_quote(QuoteKind::kIndirect, {content}, &in, p));
    }
  }

  // Drops final punctuation before token e (exclusive end).
  uint32_t clause_end_at(uint32_t e) const {
    while (e > 0 && is_final_punct(e - 1) && in_run_[e - 1] == kNone) --e;
    return e;
  }

  // The token containing byte offset b (the first token ending after b).
  uint32_t token_at(uint32_t b) const {
    const auto& t = doc_.tokens;
    return static_cast<uint32_t>(
        std::lower_bound(t.begin(), t.end(), b,
                         [](const Token& tok, uint32_t x) { return tok.span.end <= x; }) -
        t.begin());
  }

  void indirect() {
    for (CueHit& c : cues_) {
      if (c.used) continue;
      if (in_run_[c.r.b] != kNone) continue;  // a cue word inside a quotation
      if (parenthetical(c)) continue;
      // "worried about X", "support for X": the preposition after an object cue belongs to the
      // cue, the object is the content.
      if ((c.entry->flags & kObjectClause) && c.r.e - c.r.b == 1 && c.r.e + 1 < sent_end(c.r.b) &&
          object_prepositions().count(low(c.r.e)) && !is_punct(c.r.e + 1) &&
          low(c.r.e + 1) != "that")
        c.r.e += 1;
      Parties p;
      Range r = reported_clause(c, &p);
      r = learned_end(trim(r));
      if (r.empty() || r.e - r.b < 2 || overlaps_direct(r)) continue;
      // Without a speaker only a passive cue with its clause ("is expected to ...") is kept:
      // PolNeAR annotates those without a Source.
      if (p.speaker.empty() && p.speaker_entity == kNoEntity &&
          !(syntax_ && child(c.r.b, "nsubj") != kNone &&
            syn(child(c.r.b, "nsubj")).deprel == "nsubj:pass"))
        continue;
      if (!doc_.quotes.empty() && doc_.quotes.back().content.size() == 1 &&
          doc_.quotes.back().content[0] == span_of(r))
        continue;  // "In planning the attack, Kiev knew that ...": one clause, one quote
      c.used = true;
      QuoteKind kind = QuoteKind::kIndirect;
      std::vector<uint32_t> terms;
      for (uint32_t t = r.b; t < r.e; ++t) {
        const uint32_t k = in_run_[t];
        if (k == kNone || (t > r.b && in_run_[t - 1] == k)) continue;
        if (classes_[k] == RunClass::kFragment) {
          kind = QuoteKind::kMixed;
          run_used_[k] = true;
        } else if (classes_[k] == RunClass::kTerm) {
          kind = QuoteKind::kMixed;
          terms.push_back(k);
        }
      }
      doc_.quotes.push_back(make_quote(kind, {r}, &c, p));
      for (uint32_t k : terms) {
        run_used_[k] = true;
        doc_.quotes.push_back(make_quote(QuoteKind::kTerm, run_pieces(runs_[k]), &c, p));
      }
    }
  }

  // Fragments not inside a reported clause become direct quotes with the cue before them in the
  // sentence ("asked by X to comment on "..."); unattributed term quotes are listed as such.
  void leftover_runs() {
    for (uint32_t k = 0; k < runs_.size(); ++k) {
      if (run_used_[k]) continue;
      if (classes_[k] == RunClass::kTerm) {
        doc_.quotes.push_back(make_quote(QuoteKind::kTerm, run_pieces(runs_[k]), nullptr, {}));
        continue;
      }
      if (classes_[k] != RunClass::kFragment) continue;
      const uint32_t open = runs_[k].first();
      const uint32_t lo = sent_first(open);
      uint32_t h = kNone;
      for (uint32_t j = open; j > lo;) {
        --j;
        if (is_quote_mark(j)) break;
        if (cue_at_[j] != kNone && (cues_[cue_at_[j]].entry->flags & kSpeech)) {
          h = cue_at_[j];
          break;
        }
      }
      if (h == kNone) {
        doc_.quotes.push_back(make_quote(QuoteKind::kDirect, run_pieces(runs_[k]), nullptr, {}));
        continue;
      }
      cues_[h].used = true;
      const Parties p = parties(cues_[h], lo, open);
      std::vector<Range> pieces = run_pieces(runs_[k]);
      // "said that “…”" / "said that, “…”": the complementizer opens the content (PolNeAR), which
      // is then a reported clause made of a quotation: mixed.
      uint32_t that = open > lo && low(open - 1) == "," ? open - 2 : open - 1;
      if (that >= cues_[h].r.e && that < open && that >= lo && low(that) == "that" &&
          !pieces.empty()) {
        pieces.front().b = that;
        doc_.quotes.push_back(make_quote(QuoteKind::kMixed, pieces, &cues_[h], p));
        continue;
      }
      doc_.quotes.push_back(make_quote(QuoteKind::kDirect, pieces, &cues_[h], p));
    }
  }

  Document& doc_;
  std::vector<float>* scores_out_ = nullptr;
  bool syntax_ = false;
  std::vector<std::string> low_;
  std::vector<uint32_t> mention_start_, mention_end_;  // token -> longest mention starting/ending
  std::vector<MarkRun> runs_;
  std::vector<RunClass> classes_;
  std::vector<bool> quote_mark_;
  std::vector<uint32_t> in_run_;  // token -> top-level run containing it, or kNone
  std::vector<CueHit> cues_;
  std::deque<CueEntry> learned_;
  mutable std::unique_ptr<CueFeatures> features_;  // built on first use  // entries of learned cues (lemmas point into doc_.syntax)
  std::vector<uint32_t> cue_at_;  // token -> cue hit starting there, or kNone
  std::vector<bool> run_used_;    // run -> already part of an emitted quote
};

}  // namespace

void annotate_rules(Document& doc, std::vector<float>* cue_scores) {
  Annotator a(doc, cue_scores);
  a.run();
}

namespace {

// Drops the comma closing a speaker that holds no other comma ("Vice President Joe Biden," ->
// "Vice President Joe Biden"): PolNeAR keeps a closing comma only after an apposition
// ("Graham, a former candidate,"; on train 31 such spans lose their comma, 1 keeps it).
void trim_speaker_commas(Document& doc) {
  for (Quote& q : doc.quotes) {
    if (q.speaker.empty() || q.kind == QuoteKind::kTerm) continue;
    const std::string_view w = doc.slice(q.speaker);
    if (w.size() < 2 || w.back() != ',' || w.substr(0, w.size() - 1).find(',') != w.npos)
      continue;
    const TokenRange r = token_range(doc, q.speaker);
    if (r.second < r.first + 2 || doc.slice(doc.tokens[r.second - 1].span) != ",") continue;
    q.speaker.end = doc.tokens[r.second - 2].span.end;
  }
}

}  // namespace

void annotate(Document& doc) {
  const SpanTagger& tagger = SpanTagger::builtin();
  if (tagger.empty() || doc.syntax.size() != doc.tokens.size() || doc.tokens.empty()) {
    annotate_rules(doc, nullptr);
    return;
  }
  std::vector<float> cue_scores;
  annotate_rules(doc, &cue_scores);
  merge_tagged(doc, tagger.tag(doc, cue_scores));
  trim_speaker_commas(doc);
}

}  // namespace casus::quotes
