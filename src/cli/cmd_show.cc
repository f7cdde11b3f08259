// `casus show`: a readable summary of coded records (JSON Lines written by `casus code`).
#include <rapidjson/document.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <string>

#include "base/codepoints.h"
#include "cli/commands.h"

namespace casus::cli {
namespace {

struct ShowArgs {
  std::vector<std::string> inputs;
  size_t sentences = 3;
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
  if (const auto* errors = array(rec, "errors"); errors && !errors->Empty()) {
    out << "   errors:\n";
    for (const auto& e : errors->GetArray()) {
      if (e.IsObject()) out << "     " << str(e, "stage") << ": " << str(e, "message") << "\n";
    }
  }
  out << "\n";
}

int run_show(const ShowArgs& args) {
  int status = 0;
  for (const auto& path : args.inputs) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        std::cerr << "casus show: cannot open " << path << "\n";
        status = 2;
        continue;
      }
      in = &file;
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
                                 "Print a readable summary of records written by `casus code`.\n\n"
                                 "Examples:\n"
                                 "  casus show out/demo.jsonl\n"
                                 "  casus code article.md | casus show -");
  cmd->add_option("inputs", args->inputs, "JSON Lines files ('-' for stdin)")->required();
  cmd->add_option("--sentences", args->sentences, "Sentences to print per record")
      ->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = run_show(*args); });
}

}  // namespace casus::cli
