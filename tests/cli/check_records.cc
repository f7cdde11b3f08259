// check_records FILE: validates casus JSON Lines output against the schema's invariants and prints
// one line per record: "<id>\t<number of errors>\t<number of sentences>". Exits 1 on the first
// violation, naming it. Used by the command-line tests.
#include <rapidjson/document.h>

#include <fstream>
#include <iostream>
#include <string>

namespace {

int fail(size_t line, const std::string& what) {
  std::cerr << "check_records: record " << line << ": " << what << "\n";
  return 1;
}

size_t code_points(const rapidjson::Value& s) {
  size_t n = 0;
  const char* p = s.GetString();
  for (rapidjson::SizeType i = 0; i < s.GetStringLength(); ++i)
    n += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return n;
}

bool check_spans(const rapidjson::Value& arr, size_t limit, bool ordered, std::string* why) {
  if (!arr.IsArray()) {
    *why = "not an array";
    return false;
  }
  uint64_t last_end = 0;
  for (const auto& s : arr.GetArray()) {
    if (!s.IsArray() || s.Size() != 2 || !s[0].IsUint64() || !s[1].IsUint64()) {
      *why = "span is not [start, end]";
      return false;
    }
    const uint64_t b = s[0].GetUint64(), e = s[1].GetUint64();
    if (b > e || e > limit) {
      *why = "span [" + std::to_string(b) + ", " + std::to_string(e) + ") outside text of " +
             std::to_string(limit) + " code points";
      return false;
    }
    if (ordered && b < last_end) {
      *why = "spans overlap or are out of order";
      return false;
    }
    last_end = e;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: check_records FILE.jsonl\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "check_records: cannot open " << argv[1] << "\n";
    return 2;
  }
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    rapidjson::Document rec;
    rec.Parse(line.data(), line.size());
    if (rec.HasParseError() || !rec.IsObject()) return fail(n, "not a JSON object");
    for (const char* key : {"casus", "id", "text", "date_source"}) {
      if (!rec.HasMember(key) || !rec[key].IsString()) return fail(n, std::string("missing string ") + key);
    }
    for (const char* key : {"url", "title", "date"}) {
      if (!rec.HasMember(key) || !(rec[key].IsString() || rec[key].IsNull()))
        return fail(n, std::string("missing string-or-null ") + key);
    }
    for (const char* key : {"authors", "sentences", "entities", "quotes", "times", "places", "events", "errors"}) {
      if (!rec.HasMember(key) || !rec[key].IsArray()) return fail(n, std::string("missing array ") + key);
    }
    const size_t len = code_points(rec["text"]);
    std::string why;
    if (!check_spans(rec["sentences"], len, true, &why)) return fail(n, "sentences: " + why);
    if (rec.HasMember("paragraphs") && !check_spans(rec["paragraphs"], len, true, &why))
      return fail(n, "paragraphs: " + why);
    for (const auto& e : rec["errors"].GetArray()) {
      if (!e.IsObject() || !e.HasMember("stage") || !e.HasMember("message"))
        return fail(n, "error entry without stage and message");
    }
    std::cout << rec["id"].GetString() << "\t" << rec["errors"].Size() << "\t" << rec["sentences"].Size()
              << "\n";
  }
  return 0;
}
