#include "casus/casus.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace casus {

const char* version() { return "0.1.0"; }
const char* schema_version() { return "1.0"; }

const char* date_source_name(DateSource source) {
  switch (source) {
    case DateSource::kInput: return "input";
    case DateSource::kMetadata: return "metadata";
    case DateSource::kDateline: return "dateline";
    case DateSource::kNone: break;
  }
  return "none";
}

const char* timex_type_name(TimexType type) {
  switch (type) {
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
    case TimexType::kDate: break;
  }
  return "DATE";
}

const char* time_anchor_name(TimeAnchor anchor) {
  switch (anchor) {
    case TimeAnchor::kArticle: return "article";
    case TimeAnchor::kAbsolute: return "absolute";
    case TimeAnchor::kPrevious: return "previous";
    case TimeAnchor::kNone: break;
  }
  return "none";
}

void Document::set_meta_json(std::string_view key, std::string json) {
  for (auto& field : meta) {
    if (field.key == key) {
      field.json = std::move(json);
      return;
    }
  }
  meta.push_back(MetaField{std::string(key), std::move(json)});
}

void Document::set_meta_string(std::string_view key, std::string_view value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  set_meta_json(key, std::string(buffer.GetString(), buffer.GetSize()));
}

}  // namespace casus
