#include "ingest/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>

#include "base/utf8.h"

namespace casus::ingest {
namespace {

constexpr size_t kPrescanBytes = 4096;
constexpr size_t kDetectBytes = 1 << 16;

char lower_ascii(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// A charset label cleaned up and mapped as the WHATWG Encoding standard does for the labels
// whose common meaning differs from the strict ISO one. Empty when the label is unusable.
std::string normalize_label(std::string_view label) {
  std::string s = lower(trim(label));
  if (!s.empty() && (s.front() == '"' || s.front() == '\'')) s.erase(0, 1);
  if (!s.empty() && (s.back() == '"' || s.back() == '\'')) s.pop_back();
  if (s.empty() || s.size() > 40) return {};
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.' &&
        c != ':')
      return "?";  // present but not a plausible name: treated as unknown
  }
  if (s == "iso-8859-1" || s == "iso8859-1" || s == "latin1" || s == "latin-1" || s == "l1" ||
      s == "us-ascii" || s == "ascii" || s == "iso_8859-1" || s == "cp1252" ||
      s == "x-user-defined")
    return "windows-1252";
  if (s == "iso-8859-9" || s == "latin5") return "windows-1254";
  if (s == "tis-620" || s == "iso-8859-11") return "windows-874";
  if (s == "gb2312" || s == "x-gbk") return "gbk";
  if (s == "euc-kr" || s == "ks_c_5601-1987") return "windows-949";
  if (s == "utf8" || s == "unicode-1-1-utf-8") return "utf-8";
  return s;
}

bool is_utf8_label(std::string_view s) { return s == "utf-8"; }

// A declaration in the page itself cannot name an encoding in which the declaration could not
// have been read: such labels mean UTF-8 (WHATWG) or are refused.
bool is_ascii_incompatible_or_unsafe(std::string_view s) {
  return s.rfind("utf-16", 0) == 0 || s.rfind("utf-32", 0) == 0 || s.rfind("ucs-", 0) == 0 ||
         s == "utf-7" || s == "unicode";
}

bool converter_exists(const std::string& name) {
  if (name.empty() || name == "?") return false;
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(name.c_str(), &err);
  if (cnv) ucnv_close(cnv);
  return U_SUCCESS(err) && cnv != nullptr;
}

std::string canonical_name(const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(name.c_str(), &err);
  if (!cnv || U_FAILURE(err)) return name;
  const char* n = ucnv_getName(cnv, &err);
  std::string out = U_SUCCESS(err) && n ? n : name;
  if (U_SUCCESS(err) && n) {
    for (const char* standard : {"IANA", "MIME"}) {
      UErrorCode e2 = U_ZERO_ERROR;
      const char* s = ucnv_getStandardName(n, standard, &e2);
      if (U_SUCCESS(e2) && s) {
        out = s;
        break;
      }
    }
  }
  ucnv_close(cnv);
  return out;
}

struct Utf8Stats {
  size_t multibyte = 0;  // valid sequences of 2-4 bytes
  size_t invalid = 0;    // bytes that start no valid sequence
};

Utf8Stats utf8_stats(std::string_view s) {
  Utf8Stats st;
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t n = utf8::valid_sequence_length(s, i);
    if (n == 0) {
      ++st.invalid;
      ++i;
    } else {
      ++st.multibyte;
      i += n;
    }
  }
  return st;
}

// Mostly UTF-8 with a few damaged bytes: decoding it as UTF-8 loses less than any legacy charset.
bool mostly_utf8(const Utf8Stats& st) { return st.invalid == 0 || st.multibyte >= 4 * st.invalid; }

// ICU's statistical guess, restricted to charsets that make sense for a web page without a BOM.
std::string detect_charset(std::string_view bytes) {
  std::string result = "windows-1252";
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* csd = ucsdet_open(&err);
  if (U_FAILURE(err) || !csd) return result;
  const size_t n = std::min(bytes.size(), kDetectBytes);
  ucsdet_enableInputFilter(csd, true);
  ucsdet_setText(csd, bytes.data(), static_cast<int32_t>(n), &err);
  int32_t count = 0;
  const UCharsetMatch** matches = U_SUCCESS(err) ? ucsdet_detectAll(csd, &count, &err) : nullptr;
  int32_t top = -1;
  for (int32_t i = 0; U_SUCCESS(err) && matches && i < count; ++i) {
    UErrorCode e = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &e);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &e);
    if (U_FAILURE(e) || !name || confidence < 10) continue;
    const std::string label = normalize_label(name);
    if (label.empty() || is_utf8_label(label) || is_ascii_incompatible_or_unsafe(label) ||
        label.rfind("ibm", 0) == 0 || !converter_exists(label))
      continue;
    if (top < 0) {
      top = confidence;
      result = label;
      if (label == "windows-1252") break;
      continue;
    }
    // Short Western European text is often scored as a Central European charset by a hair:
    // prefer the far more common windows-1252 when it is nearly as likely.
    if (label == "windows-1252" && confidence + 15 >= top) {
      result = label;
      break;
    }
  }
  ucsdet_close(csd);
  return result;
}

}  // namespace

bool transcode_to_utf8(std::string_view bytes, std::string_view charset, std::string* out) {
  out->clear();
  const std::string name(charset);
  if (name.empty()) return false;
  UErrorCode err = U_ZERO_ERROR;
  UConverter* src = ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err) || !src) return false;
  UConverter* dst = ucnv_open("UTF-8", &err);
  if (U_FAILURE(err) || !dst) {
    ucnv_close(src);
    if (dst) ucnv_close(dst);
    return false;
  }
  out->reserve(bytes.size() + bytes.size() / 2);
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  char buffer[1 << 14];
  bool reset = true;
  for (;;) {
    char* target = buffer;
    err = U_ZERO_ERROR;
    ucnv_convertEx(dst, src, &target, buffer + sizeof(buffer), &source, source_end, pivot,
                   &pivot_source, &pivot_target, pivot + 4096, reset, true, &err);
    reset = false;
    out->append(buffer, static_cast<size_t>(target - buffer));
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
  }
  ucnv_close(src);
  ucnv_close(dst);
  return true;
}

std::string charset_from_content_type(std::string_view content_type) {
  const std::string ct = lower(content_type);
  size_t pos = 0;
  while ((pos = ct.find("charset", pos)) != std::string::npos) {
    size_t i = pos + 7;
    pos = i;
    while (i < ct.size() && is_space(ct[i])) ++i;
    if (i >= ct.size() || ct[i] != '=') continue;
    ++i;
    while (i < ct.size() && is_space(ct[i])) ++i;
    char quote = 0;
    if (i < ct.size() && (ct[i] == '"' || ct[i] == '\'')) quote = ct[i++];
    size_t end = i;
    while (end < ct.size() && ct[end] != ';' && ct[end] != quote &&
           (quote || !is_space(ct[end])))
      ++end;
    return std::string(trim(std::string_view(ct).substr(i, end - i)));
  }
  return {};
}

std::string prescan_meta_charset(std::string_view bytes) {
  const std::string s = lower(bytes.substr(0, kPrescanBytes));
  size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, 4, "<!--") == 0) {
      const size_t end = s.find("-->", i + 4);
      if (end == std::string::npos) return {};
      i = end + 3;
      continue;
    }
    if (s.compare(i, 5, "<meta") != 0 || i + 5 >= s.size() ||
        !(is_space(s[i + 5]) || s[i + 5] == '/')) {
      ++i;
      continue;
    }
    // Attributes up to '>'.
    i += 5;
    std::string http_equiv, content, charset;
    while (i < s.size() && s[i] != '>') {
      while (i < s.size() && (is_space(s[i]) || s[i] == '/')) ++i;
      if (i >= s.size() || s[i] == '>') break;
      const size_t name_begin = i;
      while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
      const std::string name = s.substr(name_begin, i - name_begin);
      while (i < s.size() && is_space(s[i])) ++i;
      std::string value;
      if (i < s.size() && s[i] == '=') {
        ++i;
        while (i < s.size() && is_space(s[i])) ++i;
        if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
          const char quote = s[i++];
          const size_t end = s.find(quote, i);
          if (end == std::string::npos) return {};
          value = s.substr(i, end - i);
          i = end + 1;
        } else {
          const size_t begin = i;
          while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
          value = s.substr(begin, i - begin);
        }
      }
      if (name.empty()) {
        ++i;
        continue;
      }
      if (name == "charset" && charset.empty()) charset = value;
      if (name == "http-equiv") http_equiv = value;
      if (name == "content") content = value;
    }
    if (!charset.empty()) return std::string(trim(charset));
    if (trim(http_equiv) == "content-type") {
      std::string cs = charset_from_content_type(content);
      if (!cs.empty()) return cs;
    }
  }
  return {};
}

DecodedText decode_html_bytes(std::string_view bytes, std::string_view transport_charset) {
  DecodedText r;
  // 1. Byte order mark.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    r.charset = "UTF-8";
    r.utf8 = std::string(bytes.substr(3));
    return r;
  }
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    r.charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    transcode_to_utf8(bytes.substr(2), r.charset, &r.utf8);
    return r;
  }
  // 2. A declaration: transport layer first, then the page.
  std::string raw_declared(trim(transport_charset));
  bool from_page = false;
  if (raw_declared.empty()) {
    raw_declared = prescan_meta_charset(bytes);
    from_page = true;
  }
  std::string declared = normalize_label(raw_declared);
  if (from_page && is_ascii_incompatible_or_unsafe(declared)) declared = "utf-8";
  const Utf8Stats stats = utf8_stats(bytes);
  const std::string where = from_page ? "in the page" : "by the HTTP header";
  if (!declared.empty()) {
    if (is_utf8_label(declared)) {
      if (mostly_utf8(stats)) {
        r.charset = "UTF-8";
        r.utf8 = std::string(bytes);
        return r;
      }
      r.charset = detect_charset(bytes);
      r.warning = "charset utf-8 declared " + where + " does not match the content";
    } else if (!converter_exists(declared)) {
      r.charset = stats.invalid == 0 ? "utf-8" : detect_charset(bytes);
      r.warning = "unknown charset '" + raw_declared.substr(0, 40) + "' declared " + where;
    } else if (stats.invalid == 0 && stats.multibyte > 0) {
      r.charset = "utf-8";
      r.warning = "charset " + declared + " declared " + where + " but the content is UTF-8";
    } else {
      r.charset = declared;
    }
  } else {
    // 3. No declaration: UTF-8 if the bytes say so, else a statistical guess.
    r.charset = mostly_utf8(stats) ? "utf-8" : detect_charset(bytes);
  }
  r.charset = canonical_name(r.charset);
  if (!r.warning.empty()) r.warning += "; decoded as " + r.charset;
  if (r.charset == "UTF-8") {
    r.utf8 = std::string(bytes);
  } else if (!transcode_to_utf8(bytes, r.charset, &r.utf8)) {
    r.charset = "UTF-8";
    r.utf8 = std::string(bytes);
  }
  return r;
}

}  // namespace casus::ingest
