#include "time/pieces.h"

#include <string_view>

namespace casus::time {
namespace {

// Length of the UTF-8 sequence starting with lead byte c (1 for invalid bytes).
size_t utf8_length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Non-ASCII punctuation code points the matcher cares about, with their folded form.
const char* fold_punct(std::string_view cp) {
  if (cp == "\xE2\x80\x99" || cp == "\xE2\x80\x98" || cp == "\xCA\xBC") return "'";
  if (cp == "\xE2\x80\x93" || cp == "\xE2\x80\x94" || cp == "\xE2\x80\x90" || cp == "\xE2\x80\x91")
    return "-";
  if (cp == "\xE2\x80\x9C" || cp == "\xE2\x80\x9D") return "\"";
  if (cp == "\xC2\xA0" || cp == "\xE2\x80\xA6") return " ";
  return nullptr;
}

}  // namespace

std::vector<Piece> split_pieces(const Document& doc, uint32_t sentence) {
  std::vector<Piece> out;
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    const Token& tok = doc.tokens[t];
    const std::string_view text = doc.slice(tok.span);
    const bool token_space = t == s.first_token || doc.tokens[t - 1].space_after ||
                             doc.tokens[t - 1].span.end < tok.span.begin;
    size_t i = 0;
    bool first = true;
    while (i < text.size()) {
      Piece p;
      p.token = t;
      p.space_before = first ? token_space : false;
      first = false;
      const size_t start = i;
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (is_digit(text[i])) {
        p.kind = Piece::kNumber;
        long v = 0;
        while (i < text.size() && is_digit(text[i])) {
          if (i - start < 9) v = v * 10 + (text[i] - '0');
          ++i;
        }
        p.digits = static_cast<uint8_t>(std::min<size_t>(i - start, 255));
        p.number = i - start <= 9 ? static_cast<int>(v) : -1;
        p.w = std::string(text.substr(start, i - start));
      } else if (is_ascii_letter(text[i]) ||
                 (c >= 0x80 && !fold_punct(text.substr(i, utf8_length(c))))) {
        p.kind = Piece::kWord;
        p.capitalized = text[i] >= 'A' && text[i] <= 'Z';
        bool caps = true;
        while (i < text.size()) {
          const unsigned char d = static_cast<unsigned char>(text[i]);
          if (is_ascii_letter(text[i])) {
            if (text[i] >= 'a' && text[i] <= 'z') caps = false;
            p.w.push_back(static_cast<char>(text[i] | 0x20));
            ++i;
          } else if (d >= 0x80) {
            const size_t len = std::min(utf8_length(d), text.size() - i);
            if (fold_punct(text.substr(i, len))) break;
            p.w.append(text.substr(i, len));
            i += len;
          } else {
            break;
          }
        }
        p.all_caps = caps;
      } else {
        p.kind = Piece::kPunct;
        const size_t len = std::min(utf8_length(c), text.size() - i);
        const char* folded = c >= 0x80 ? fold_punct(text.substr(i, len)) : nullptr;
        p.w = folded ? std::string(folded) : std::string(text.substr(i, len));
        i += len;
      }
      p.span = Span{static_cast<uint32_t>(tok.span.begin + start),
                    static_cast<uint32_t>(tok.span.begin + i)};
      out.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace casus::time
