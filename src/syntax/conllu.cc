#include "syntax/conllu.h"

#include <charconv>
#include <fstream>
#include <ostream>
#include <sstream>

namespace casus::syntax {
namespace {

bool parse_uint(std::string_view s, uint32_t* v) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

// Splits a line into exactly `n` tab-separated fields; false otherwise.
bool split_tabs(std::string_view line, std::string_view* fields, int n) {
  int i = 0;
  size_t start = 0;
  while (i < n) {
    const size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields[i++] = line.substr(start);
      return i == n;
    }
    if (i == n - 1) return false;
    fields[i++] = line.substr(start, tab - start);
    start = tab + 1;
  }
  return false;
}

}  // namespace

bool ConlluWord::space_after() const {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string::npos) bar = misc.size();
    if (std::string_view(misc).substr(pos, bar - pos) == "SpaceAfter=No") return false;
    pos = bar + 1;
  }
  return true;
}

std::string ConlluSentence::comment_value(std::string_view key, bool* present) const {
  if (present) *present = false;
  for (const auto& c : comments) {
    std::string_view v(c);
    if (v.size() < 2 || v[0] != '#') continue;
    v.remove_prefix(1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v.substr(0, key.size()) != key) continue;
    v.remove_prefix(key.size());
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v.empty() || v.front() != '=') continue;
    v.remove_prefix(1);
    if (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (present) *present = true;
    return std::string(v);
  }
  return "";
}

bool ConlluSentence::has_comment(std::string_view prefix) const {
  for (const auto& c : comments) {
    std::string_view v(c);
    if (v.size() < 2 || v[0] != '#') continue;
    v.remove_prefix(1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

Status parse_conllu(std::string_view data, const std::string& name,
                    std::vector<ConlluSentence>* out) {
  ConlluSentence cur;
  bool open = false;
  size_t line_no = 0, pos = 0;
  auto flush = [&] {
    if (open && !cur.words.empty()) out->push_back(std::move(cur));
    cur = ConlluSentence();
    open = false;
  };
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      continue;
    }
    open = true;
    if (line[0] == '#') {
      cur.comments.emplace_back(line);
      continue;
    }
    std::string_view f[10];
    if (!split_tabs(line, f, 10))
      return Status::corrupt(name + ":" + std::to_string(line_no) + ": expected 10 columns");
    const size_t dash = f[0].find('-');
    if (dash != std::string_view::npos) {
      ConlluRange r;
      if (!parse_uint(f[0].substr(0, dash), &r.first) ||
          !parse_uint(f[0].substr(dash + 1), &r.last))
        return Status::corrupt(name + ":" + std::to_string(line_no) + ": bad range id");
      r.form = f[1];
      r.misc = f[9];
      cur.ranges.push_back(std::move(r));
      continue;
    }
    if (f[0].find('.') != std::string_view::npos) {
      cur.extra.emplace_back(static_cast<uint32_t>(cur.words.size()), std::string(line));
      continue;
    }
    uint32_t id = 0;
    if (!parse_uint(f[0], &id) || id != cur.words.size() + 1)
      return Status::corrupt(name + ":" + std::to_string(line_no) + ": bad word id");
    ConlluWord w;
    w.form = f[1];
    w.lemma = f[2];
    w.upos = f[3];
    w.xpos = f[4];
    w.feats = f[5];
    if (f[6] == "_") {
      w.head = 0;
    } else if (!parse_uint(f[6], &w.head)) {
      return Status::corrupt(name + ":" + std::to_string(line_no) + ": bad head");
    }
    w.deprel = f[7];
    w.deps = f[8];
    w.misc = f[9];
    cur.words.push_back(std::move(w));
  }
  flush();
  for (size_t s = 0; s < out->size(); ++s) {
    for (const auto& w : (*out)[s].words)
      if (w.head > (*out)[s].words.size())
        return Status::corrupt(name + ": sentence " + std::to_string(s + 1) +
                               ": head out of range");
  }
  return Status::ok();
}

Status read_conllu(const std::string& path, std::vector<ConlluSentence>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_conllu(ss.str(), path, out);
}

void write_conllu(const ConlluSentence& s, std::ostream& out) {
  for (const auto& c : s.comments) out << c << '\n';
  size_t range = 0, extra = 0;
  for (size_t i = 0; i < s.words.size(); ++i) {
    const uint32_t id = static_cast<uint32_t>(i + 1);
    for (; range < s.ranges.size() && s.ranges[range].first <= id; ++range) {
      const auto& r = s.ranges[range];
      out << r.first << '-' << r.last << '\t' << r.form << "\t_\t_\t_\t_\t_\t_\t_\t" << r.misc
          << '\n';
    }
    const auto& w = s.words[i];
    out << id << '\t' << w.form << '\t' << w.lemma << '\t' << w.upos << '\t' << w.xpos << '\t'
        << w.feats << '\t' << w.head << '\t' << w.deprel << '\t' << w.deps << '\t' << w.misc
        << '\n';
    for (; extra < s.extra.size() && s.extra[extra].first <= id; ++extra)
      out << s.extra[extra].second << '\n';
  }
  out << '\n';
}

}  // namespace casus::syntax
