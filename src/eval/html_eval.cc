#include "eval/html_eval.h"

#include <rapidjson/document.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>

#include "casus/document.h"
#include "ingest/html_reader.h"
#include "ingest/ingest.h"

namespace casus::eval {
namespace {

constexpr size_t kShingle = 4;
constexpr size_t kMaxPageBytes = size_t{64} << 20;

bool is_word_char(UChar32 c) {
  if (c == '_') return true;
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

// Shingle multiset: tokens joined by U+001F -> count.
std::unordered_map<std::string, int> shingles(const std::vector<std::string_view>& tokens) {
  std::unordered_map<std::string, int> out;
  if (tokens.empty()) return out;
  const size_t n = tokens.size() < kShingle ? tokens.size() : kShingle;
  out.reserve(tokens.size());
  std::string key;
  for (size_t i = 0; i + n <= tokens.size(); ++i) {
    key.clear();
    for (size_t k = 0; k < n; ++k) {
      if (k) key += '\x1f';
      key.append(tokens[i + k]);
    }
    ++out[key];
  }
  return out;
}

Status read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return Status::ok();
}

}  // namespace

bool in_html_split(std::string_view sha256, HtmlSplit split) {
  if (split == HtmlSplit::kAll) return true;
  const char c = sha256.empty() ? '0' : sha256[0];
  const bool dev = (c >= '0' && c <= '7');
  return split == HtmlSplit::kDev ? dev : !dev;
}

std::vector<std::string_view> word_tokens(std::string_view text) {
  std::vector<std::string_view> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t len = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  int32_t i = 0, start = -1;
  while (i < len) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    const bool word = c >= 0 && is_word_char(c);
    if (word && start < 0) start = at;
    if (!word && start >= 0) {
      out.emplace_back(text.data() + start, static_cast<size_t>(at - start));
      start = -1;
    }
  }
  if (start >= 0) out.emplace_back(text.data() + start, static_cast<size_t>(len - start));
  return out;
}

double ShingleMatch::precision() const {
  if (fp == 0 && fn == 0) return 1;
  if (tp == 0 && fp == 0) return 0;
  return tp / (tp + fp);
}

double ShingleMatch::recall() const {
  if (fp == 0 && fn == 0) return 1;
  if (tp == 0 && fn == 0) return 0;
  return tp / (tp + fn);
}

ShingleMatch match_shingles(std::string_view truth, std::string_view predicted) {
  const auto t = shingles(word_tokens(truth));
  const auto p = shingles(word_tokens(predicted));
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [key, tc] : t) {
    const auto it = p.find(key);
    const int pc = it == p.end() ? 0 : it->second;
    tp += std::min(tc, pc);
    fn += std::max(0, tc - pc);
  }
  for (const auto& [key, pc] : p) {
    const auto it = t.find(key);
    const int tc = it == t.end() ? 0 : it->second;
    fp += std::max(0, pc - tc);
  }
  ShingleMatch m;
  const double sum = tp + fp + fn;
  if (sum > 0) {
    m.tp = tp / sum;
    m.fp = fp / sum;
    m.fn = fn / sum;
  }
  return m;
}

HtmlScores score_html(const std::vector<HtmlPageResult>& results, HtmlSplit split) {
  HtmlScores s;
  double p_sum = 0, r_sum = 0;
  size_t p_n = 0, r_n = 0, exact = 0;
  for (const auto& r : results) {
    if (!in_html_split(r.id, split)) continue;
    ++s.pages;
    if (r.match.tp + r.match.fp > 0) {
      p_sum += r.match.precision();
      ++p_n;
    }
    if (r.match.tp + r.match.fn > 0) {
      r_sum += r.match.recall();
      ++r_n;
    }
    if (r.exact) ++exact;
  }
  if (p_n) s.precision = 100.0 * p_sum / static_cast<double>(p_n);
  if (r_n) s.recall = 100.0 * r_sum / static_cast<double>(r_n);
  if (s.precision + s.recall > 0) s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall);
  if (s.pages) s.accuracy = 100.0 * static_cast<double>(exact) / static_cast<double>(s.pages);
  return s;
}

Status evaluate_html(const std::string& dir, HtmlSplit split, std::vector<HtmlPageResult>* out) {
  std::string json;
  if (Status st = read_file(dir + "/ground-truth.json", &json); !st.is_ok()) return st;
  rapidjson::Document gt;
  gt.Parse(json.data(), json.size());
  if (gt.HasParseError() || !gt.IsObject())
    return Status::corrupt(dir + "/ground-truth.json: not a JSON object");
  std::vector<std::string> ids;
  for (const auto& m : gt.GetObject()) {
    const std::string id(m.name.GetString(), m.name.GetStringLength());
    if (in_html_split(id, split)) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  out->clear();
  out->reserve(ids.size());
  for (const std::string& id : ids) {
    const rapidjson::Value& entry = gt[id.c_str()];
    auto get = [&](const char* key) {
      if (!entry.IsObject()) return std::string();
      const auto it = entry.FindMember(key);
      if (it == entry.MemberEnd() || !it->value.IsString()) return std::string();
      return std::string(it->value.GetString(), it->value.GetStringLength());
    };
    HtmlPageResult r;
    r.id = id;
    r.url = get("url");
    const std::string truth = get("articleBody");
    std::string gz;
    const std::string path = dir + "/html/" + id + ".html.gz";
    if (Status st = read_file(path, &gz); !st.is_ok()) return st;
    const ingest::GunzipResult html = ingest::gunzip(gz, kMaxPageBytes);
    if (!html.ok) return Status::corrupt(path + ": " + html.message);
    const auto t0 = std::chrono::steady_clock::now();
    Document doc;
    doc.url = r.url;
    ingest::read_html_page(id, html.data, {}, doc);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.predicted = std::move(doc.text);
    r.match = match_shingles(truth, r.predicted);
    const auto tt = word_tokens(truth);
    const auto pt = word_tokens(r.predicted);
    r.true_tokens = tt.size();
    r.predicted_tokens = pt.size();
    r.exact = tt == pt;
    out->push_back(std::move(r));
  }
  if (out->empty()) return Status::not_found(dir + ": no benchmark pages in this split");
  return Status::ok();
}

}  // namespace casus::eval
