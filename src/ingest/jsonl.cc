// JSON Lines reader: one document per non-blank line (RapidJSON).
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <vector>

#include "ingest/html_date.h"
#include "ingest/ingest.h"

namespace casus::ingest {
namespace {

// Values nested deeper than this are not kept in meta (serializing them would recurse deeply).
constexpr size_t kMaxMetaDepth = 256;

using JsonValue = rapidjson::Value;

bool is_blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
  return true;
}

// Nesting depth of `v` (a scalar is 0), computed without recursion.
size_t depth_of(const JsonValue& v) {
  struct Item {
    const JsonValue* value;
    size_t depth;
  };
  std::vector<Item> stack{{&v, 0}};
  size_t max_depth = 0;
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    max_depth = std::max(max_depth, item.depth);
    if (item.depth > kMaxMetaDepth) return item.depth;
    if (item.value->IsArray()) {
      for (const auto& e : item.value->GetArray()) stack.push_back({&e, item.depth + 1});
    } else if (item.value->IsObject()) {
      for (const auto& m : item.value->GetObject()) stack.push_back({&m.value, item.depth + 1});
    }
  }
  return max_depth;
}

std::string serialize(const JsonValue& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string as_string(const JsonValue& v) { return std::string(v.GetString(), v.GetStringLength()); }

// The id as text: strings as they are, numbers as written in JSON.
bool id_of(const JsonValue& v, std::string* out) {
  if (v.IsString()) {
    *out = as_string(v);
    return !out->empty();
  }
  if (v.IsNumber()) {
    *out = serialize(v);
    return true;
  }
  return false;
}

void read_line(std::string_view line, size_t line_no, Document& doc) {
  const std::string where = "line " + std::to_string(line_no);
  rapidjson::Document json;
  json.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
  if (json.HasParseError()) {
    doc.add_error("ingest", where + " is not valid JSON: " +
                                rapidjson::GetParseError_En(json.GetParseError()) + " (byte " +
                                std::to_string(json.GetErrorOffset() + 1) + ")");
    return;
  }
  if (!json.IsObject()) {
    doc.add_error("ingest", where + " is not a JSON object");
    return;
  }
  std::string id;
  const auto id_it = json.FindMember("id");
  const bool has_id = id_it != json.MemberEnd() && id_of(id_it->value, &id);
  const auto text_it = json.FindMember("text");
  const bool has_text = text_it != json.MemberEnd() && text_it->value.IsString();
  if (has_id) doc.id = id;
  if (!has_id || !has_text) {
    std::string missing;
    if (!has_id) missing = "\"id\" (a non-empty string or a number)";
    if (!has_text) missing += std::string(missing.empty() ? "" : " and ") + "\"text\" (a string)";
    doc.add_error("ingest", where + " lacks " + missing);
    return;
  }
  doc.text = as_string(text_it->value);
  bool seen_title = false, seen_date = false, seen_url = false, seen_authors = false;
  for (const auto& m : json.GetObject()) {
    const std::string key = as_string(m.name);
    const JsonValue& v = m.value;
    if (&m.value == &id_it->value || &m.value == &text_it->value) continue;
    if (key == "title" && v.IsString() && !seen_title) {
      doc.title = as_string(v);
      seen_title = true;
      continue;
    }
    if (key == "url" && v.IsString() && !seen_url) {
      doc.url = as_string(v);
      seen_url = true;
      continue;
    }
    if (key == "date" && v.IsString() && !seen_date) {
      seen_date = true;
      const std::string date = normalize_date(as_string(v));
      if (!date.empty()) {
        doc.date = date;
        doc.date_source = DateSource::kInput;
        continue;
      }
      // Not a date we understand: kept as given in meta.
    }
    if (key == "authors" && !seen_authors && (v.IsString() || v.IsArray())) {
      seen_authors = true;
      if (v.IsString()) {
        if (v.GetStringLength() > 0) doc.authors.push_back(as_string(v));
        continue;
      }
      bool all_strings = true;
      for (const auto& a : v.GetArray()) all_strings = all_strings && a.IsString();
      if (all_strings) {
        for (const auto& a : v.GetArray())
          if (a.GetStringLength() > 0) doc.authors.push_back(as_string(a));
        continue;
      }
      // A mixed array is kept in meta as given.
    }
    if (depth_of(v) > kMaxMetaDepth) {
      doc.add_error("ingest", where + ": field \"" + key.substr(0, 64) + "\" is nested deeper than " +
                                  std::to_string(kMaxMetaDepth) + " levels and was dropped");
      continue;
    }
    doc.set_meta_json(key, serialize(v));
  }
}

}  // namespace

void read_jsonl(std::string_view name, std::string_view bytes, const EmitFn& emit) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  size_t pos = 0;
  size_t line_no = 0;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (is_blank(line)) continue;
    Document doc;
    doc.origin = std::string(name) + ":" + std::to_string(line_no);
    doc.format = "jsonl";
    read_line(line, line_no, doc);
    if (doc.id.empty()) doc.id = id_from_name(name) + ":" + std::to_string(line_no);
    emit(std::move(doc));
  }
}

}  // namespace casus::ingest
