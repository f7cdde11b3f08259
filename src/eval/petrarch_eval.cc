// casus eval petrarch (docs/petrarch.md).
#include "eval/petrarch_eval.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "casus/engine.h"
#include "events/petrarch.h"
#include "events/stage.h"

namespace casus::eval {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string decode_entities(std::string_view s) {
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool done = false;
    if (s[i] == '&')
      for (const auto& [name, c] : kEntities)
        if (s.substr(i, name.size()) == name) {
          out.push_back(c);
          i += name.size();
          done = true;
          break;
        }
    if (!done) out.push_back(s[i++]);
  }
  return out;
}

// Collapses runs of white space into one blank and trims.
std::string squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

struct Tag {
  std::string name;
  bool closing = false, self_closing = false;
  std::map<std::string, std::string> attrs;
};

// Parses the tag body between '<' and '>'; false when malformed.
bool parse_tag(std::string_view body, Tag* tag) {
  if (!body.empty() && body.front() == '/') {
    tag->closing = true;
    body.remove_prefix(1);
  }
  if (!body.empty() && body.back() == '/') {
    tag->self_closing = true;
    body.remove_suffix(1);
  }
  size_t i = 0;
  const size_t name_start = i;
  while (i < body.size() && !is_space(body[i])) ++i;
  tag->name = std::string(body.substr(name_start, i - name_start));
  if (tag->name.empty()) return false;
  while (i < body.size()) {
    while (i < body.size() && is_space(body[i])) ++i;
    if (i >= body.size()) break;
    const size_t ks = i;
    while (i < body.size() && !is_space(body[i]) && body[i] != '=') ++i;
    std::string key(body.substr(ks, i - ks));
    while (i < body.size() && is_space(body[i])) ++i;
    if (i >= body.size() || body[i] != '=') return false;
    ++i;
    while (i < body.size() && is_space(body[i])) ++i;
    if (i >= body.size() || (body[i] != '"' && body[i] != '\'')) return false;
    const char quote = body[i++];
    const size_t vs = i;
    while (i < body.size() && body[i] != quote) ++i;
    if (i >= body.size()) return false;
    tag->attrs[key] = decode_entities(body.substr(vs, i - vs));
    ++i;
  }
  return true;
}

std::string attr(const Tag& t, const char* key) {
  const auto it = t.attrs.find(key);
  return it == t.attrs.end() ? "" : it->second;
}

std::string iso_date(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return "";
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

}  // namespace

Status parse_petrarch_records(std::string_view xml, PetrarchRecords* out) {
  out->records.clear();
  out->include.clear();
  PetrarchRecord rec;
  bool in_sentence = false;
  std::string text_target;  // "Text", "Include" or ""
  std::string text;
  size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] != '<') {
      const size_t next = xml.find('<', i);
      const size_t end = next == std::string_view::npos ? xml.size() : next;
      if (!text_target.empty()) text.append(xml.substr(i, end - i));
      i = end;
      continue;
    }
    if (xml.substr(i, 4) == "<!--") {
      const size_t close = xml.find("-->", i + 4);
      if (close == std::string_view::npos) return Status::corrupt("unclosed <!-- comment");
      i = close + 3;
      continue;
    }
    const size_t close = xml.find('>', i);
    if (close == std::string_view::npos) return Status::corrupt("unclosed tag");
    Tag tag;
    if (xml[i + 1] == '?' || xml[i + 1] == '!') {
      i = close + 1;
      continue;
    }
    if (!parse_tag(xml.substr(i + 1, close - i - 1), &tag))
      return Status::corrupt("malformed tag at byte " + std::to_string(i));
    i = close + 1;
    if (tag.name == "Sentence") {
      if (tag.closing) {
        if (!in_sentence) return Status::corrupt("</Sentence> without <Sentence>");
        std::sort(rec.expected.begin(), rec.expected.end());
        rec.expected.erase(std::unique(rec.expected.begin(), rec.expected.end()),
                           rec.expected.end());
        out->records.push_back(std::move(rec));
        rec = PetrarchRecord();
        in_sentence = false;
      } else {
        if (in_sentence) return Status::corrupt("nested <Sentence> (record " + rec.id + ")");
        in_sentence = true;
        rec.id = attr(tag, "id");
        rec.date = attr(tag, "date");
        rec.category = attr(tag, "category");
      }
    } else if (tag.name == "EventCoding" && !tag.closing) {
      if (!in_sentence) return Status::corrupt("<EventCoding> outside a <Sentence>");
      const std::string error = attr(tag, "error");
      if (!error.empty()) {
        // Discards expect no events; other errors test the record's own parse tree.
        if (error.find("discard") == std::string::npos) rec.parse_error_test = true;
      } else if (attr(tag, "noevents").empty()) {
        rec.expected.push_back(
            {attr(tag, "sourcecode"), attr(tag, "targetcode"), attr(tag, "eventcode")});
      }
    } else if (tag.name == "Text" || tag.name == "Include" || tag.name == "Verbfile" ||
               tag.name == "Actorfile" || tag.name == "Agentfile" || tag.name == "Discardfile") {
      if (!tag.closing) {
        text_target = tag.name;
        text.clear();
      } else if (text_target == tag.name) {
        if (tag.name == "Text") {
          rec.text = squeeze(decode_entities(text));
        } else if (tag.name == "Verbfile") {
          out->verbs = squeeze(text);
        } else if (tag.name == "Actorfile") {
          out->actors = squeeze(text);
        } else if (tag.name == "Agentfile") {
          out->agents = squeeze(text);
        } else if (tag.name == "Discardfile") {
          out->discards = squeeze(text);
        } else {
          std::istringstream ss(decode_entities(text));
          std::string w;
          while (ss >> w) out->include.push_back(w);
        }
        text_target.clear();
      }
    }
  }
  if (in_sentence) return Status::corrupt("unclosed <Sentence> (record " + rec.id + ")");
  return Status::ok();
}

namespace {

Status read_records(const std::string& path, PetrarchRecords* file) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (Status st = parse_petrarch_records(ss.str(), file); !st.is_ok())
    return Status::corrupt(path + ": " + st.message());
  return Status::ok();
}

}  // namespace

Status default_petrarch_dictionaries(const std::string& path, events::EventOptions* dicts) {
  namespace fs = std::filesystem;
  PetrarchRecords file;
  if (Status st = read_records(path, &file); !st.is_ok()) return st;
  const fs::path dir = fs::path(path).parent_path();
  const auto resolve = [&](const std::string& name) -> std::string {
    if (name.empty()) return "";
    std::error_code ec;
    for (const fs::path& p : {dir / name, dir / "dictionaries" / name})
      if (fs::is_regular_file(p, ec)) return p.string();
    return "";
  };
  if (dicts->verbs.empty()) dicts->verbs = resolve(file.verbs);
  if (dicts->actors.empty())
    if (std::string a = resolve(file.actors); !a.empty()) dicts->actors.push_back(a);
  if (dicts->agents.empty()) dicts->agents = resolve(file.agents);
  if (dicts->discards.empty()) dicts->discards = resolve(file.discards);
  return Status::ok();
}

Status evaluate_petrarch(const std::string& path, const events::EventOptions& dicts,
                         PetrarchScores* scores, std::vector<std::string>* warnings) {
  PetrarchRecords file;
  if (Status st = read_records(path, &file); !st.is_ok()) return st;
  std::unique_ptr<const events::petrarch::Dictionaries> dict;
  if (Status st = events::petrarch::Dictionaries::load(dicts, &dict, warnings); !st.is_ok())
    return st;
  EngineOptions options;
  options.threads = 1;
  options.own_event_lexicon = false;
  const Engine engine(options);
  if (!engine.status().is_ok()) return engine.status();
  // "valid" in <Include> is PETRARCH's switch for records marked valid; categories are the rest.
  const auto included = [&](const std::string& category) {
    return file.include.empty() ||
           std::find(file.include.begin(), file.include.end(), category) != file.include.end();
  };
  for (const PetrarchRecord& rec : file.records) {
    if (!included(rec.category) || rec.parse_error_test) {
      ++scores->skipped;
      continue;
    }
    Document doc;
    doc.text = rec.text;
    doc.date = iso_date(rec.date);
    engine.process(doc);
    std::vector<Event> events;
    dict->code(doc, &events);
    std::vector<PetrarchCoding> coded;
    for (const Event& e : events)
      coded.push_back({e.source.actor, e.has_target ? e.target.actor : "---", e.code});
    std::sort(coded.begin(), coded.end());
    coded.erase(std::unique(coded.begin(), coded.end()), coded.end());
    ++scores->records;
    if (coded == rec.expected) {
      ++scores->passed;
    } else {
      scores->failures.push_back({rec.id, rec.category, rec.text, rec.expected, coded});
    }
  }
  return Status::ok();
}

}  // namespace casus::eval
