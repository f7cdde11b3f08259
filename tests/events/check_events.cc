// check_events FILE.jsonl CHECK...: checks the events layer of the first record of a casus JSON
// Lines file. Each CHECK is "SRC>TGT:CODE" where SRC and TGT are actor-code prefixes ("RUS",
// "UKRGOV", "-" for a null target, "*" for any) and CODE a CAMEO code prefix ("11" = root 11,
// "016"); a CHECK that starts with '!' must NOT hold. Only events that the table formats carry
// (not negated, mood asserted or future) count. "!SRC>TGT:CODE@TEXT" limits a negative check to
// events whose sentence contains TEXT. Prints every event; exits 1 when a check fails.
#include <rapidjson/document.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string str(const rapidjson::Value& v, const char* key) {
  auto it = v.FindMember(key);
  return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

bool prefix(const std::string& pattern, const std::string& value) {
  return pattern == "*" || value.rfind(pattern, 0) == 0;
}

// The code point slice [b, e) of a UTF-8 string.
std::string slice_cp(const std::string& s, uint64_t b, uint64_t e) {
  size_t cp = 0, i = 0, bb = s.size(), ee = s.size();
  for (; i <= s.size(); ++i) {
    if (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cp == b) bb = i;
    if (cp == e) {
      ee = i;
      break;
    }
    ++cp;
  }
  return bb <= ee ? s.substr(bb, ee - bb) : "";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: check_events FILE.jsonl CHECK...\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line)) {
    std::cerr << "check_events: cannot read a record from " << argv[1] << "\n";
    return 2;
  }
  rapidjson::Document rec;
  rec.Parse(line.data(), line.size());
  if (rec.HasParseError() || !rec.IsObject() || !rec.HasMember("events") ||
      !rec["events"].IsArray()) {
    std::cerr << "check_events: record without an events array\n";
    return 2;
  }
  const std::string text = str(rec, "text");
  struct Row {
    std::string source, target, code, sentence;
    bool tabled;
  };
  std::vector<Row> rows;
  for (const auto& e : rec["events"].GetArray()) {
    Row r;
    r.source = e["source"].IsObject() ? str(e["source"], "actor") : "";
    r.target = e["target"].IsObject() ? str(e["target"], "actor") : "-";
    r.code = str(e, "code");
    const std::string mood = str(e, "mood");
    r.tabled = !(e.HasMember("negated") && e["negated"].IsTrue()) &&
               (mood == "asserted" || mood == "future");
    if (e.HasMember("evidence") && e["evidence"].IsArray() && !e["evidence"].Empty()) {
      const auto& span = e["evidence"][0];
      r.sentence = slice_cp(text, span[0].GetUint64(), span[1].GetUint64());
    }
    std::cout << (r.tabled ? "  " : "x ") << r.source << " " << r.code << " " << r.target << "  ["
              << mood << "] " << r.sentence.substr(0, 70) << "\n";
    rows.push_back(std::move(r));
  }
  int failed = 0;
  for (int i = 2; i < argc; ++i) {
    std::string check = argv[i];
    const bool negative = !check.empty() && check[0] == '!';
    if (negative) check.erase(0, 1);
    std::string context;
    if (const size_t at = check.find('@'); at != std::string::npos) {
      context = check.substr(at + 1);
      check.resize(at);
    }
    const size_t gt = check.find('>'), colon = check.find(':');
    if (gt == std::string::npos || colon == std::string::npos || colon < gt) {
      std::cerr << "check_events: bad check '" << argv[i] << "'\n";
      return 2;
    }
    const std::string src = check.substr(0, gt), tgt = check.substr(gt + 1, colon - gt - 1),
                      code = check.substr(colon + 1);
    bool found = false;
    for (const Row& r : rows) {
      if (!r.tabled) continue;
      if (!context.empty() && r.sentence.find(context) == std::string::npos) continue;
      const bool target_ok = tgt == "-" ? r.target == "-" : prefix(tgt, r.target);
      if (prefix(src, r.source) && target_ok && prefix(code, r.code)) found = true;
    }
    if (found == negative) {
      std::cerr << "check_events: FAILED " << argv[i] << "\n";
      ++failed;
    } else {
      std::cout << "check_events: ok " << argv[i] << "\n";
    }
  }
  return failed ? 1 : 0;
}
