#include "entities/ner_gum.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace casus::entities {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return r;
}

bool is_proper(const GumToken& t) { return t.xpos == "NNP" || t.xpos == "NNPS"; }

bool is_name_joiner(std::string_view w) {
  return w == "of" || w == "&" || w == "de" || w == "du" || w == "von" || w == "van" ||
         w == "der" || w == "la" || w == "al" || w == "bin";
}

// Parses the MISC Entity= value into openings and closings, applied to token `tok`.
struct Open {
  std::string entity, etype, identity;
  uint32_t begin;
};

void parse_entity(std::string_view v, uint32_t sentence, uint32_t tok,
                  std::vector<Open>& open, std::vector<GumMention>& out) {
  size_t i = 0;
  while (i < v.size()) {
    if (v[i] == '(') {
      size_t j = i + 1;
      while (j < v.size() && v[j] != '(' && v[j] != ')') ++j;
      const std::string_view body = v.substr(i + 1, j - i - 1);
      // id-etype-infstat-salience-centering-minspan-link-identity (identity may hold '-').
      Open o;
      o.begin = tok;
      size_t field = 0, start = 0;
      for (size_t k = 0; k <= body.size(); ++k) {
        if (k == body.size() || (body[k] == '-' && field < 7)) {
          const std::string_view f = body.substr(start, k - start);
          if (field == 0) o.entity = f;
          else if (field == 1) o.etype = f;
          else if (field == 7) o.identity = f;
          ++field;
          start = k + 1;
          if (field == 7) {
            if (start <= body.size()) o.identity = body.substr(start);
            break;
          }
        }
      }
      if (j < v.size() && v[j] == ')') {
        out.push_back({sentence, tok, tok + 1, 0, o.entity, o.etype, o.identity});
        i = j + 1;
      } else {
        open.push_back(std::move(o));
        i = j;
      }
    } else if (v[i] >= '0' && v[i] <= '9') {
      size_t j = i;
      while (j < v.size() && v[j] != ')' && v[j] != '(') ++j;
      const std::string id(v.substr(i, j - i));
      for (size_t k = open.size(); k-- > 0;) {
        if (open[k].entity == id) {
          out.push_back({sentence, open[k].begin, tok + 1, 0, open[k].entity, open[k].etype,
                         open[k].identity});
          open.erase(open.begin() + static_cast<long>(k));
          break;
        }
      }
      i = j < v.size() && v[j] == ')' ? j + 1 : j;
    } else {
      ++i;
    }
  }
}

}  // namespace

Status read_gum(const std::string& path, GumDoc* doc) {
  std::ifstream in(path);
  if (!in) return Status::io_error("cannot read " + path);
  *doc = GumDoc{};
  std::string line;
  std::vector<Open> open;
  GumSentence sent;
  bool pending_par = false;
  uint32_t mwt_begin = 0, mwt_end = 0;  // word ids of the current multiword token range
  bool mwt_space = true;
  auto flush = [&] {
    if (sent.tokens.empty()) return;
    doc->sentences.push_back(std::move(sent));
    sent = GumSentence{};
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      mwt_begin = mwt_end = 0;
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# newdoc id = ", 0) == 0) doc->id = line.substr(14);
      else if (line.rfind("# meta::genre = ", 0) == 0) doc->genre = line.substr(16);
      else if (line.rfind("# meta::dateCreated = ", 0) == 0) doc->date = line.substr(22);
      else if (line == "# newpar" || line.rfind("# newpar ", 0) == 0) pending_par = true;
      continue;
    }
    const auto cols = split(line, '\t');
    if (cols.size() < 10) continue;
    const std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    const size_t dash = id.find('-');
    const std::string_view misc = cols[9];
    if (dash != std::string_view::npos) {
      mwt_begin = static_cast<uint32_t>(std::stoul(std::string(id.substr(0, dash))));
      mwt_end = static_cast<uint32_t>(std::stoul(std::string(id.substr(dash + 1))));
      mwt_space = misc.find("SpaceAfter=No") == std::string_view::npos;
      continue;
    }
    const uint32_t word = static_cast<uint32_t>(std::stoul(std::string(id)));
    if (sent.tokens.empty()) {
      sent.new_paragraph = pending_par;
      pending_par = false;
    }
    GumToken t;
    t.form = cols[1];
    t.upos = cols[3];
    t.xpos = cols[4];
    t.head = cols[6] == "_" ? 0 : static_cast<uint32_t>(std::stoul(std::string(cols[6])));
    if (word >= mwt_begin && word <= mwt_end && mwt_end > 0) {
      t.space_after = word == mwt_end ? mwt_space : false;
    } else {
      t.space_after = misc.find("SpaceAfter=No") == std::string_view::npos;
    }
    const uint32_t tok = static_cast<uint32_t>(sent.tokens.size());
    sent.tokens.push_back(std::move(t));
    for (const auto& field : split(misc, '|')) {
      if (field.rfind("Entity=", 0) == 0)
        parse_entity(field.substr(7), static_cast<uint32_t>(doc->sentences.size()), tok, open,
                     doc->mentions);
    }
  }
  flush();
  // Heads of mentions; order mentions by position (longer first).
  for (GumMention& m : doc->mentions) {
    const auto& toks = doc->sentences[m.sentence].tokens;
    m.head = m.begin;
    for (uint32_t k = m.begin; k < m.end && k < toks.size(); ++k) {
      const uint32_t h = toks[k].head;
      if (h == 0 || h - 1 < m.begin || h - 1 >= m.end) {
        m.head = k;
        break;
      }
    }
  }
  std::stable_sort(doc->mentions.begin(), doc->mentions.end(),
                   [](const GumMention& a, const GumMention& b) {
                     if (a.sentence != b.sentence) return a.sentence < b.sentence;
                     if (a.begin != b.begin) return a.begin < b.begin;
                     return a.end > b.end;
                   });
  return Status::ok();
}

std::vector<std::string> gum_files(const std::string& data_dir, std::string_view split_name,
                                   const std::vector<std::string>& genres) {
  namespace fs = std::filesystem;
  std::set<std::string> in_split;
  if (!split_name.empty()) {
    std::ifstream in(data_dir + "/gum/splits.md");
    std::string line, current;
    while (std::getline(in, line)) {
      if (line.rfind("## ", 0) == 0) current = line.substr(3);
      const size_t star = line.find("* ");
      if (star != std::string::npos && current == split_name) in_split.insert(line.substr(star + 2));
    }
  }
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data_dir + "/gum/dep", ec)) {
    const std::string stem = entry.path().stem().string();
    if (entry.path().extension() != ".conllu") continue;
    if (!split_name.empty() && !in_split.count(stem)) continue;
    if (!genres.empty()) {
      bool ok = false;
      for (const auto& g : genres) ok |= stem.rfind("GUM_" + g + "_", 0) == 0;
      if (!ok) continue;
    }
    out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<GumNamed> gum_named(const GumDoc& doc, const NerGazetteer& gaz) {
  std::vector<GumNamed> cands;
  std::vector<std::string_view> words;
  for (uint32_t mi = 0; mi < doc.mentions.size(); ++mi) {
    const GumMention& m = doc.mentions[mi];
    const auto& toks = doc.sentences[m.sentence].tokens;
    if (m.head >= toks.size() || !is_proper(toks[m.head])) continue;
    const bool person = m.etype == "person", org = m.etype == "organization",
               place = m.etype == "place";
    if (!person && !org && !place) continue;
    uint32_t b = m.head, e = m.head + 1;
    while (b > m.begin && is_proper(toks[b - 1])) --b;
    for (;;) {
      if (e < m.end && is_proper(toks[e])) {
        ++e;
      } else if (e + 1 < m.end && is_name_joiner(toks[e].form) && is_proper(toks[e + 1])) {
        e += 2;
      } else {
        break;
      }
    }
    // A title alone is not a name ("the President", "Governor of Virginia").
    if (person && is_person_title_word(lower(toks[m.head].form))) continue;
    const unsigned char c0 = toks[b].form.empty() ? 0 : static_cast<unsigned char>(toks[b].form[0]);
    if (!((c0 >= 'A' && c0 <= 'Z') || c0 >= 0x80)) continue;  // names start with a capital
    if (person)
      while (e - b > 1 && (is_person_title_word(lower(toks[b].form)) || toks[b].form == "of"))
        ++b;
    words.clear();
    for (uint32_t k = b; k < e; ++k) words.push_back(toks[k].form);
    const uint16_t cls = gaz.find_tokens(words);
    EntityType type;
    if ((person || org) && (((cls & kGazDemonym) && !(cls & kGazCountry)) ||
                            (e - b == 1 && is_group_word(lower(words[0]))))) {
      type = EntityType::kNorp;
    } else if (person) {
      type = EntityType::kPer;
    } else if (org) {
      type = EntityType::kOrg;
    } else if (cls & kGazSeat) {
      type = EntityType::kFac;
    } else if (cls & (kGazCountry | kGazCapital | kGazStateUs)) {
      type = EntityType::kGpe;
    } else {
      type = EntityType::kGpe;
      const std::string last = lower(words.back());
      if (is_facility_word(last)) type = EntityType::kFac;
      for (std::string_view w : words)
        if (is_location_word(lower(w))) type = EntityType::kLoc;
      if (is_facility_word(last)) type = EntityType::kFac;
    }
    cands.push_back({m.sentence, {b, e, type}, mi});
  }
  // Keep the longest of overlapping spans, then restore text order.
  std::stable_sort(cands.begin(), cands.end(), [](const GumNamed& a, const GumNamed& c) {
    return a.span.end - a.span.begin > c.span.end - c.span.begin;
  });
  std::vector<GumNamed> kept;
  for (const GumNamed& c : cands) {
    bool overlap = false;
    for (const GumNamed& k : kept)
      overlap |= k.sentence == c.sentence && k.span.begin < c.span.end && c.span.begin < k.span.end;
    if (!overlap) kept.push_back(c);
  }
  std::sort(kept.begin(), kept.end(), [](const GumNamed& a, const GumNamed& c) {
    return a.sentence != c.sentence ? a.sentence < c.sentence : a.span.begin < c.span.begin;
  });
  return kept;
}

std::vector<NerSentence> gum_ner_sentences(const GumDoc& doc, const NerGazetteer& gaz) {
  std::vector<NerSentence> gold(doc.sentences.size());
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    for (const auto& t : doc.sentences[s].tokens) gold[s].tokens.push_back(t.form);
    gold[s].tags.assign(gold[s].tokens.size(), 0);
  }
  for (const GumNamed& n : gum_named(doc, gaz)) {
    const int type = static_cast<int>(n.span.type);
    auto& tags = gold[n.sentence].tags;
    tags[n.span.begin] = static_cast<uint8_t>(1 + 2 * type);
    for (uint32_t k = n.span.begin + 1; k < n.span.end; ++k) tags[k] = static_cast<uint8_t>(2 + 2 * type);
  }
  // casus's tokenizer (UD EWT convention) splits hyphenated words ("Jean-Pierre" -> "Jean",
  // "-", "Pierre"); GUM keeps them whole. Split them so training matches run time.
  std::vector<NerSentence> out(gold.size());
  for (size_t s = 0; s < gold.size(); ++s) {
    for (size_t k = 0; k < gold[s].tokens.size(); ++k) {
      const std::string& w = gold[s].tokens[k];
      const uint8_t tag = gold[s].tags[k];
      const uint8_t inside = tag == 0 ? 0 : static_cast<uint8_t>(tag % 2 ? tag + 1 : tag);
      size_t start = 0;
      bool first = true;
      for (size_t i = 1; i + 1 < w.size(); ++i) {
        if (w[i] != '-' || w[i - 1] == '-' || w[i + 1] == '-') continue;
        out[s].tokens.push_back(w.substr(start, i - start));
        out[s].tags.push_back(first ? tag : inside);
        out[s].tokens.push_back("-");
        out[s].tags.push_back(inside);
        first = false;
        start = i + 1;
      }
      out[s].tokens.push_back(w.substr(start));
      out[s].tags.push_back(first ? tag : inside);
    }
  }
  return out;
}

Document gum_document(const GumDoc& gd) {
  Document doc;
  doc.id = gd.id;
  doc.date = gd.date.size() >= 10 ? gd.date.substr(0, 10) : "";
  doc.date_source = doc.date.empty() ? DateSource::kNone : DateSource::kInput;
  uint32_t par_begin = 0;
  for (size_t s = 0; s < gd.sentences.size(); ++s) {
    const GumSentence& gs = gd.sentences[s];
    if (s > 0) {
      if (gs.new_paragraph) {
        while (!doc.text.empty() && doc.text.back() == ' ') doc.text.pop_back();
        doc.paragraphs.push_back({{par_begin, static_cast<uint32_t>(doc.text.size())}});
        doc.text += "\n\n";
        par_begin = static_cast<uint32_t>(doc.text.size());
      } else if (!doc.text.empty() && doc.text.back() != ' ') {
        doc.text += ' ';
      }
    }
    Sentence sent;
    sent.first_token = static_cast<uint32_t>(doc.tokens.size());
    sent.paragraph = static_cast<uint32_t>(doc.paragraphs.size());
    for (size_t k = 0; k < gs.tokens.size(); ++k) {
      const GumToken& t = gs.tokens[k];
      Token tok;
      tok.span.begin = static_cast<uint32_t>(doc.text.size());
      doc.text += t.form;
      tok.span.end = static_cast<uint32_t>(doc.text.size());
      tok.sentence = static_cast<uint32_t>(doc.sentences.size());
      tok.space_after = t.space_after;
      doc.tokens.push_back(tok);
      if (t.space_after && k + 1 < gs.tokens.size()) doc.text += ' ';
    }
    sent.end_token = static_cast<uint32_t>(doc.tokens.size());
    sent.span = {doc.tokens[sent.first_token].span.begin, doc.tokens.back().span.end};
    doc.sentences.push_back(sent);
  }
  doc.paragraphs.push_back({{par_begin, static_cast<uint32_t>(doc.text.size())}});
  return doc;
}

}  // namespace casus::entities
