// Gold segmentation from CoNLL-U. See segment_gold.h.
#include "eval/segment_gold.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

#include "text/text.h"

namespace casus::eval {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Splits a CoNLL-U line into at most 10 tab-separated fields.
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

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

Status parse_conllu_documents(const std::string& path, const std::string& data,
                              std::vector<GoldDocument>* docs) {
  GoldDocument doc;
  GoldSentence sent;
  bool in_sentence = false, has_text = false, pending_par = true;
  // Multi-word token being read: its surface form, last word id and the words so far.
  std::string mwt_form;
  std::vector<std::string> mwt_words;
  long mwt_last = -1;
  size_t line_no = 0;
  auto flush_mwt = [&](GoldSentence& s) {
    std::string joined;
    for (const auto& w : mwt_words) joined += w;
    if (joined == mwt_form) {
      for (auto& w : mwt_words) s.words.push_back(std::move(w));
    } else {
      s.words.push_back(mwt_form);
    }
    mwt_words.clear();
    mwt_form.clear();
    mwt_last = -1;
  };
  auto end_sentence = [&]() -> Status {
    if (!in_sentence) return Status::ok();
    if (mwt_last >= 0) flush_mwt(sent);
    if (!has_text) {
      return Status::corrupt(path + ":" + std::to_string(sent.line) +
                             ": sentence without a '# text = ' comment");
    }
    doc.sentences.push_back(std::move(sent));
    sent = GoldSentence{};
    in_sentence = false;
    has_text = false;
    return Status::ok();
  };
  size_t b = 0;
  while (b < data.size()) {
    size_t e = data.find('\n', b);
    if (e == std::string::npos) e = data.size();
    std::string_view line(data.data() + b, e - b);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_no;
    b = e + 1;
    if (line.empty()) {
      if (Status st = end_sentence(); !st.is_ok()) return st;
      continue;
    }
    if (!in_sentence) {
      in_sentence = true;
      sent.line = line_no;
    }
    if (line[0] == '#') {
      if (starts_with(line, "# newdoc")) {
        if (!doc.sentences.empty()) docs->push_back(std::move(doc));
        doc = GoldDocument{};
        pending_par = true;
      } else if (starts_with(line, "# newpar")) {
        pending_par = true;
      } else if (starts_with(line, "# text = ")) {
        sent.text = std::string(line.substr(9));
        has_text = true;
        sent.new_paragraph = pending_par || doc.sentences.empty();
        pending_par = false;
      }
      continue;
    }
    std::string_view f[10];
    if (split_fields(line, f) < 2) {
      return Status::corrupt(path + ":" + std::to_string(line_no) + ": malformed token line");
    }
    const std::string_view id = f[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    const size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      if (mwt_last >= 0) flush_mwt(sent);
      mwt_form = std::string(f[1]);
      mwt_last = std::strtol(std::string(id.substr(dash + 1)).c_str(), nullptr, 10);
      continue;
    }
    const long word_id = std::strtol(std::string(id).c_str(), nullptr, 10);
    if (mwt_last >= 0) {
      mwt_words.emplace_back(f[1]);
      if (word_id >= mwt_last) flush_mwt(sent);
      continue;
    }
    sent.words.emplace_back(f[1]);
  }
  if (Status st = end_sentence(); !st.is_ok()) return st;
  if (!doc.sentences.empty()) docs->push_back(std::move(doc));
  return Status::ok();
}

Status read_conllu_documents(const std::string& path, std::vector<GoldDocument>* docs) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::io_error("cannot read " + path);
  return parse_conllu_documents(path, buf.str(), docs);
}

std::string rebuild_text(const GoldDocument& gold) {
  std::string text;
  for (size_t s = 0; s < gold.sentences.size(); ++s) {
    const GoldSentence& g = gold.sentences[s];
    if (s > 0) text += g.new_paragraph ? "\n\n" : " ";
    text += g.text;
  }
  return text;
}

Status locate_gold(const std::string& path, const GoldDocument& gold, const std::string& text,
                   std::vector<Span>* tokens, std::vector<Span>* sentences) {
  const std::string& t = text;
  size_t pos = 0;
  for (const GoldSentence& g : gold.sentences) {
    const size_t first = tokens->size();
    for (const std::string& raw_form : g.words) {
      const std::string form = text::to_nfc(raw_form);
      while (pos < t.size() && is_space(t[pos])) ++pos;
      size_t at = pos;
      if (t.compare(pos, form.size(), form) != 0) {
        // Tolerate a small gap (e.g. a form that differs from the text): search a little ahead.
        at = t.find(form, pos);
        if (at == std::string::npos || at > pos + 64) {
          return Status::corrupt(path + ":" + std::to_string(g.line) + ": gold word '" + raw_form +
                                 "' not found in the sentence text");
        }
      }
      tokens->push_back(
          Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + form.size())});
      pos = at + form.size();
    }
    if (tokens->size() > first) {
      sentences->push_back(Span{(*tokens)[first].begin, tokens->back().end});
    }
  }
  return Status::ok();
}

}  // namespace casus::eval
