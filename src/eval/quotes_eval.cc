#include "eval/quotes_eval.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "casus/engine.h"

namespace casus::eval {
namespace {

namespace fs = std::filesystem;

using TokRange = std::pair<uint32_t, uint32_t>;  // [first, end) tokens

using Attribution = GoldAttribution;

struct GoldSpan {
  std::string label;
  std::vector<std::pair<uint32_t, uint32_t>> fragments;  // code point offsets
};

// Byte offset of every code point offset of `text` (size: code points + 1).
std::vector<uint32_t> codepoint_bytes(const std::string& text) {
  std::vector<uint32_t> out;
  out.reserve(text.size() + 1);
  for (uint32_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

// Tokens overlapping byte range [b, e), or an empty range.
TokRange token_range(const Document& doc, uint32_t b, uint32_t e) {
  const auto& t = doc.tokens;
  auto first = std::lower_bound(t.begin(), t.end(), b,
                                [](const Token& tok, uint32_t x) { return tok.span.end <= x; });
  auto last = std::lower_bound(first, t.end(), e,
                               [](const Token& tok, uint32_t x) { return tok.span.begin < x; });
  return {static_cast<uint32_t>(first - t.begin()), static_cast<uint32_t>(last - t.begin())};
}

// Parses the T and E lines of a PolNeAR .ann file into attributions (token ranges).
std::vector<Attribution> read_gold(const std::string& ann, const Document& doc,
                                   const std::vector<uint32_t>& cp) {
  std::map<std::string, GoldSpan> spans;
  std::vector<Attribution> out;
  std::istringstream in(ann);
  std::string line;
  std::vector<std::string> relations;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const size_t tab1 = line.find('\t');
    if (tab1 == std::string::npos) continue;
    const std::string id = line.substr(0, tab1);
    if (id[0] == 'E') {
      relations.push_back(line.substr(tab1 + 1));
      continue;
    }
    if (id[0] != 'T') continue;
    const size_t tab2 = line.find('\t', tab1 + 1);
    std::istringstream f(
        line.substr(tab1 + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab1 - 1));
    GoldSpan g;
    f >> g.label;
    std::string rest;
    std::getline(f, rest);
    std::replace(rest.begin(), rest.end(), ';', ' ');
    std::istringstream r(rest);
    uint32_t b, e;
    while (r >> b >> e) g.fragments.push_back({b, e});
    spans[id] = std::move(g);
  }
  auto ranges = [&](const std::string& tid) {
    std::vector<TokRange> v;
    auto it = spans.find(tid);
    if (it == spans.end()) return v;
    for (auto [b, e] : it->second.fragments) {
      if (e >= cp.size() || b >= e) continue;
      const TokRange t = token_range(doc, cp[b], cp[e]);
      if (t.first < t.second) v.push_back(t);
    }
    return v;
  };
  for (const std::string& rel : relations) {
    std::istringstream r(rel);
    std::string arg;
    Attribution a;
    while (r >> arg) {
      const size_t colon = arg.find(':');
      if (colon == std::string::npos) continue;
      const std::string role = arg.substr(0, colon), tid = arg.substr(colon + 1);
      if (role == "Source") a.source = ranges(tid);
      if (role == "Cue") a.cue = ranges(tid);
      if (role == "Content") a.content = ranges(tid);
    }
    if (!a.content.empty() || !a.cue.empty()) out.push_back(std::move(a));
  }
  return out;
}

std::vector<Attribution> system_attributions(const Document& doc) {
  std::vector<Attribution> out;
  auto range = [&](Span s) { return token_range(doc, s.begin, s.end); };
  for (const Quote& q : doc.quotes) {
    if (q.kind == QuoteKind::kTerm) continue;  // not an attribution
    Attribution a;
    if (!q.speaker.empty()) a.source.push_back(range(q.speaker));
    if (!q.cue.empty()) a.cue.push_back(range(q.cue));
    for (const Span& s : q.content) a.content.push_back(range(s));
    out.push_back(std::move(a));
  }
  return out;
}

void score_items(const std::vector<Attribution>& gold, const std::vector<Attribution>& sys,
                 std::vector<TokRange> Attribution::*field, Prf* prf) {
  std::set<TokRange> g, s;
  for (const auto& a : gold)
    for (const auto& r : a.*field) g.insert(r);
  for (const auto& a : sys)
    for (const auto& r : a.*field) s.insert(r);
  prf->gold += g.size();
  prf->system += s.size();
  for (const auto& r : s) prf->correct += g.count(r);
}

// Appends one TSV line per item of `a` (role `field`) that is not in `b`.
void diagnose_role(const Document& doc, const std::vector<Attribution>& a,
                   const std::vector<Attribution>& b, std::vector<TokRange> Attribution::*field,
                   const char* role, const char* status, std::string* out) {
  std::set<TokRange> sa, sb;
  for (const auto& x : a)
    for (const auto& r : x.*field) sa.insert(r);
  for (const auto& x : b)
    for (const auto& r : x.*field) sb.insert(r);
  auto text = [&](TokRange r) {
    if (r.first >= r.second) return std::string();
    std::string t = doc.text.substr(doc.tokens[r.first].span.begin,
                                    doc.tokens[r.second - 1].span.end -
                                        doc.tokens[r.first].span.begin);
    for (char& c : t)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return t;
  };
  for (const TokRange& r : sa) {
    if (sb.count(r)) continue;
    const TokRange* near = nullptr;
    for (const TokRange& o : sb)
      if (o.first < r.second && r.first < o.second) {
        near = &o;
        break;
      }
    out->append(doc.id).append("\t").append(role).append("\t").append(status);
    out->append(near ? "\tboundary\t" : "\tabsent\t").append(text(r)).append("\t");
    if (near) out->append(text(*near));
    out->append("\n");
  }
}

std::set<uint32_t> tokens_of(const std::vector<TokRange>& v) {
  std::set<uint32_t> out;
  for (auto [b, e] : v)
    for (uint32_t t = b; t < e; ++t) out.insert(t);
  return out;
}

void score_document(const std::vector<Attribution>& gold, const std::vector<Attribution>& sys,
                    QuoteScores* s) {
  score_items(gold, sys, &Attribution::source, &s->source);
  score_items(gold, sys, &Attribution::cue, &s->cue);
  score_items(gold, sys, &Attribution::content, &s->content);
  std::set<uint32_t> gt, st;
  for (const auto& a : gold) gt.merge(tokens_of(a.content));
  for (const auto& a : sys) st.merge(tokens_of(a.content));
  s->content_tokens.gold += gt.size();
  s->content_tokens.system += st.size();
  for (uint32_t t : st) s->content_tokens.correct += gt.count(t);
  // Joint: one-to-one greedy matching in gold order.
  auto sorted = [](std::vector<TokRange> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  std::vector<bool> taken(sys.size(), false);
  s->joint.gold += gold.size();
  s->joint.system += sys.size();
  for (const auto& g : gold) {
    const std::set<uint32_t> gc = tokens_of(g.content);
    for (size_t i = 0; i < sys.size(); ++i) {
      if (taken[i] || sorted(sys[i].source) != sorted(g.source) ||
          sorted(sys[i].cue) != sorted(g.cue))
        continue;
      size_t overlap = 0;
      for (uint32_t t : tokens_of(sys[i].content)) overlap += gc.count(t);
      if (gc.empty() || 2 * overlap < gc.size()) continue;
      taken[i] = true;
      ++s->joint.correct;
      break;
    }
  }
}

}  // namespace

bool read_whole_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::vector<std::pair<std::string, std::string>> polnear_articles(const std::string& split_dir) {
  const fs::path text_dir = fs::path(split_dir) / "text";
  const fs::path ann_dir = fs::path(split_dir) / "attributions";
  std::error_code ec;
  std::vector<std::pair<std::string, std::string>> jobs;
  if (!fs::is_directory(text_dir, ec) || !fs::is_directory(ann_dir, ec)) return jobs;
  // Article -> first annotator's file (file names are "<article>_<annotator>.ann").
  std::map<std::string, fs::path> ann;
  for (const auto& entry : fs::directory_iterator(ann_dir, ec)) {
    const std::string base = entry.path().stem().string();
    const size_t us = base.rfind('_');
    if (entry.path().extension() != ".ann" || us == std::string::npos) continue;
    const std::string article = base.substr(0, us);
    auto it = ann.find(article);
    if (it == ann.end() || entry.path().filename() < it->second.filename())
      ann[article] = entry.path();
  }
  for (const auto& [article, path] : ann) {
    const fs::path txt = text_dir / (article + ".txt");
    if (fs::exists(txt, ec)) jobs.push_back({txt.string(), path.string()});
  }
  return jobs;
}

std::vector<GoldAttribution> read_polnear_attributions(const std::string& ann,
                                                       const Document& doc) {
  return read_gold(ann, doc, codepoint_bytes(doc.text));
}

Status evaluate_polnear_quotes(const std::string& split_dir, int threads, QuoteScores* scores,
                               std::string* diagnostics) {
  const auto jobs = polnear_articles(split_dir);
  if (jobs.empty())
    return Status::invalid_argument("no annotated articles (text/, attributions/) in " + split_dir);
  const Engine engine;
  std::mutex mu;
  std::atomic<size_t> next{0};
  std::string error;
  auto worker = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      std::string text, annotation;
      if (!read_whole_file(jobs[i].first, &text) || !read_whole_file(jobs[i].second, &annotation)) {
        std::lock_guard<std::mutex> lock(mu);
        error = "cannot read " + jobs[i].first;
        continue;
      }
      Document doc;
      doc.id = fs::path(jobs[i].first).stem().string();
      doc.format = "text";
      doc.text = text;
      engine.process(doc);
      QuoteScores local;
      std::string lines;
      if (doc.text != text) {
        local.skipped = 1;
      } else {
        const auto cp = codepoint_bytes(doc.text);
        const auto gold = read_gold(annotation, doc, cp);
        const auto sys = system_attributions(doc);
        score_document(gold, sys, &local);
        local.documents = 1;
        if (diagnostics) {
          using A = Attribution;
          const std::pair<const char*, std::vector<TokRange> A::*> roles[] = {
              {"source", &A::source}, {"cue", &A::cue}, {"content", &A::content}};
          for (const auto& [role, field] : roles) {
            diagnose_role(doc, gold, sys, field, role, "missed", &lines);
            diagnose_role(doc, sys, gold, field, role, "spurious", &lines);
          }
        }
      }
      std::lock_guard<std::mutex> lock(mu);
      if (diagnostics) diagnostics->append(lines);
      scores->source.add(local.source);
      scores->cue.add(local.cue);
      scores->content.add(local.content);
      scores->content_tokens.add(local.content_tokens);
      scores->joint.add(local.joint);
      scores->documents += local.documents;
      scores->skipped += local.skipped;
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < std::max(1, threads); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (!error.empty()) return Status::io_error(error);
  return Status::ok();
}

}  // namespace casus::eval
