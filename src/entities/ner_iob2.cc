#include "entities/ner_iob2.h"

#include <fstream>

namespace casus::entities {
namespace {

constexpr uint16_t bit(int tag) { return static_cast<uint16_t>(1u << tag); }
constexpr int begin_tag(EntityType t) { return 1 + 2 * static_cast<int>(t); }
constexpr int inside_tag(EntityType t) { return 2 + 2 * static_cast<int>(t); }
constexpr uint16_t kAnyTag = static_cast<uint16_t>((1u << kNerTags) - 1);
static_assert(kNerTags <= 16, "NerSentence::allowed holds one bit per tag");

}  // namespace

Status read_iob2(const std::string& path, std::vector<Iob2Document>* docs) {
  std::ifstream in(path);
  if (!in) return Status::io_error("cannot read " + path);
  docs->clear();
  docs->emplace_back();
  Iob2Sentence cur;
  auto end_sentence = [&] {
    if (cur.tokens.empty()) return;
    docs->back().push_back(std::move(cur));
    cur = Iob2Sentence{};
  };
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      end_sentence();
      continue;
    }
    if (line[0] == '#') {
      if (line.rfind("# newdoc", 0) == 0) {
        end_sentence();
        if (!docs->back().empty()) docs->emplace_back();
      }
      continue;
    }
    const size_t a = line.find('\t');
    const size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos)
      return Status::corrupt(path + ":" + std::to_string(line_no) + ": malformed line: " + line);
    const size_t c = line.find('\t', b + 1);
    cur.tokens.push_back(line.substr(a + 1, b - a - 1));
    cur.tags.push_back(line.substr(b + 1, c == std::string::npos ? std::string::npos : c - b - 1));
  }
  end_sentence();
  if (docs->back().empty()) docs->pop_back();
  return Status::ok();
}

std::vector<Iob2Span> iob2_spans(const Iob2Sentence& sentence) {
  std::vector<Iob2Span> out;
  const auto& tg = sentence.tags;
  for (size_t i = 0; i < tg.size();) {
    const std::string& t = tg[i];
    if (t.size() < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-') {
      ++i;
      continue;
    }
    const std::string type = t.substr(2);
    size_t j = i + 1;
    while (j < tg.size() && tg[j].size() == t.size() && tg[j][0] == 'I' &&
           tg[j].compare(2, std::string::npos, type) == 0)
      ++j;
    out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), type});
    i = j;
  }
  return out;
}

NerSentence uner_training_sentence(const Iob2Sentence& sentence, float weight) {
  NerSentence ns;
  ns.tokens = sentence.tokens;
  const size_t n = sentence.tokens.size();
  ns.tags.assign(n, 0);
  ns.allowed.assign(n, bit(0) | bit(begin_tag(EntityType::kNorp)) |
                           bit(inside_tag(EntityType::kNorp)));
  ns.weight = weight;
  for (const Iob2Span& s : iob2_spans(sentence)) {
    for (uint32_t i = s.begin; i < s.end; ++i) {
      const bool first = i == s.begin;
      auto tag = [&](EntityType t) { return first ? begin_tag(t) : inside_tag(t); };
      if (s.type == "PER" || s.type == "ORG") {
        const EntityType t = s.type == "PER" ? EntityType::kPer : EntityType::kOrg;
        ns.tags[i] = static_cast<uint8_t>(tag(t));
        ns.allowed[i] = bit(tag(t));
      } else if (s.type == "LOC") {
        ns.tags[i] = static_cast<uint8_t>(tag(EntityType::kLoc));
        ns.allowed[i] = bit(tag(EntityType::kGpe)) | bit(tag(EntityType::kLoc)) |
                        bit(tag(EntityType::kFac));
      } else {
        ns.allowed[i] = kAnyTag;
      }
    }
  }
  return ns;
}

}  // namespace casus::entities
