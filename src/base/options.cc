#include "casus/options.h"

namespace casus {

bool parse_input_format(const std::string& name, InputFormat* out) {
  struct Entry {
    const char* name;
    InputFormat format;
  };
  static constexpr Entry kEntries[] = {
      {"auto", InputFormat::kAuto},  {"text", InputFormat::kText},  {"txt", InputFormat::kText},
      {"markdown", InputFormat::kMarkdown}, {"md", InputFormat::kMarkdown},
      {"html", InputFormat::kHtml},  {"jsonl", InputFormat::kJsonl}, {"warc", InputFormat::kWarc},
  };
  for (const auto& e : kEntries) {
    if (name == e.name) {
      *out = e.format;
      return true;
    }
  }
  return false;
}

const char* input_format_name(InputFormat format) {
  switch (format) {
    case InputFormat::kText: return "text";
    case InputFormat::kMarkdown: return "markdown";
    case InputFormat::kHtml: return "html";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kWarc: return "warc";
    case InputFormat::kAuto: break;
  }
  return "auto";
}

}  // namespace casus
