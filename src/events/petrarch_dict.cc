// Parsers of the PETRARCH/TABARI dictionary formats into CompiledDictionaries (docs/petrarch.md).
#include "events/petrarch_dict.h"

#include <algorithm>
#include <cctype>

namespace casus::events::petrarch {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Removes a trailing "# ..." comment (and, for actor files, "; ...").
// A '#' inside [...] is part of a code ("[###]", TABARI's discard code), not a comment.
std::string_view strip_comment(std::string_view line, bool semicolon) {
  bool in_code = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') in_code = true;
    if (line[i] == ']') in_code = false;
    if ((line[i] == '#' && !in_code) || (semicolon && line[i] == ';')) return line.substr(0, i);
  }
  return line;
}

// Splits a text into lines and removes <!-- ... --> comments (which may span lines).
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  // Next line without its comment parts; false at the end. *number is 1-based.
  bool next(std::string* line, uint32_t* number) {
    if (pos_ >= text_.size()) return false;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view raw = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    *number = ++line_;
    line->clear();
    size_t i = 0;
    while (i < raw.size()) {
      if (in_comment_) {
        const size_t close = raw.find("-->", i);
        if (close == std::string_view::npos) return true;
        in_comment_ = false;
        i = close + 3;
        continue;
      }
      const size_t open = raw.find("<!", i);
      if (open == std::string_view::npos) {
        line->append(raw.substr(i));
        break;
      }
      line->append(raw.substr(i, open - i));
      in_comment_ = true;
      i = open + 2;
    }
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  uint32_t line_ = 0;
  bool in_comment_ = false;
};

std::string upper(std::string_view s) { return fold_word(s); }

// Splits a phrase on blanks and underscores into folded words. With `gaps`, bit k (k >= 1, k < 64)
// is set when word k follows a blank-only separator: other words may come between (actors and
// agents); `_` requires the words to be consecutive.
std::vector<std::string> phrase_words(std::string_view phrase, uint64_t* gaps = nullptr) {
  std::vector<std::string> out;
  std::string cur;
  bool underscore = false;
  if (gaps) *gaps = 0;
  for (char c : phrase) {
    if (is_space(c) || c == '_') {
      if (!cur.empty()) out.push_back(upper(cur));
      cur.clear();
      if (c == '_') underscore = true;
    } else {
      if (cur.empty()) {
        if (gaps && !out.empty() && !underscore && out.size() < 64)
          *gaps |= uint64_t{1} << out.size();
        underscore = false;
      }
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(upper(cur));
  return out;
}

// The phrase with hyphenated words split as casus's tokenizer splits them ("AL-QAEDA" ->
// AL - QAEDA); empty when no word holds an inner hyphen.
std::vector<std::string> split_hyphens(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  bool any = false;
  for (const std::string& w : words) {
    size_t start = 0;
    for (size_t i = 1; i + 1 < w.size(); ++i)
      if (w[i] == '-') {
        out.push_back(w.substr(start, i - start));
        out.push_back("-");
        start = i + 1;
        any = true;
      }
    out.push_back(w.substr(start));
  }
  if (!any) out.clear();
  return out;
}

bool is_vowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

std::string regular_plural(const std::string& w) {
  if (w.size() > 1 && w.back() == 'Y' && !is_vowel(w[w.size() - 2]))
    return w.substr(0, w.size() - 1) + "IES";
  if (w.size() > 1 && w.compare(w.size() - 2, 2, "SS") == 0) return w + "ES";
  return w + "S";
}

// Regular English verb forms of an upper-case verb (a few spelling variants each; extra forms
// that are not words are harmless since they never occur in text).
std::vector<std::string> regular_verb_forms(const std::string& v) {
  std::vector<std::string> out{v};
  if (v.empty()) return out;
  const char last = v.back();
  const bool cons_y = v.size() > 1 && last == 'Y' && !is_vowel(v[v.size() - 2]);
  const std::string stem_e = last == 'E' ? v.substr(0, v.size() - 1) : v;
  // third person
  if (cons_y) {
    out.push_back(v.substr(0, v.size() - 1) + "IES");
  } else if (last == 'S' || last == 'X' || last == 'Z' || last == 'O' ||
             (v.size() > 1 &&
              (v.compare(v.size() - 2, 2, "SH") == 0 || v.compare(v.size() - 2, 2, "CH") == 0))) {
    out.push_back(v + "ES");
  } else {
    out.push_back(v + "S");
  }
  // past and participle
  if (cons_y)
    out.push_back(v.substr(0, v.size() - 1) + "IED");
  else
    out.push_back(stem_e + "ED");
  out.push_back(stem_e + "ING");
  // doubled final consonant (TAP -> TAPPED, TAPPING)
  if (v.size() >= 3 && !is_vowel(last) && last != 'W' && last != 'X' && last != 'Y' &&
      is_vowel(v[v.size() - 2]) && !is_vowel(v[v.size() - 3])) {
    out.push_back(v + last + "ED");
    out.push_back(v + last + "ING");
  }
  return out;
}

// The first "[...]" of a line: its content, and the text before it. False when there is none.
bool bracket_code(std::string_view line, std::string_view* before, std::string_view* code,
                  std::string_view* after = nullptr) {
  const size_t open = line.find('[');
  if (open == std::string_view::npos) return false;
  size_t close = line.find(']', open);
  if (close == std::string_view::npos) close = line.find('}', open);
  if (close == std::string_view::npos) return false;
  *before = line.substr(0, open);
  *code = trim(line.substr(open + 1, close - open - 1));
  if (after) *after = line.substr(close + 1);
  return true;
}

std::string where(const std::string& file, uint32_t line) {
  return file + ":" + std::to_string(line) + ": ";
}

}  // namespace

std::string fold_word(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

int32_t parse_petrarch_date(std::string_view text) {
  text = trim(text);
  if (text.size() != 6 && text.size() != 8) return 0;
  int32_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  if (text.size() == 6) {
    const int32_t yy = v / 10000;
    v += (yy < 30 ? 20000000 : 19000000);
  }
  const int32_t month = v / 100 % 100, day = v % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return 0;
  return v;
}

WordId Vocabulary::intern(const std::string& word) {
  auto [it, inserted] = ids_.try_emplace(word, static_cast<WordId>(words_.size()));
  if (inserted) words_.push_back(word);
  return it->second;
}

WordId Vocabulary::find(const std::string& word) const {
  const auto it = ids_.find(word);
  return it == ids_.end() ? kNoWord : it->second;
}

void PhraseTable::add(const std::vector<WordId>& phrase, uint32_t payload, uint64_t gaps) {
  if (phrase.empty()) return;
  Entry e;
  e.begin = static_cast<uint32_t>(words_.size());
  e.length = static_cast<uint32_t>(phrase.size());
  e.payload = payload;
  e.gaps = gaps;
  words_.insert(words_.end(), phrase.begin(), phrase.end());
  by_first_[phrase[0]].push_back(static_cast<uint32_t>(entries_.size()));
  entries_.push_back(e);
}

uint32_t PhraseTable::longest(const std::vector<WordId>& words, size_t pos,
                              uint32_t* payload) const {
  if (pos >= words.size() || words[pos] == kNoWord) return 0;
  const auto it = by_first_.find(words[pos]);
  if (it == by_first_.end()) return 0;
  uint32_t best = 0;
  for (uint32_t idx : it->second) {
    const Entry& e = entries_[idx];
    if (e.length < best || pos + e.length > words.size()) continue;
    bool ok = true;
    for (uint32_t k = 1; k < e.length && ok; ++k) ok = words[pos + k] == words_[e.begin + k];
    if (!ok) continue;
    best = e.length;
    *payload = e.payload;
  }
  return best;
}

uint32_t PhraseTable::longest_gapped(const std::vector<WordId>& words, size_t pos, size_t limit,
                                     uint32_t* payload, uint32_t* phrase_words) const {
  limit = std::min(limit, words.size());
  if (pos >= limit || words[pos] == kNoWord) return 0;
  const auto it = by_first_.find(words[pos]);
  if (it == by_first_.end()) return 0;
  uint32_t best_words = 0, best_end = 0;
  for (uint32_t idx : it->second) {
    const Entry& e = entries_[idx];
    if (e.gaps == 0 || e.length < best_words) continue;
    // Greedy: each word at its first occurrence after the previous one (PETRARCH-1's
    // actor_phrase_match); a word after `_` must come next.
    size_t q = pos + 1;
    bool ok = true;
    for (uint32_t k = 1; k < e.length && ok; ++k) {
      const bool gap = k < 64 && (e.gaps >> k & 1);
      while (gap && q < limit && words[q] != words_[e.begin + k]) ++q;
      ok = q < limit && words[q] == words_[e.begin + k];
      ++q;
    }
    if (!ok || (e.length == best_words && q <= best_end)) continue;
    best_words = e.length;
    best_end = static_cast<uint32_t>(q);
    *payload = e.payload;
  }
  *phrase_words = best_words;
  return best_words == 0 ? 0 : best_end - static_cast<uint32_t>(pos);
}

uint32_t PhraseTable::longest_tokens(const std::vector<std::vector<WordId>>& tokens, size_t pos,
                                     uint32_t* payload) const {
  if (pos >= tokens.size() || tokens[pos].empty()) return 0;
  const auto it = by_first_.find(tokens[pos][0]);
  if (it == by_first_.end()) return 0;
  // Words from pos on, and after how many tokens each word ends a token (0 = mid-token).
  std::vector<WordId> flat;
  std::vector<uint32_t> ends;
  for (size_t t = pos; t < tokens.size() && flat.size() < 64; ++t)
    for (size_t k = 0; k < tokens[t].size(); ++k) {
      flat.push_back(tokens[t][k]);
      ends.push_back(k + 1 == tokens[t].size() ? static_cast<uint32_t>(t - pos + 1) : 0);
    }
  uint32_t best = 0;
  for (uint32_t idx : it->second) {
    const Entry& e = entries_[idx];
    if (e.length > flat.size() || ends[e.length - 1] == 0 || ends[e.length - 1] < best) continue;
    bool ok = true;
    for (uint32_t k = 1; k < e.length && ok; ++k) ok = flat[k] == words_[e.begin + k];
    if (!ok) continue;
    best = ends[e.length - 1];
    *payload = e.payload;
  }
  return best;
}

const std::string& Actor::code_on(int32_t date) const {
  if (date > 0) {
    for (const DatedCode& d : dated)
      if (date >= d.from && date <= d.to) return d.code;
    return default_code;
  }
  // Unknown date: the default, else the most recent restriction ("[UKR >911221]").
  if (!default_code.empty() || dated.empty()) return default_code;
  const DatedCode* latest = &dated[0];
  for (const DatedCode& d : dated)
    if (d.to > latest->to || (d.to == latest->to && d.from > latest->from)) latest = &d;
  return latest->code;
}

const std::vector<uint32_t>* CompiledDictionaries::forms_of(WordId word) const {
  const auto it = forms_by_word_.find(word);
  return it == forms_by_word_.end() ? nullptr : &it->second;
}

uint32_t CompiledDictionaries::synset_match(uint32_t synset, const std::vector<WordId>& words,
                                            size_t pos) const {
  uint32_t payload = 0;
  return synsets_[synset].longest(words, pos, &payload);
}

// ---- verbs ----

void CompiledDictionaries::parse_verbs(std::string_view text, const std::string& file,
                                       std::vector<std::string>* warnings) {
  LineReader reader(text);
  std::string raw;
  uint32_t number = 0;
  enum class State { kNone, kSynset, kBlock } state = State::kNone;
  uint32_t synset = kNone;
  bool synset_plurals = true;
  uint32_t block = kNone;
  // Raw phrases of each synset, for synsets embedded in later synsets (+&NAME).
  std::vector<std::vector<std::vector<WordId>>> synset_phrases(synsets_.size());
  auto warn = [&](const std::string& why) {
    if (warnings) warnings->push_back(where(file, number) + why);
  };
  auto intern_all = [&](const std::vector<std::string>& ws) {
    std::vector<WordId> ids;
    for (const auto& w : ws) ids.push_back(vocab_.intern(w));
    return ids;
  };

  while (reader.next(&raw, &number)) {
    std::string_view line = trim(strip_comment(raw, false));
    if (line.empty()) continue;
    if (line[0] == '~') continue;  // transformations: parsed as comments (docs/petrarch.md)
    if (line[0] == '&') {
      std::string name = upper(trim(line.substr(1)));
      if (name.empty() || name.find_first_of(" \t") != std::string::npos) {
        warn("malformed synset label");
        state = State::kNone;
        continue;
      }
      synset_plurals = name.back() != '_';
      while (!name.empty() && name.back() == '_') name.pop_back();
      auto [it, inserted] = synset_ids_.try_emplace(name, static_cast<uint32_t>(synsets_.size()));
      if (inserted) {
        synsets_.emplace_back();
        synset_phrases.emplace_back();
      }
      synset = it->second;
      if (synset_phrases.size() < synsets_.size()) synset_phrases.resize(synsets_.size());
      state = State::kSynset;
      continue;
    }
    if (line.size() >= 3 && line.substr(0, 3) == "---") {
      std::string_view before, code;
      if (!bracket_code(line, &before, &code)) {
        // "----" closes a block; anything else is malformed.
        if (line.find_first_not_of('-') != std::string_view::npos) warn("verb block without code");
        state = State::kNone;
        continue;
      }
      VerbBlock b;
      b.code = code.empty() ? "---" : upper(code);
      blocks_.push_back(std::move(b));
      block = static_cast<uint32_t>(blocks_.size() - 1);
      state = State::kBlock;
      continue;
    }
    if (state == State::kSynset && line[0] == '+') {
      std::string_view body = trim(line.substr(1));
      const bool no_plural = !synset_plurals || (!body.empty() && body.back() == '_');
      if (!body.empty() && body[0] == '&') {
        std::string name = upper(trim(body.substr(1)));
        while (!name.empty() && name.back() == '_') name.pop_back();
        const auto it = synset_ids_.find(name);
        if (it == synset_ids_.end() || it->second == synset) {
          warn(it == synset_ids_.end() ? "undefined synset in synset" : "synset includes itself");
          continue;
        }
        const std::vector<std::vector<WordId>> included = synset_phrases[it->second];
        for (const auto& p : included) {
          synsets_[synset].add(p, 0);
          synset_phrases[synset].push_back(p);
        }
        continue;
      }
      std::vector<std::string> ws = phrase_words(body);
      if (ws.empty()) {
        warn("empty synset phrase");
        continue;
      }
      std::vector<WordId> ids = intern_all(ws);
      synsets_[synset].add(ids, 0);
      synset_phrases[synset].push_back(ids);
      if (!no_plural) {
        ids.back() = vocab_.intern(regular_plural(ws.back()));
        synsets_[synset].add(ids, 0);
        synset_phrases[synset].push_back(ids);
      }
      continue;
    }
    if (state != State::kBlock) {
      warn("line outside a verb block or synset");
      continue;
    }
    if (line[0] == '-') {
      // Pattern: "- words [code]".
      std::string_view body, code;
      if (!bracket_code(line.substr(1), &body, &code) || code.empty()) {
        warn("pattern without [code]");
        continue;
      }
      // Tokens with their joins: '_' joins tightly, blanks loosely. Brackets of the 2.0 syntax
      // ("(FOR {FINANCIAL AID})") only group words and are dropped.
      struct Tok {
        std::string text;
        bool tight_prev;
      };
      std::vector<Tok> toks;
      std::string cur;
      bool sep_tight = false, cur_tight = false;
      for (char c : body) {
        if (c == '(' || c == ')' || c == '{' || c == '}') c = ' ';
        if (is_space(c) || c == '_') {
          if (!cur.empty()) toks.push_back({cur, cur_tight});
          if (!cur.empty()) sep_tight = false;
          cur.clear();
          if (c == '_') sep_tight = true;
        } else {
          if (cur.empty()) cur_tight = sep_tight && !toks.empty();
          cur.push_back(c);
        }
      }
      if (!cur.empty()) toks.push_back({cur, cur_tight});
      Pattern p;
      p.code = upper(code);
      p.line = number;
      int verb_at = -1;
      bool ok = true;
      std::vector<PatternElem> elems;
      std::vector<bool> tights;
      for (const Tok& t : toks) {
        PatternElem e;
        if (t.text == "*") {
          if (verb_at >= 0) {
            warn("pattern with two *");
            ok = false;
            break;
          }
          verb_at = static_cast<int>(elems.size());
          e.kind = PatternElem::kWord;
          e.id = kNoWord;
        } else if (t.text == "$") {
          e.kind = PatternElem::kSource;
        } else if (t.text == "+") {
          e.kind = PatternElem::kTarget;
        } else if (t.text == "^") {
          e.kind = PatternElem::kSkip;
        } else if (t.text == "%") {
          e.kind = PatternElem::kCompound;
        } else if (t.text[0] == '&') {
          std::string name = upper(t.text.substr(1));
          while (!name.empty() && name.back() == '_') name.pop_back();
          const auto it = synset_ids_.find(name);
          if (it == synset_ids_.end()) {
            warn("undefined synset &" + name + " in pattern");
            ok = false;
            break;
          }
          e.kind = PatternElem::kSynset;
          e.id = it->second;
        } else {
          e.kind = PatternElem::kWord;
          e.id = vocab_.intern(upper(t.text));
        }
        elems.push_back(e);
        tights.push_back(t.tight_prev);
      }
      if (!ok) continue;  // reported above
      if (verb_at < 0) {
        warn("pattern without *");
        continue;
      }
      for (int i = verb_at - 1; i >= 0; --i) {
        PatternElem e = elems[i];
        e.tight = tights[i + 1];
        p.before.push_back(e);
      }
      p.verb_tight_before = verb_at > 0 && tights[verb_at];
      for (size_t i = verb_at + 1; i < elems.size(); ++i) {
        PatternElem e = elems[i];
        e.tight = tights[i];
        p.after.push_back(e);
      }
      p.verb_tight_after = !p.after.empty() && p.after.front().tight;
      uint32_t weight = 0;
      for (const auto* part : {&p.before, &p.after})
        for (const PatternElem& e : *part)
          weight += e.kind == PatternElem::kWord || e.kind == PatternElem::kSynset     ? 2
                    : e.kind == PatternElem::kSource || e.kind == PatternElem::kTarget ? 1
                                                                                       : 0;
      p.weight = weight;
      blocks_[block].patterns.push_back(std::move(p));
      continue;
    }
    // A verb line: "VERB {FORMS} [CODE]", "+MULTI_WORD {...}", "PRE_+VERB {...}".
    std::string_view head = line, code;
    std::string_view forms_text;
    {
      std::string_view before, after;
      if (bracket_code(line, &before, &code, &after)) head = before;
      const size_t open = head.find('{');
      if (open != std::string_view::npos) {
        const size_t close = head.find('}', open);
        if (close == std::string_view::npos) {
          warn("unclosed { in verb line");
          continue;
        }
        forms_text = head.substr(open + 1, close - open - 1);
        head = head.substr(0, open);
      }
    }
    // "LASH OUT": words of a multiword verb may also be separated by blanks.
    std::string head_words(trim(head));
    for (char& c : head_words)
      if (c == ' ' || c == '\t') c = '_';
    head = head_words;
    if (head.empty()) {
      warn("malformed verb line");
      continue;
    }
    // Parses one written form into (pre, verb word, post); false when malformed.
    auto parse_form = [&](std::string_view form, VerbForm* out, std::string* verb) {
      const std::vector<std::string> parts = [&] {
        std::vector<std::string> v;
        std::string c;
        for (char ch : form) {
          if (ch == '_') {
            if (!c.empty()) v.push_back(c);
            c.clear();
          } else {
            c.push_back(ch);
          }
        }
        if (!c.empty()) v.push_back(c);
        return v;
      }();
      if (parts.empty()) return false;
      int at = -1;
      for (size_t i = 0; i < parts.size(); ++i)
        if (parts[i][0] == '+') at = static_cast<int>(i);
      if (at < 0) {
        if (parts.size() != 1)
          at = 0;  // multiword without '+': first word is the verb
        else
          at = 0;
      }
      for (int i = 0; i < static_cast<int>(parts.size()); ++i) {
        std::string w = upper(parts[i][0] == '+' ? parts[i].substr(1) : parts[i]);
        if (w.empty()) return false;
        if (i < at)
          out->pre.push_back(vocab_.intern(w));
        else if (i > at)
          out->post.push_back(vocab_.intern(w));
        else
          *verb = w;
      }
      return true;
    };
    VerbForm base;
    base.block = block;
    base.code = code.empty() ? "" : upper(code);
    std::string verb;
    if (!parse_form(head, &base, &verb)) {
      warn("malformed verb");
      continue;
    }
    base.lemma = verb;
    while (!base.lemma.empty() && base.lemma.back() == '_') base.lemma.pop_back();
    auto add_form = [&](const VerbForm& f, const std::string& word) {
      const WordId id = vocab_.intern(word);
      auto& list = forms_by_word_[id];
      list.push_back(static_cast<uint32_t>(forms_.size()));
      forms_.push_back(f);
    };
    for (const std::string& w : regular_verb_forms(base.lemma)) add_form(base, w);
    // Irregular forms: blank-separated, each written like the head.
    std::string tok;
    auto flush_form = [&] {
      if (tok.empty()) return;
      VerbForm f;
      f.block = block;
      f.code = base.code;
      f.lemma = base.lemma;
      std::string w;
      if (parse_form(tok, &f, &w))
        add_form(f, w);
      else
        warn("malformed irregular form");
      tok.clear();
    };
    for (char c : forms_text) {
      if (is_space(c))
        flush_form();
      else
        tok.push_back(c);
    }
    flush_form();
  }
}

// ---- actors ----

void CompiledDictionaries::parse_actors(std::string_view text, const std::string& file,
                                        std::vector<std::string>* warnings) {
  LineReader reader(text);
  std::string raw;
  uint32_t number = 0;
  uint32_t actor = kNone;
  auto warn = [&](const std::string& why) {
    if (warnings) warnings->push_back(where(file, number) + why);
  };
  auto add_phrase = [&](std::string_view phrase) {
    uint64_t gaps = 0;
    const std::vector<std::string> ws = phrase_words(phrase, &gaps);
    if (ws.empty()) return false;
    bool first = true;  // the phrase as written; its hyphen-split variant has no gaps
    for (const auto& variant : {ws, split_hyphens(ws)}) {
      if (variant.empty()) continue;
      std::vector<WordId> ids;
      for (const auto& w : variant) ids.push_back(vocab_.intern(w));
      actor_phrases_.add(ids, actor, first ? gaps : 0);
      first = false;
    }
    return true;
  };
  // "[CODE]", "[CODE <date]", "[CODE >date]", "[CODE date-date]".
  auto parse_restriction = [&](std::string_view body, DatedCode* out, bool* dated) {
    body = trim(body);
    size_t sp = 0;
    while (sp < body.size() && !is_space(body[sp]) && body[sp] != '<' && body[sp] != '>') ++sp;
    out->code = upper(body.substr(0, sp));
    std::string_view rest = trim(body.substr(sp));
    *dated = !rest.empty();
    if (out->code.empty()) return false;
    if (rest.empty()) return true;
    if (rest[0] == '<') {
      out->to = parse_petrarch_date(rest.substr(1));
      return out->to != 0;
    }
    if (rest[0] == '>') {
      out->from = parse_petrarch_date(rest.substr(1));
      return out->from != 0;
    }
    const size_t dash = rest.find('-');
    if (dash == std::string_view::npos) return false;
    out->from = parse_petrarch_date(rest.substr(0, dash));
    out->to = parse_petrarch_date(rest.substr(dash + 1));
    return out->from != 0 && out->to != 0 && out->from <= out->to;
  };

  while (reader.next(&raw, &number)) {
    const bool indented = !raw.empty() && (raw[0] == '\t' || raw[0] == ' ');
    std::string_view line = trim(strip_comment(raw, true));
    if (line.empty()) continue;
    if (line[0] == '[') {
      if (!indented && actor == kNone) {
        warn("code restriction without an actor");
        continue;
      }
      if (actor == kNone) {
        warn("code restriction without an actor");
        continue;
      }
      std::string_view before, body;
      if (!bracket_code(line, &before, &body)) {
        warn("unclosed code restriction");
        continue;
      }
      DatedCode d;
      bool dated = false;
      if (!parse_restriction(body, &d, &dated)) {
        warn("malformed code restriction");
        continue;
      }
      if (d.code == "---") d.code.clear();
      if (dated)
        actors_[actor].dated.push_back(std::move(d));
      else
        actors_[actor].default_code = std::move(d.code);
      continue;
    }
    if (line[0] == '+') {
      if (actor == kNone) {
        warn("synonym without an actor");
        continue;
      }
      std::string_view before, code;
      std::string_view phrase = line.substr(1);
      if (bracket_code(phrase, &before, &code)) phrase = before;
      if (!add_phrase(phrase)) warn("empty synonym");
      continue;
    }
    if (line[0] == '=') continue;  // "=" lines (inherit) keep the current actor's codes
    // Primary phrase with an optional default code.
    std::string_view phrase = line, code;
    std::string_view before, after;
    Actor a;
    if (bracket_code(line, &before, &code, &after)) {
      phrase = before;
      DatedCode d;
      bool dated = false;
      if (!parse_restriction(code, &d, &dated)) {
        warn("malformed actor code");
        actor = kNone;
        continue;
      }
      if (d.code == "---") d.code.clear();
      if (dated)
        a.dated.push_back(std::move(d));
      else
        a.default_code = std::move(d.code);
    }
    actors_.push_back(std::move(a));
    actor = static_cast<uint32_t>(actors_.size() - 1);
    if (!add_phrase(phrase)) {
      warn("actor line without a phrase");
      actors_.pop_back();
      actor = kNone;
    }
  }
}

// ---- agents ----

void CompiledDictionaries::parse_agents(std::string_view text, const std::string& file,
                                        std::vector<std::string>* warnings) {
  LineReader reader(text);
  std::string raw;
  uint32_t number = 0;
  std::unordered_map<std::string, std::vector<std::string>> substitutions;
  auto warn = [&](const std::string& why) {
    if (warnings) warnings->push_back(where(file, number) + why);
  };
  while (reader.next(&raw, &number)) {
    std::string_view line = trim(strip_comment(raw, false));
    if (line.empty()) continue;
    if (line[0] == '!' && line.find('=') != std::string_view::npos &&
        line.find('[') == std::string_view::npos) {
      const size_t eq = line.find('=');
      const std::string name = upper(trim(line.substr(0, eq)));
      if (name.size() < 3 || name.back() != '!') {
        warn("malformed substitution marker");
        continue;
      }
      std::vector<std::string>& items = substitutions[name];
      items.clear();
      std::string_view rest = line.substr(eq + 1);
      while (!rest.empty()) {
        const size_t comma = rest.find(',');
        const std::string_view item = trim(rest.substr(0, comma));
        if (!item.empty()) items.push_back(upper(item));
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
      }
      continue;
    }
    std::string_view before, code;
    if (!bracket_code(line, &before, &code)) {
      warn("agent line without [code]");
      continue;
    }
    Agent agent;
    if (!code.empty() && code.front() == '~') {
      agent.code = upper(code.substr(1));
    } else if (!code.empty() && code.back() == '~') {
      agent.code = upper(code.substr(0, code.size() - 1));
      agent.prefix = true;
    } else {
      warn("agent code without ~");
      continue;
    }
    if (agent.code.empty() || agent.code.find_first_of(" \t~") != std::string::npos) {
      warn("malformed agent code");
      continue;
    }
    std::string_view phrase = before;
    bool plural_given = false;
    std::string_view plural;
    const size_t open = phrase.find('{');
    if (open != std::string_view::npos) {
      const size_t close = phrase.find('}', open);
      if (close == std::string_view::npos) {
        warn("unclosed { in agent line");
        continue;
      }
      plural_given = true;
      plural = trim(phrase.substr(open + 1, close - open - 1));
      phrase = phrase.substr(0, open);
    }
    phrase = trim(phrase);
    if (phrase.empty()) {
      warn("agent line without a phrase");
      continue;
    }
    const uint32_t payload = static_cast<uint32_t>(agents_.size());
    agents_.push_back(agent);
    auto add = [&](const std::string& p) {
      uint64_t gaps = 0;
      const std::vector<std::string> ws = phrase_words(p, &gaps);
      bool first = true;  // the phrase as written; its hyphen-split variant has no gaps
      for (const auto& variant : {ws, split_hyphens(ws)}) {
        if (variant.empty()) continue;
        std::vector<WordId> ids;
        for (const auto& w : variant) ids.push_back(vocab_.intern(w));
        agent_phrases_.add(ids, payload, first ? gaps : 0);
        first = false;
      }
    };
    const std::string phrase_upper = upper(phrase);
    const size_t bang = phrase_upper.find('!');
    if (bang != std::string::npos) {
      const size_t bang2 = phrase_upper.find('!', bang + 1);
      const auto it = bang2 == std::string::npos
                          ? substitutions.end()
                          : substitutions.find(phrase_upper.substr(bang, bang2 - bang + 1));
      if (it == substitutions.end()) {
        warn("undefined substitution marker");
        continue;
      }
      for (const std::string& item : it->second)
        add(phrase_upper.substr(0, bang) + item + phrase_upper.substr(bang2 + 1));
      continue;
    }
    add(phrase_upper);
    if (plural_given) {
      if (!plural.empty()) add(upper(plural));
    } else {
      std::vector<std::string> ws = phrase_words(phrase_upper);
      if (!ws.empty()) {
        ws.back() = regular_plural(ws.back());
        std::string p;
        for (const auto& w : ws) p += (p.empty() ? "" : " ") + w;
        add(p);
      }
    }
  }
}

// ---- discards ----

void CompiledDictionaries::parse_discards(std::string_view text, const std::string& file,
                                          std::vector<std::string>* warnings) {
  LineReader reader(text);
  std::string raw;
  uint32_t number = 0;
  while (reader.next(&raw, &number)) {
    std::string_view line = trim(strip_comment(raw, false));
    if (line.empty()) continue;
    Discard d;
    if (line[0] == '+') {
      d.story = true;
      line = trim(line.substr(1));
    }
    if (!line.empty() && line.back() == '_') {
      d.exact_end = true;
      line.remove_suffix(1);
    }
    const std::vector<std::string> ws = phrase_words(line);
    if (ws.empty()) {
      if (warnings) warnings->push_back(where(file, number) + "empty discard");
      continue;
    }
    for (const auto& w : ws) d.text += " " + w;
    discards_.push_back(std::move(d));
  }
}

}  // namespace casus::events::petrarch
