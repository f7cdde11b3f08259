#include "syntax/evaluate.h"

#include <ctime>
#include <ostream>
#include <string_view>
#include <unordered_map>

#include "casus/document.h"
#include "syntax/conllu.h"
#include "text/text.h"

namespace casus::syntax {
namespace {

// CPU time of this thread, in seconds: the per-core cost, unaffected by other processes.
double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

std::string_view base_label(std::string_view l) { return l.substr(0, l.find(':')); }

// Gold word with its character span in the rebuilt text (shared by the words of a multiword
// token) and its document-level head.
struct GoldWord {
  const ConlluWord* word;
  Span span;
  bool in_range;
  long head;  // document-level word index, -1 for root
};

struct SystemWord {
  Span span;
  std::string_view form;
  WordAnalysis a;
  long head;  // document-level token index, -1 for root
};

void score_word(const SyntaxModel& m, const ConlluWord& g, std::string_view form,
                const WordAnalysis& a, bool head_ok, SyntaxScores* sc, std::string* lemma) {
  sc->upos += m.upos(a.tag) == g.upos;
  sc->xpos += m.xpos(a.tag) == g.xpos;
  sc->feats += m.feats(a.feats) == g.feats;
  m.lemma(form, a.lemma_rule, lemma);
  sc->lemma += *lemma == g.lemma;
  if (head_ok) {
    ++sc->uas;
    sc->las += base_label(m.deprel(a.deprel)) == base_label(g.deprel);
  }
}

Status evaluate_gold_tokens(const SyntaxModel& m, const std::vector<ConlluSentence>& gold,
                            SyntaxScores* sc, std::ostream* out) {
  Workspace ws;
  std::vector<WordAnalysis> result;
  std::vector<std::string_view> forms;
  std::string lemma;
  for (const auto& s : gold) {
    forms.clear();
    for (const auto& w : s.words) forms.push_back(w.form);
    const double t0 = cpu_seconds();
    m.annotate(forms, ws, &result);
    sc->seconds += cpu_seconds() - t0;
    ++sc->gold_sentences;
    ++sc->system_sentences;
    ++sc->sentences_matched;
    ConlluSentence sys = s;
    for (size_t i = 0; i < s.words.size(); ++i) {
      const auto& a = result[i];
      ++sc->gold_words;
      ++sc->system_words;
      ++sc->aligned;
      score_word(m, s.words[i], forms[i], a, a.head == s.words[i].head, sc, &lemma);
      if (out) {
        ConlluWord& w = sys.words[i];
        w.lemma = lemma;
        w.upos = m.upos(a.tag);
        w.xpos = m.xpos(a.tag);
        w.feats = m.feats(a.feats);
        w.head = a.head;
        w.deprel = m.deprel(a.deprel);
        w.deps = "_";
      }
    }
    if (out) write_conllu(sys, *out);
  }
  return Status::ok();
}

Status evaluate_raw(const SyntaxModel& m, const std::vector<ConlluSentence>& gold,
                    SyntaxScores* sc) {
  // Rebuild the text and the gold word spans.
  Document doc;
  std::vector<GoldWord> gw;
  std::vector<Span> gold_sentences;
  for (size_t si = 0; si < gold.size(); ++si) {
    const auto& s = gold[si];
    bool has_text = false;
    const std::string text = s.comment_value("text", &has_text);
    if (!doc.text.empty()) {
      const bool new_par = s.has_comment("newpar") || s.has_comment("newdoc");
      doc.text += new_par ? "\n\n" : " ";
    }
    const size_t sent_begin = doc.text.size();
    std::string sentence_text = text;
    if (!has_text) {
      for (const auto& w : s.words) sentence_text += w.form + (w.space_after() ? " " : "");
    }
    doc.text += sentence_text;
    // Locate each token (multiword or single word) in the sentence text.
    const long base = static_cast<long>(gw.size());
    size_t pos = sent_begin;
    size_t range = 0;
    for (size_t i = 0; i < s.words.size();) {
      const uint32_t id = static_cast<uint32_t>(i + 1);
      while (range < s.ranges.size() && s.ranges[range].last < id) ++range;
      const bool in_range = range < s.ranges.size() && s.ranges[range].first == id;
      const std::string& form = in_range ? s.ranges[range].form : s.words[i].form;
      const size_t count = in_range ? s.ranges[range].last - s.ranges[range].first + 1 : 1;
      while (pos < doc.text.size() && (doc.text[pos] == ' ' || doc.text[pos] == '\n')) ++pos;
      size_t at = doc.text.compare(pos, form.size(), form) == 0 ? pos : doc.text.find(form, pos);
      Span span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos)};
      if (at != std::string::npos) {
        span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + form.size())};
        pos = at + form.size();
      }
      for (size_t k = 0; k < count && i < s.words.size(); ++k, ++i) {
        const long h = s.words[i].head;
        gw.push_back(GoldWord{&s.words[i], span, in_range, h == 0 ? -1 : base + h - 1});
      }
    }
    gold_sentences.push_back(
        Span{static_cast<uint32_t>(sent_begin), static_cast<uint32_t>(doc.text.size())});
  }
  const size_t original_size = doc.text.size();
  text::prepare(doc);
  if (doc.text.size() != original_size)
    return Status::unsupported("text changed size under normalization; spans cannot be aligned");
  text::segment(doc);

  // Annotate every system sentence.
  std::vector<SystemWord> sw(doc.tokens.size());
  Workspace ws;
  std::vector<WordAnalysis> result;
  std::vector<std::string_view> forms;
  const double t0 = cpu_seconds();
  for (const auto& sent : doc.sentences) {
    forms.clear();
    for (uint32_t t = sent.first_token; t < sent.end_token; ++t)
      forms.push_back(doc.slice(doc.tokens[t].span));
    m.annotate(forms, ws, &result);
    for (uint32_t t = sent.first_token; t < sent.end_token; ++t) {
      const WordAnalysis& a = result[t - sent.first_token];
      sw[t] = SystemWord{doc.tokens[t].span, forms[t - sent.first_token], a,
                         a.head == 0 ? -1 : static_cast<long>(sent.first_token + a.head - 1)};
    }
  }
  sc->seconds += cpu_seconds() - t0;

  // Align single gold words to system tokens with the same span.
  std::unordered_map<uint64_t, long> sys_by_span;
  for (size_t t = 0; t < sw.size(); ++t)
    sys_by_span[(uint64_t{sw[t].span.begin} << 32) | sw[t].span.end] = static_cast<long>(t);
  std::vector<long> gold_to_sys(gw.size(), -2), sys_to_gold(sw.size(), -2);
  for (size_t g = 0; g < gw.size(); ++g) {
    if (gw[g].in_range) continue;
    auto it = sys_by_span.find((uint64_t{gw[g].span.begin} << 32) | gw[g].span.end);
    if (it == sys_by_span.end()) continue;
    gold_to_sys[g] = it->second;
    sys_to_gold[it->second] = static_cast<long>(g);
  }
  sc->gold_words += gw.size();
  sc->system_words += sw.size();
  std::string lemma;
  for (size_t g = 0; g < gw.size(); ++g) {
    const long t = gold_to_sys[g];
    if (t < 0) continue;
    ++sc->aligned;
    const long sys_head = sw[t].head;
    const bool head_ok = sys_head == -1 ? gw[g].head == -1 : sys_to_gold[sys_head] == gw[g].head;
    score_word(m, *gw[g].word, sw[t].form, sw[t].a, head_ok, sc, &lemma);
  }
  // Sentences: matched by identical span.
  sc->gold_sentences += gold_sentences.size();
  sc->system_sentences += doc.sentences.size();
  std::unordered_map<uint64_t, int> gold_spans;
  for (const auto& sp : gold_sentences) gold_spans[(uint64_t{sp.begin} << 32) | sp.end] = 1;
  for (const auto& s : doc.sentences)
    sc->sentences_matched += gold_spans.count((uint64_t{s.span.begin} << 32) | s.span.end);
  return Status::ok();
}

}  // namespace

void SyntaxScores::add(const SyntaxScores& o) {
  gold_words += o.gold_words;
  system_words += o.system_words;
  aligned += o.aligned;
  upos += o.upos;
  xpos += o.xpos;
  feats += o.feats;
  lemma += o.lemma;
  uas += o.uas;
  las += o.las;
  gold_sentences += o.gold_sentences;
  system_sentences += o.system_sentences;
  sentences_matched += o.sentences_matched;
  seconds += o.seconds;
}

Status evaluate_syntax(const SyntaxModel& model, const std::string& gold_path, bool raw,
                       SyntaxScores* scores, std::ostream* conllu_out) {
  std::vector<ConlluSentence> gold;
  Status st = read_conllu(gold_path, &gold);
  if (!st.is_ok()) return st;
  if (!raw) return evaluate_gold_tokens(model, gold, scores, conllu_out);
  // One document per `# newdoc`, so that paragraphs and documents do not run together.
  std::vector<ConlluSentence> part;
  for (auto& s : gold) {
    if (s.has_comment("newdoc") && !part.empty()) {
      st = evaluate_raw(model, part, scores);
      if (!st.is_ok()) return st;
      part.clear();
    }
    part.push_back(std::move(s));
  }
  if (!part.empty()) st = evaluate_raw(model, part, scores);
  return st;
}

}  // namespace casus::syntax
