// `casus show`: a readable summary of coded records (JSON Lines written by `casus code`).
#include <rapidjson/document.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/codepoints.h"
#include "casus/engine.h"
#include "casus/sink.h"
#include "cli/commands.h"
#include "pipeline/runner.h"

namespace casus::cli {
namespace {

struct ShowArgs {
  std::vector<std::string> inputs;
  size_t sentences = 3;
  size_t limit = 12;  // entities, times, quotes, places and events printed per record
};

std::string str(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

const rapidjson::Value* array(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsArray()) return nullptr;
  return &it->value;
}

// The text of a [start, end) code point span of `text`.
std::string slice_cp(const std::string& text, uint64_t begin, uint64_t end) {
  size_t i = 0, cp = 0, b = std::string::npos, e = text.size();
  for (; i <= text.size(); ++i) {
    if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (cp == begin && b == std::string::npos) b = i;
    if (cp == end) {
      e = i;
      break;
    }
    ++cp;
  }
  if (b == std::string::npos || e < b) return "";
  std::string s = text.substr(b, e - b);
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return s;
}

// Shortens `s` to at most `max` bytes (on a code point boundary) with an ellipsis.
std::string clip(std::string s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s + "…";
}

const rapidjson::Value* object(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsObject()) return nullptr;
  return &it->value;
}

// Entities with actor codes, time expressions and quotations, when the record has them.
void show_layers(const rapidjson::Value& rec, const ShowArgs& args, std::ostream& out) {
  if (const auto* entities = array(rec, "entities"); entities && !entities->Empty()) {
    out << "   actors:    " << entities->Size() << " entities\n";
    size_t shown = 0;
    for (const auto& e : entities->GetArray()) {
      if (!e.IsObject()) continue;
      const auto* actor = object(e, "actor");
      if (actor == nullptr) continue;
      if (shown++ == args.limit) {
        out << "     ...\n";
        break;
      }
      const auto* mentions = array(e, "mentions");
      out << "     " << str(e, "name") << " (" << str(e, "type") << ") " << str(*actor, "code")
          << ", " << (mentions ? mentions->Size() : 0) << " mention(s)\n";
    }
  }
  if (const auto* times = array(rec, "times"); times && !times->Empty()) {
    out << "   times:\n";
    size_t shown = 0;
    for (const auto& t : times->GetArray()) {
      if (!t.IsObject()) continue;
      if (shown++ == args.limit) {
        out << "     ...\n";
        break;
      }
      out << "     " << str(t, "text") << " -> " << str(t, "value") << " (" << str(t, "type") << ", "
          << str(t, "anchor") << ")\n";
    }
  }
  if (const auto* quotes = array(rec, "quotes"); quotes && !quotes->Empty()) {
    out << "   quotes:    " << quotes->Size() << "\n";
    size_t shown = 0;
    for (const auto& q : quotes->GetArray()) {
      if (!q.IsObject()) continue;
      if (shown++ == args.limit) {
        out << "     ...\n";
        break;
      }
      std::string who = "(unattributed)";
      if (const auto* speaker = object(q, "speaker")) {
        who = str(*speaker, "name");
        if (who.empty()) who = str(*speaker, "text");
      }
      std::string cue;
      if (const auto* c = object(q, "cue")) cue = " [" + str(*c, "text") + "]";
      std::string content = str(q, "content");
      for (char& c : content) {
        if (c == '\n') c = ' ';
      }
      out << "     " << str(q, "kind") << ": " << who << cue << ": " << clip(content, 160) << "\n";
    }
  }
}

// Places, each gazetteer entry once: "Moscow RUS 55.7522,37.6156 P.PPLC (3 mentions)".
void show_places(const rapidjson::Value& rec, const ShowArgs& args, std::ostream& out) {
  const auto* places = array(rec, "places");
  if (places == nullptr || places->Empty()) return;
  struct Seen {
    std::string line;
    size_t mentions = 0;
  };
  std::vector<std::pair<std::string, Seen>> seen;  // key: name + country, in first-mention order
  for (const auto& p : places->GetArray()) {
    if (!p.IsObject()) continue;
    const std::string key = str(p, "name") + "\t" + str(p, "country");
    auto it = std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == key; });
    if (it == seen.end()) {
      char coords[64] = "";
      const auto lat = p.FindMember("lat");
      const auto lon = p.FindMember("lon");
      if (lat != p.MemberEnd() && lon != p.MemberEnd() && lat->value.IsNumber() &&
          lon->value.IsNumber()) {
        std::snprintf(coords, sizeof(coords), " %.4f,%.4f", lat->value.GetDouble(),
                      lon->value.GetDouble());
      }
      const std::string country = str(p, "country");
      // Only the article's country is known: no point of its own.
      const bool country_only = str(p, "basis") == "article_country";
      seen.push_back({key, Seen{str(p, "name") + " " + (country.empty() ? "-" : country) +
                                    (country_only ? " (article's country)" : coords) + " " +
                                    str(p, "feature"),
                                0}});
      it = seen.end() - 1;
    }
    ++it->second.mentions;
  }
  out << "   places:    " << seen.size() << "\n";
  size_t shown = 0;
  for (const auto& [key, s] : seen) {
    if (shown++ == args.limit) {
      out << "     ...\n";
      break;
    }
    out << "     " << s.line << " (" << s.mentions << (s.mentions == 1 ? " mention)" : " mentions)")
        << "\n";
  }
}

// One side of an event for display: its actor code, else its text, else "?".
std::string event_party(const rapidjson::Value& e, const char* key) {
  const auto* party = object(e, key);
  if (party == nullptr) return "";
  std::string s = str(*party, "actor");
  if (s.empty()) s = "\"" + str(*party, "text") + "\"";
  return s;
}

// Events as "source -code label-> target (date) [negated/mood]".
void show_events(const rapidjson::Value& rec, const ShowArgs& args, std::ostream& out) {
  const auto* events = array(rec, "events");
  if (events == nullptr || events->Empty()) return;
  out << "   events:    " << events->Size() << "\n";
  size_t shown = 0;
  for (const auto& e : events->GetArray()) {
    if (!e.IsObject()) continue;
    if (shown++ == args.limit) {
      out << "     ...\n";
      break;
    }
    // "RUSGOV -> UKRGOV  112 Accuse [called] (2023-05-03)": the codebook's "not specified
    // below" is left out of the label.
    std::string label = str(e, "label");
    if (const size_t cut = label.find(", not specified below"); cut != std::string::npos)
      label.erase(cut);
    const std::string target = event_party(e, "target");
    out << "     " << event_party(e, "source") << " -> " << (target.empty() ? "-" : target) << "  "
        << str(e, "code") << " " << label;
    if (auto p = e.FindMember("predicate"); p != e.MemberEnd() && p->value.IsObject()) {
      const std::string words = str(p->value, "text");
      if (!words.empty()) out << " [" << words << "]";
    }
    const std::string date = str(e, "date");
    out << " (" << (date.empty() ? "no date" : date) << ")";
    std::string flags;
    if (auto it = e.FindMember("negated"); it != e.MemberEnd() && it->value.IsBool() &&
                                           it->value.GetBool()) {
      flags = "negated";
    }
    const std::string mood = str(e, "mood");
    if (!mood.empty() && mood != "asserted") flags += (flags.empty() ? "" : "/") + mood;
    if (!flags.empty()) out << " [" << flags << "]";
    out << "\n";
  }
}

void show_record(const rapidjson::Value& rec, const ShowArgs& args, std::ostream& out) {
  const std::string text = str(rec, "text");
  out << "== " << str(rec, "id") << "\n";
  const std::string title = str(rec, "title");
  out << "   title:     " << (title.empty() ? "(none)" : title) << "\n";
  std::string date = str(rec, "date");
  out << "   date:      " << (date.empty() ? "(none)" : date) << " (" << str(rec, "date_source")
      << ")\n";
  out << "   authors:   ";
  if (const auto* authors = array(rec, "authors"); authors && !authors->Empty()) {
    bool first = true;
    for (const auto& a : authors->GetArray()) {
      if (!a.IsString()) continue;
      out << (first ? "" : "; ") << a.GetString();
      first = false;
    }
  } else {
    out << "(none)";
  }
  out << "\n";
  const auto* sentences = array(rec, "sentences");
  const size_t n = sentences ? sentences->Size() : 0;
  out << "   sentences: " << n << "\n";
  for (size_t i = 0; i < n && i < args.sentences; ++i) {
    const auto& s = (*sentences)[static_cast<rapidjson::SizeType>(i)];
    if (!s.IsArray() || s.Size() != 2 || !s[0].IsUint64() || !s[1].IsUint64()) continue;
    out << "     [" << i + 1 << "] " << slice_cp(text, s[0].GetUint64(), s[1].GetUint64()) << "\n";
  }
  if (n > args.sentences) out << "     ...\n";
  show_layers(rec, args, out);
  show_places(rec, args, out);
  show_events(rec, args, out);
  if (const auto* errors = array(rec, "errors"); errors && !errors->Empty()) {
    out << "   errors:\n";
    for (const auto& e : errors->GetArray()) {
      if (e.IsObject()) out << "     " << str(e, "stage") << ": " << str(e, "message") << "\n";
    }
  }
  out << "\n";
}

// Whether the first non-empty line of `path` is a casus record (a JSON object with the schema
// version key "casus"); anything else is an article to code first.
bool holds_records(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    rapidjson::Document rec;
    rec.Parse(line.data(), line.size());
    return !rec.HasParseError() && rec.IsObject() && rec.HasMember("casus");
  }
  return false;
}

// Codes the articles of `path` (any format `casus code` reads) with `engine` and returns their
// records as JSON Lines.
std::string code_articles(const std::string& path, const Engine& engine) {
  std::ostringstream records;
  const std::unique_ptr<Sink> sink = make_jsonl_sink(records);
  RunOptions options;
  options.report_errors = true;
  run_pipeline({path}, options, engine, *sink, std::cerr);
  return records.str();
}

int run_show(const ShowArgs& args) {
  int status = 0;
  std::unique_ptr<const Engine> engine;  // built on the first article input
  for (const auto& path : args.inputs) {
    std::ifstream file;
    std::istringstream coded;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        std::cerr << "casus show: cannot open " << path << "\n";
        status = 2;
        continue;
      }
      in = &file;
      if (!holds_records(path)) {
        if (!engine) engine = std::make_unique<const Engine>();
        coded.str(code_articles(path, *engine));
        in = &coded;
      }
    }
    std::string line;
    size_t line_no = 0;
    while (std::getline(*in, line)) {
      ++line_no;
      if (line.empty()) continue;
      rapidjson::Document rec;
      rec.Parse(line.data(), line.size());
      if (rec.HasParseError() || !rec.IsObject()) {
        std::cerr << "casus show: " << path << ":" << line_no << ": not a JSON record\n";
        status = 1;
        continue;
      }
      show_record(rec, args, std::cout);
    }
  }
  return status;
}

}  // namespace

void add_show_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ShowArgs>();
  auto* cmd = app.add_subcommand("show",
                                 "Print a readable summary of records written by `casus code`, or\n"
                                 "code articles first when a file holds articles, not records.\n\n"
                                 "Examples:\n"
                                 "  casus show out/demo.jsonl\n"
                                 "  casus show article.md\n"
                                 "  casus code article.md | casus show -");
  cmd->add_option("inputs", args->inputs,
                  "JSON Lines records of `casus code` ('-' for stdin), or articles in any format "
                  "`casus code` reads")
      ->required();
  cmd->add_option("--sentences", args->sentences, "Sentences to print per record")
      ->capture_default_str();
  cmd->add_option("--limit", args->limit, "Actors, times, quotes, places and events to print per record")
      ->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = run_show(*args); });
}

}  // namespace casus::cli
