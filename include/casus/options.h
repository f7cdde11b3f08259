// Options for reading and coding documents. Plain structs with documented defaults; the same
// names serve CLI flags (--input-format, --threads, ...) and, later, HTTP and Python parameters.
#ifndef CASUS_OPTIONS_H_
#define CASUS_OPTIONS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace casus {

enum class InputFormat { kAuto, kText, kMarkdown, kHtml, kJsonl, kWarc };

// Parses "auto", "text", "markdown"/"md", "html", "jsonl", "warc"; returns false when unknown.
bool parse_input_format(const std::string& name, InputFormat* out);
const char* input_format_name(InputFormat format);

struct ReadOptions {
  // Format of every input; kAuto picks by file extension, then by sniffing the content.
  InputFormat format = InputFormat::kAuto;
  // Inputs larger than this (bytes, after decompression) are refused with an error record.
  size_t max_input_bytes = size_t{1} << 31;
};

struct EngineOptions {
  // Worker threads for `code`; 0 means one per hardware core.
  unsigned threads = 0;
  // Documents handed to the workers at a time; output order is always input order.
  size_t batch_size = 64;
  // "YYYY-MM-DD": the anchor date for relative time expressions, overriding the article's date.
  std::string anchor_date;
  // The syntax model file; empty means the default (models/syntax.bin under the working
  // directory, else ../models/syntax.bin beside the executable's folder).
  std::string syntax_model;
  // Event coding: casus's own lexicon (data/events) and, when given, PETRARCH/TABARI-format
  // dictionaries (docs/events.md): a verbs file, actor files, an agents file, a discards file.
  bool own_event_lexicon = true;
  std::string event_verbs;
  std::vector<std::string> event_actors;
  std::string event_agents;
  std::string event_discards;
};

}  // namespace casus

#endif  // CASUS_OPTIONS_H_
