#include "eval/time_eval.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>

#include "text/text.h"
#include "time/calendar.h"

namespace casus::eval {
namespace {

constexpr int64_t kMinDay = std::numeric_limits<int64_t>::min() / 4;
constexpr int64_t kMaxDay = std::numeric_limits<int64_t>::max() / 4;

struct Interval {
  int64_t lo = 0, hi = 0;  // inclusive day numbers
};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Day interval of a TIMEX3-style calendar value; nullopt for durations, sets and X values.
std::optional<Interval> value_interval(std::string_view v, std::string_view anchor) {
  using namespace casus::time;
  Ymd a;
  const bool has_anchor = parse_iso_date(anchor, &a);
  if (v == "PRESENT_REF" || v == "PAST_REF" || v == "FUTURE_REF") {
    if (!has_anchor) return std::nullopt;
    const int64_t d = days_from_civil(a);
    if (v == "PRESENT_REF") return Interval{d, d};
    if (v == "PAST_REF") return Interval{kMinDay, d};
    return Interval{d, kMaxDay};
  }
  if (const size_t t = v.find('T'); t != std::string_view::npos) v = v.substr(0, t);
  // GUM writes one date as "-2009-03-13".
  if (v.size() > 5 && v[0] == '-' && v[1] != '-') v.remove_prefix(1);
  if (v.size() == 2 && all_digits(v)) {  // century "19"
    const int c = to_int(v);
    return Interval{days_from_civil(c * 100, 1, 1), days_from_civil(c * 100 + 99, 12, 31)};
  }
  if (v.size() == 4 && v[3] == 'X' && all_digits(v.substr(0, 3))) {  // decade "196X"
    const int d = to_int(v.substr(0, 3));
    return Interval{days_from_civil(d * 10, 1, 1), days_from_civil(d * 10 + 9, 12, 31)};
  }
  if (v.size() < 4 || !all_digits(v.substr(0, 4))) return std::nullopt;
  const int y = to_int(v.substr(0, 4));
  if (v.size() == 4) return Interval{days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)};
  if (v[4] != '-') return std::nullopt;
  const std::string_view rest = v.substr(5);
  if (rest.size() == 2 && all_digits(rest)) {
    const int m = to_int(rest);
    if (m < 1 || m > 12) return std::nullopt;
    return Interval{days_from_civil(y, m, 1), days_from_civil(y, m, days_in_month(y, m))};
  }
  if (rest.size() == 5 && all_digits(rest.substr(0, 2)) && rest[2] == '-' &&
      all_digits(rest.substr(3))) {
    const int m = to_int(rest.substr(0, 2)), d = to_int(rest.substr(3));
    if (!is_valid_date(y, m, d)) return std::nullopt;
    const int64_t day = days_from_civil(y, m, d);
    return Interval{day, day};
  }
  if (rest.size() >= 3 && rest[0] == 'W' && all_digits(rest.substr(1, 2))) {
    const int64_t monday = iso_week_monday(y, to_int(rest.substr(1, 2)));
    if (rest.size() == 3) return Interval{monday, monday + 6};
    if (rest.substr(3) == "-WE") return Interval{monday + 5, monday + 6};
    if (rest.size() == 5 && rest[3] == '-' && rest[4] >= '1' && rest[4] <= '7') {
      const int64_t day = monday + (rest[4] - '1');
      return Interval{day, day};
    }
    return std::nullopt;
  }
  if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    const int q = rest[1] - '1';
    const int m0 = 3 * q + 1, m1 = 3 * q + 3;
    return Interval{days_from_civil(y, m0, 1), days_from_civil(y, m1, days_in_month(y, m1))};
  }
  const auto season = [&](int m0, int y1, int m1) {
    return Interval{days_from_civil(y, m0, 1), days_from_civil(y1, m1, days_in_month(y1, m1))};
  };
  if (rest == "SP") return season(3, y, 5);
  if (rest == "SU") return season(6, y, 8);
  if (rest == "FA") return season(9, y, 11);
  if (rest == "WI") return season(12, y + 1, 2);
  return std::nullopt;
}

// Month*100+day of a yearless gold value "--MM" or "--MM-DD"; *whole_month when no day.
bool yearless(std::string_view v, int* md_lo, int* md_hi) {
  if (v.size() < 4 || v.substr(0, 2) != "--") return false;
  const std::string_view r = v.substr(2);
  if (r.size() == 2 && all_digits(r)) {
    const int m = to_int(r);
    *md_lo = m * 100 + 1;
    *md_hi = m * 100 + 31;
    return true;
  }
  if (r.size() == 5 && r[2] == '-' && all_digits(r.substr(0, 2)) && all_digits(r.substr(3))) {
    *md_lo = *md_hi = to_int(r.substr(0, 2)) * 100 + to_int(r.substr(3));
    return true;
  }
  return false;
}

int month_day(int64_t days) {
  const casus::time::Ymd d = casus::time::civil_from_days(days);
  return d.month * 100 + d.day;
}

// Inclusive cyclic containment of month-day x in [lo, hi] (a range may wrap past December).
bool in_cycle(int x, int lo, int hi) {
  return lo <= hi ? (x >= lo && x <= hi) : (x >= lo || x <= hi);
}

bool yearless_matches(const Interval& s, const GoldDate& g) {
  int wlo = 0, whi = 0;
  if (!g.when.empty() && yearless(g.when, &wlo, &whi)) {
    if (s.hi - s.lo > 31) return false;
    const int a = month_day(s.lo), b = month_day(s.hi);
    if (wlo == whi) return a == wlo && b == whi;
    return a / 100 == wlo / 100 && b / 100 == wlo / 100 && a % 100 == 1 &&
           s.hi - s.lo + 1 >= 28;  // the whole month
  }
  int flo = 0, fhi = 0, tlo = 0, thi = 0;
  const std::string& from = !g.from.empty() ? g.from : g.not_before;
  const std::string& to = !g.to.empty() ? g.to : g.not_after;
  if (!yearless(from, &flo, &fhi) || !yearless(to, &tlo, &thi)) return false;
  if (s.hi - s.lo > 366) return false;
  return in_cycle(month_day(s.lo), flo, thi) && in_cycle(month_day(s.hi), flo, thi);
}

}  // namespace

bool time_value_matches(std::string_view value, const GoldDate& g, std::string_view anchor) {
  const std::optional<Interval> s = value_interval(value, anchor);
  if (!s) return false;
  if ((!g.when.empty() && g.when.substr(0, 2) == "--") ||
      (g.when.empty() && (g.from.substr(0, 2) == "--" || g.not_before.substr(0, 2) == "--" ||
                          g.to.substr(0, 2) == "--" || g.not_after.substr(0, 2) == "--")))
    return yearless_matches(*s, g);
  if (!g.when.empty()) {
    const std::optional<Interval> w = value_interval(g.when, anchor);
    return w && w->lo == s->lo && w->hi == s->hi;
  }
  Interval range{kMinDay, kMaxDay};
  const std::string& from = !g.from.empty() ? g.from : g.not_before;
  const std::string& to = !g.to.empty() ? g.to : g.not_after;
  if (from.empty() && to.empty()) return false;
  if (!from.empty()) {
    const std::optional<Interval> f = value_interval(from, anchor);
    if (!f) return false;
    range.lo = f->lo;
  }
  if (!to.empty()) {
    const std::optional<Interval> t = value_interval(to, anchor);
    if (!t) return false;
    range.hi = t->hi;
  }
  return s->lo >= range.lo && s->hi <= range.hi;
}

namespace {

struct GoldSpanDate {
  GoldDate attrs;
  size_t first_word = 0, last_word = 0;  // indices into GumDoc::words
};

struct GumWord {
  std::string form;
  size_t sentence = 0;
  Span span;
};

struct GumSentence {
  std::string text;
  bool new_paragraph = false;
};

struct GumDoc {
  std::string name;
  std::string date;  // dateCreated
  std::vector<GumSentence> sentences;
  std::vector<GumWord> words;  // surface tokens (a multi-word token is one)
  std::vector<GoldSpanDate> dates;
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string attr(std::string_view tag, std::string_view name) {
  const std::string key = std::string(name) + ":::\"";
  size_t p = 0;
  while ((p = tag.find(key, p)) != std::string_view::npos) {
    if (p == 0 || tag[p - 1] == ' ') {
      const size_t b = p + key.size();
      const size_t e = tag.find('"', b);
      if (e == std::string_view::npos) return "";
      return std::string(tag.substr(b, e - b));
    }
    p += key.size();
  }
  return "";
}

// Applies the XML= part of a MISC field to the open-date stack for word index `word`.
void apply_xml(std::string_view misc, size_t word, std::vector<GoldSpanDate>* open,
               std::vector<GoldSpanDate>* done) {
  size_t p = 0;
  while (p < misc.size()) {
    size_t e = misc.find('|', p);
    if (e == std::string_view::npos) e = misc.size();
    const std::string_view kv = misc.substr(p, e - p);
    p = e + 1;
    if (!starts_with(kv, "XML=")) continue;
    std::string_view xml = kv.substr(4);
    size_t t = 0;
    while ((t = xml.find('<', t)) != std::string_view::npos) {
      const size_t close = xml.find('>', t);
      if (close == std::string_view::npos) break;
      const std::string_view tag = xml.substr(t + 1, close - t - 1);
      t = close + 1;
      if (starts_with(tag, "date") && (tag.size() == 4 || tag[4] == ' ')) {
        GoldSpanDate d;
        d.attrs.when = attr(tag, "when");
        d.attrs.from = attr(tag, "from");
        d.attrs.to = attr(tag, "to");
        d.attrs.not_before = attr(tag, "notBefore");
        d.attrs.not_after = attr(tag, "notAfter");
        d.first_word = word;
        open->push_back(std::move(d));
      } else if (tag == "/date" && !open->empty()) {
        GoldSpanDate d = std::move(open->back());
        open->pop_back();
        d.last_word = word;
        done->push_back(std::move(d));
      }
    }
  }
}

size_t split_fields(std::string_view line, std::string_view* f) {
  size_t n = 0, b = 0;
  while (n < 10) {
    const size_t tab = line.find('\t', b);
    f[n++] = line.substr(b, tab == std::string_view::npos ? std::string_view::npos : tab - b);
    if (tab == std::string_view::npos) break;
    b = tab + 1;
  }
  return n;
}

Status parse_gum(const std::string& path, const std::string& data, std::vector<GumDoc>* docs) {
  GumDoc doc;
  std::vector<GoldSpanDate> open;
  bool pending_par = true, in_sentence = false;
  long mwt_last = -1;
  size_t line_no = 0;
  auto finish_doc = [&] {
    if (!doc.sentences.empty()) docs->push_back(std::move(doc));
    doc = GumDoc{};
    open.clear();
  };
  size_t b = 0;
  while (b < data.size()) {
    size_t e = data.find('\n', b);
    if (e == std::string::npos) e = data.size();
    std::string_view line(data.data() + b, e - b);
    b = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      in_sentence = false;
      mwt_last = -1;
      continue;
    }
    if (line[0] == '#') {
      if (starts_with(line, "# newdoc")) {
        finish_doc();
        pending_par = true;
        const size_t eq = line.find("id = ");
        if (eq != std::string_view::npos) doc.name = std::string(line.substr(eq + 5));
      } else if (starts_with(line, "# newpar")) {
        pending_par = true;
      } else if (starts_with(line, "# meta::dateCreated = ")) {
        doc.date = std::string(line.substr(22, 10));
      } else if (starts_with(line, "# text = ")) {
        GumSentence s;
        s.text = std::string(line.substr(9));
        s.new_paragraph = pending_par || doc.sentences.empty();
        pending_par = false;
        doc.sentences.push_back(std::move(s));
        in_sentence = true;
      }
      continue;
    }
    if (!in_sentence) {
      return Status::corrupt(path + ":" + std::to_string(line_no) +
                             ": token line before a '# text = ' comment");
    }
    std::string_view f[10];
    if (split_fields(line, f) < 10) {
      return Status::corrupt(path + ":" + std::to_string(line_no) + ": malformed token line");
    }
    const std::string_view id = f[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    const size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      doc.words.push_back(GumWord{std::string(f[1]), doc.sentences.size() - 1, {}});
      mwt_last = std::strtol(std::string(id.substr(dash + 1)).c_str(), nullptr, 10);
      apply_xml(f[9], doc.words.size() - 1, &open, &doc.dates);
      continue;
    }
    const long word_id = std::strtol(std::string(id).c_str(), nullptr, 10);
    if (mwt_last >= 0 && word_id <= mwt_last) {
      apply_xml(f[9], doc.words.size() - 1, &open, &doc.dates);  // part of the surface token
      if (word_id == mwt_last) mwt_last = -1;
      continue;
    }
    doc.words.push_back(GumWord{std::string(f[1]), doc.sentences.size() - 1, {}});
    apply_xml(f[9], doc.words.size() - 1, &open, &doc.dates);
  }
  finish_doc();
  return Status::ok();
}

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

Status score_document(const Engine& engine, const std::string& path, GumDoc& g, TimeScores* scores,
                      std::vector<TimeMismatch>* mismatches) {
  Document doc;
  doc.id = g.name;
  doc.date = g.date;
  for (size_t s = 0; s < g.sentences.size(); ++s) {
    if (s > 0) doc.text += g.sentences[s].new_paragraph ? "\n\n" : " ";
    doc.text += g.sentences[s].text;
  }
  engine.process(doc);
  const std::string& t = doc.text;
  // Locate the gold words in the (NFC) text, in order.
  size_t pos = 0;
  for (GumWord& w : g.words) {
    const std::string form = text::to_nfc(w.form);
    while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\n')) ++pos;
    size_t at = pos;
    if (t.compare(pos, form.size(), form) != 0) {
      at = t.find(form, pos);
      if (at == std::string::npos || at > pos + 64) {
        return Status::corrupt(path + ": " + g.name + ": gold word '" + w.form +
                               "' not found in the rebuilt text");
      }
    }
    w.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + form.size())};
    pos = at + form.size();
  }
  std::sort(g.dates.begin(), g.dates.end(), [](const GoldSpanDate& a, const GoldSpanDate& b) {
    return a.first_word != b.first_word ? a.first_word < b.first_word : a.last_word > b.last_word;
  });
  auto sentence_text = [&](uint32_t begin) {
    for (const Sentence& s : doc.sentences) {
      if (s.span.begin <= begin && begin < s.span.end) return std::string(doc.slice(s.span));
    }
    return std::string();
  };
  auto gold_value = [](const GoldDate& d) {
    std::string v;
    if (!d.when.empty()) v += "when=" + d.when + " ";
    if (!d.from.empty()) v += "from=" + d.from + " ";
    if (!d.to.empty()) v += "to=" + d.to + " ";
    if (!d.not_before.empty()) v += "notBefore=" + d.not_before + " ";
    if (!d.not_after.empty()) v += "notAfter=" + d.not_after + " ";
    if (!v.empty()) v.pop_back();
    return v;
  };
  std::vector<bool> used(doc.times.size(), false);
  std::vector<bool> touches_gold(doc.times.size(), false);
  TimeScores local;
  local.documents = 1;
  for (const GoldSpanDate& d : g.dates) {
    const Span span{g.words[d.first_word].span.begin, g.words[d.last_word].span.end};
    ++local.recognition.gold;
    size_t match = doc.times.size();
    for (size_t k = 0; k < doc.times.size(); ++k) {
      if (!overlaps(doc.times[k].span, span)) continue;
      touches_gold[k] = true;
      if (!used[k] && match == doc.times.size()) match = k;
    }
    if (match == doc.times.size()) {
      if (mismatches) {
        mismatches->push_back({g.name, "missed", std::string(doc.slice(span)), gold_value(d.attrs),
                               "", "", sentence_text(span.begin)});
      }
      continue;
    }
    used[match] = true;
    ++local.recognition.correct;
    ++local.value_total;
    const Timex& x = doc.times[match];
    if (time_value_matches(x.value, d.attrs, g.date)) {
      ++local.value_correct;
    } else if (mismatches) {
      mismatches->push_back({g.name, "value", std::string(doc.slice(span)), gold_value(d.attrs),
                             std::string(doc.slice(x.span)), x.value, sentence_text(span.begin)});
    }
  }
  for (size_t k = 0; k < doc.times.size(); ++k) {
    const Timex& x = doc.times[k];
    const bool counted =
        x.type == TimexType::kDate || x.type == TimexType::kTime || touches_gold[k];
    if (!counted) continue;
    ++local.recognition.system;
    if (!touches_gold[k] && mismatches) {
      mismatches->push_back({g.name, "spurious", "", "", std::string(doc.slice(x.span)), x.value,
                             sentence_text(x.span.begin)});
    }
  }
  scores->add(local);
  return Status::ok();
}

}  // namespace

Status evaluate_time_file(const Engine& engine, const std::string& conllu_path, TimeScores* scores,
                          std::vector<TimeMismatch>* mismatches) {
  std::ifstream in(conllu_path, std::ios::binary);
  if (!in) return Status::not_found("cannot open " + conllu_path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::io_error("cannot read " + conllu_path);
  std::vector<GumDoc> docs;
  if (Status st = parse_gum(conllu_path, buf.str(), &docs); !st.is_ok()) return st;
  if (docs.empty()) return Status::invalid_argument(conllu_path + ": no sentences");
  for (GumDoc& d : docs) {
    if (Status st = score_document(engine, conllu_path, d, scores, mismatches); !st.is_ok())
      return st;
  }
  return Status::ok();
}

Status read_gum_splits(const std::string& path, std::map<std::string, std::string>* splits) {
  std::ifstream in(path);
  if (!in) return Status::not_found("cannot open " + path);
  std::string line, current;
  while (std::getline(in, line)) {
    if (starts_with(line, "## ")) {
      current = line.substr(3);
      while (!current.empty() && (current.back() == ' ' || current.back() == '\r'))
        current.pop_back();
      continue;
    }
    const size_t star = line.find("* ");
    if (star == std::string::npos || current.empty()) continue;
    std::string name = line.substr(star + 2);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.pop_back();
    if (!name.empty()) (*splits)[name] = current;
  }
  return Status::ok();
}

}  // namespace casus::eval
