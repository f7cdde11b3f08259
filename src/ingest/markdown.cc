// Markdown and plain-text article reader.
//
// Layout of an article: optional YAML front matter, a title (ATX "# Title", setext "Title\n===",
// or a first short line without final punctuation followed by a blank line), a header of byline
// and date lines (at most two paragraphs, ending at the first paragraph that gives a date), the
// body, and possibly trailing boilerplate.
//
// Output text: paragraphs separated by exactly one blank line ("\n\n"). Inside a Markdown
// paragraph, soft line breaks become a space and hard line breaks (two trailing spaces, a
// trailing backslash, <br>) become "\n"; plain-text paragraphs keep their lines, joined by "\n".
// Headings, list items and table rows become paragraphs of their own. Markup is removed from
// Markdown (emphasis, code spans, links, images, HTML tags, entities, escapes, quote and list
// marks, rules); plain text is kept as written apart from surrounding whitespace.
//
// Meta keys written: "byline" (raw header byline lines), "agency", "dateline" (the raw header
// date line, else the body's news dateline), "body_dateline" (the news dateline when a header
// date line exists too), "dateline_place", "updated" (an "Updated ..." date), "boilerplate".
//
// Cost: linear in the input. Only ASCII bytes are ever cut or dropped, so multi-byte sequences
// are never split, and invalid UTF-8 passes through untouched (the text stage repairs it).
#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/utf8.h"
#include "ingest/dates.h"
#include "ingest/ingest.h"
#include "ingest/metadata.h"

namespace casus::ingest {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}
std::string_view trim_left(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}
bool is_blank(std::string_view s) { return trim(s).empty(); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

// Splits into lines on "\n", "\r\n" or "\r" (no terminators kept).
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  if (std::memchr(s.data(), '\r', s.size()) == nullptr) {
    // Fast path: "\n" line ends only, found with memchr.
    while (start < s.size()) {
      const void* nl = std::memchr(s.data() + start, '\n', s.size() - start);
      if (nl == nullptr) break;
      const size_t i = static_cast<size_t>(static_cast<const char*>(nl) - s.data());
      lines.push_back(s.substr(start, i - start));
      start = i + 1;
    }
    if (start < s.size()) lines.push_back(s.substr(start));
    return lines;
  }
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || s[i] == '\r') {
      lines.push_back(s.substr(start, i - start));
      if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < s.size()) lines.push_back(s.substr(start));
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Blocks

enum class BlockKind { kParagraph, kHeading, kListItem, kCode, kTableRow };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;                        // heading level
  std::vector<std::string_view> lines;  // views into the input, block marks removed
};

// Normalized reference-link label: lower case, inner whitespace collapsed.
std::string normalize_label(std::string_view label) {
  std::string out;
  bool space = false;
  for (char c : trim(label)) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += to_lower(c);
  }
  return out;
}

// "[label]: destination ..." at the start of a line.
bool parse_reference_definition(std::string_view t, std::string* label) {
  if (t.empty() || t[0] != '[') return false;
  const size_t close = t.find("]:");
  if (close == std::string_view::npos || close < 2 || close > 999) return false;
  const std::string_view inner = t.substr(1, close - 1);
  if (inner.find('[') != std::string_view::npos || inner.find(']') != std::string_view::npos ||
      inner[0] == '^')
    return false;
  if (trim(t.substr(close + 2)).empty()) return false;
  *label = normalize_label(inner);
  return !label->empty();
}

// "---", "***", "___", "- - -": a thematic break.
bool is_rule(std::string_view t) {
  char mark = 0;
  int count = 0;
  for (char c : t) {
    if (c == ' ' || c == '\t') continue;
    if (c != '-' && c != '*' && c != '_') return false;
    if (mark && c != mark) return false;
    mark = c;
    ++count;
  }
  return count >= 3;
}

// "===" or "---" under a paragraph line.
int setext_level(std::string_view t) {
  t = trim(t);
  if (t.size() < 2) return 0;
  const char c = t[0];
  if (c != '=' && c != '-') return 0;
  for (char x : t) {
    if (x != c) return 0;
  }
  return c == '=' ? 1 : 2;
}

// "## Heading ##" -> level 2 and "Heading".
int atx_heading(std::string_view t, std::string_view* content) {
  int level = 0;
  while (level < static_cast<int>(t.size()) && t[level] == '#') ++level;
  if (level == 0 || level > 6) return 0;
  if (static_cast<size_t>(level) < t.size() && t[level] != ' ' && t[level] != '\t') return 0;
  std::string_view c = trim(t.substr(level));
  // A closing sequence of #'s preceded by a space.
  size_t end = c.size();
  while (end > 0 && c[end - 1] == '#') --end;
  if (end == 0) {
    c = {};
  } else if (end < c.size() && (c[end - 1] == ' ' || c[end - 1] == '\t')) {
    c = trim(c.substr(0, end));
  }
  *content = c;
  return level;
}

// A list item mark: "- ", "* ", "+ ", "1. ", "1) ". Returns the content after the mark.
bool list_item(std::string_view t, bool ordered_allowed, std::string_view* content, bool* ordered) {
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') &&
      (t[1] == ' ' || t[1] == '\t')) {
    *content = trim_left(t.substr(2));
    *ordered = false;
  } else {
    size_t n = 0;
    while (n < t.size() && n < 4 && is_digit(t[n])) ++n;
    if (n == 0 || n > 3 || n + 1 >= t.size() || (t[n] != '.' && t[n] != ')') ||
        (t[n + 1] != ' ' && t[n + 1] != '\t') || !ordered_allowed)
      return false;
    *content = trim_left(t.substr(n + 2));
    *ordered = true;
  }
  // Task list boxes.
  if (content->size() >= 4 && (*content)[0] == '[' && (*content)[2] == ']' &&
      ((*content)[1] == ' ' || (*content)[1] == 'x' || (*content)[1] == 'X') &&
      (*content)[3] == ' ')
    *content = trim_left(content->substr(4));
  return true;
}

// A table delimiter row: "|---|:---:|".
bool is_table_delimiter(std::string_view t) {
  bool dash = false;
  for (char c : t) {
    if (c == '-') {
      dash = true;
    } else if (c != '|' && c != ':' && c != ' ' && c != '\t') {
      return false;
    }
  }
  return dash;
}

struct BlockParse {
  std::vector<Block> blocks;
  std::unordered_set<std::string> references;
};

BlockParse parse_markdown_blocks(const std::vector<std::string_view>& lines, size_t first) {
  BlockParse out;
  std::vector<Block>& blocks = out.blocks;
  bool open = false;  // the last block accepts more lines
  int open_quote_depth = 0;
  char fence_char = 0;
  size_t fence_len = 0;
  auto close = [&] { open = false; };
  auto start = [&](BlockKind kind, int level = 0) {
    blocks.push_back(Block{kind, level, {}});
    open = true;
  };
  for (size_t li = first; li < lines.size(); ++li) {
    std::string_view line = lines[li];
    // Block quote marks.
    int depth = 0;
    while (true) {
      const std::string_view t = trim_left(line);
      if (t.empty() || t[0] != '>' || line.size() - t.size() > 3) break;
      line = t.substr(1);
      if (!line.empty() && line[0] == ' ') line.remove_prefix(1);
      ++depth;
    }
    if (fence_char) {
      const std::string_view t = trim(line);
      size_t n = 0;
      while (n < t.size() && t[n] == fence_char) ++n;
      if (n >= fence_len && n == t.size()) {
        fence_char = 0;
        close();
      } else {
        blocks.back().lines.push_back(line);
      }
      continue;
    }
    if (is_blank(line)) {
      close();
      continue;
    }
    const std::string_view t = trim_left(line);
    // A deeper quote starts a new paragraph; a shallower one is a lazy continuation.
    if (open && depth > open_quote_depth) close();
    open_quote_depth = depth;
    // Fenced code.
    if (t.size() >= 3 && (t[0] == '`' || t[0] == '~')) {
      size_t n = 0;
      while (n < t.size() && t[n] == t[0]) ++n;
      if (n >= 3 && (t[0] == '~' || t.substr(n).find('`') == std::string_view::npos)) {
        close();
        start(BlockKind::kCode);
        fence_char = t[0];
        fence_len = n;
        continue;
      }
    }
    Block* cur = open ? &blocks.back() : nullptr;
    // Setext heading underline.
    if (cur && cur->kind == BlockKind::kParagraph && !cur->lines.empty()) {
      if (const int level = setext_level(t)) {
        cur->kind = BlockKind::kHeading;
        cur->level = level;
        close();
        continue;
      }
    }
    if (is_rule(t)) {
      close();
      continue;
    }
    std::string_view content;
    if (const int level = atx_heading(t, &content)) {
      close();
      start(BlockKind::kHeading, level);
      if (!content.empty()) blocks.back().lines.push_back(content);
      close();
      continue;
    }
    bool ordered = false;
    const bool ordered_allowed = !cur || cur->kind == BlockKind::kListItem ||
                                 (t.size() > 1 && t[0] == '1' && !is_digit(t[1]));
    if (list_item(t, ordered_allowed, &content, &ordered)) {
      close();
      start(BlockKind::kListItem);
      if (!content.empty()) blocks.back().lines.push_back(content);
      continue;
    }
    if (t[0] == '|') {
      close();
      if (is_table_delimiter(t)) continue;
      start(BlockKind::kTableRow);
      blocks.back().lines.push_back(t);
      close();
      continue;
    }
    std::string label;
    if ((!cur || cur->kind != BlockKind::kParagraph) && parse_reference_definition(t, &label)) {
      out.references.insert(std::move(label));
      close();
      continue;
    }
    if (cur && (cur->kind == BlockKind::kParagraph || cur->kind == BlockKind::kListItem)) {
      cur->lines.push_back(line);
    } else {
      start(BlockKind::kParagraph);
      blocks.back().lines.push_back(line);
    }
  }
  return out;
}

// Plain text: paragraphs separated by blank lines.
std::vector<Block> parse_text_blocks(const std::vector<std::string_view>& lines, size_t first) {
  std::vector<Block> blocks;
  bool open = false;
  for (size_t li = first; li < lines.size(); ++li) {
    if (is_blank(lines[li])) {
      open = false;
      continue;
    }
    if (!open) blocks.push_back(Block{});
    blocks.back().lines.push_back(lines[li]);
    open = true;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Inline markup

// Appends code point `cp`, replacing NUL, surrogates and values beyond U+10FFFF with U+FFFD.
void append_utf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  utf8::append(out, static_cast<char32_t>(cp));
}

// An HTML character reference at s[i] == '&'. Appends its text and returns its length, or 0.
size_t decode_entity(std::string_view s, size_t i, std::string& out) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    uint32_t cp = 0;
    size_t digits = 0;
    while (j < s.size() && digits < 7) {
      const char c = s[j];
      int v = -1;
      if (is_digit(c)) v = c - '0';
      if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
      if (v < 0) break;
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      ++digits;
      ++j;
    }
    if (digits == 0 || j >= s.size() || s[j] != ';') return 0;
    append_utf8(out, cp);
    return j + 1 - i;
  }
  while (j < s.size() && j - i <= 8 && is_alnum(s[j])) ++j;
  if (j >= s.size() || s[j] != ';') return 0;
  const std::string_view name = s.substr(i + 1, j - i - 1);
  static constexpr std::pair<std::string_view, uint32_t> kEntities[] = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},    {"mdash", 0x2014}, {"ndash", 0x2013},
      {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
      {"rdquo", 0x201D},  {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122},
      {"laquo", 0xAB},    {"raquo", 0xBB},   {"euro", 0x20AC},  {"pound", 0xA3},
      {"deg", 0xB0},      {"middot", 0xB7},  {"bull", 0x2022},  {"shy", 0xAD}};
  for (const auto& [n, cp] : kEntities) {
    if (name == n) {
      append_utf8(out, cp);
      return j + 1 - i;
    }
  }
  return 0;
}

// Removes inline Markdown from one block's text. Linear time: bracket pairs are matched in one
// pass, searches for closers are bounded or remembered when they fail.
class InlineRenderer {
 public:
  explicit InlineRenderer(const std::unordered_set<std::string>& references)
      : references_(references) {}

  std::string render(std::string_view s);

 private:
  struct Delimiter {
    size_t pos;  // output position
    char ch;
    int count;
    bool can_open, can_close;
    int prev, next;
    bool removed = false;
  };

  // Parses "(destination "title")" at s[i] == '('; returns the index after ')' or 0.
  static size_t link_tail(std::string_view s, size_t i);
  bool is_reference(std::string_view label) const {
    return !references_.empty() && references_.count(normalize_label(label)) > 0;
  }
  // The index after a link or image that starts with the bracket pair (open, close), or 0.
  size_t link_end(std::string_view s, size_t close, std::string_view anchor) const;
  void process_emphasis();
  std::string assemble() const;

  const std::unordered_set<std::string>& references_;
  std::string out_;
  std::vector<Delimiter> delims_;
};

size_t InlineRenderer::link_tail(std::string_view s, size_t i) {
  constexpr size_t kMax = 4096;
  const size_t limit = std::min(s.size(), i + kMax);
  size_t j = i + 1;
  while (j < limit && (s[j] == ' ' || s[j] == '\n')) ++j;
  if (j < limit && s[j] == '<') {
    while (j < limit && s[j] != '>' && s[j] != '\n') ++j;
    if (j >= limit || s[j] != '>') return 0;
    ++j;
  } else {
    int depth = 0;
    while (j < limit && !is_space(s[j])) {
      if (s[j] == '\\' && j + 1 < limit) {
        j += 2;
        continue;
      }
      if (s[j] == '(') ++depth;
      if (s[j] == ')') {
        if (depth == 0) break;
        --depth;
      }
      ++j;
    }
  }
  while (j < limit && (s[j] == ' ' || s[j] == '\n')) ++j;
  if (j < limit && (s[j] == '"' || s[j] == '\'' || s[j] == '(')) {
    const char close = s[j] == '(' ? ')' : s[j];
    ++j;
    while (j < limit && s[j] != close) j += (s[j] == '\\') ? 2 : 1;
    if (j >= limit) return 0;
    ++j;
    while (j < limit && (s[j] == ' ' || s[j] == '\n')) ++j;
  }
  if (j >= limit || s[j] != ')') return 0;
  return j + 1;
}

size_t InlineRenderer::link_end(std::string_view s, size_t close, std::string_view anchor) const {
  const size_t after = close + 1;
  if (after < s.size() && s[after] == '(') {
    if (const size_t end = link_tail(s, after)) return end;
  }
  if (after < s.size() && s[after] == '[') {
    const size_t label_end = s.find(']', after + 1);
    if (label_end != std::string_view::npos && label_end - after < 1000) {
      const std::string_view label = s.substr(after + 1, label_end - after - 1);
      if (label.find('[') == std::string_view::npos && is_reference(label.empty() ? anchor : label))
        return label_end + 1;
    }
  }
  if (is_reference(anchor)) return after;  // shortcut reference link
  return 0;
}

std::string InlineRenderer::render(std::string_view s) {
  out_.clear();
  delims_.clear();
  out_.reserve(s.size());
  // Matching brackets, in order of the opening bracket.
  std::vector<std::pair<size_t, size_t>> brackets;
  {
    std::vector<size_t> stack;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\') {
        ++i;
      } else if (s[i] == '[') {
        stack.push_back(i);
      } else if (s[i] == ']' && !stack.empty()) {
        brackets.emplace_back(stack.back(), i);
        stack.pop_back();
      }
    }
    std::sort(brackets.begin(), brackets.end());
  }
  size_t next_bracket = 0;
  auto bracket_close = [&](size_t open) -> size_t {
    while (next_bracket < brackets.size() && brackets[next_bracket].first < open) ++next_bracket;
    if (next_bracket < brackets.size() && brackets[next_bracket].first == open)
      return brackets[next_bracket].second;
    return std::string_view::npos;
  };
  // Ends of open links: at `close`, continue at `resume`.
  std::vector<std::pair<size_t, size_t>> link_ends;
  // Code span closers and comment ends known to be absent after some point.
  std::vector<bool> no_code_closer(33, false);
  bool no_comment_end = false;

  size_t i = 0;
  while (i < s.size()) {
    if (!link_ends.empty() && i == link_ends.back().first) {
      i = link_ends.back().second;
      link_ends.pop_back();
      continue;
    }
    const char c = s[i];
    switch (c) {
      case '\\':
        if (i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
          out_ += s[i + 1];
          i += 2;
          continue;
        }
        break;
      case '`': {
        size_t n = 0;
        while (i + n < s.size() && s[i + n] == '`') ++n;
        size_t close = std::string_view::npos;
        // A backtick between two letters stands for an apostrophe ("don`t"): never code.
        auto intraword = [&](size_t at, size_t len) {
          return at > 0 && at + len < s.size() && is_alpha(s[at - 1]) && is_alpha(s[at + len]);
        };
        if (!intraword(i, n) && (n >= no_code_closer.size() || !no_code_closer[n])) {
          for (size_t j = s.find('`', i + n); j != std::string_view::npos; j = s.find('`', j)) {
            size_t m = 0;
            while (j + m < s.size() && s[j + m] == '`') ++m;
            if (m == n && !intraword(j, m)) {
              close = j;
              break;
            }
            j += m;
          }
          if (close == std::string_view::npos && n < no_code_closer.size())
            no_code_closer[n] = true;
        }
        if (close == std::string_view::npos) {
          out_.append(n, '`');
          i += n;
          continue;
        }
        std::string_view code = s.substr(i + n, close - i - n);
        if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' && !is_blank(code))
          code = code.substr(1, code.size() - 2);
        for (char x : code) out_ += (x == '\n' ? ' ' : x);
        i = close + n;
        continue;
      }
      case '*':
      case '_': {
        size_t n = 0;
        while (i + n < s.size() && s[i + n] == c) ++n;
        const char before = i > 0 ? s[i - 1] : ' ';
        const char after = i + n < s.size() ? s[i + n] : ' ';
        const bool ws_before = is_space(before), ws_after = is_space(after);
        const bool p_before = is_ascii_punct(before), p_after = is_ascii_punct(after);
        const bool left = !ws_after && (!p_after || ws_before || p_before);
        const bool right = !ws_before && (!p_before || ws_after || p_after);
        bool can_open, can_close;
        if (c == '*') {
          can_open = left;
          can_close = right;
          if (is_digit(before) && is_digit(after)) can_open = can_close = false;  // 2*3
        } else {
          can_open = left && (!right || p_before);
          can_close = right && (!left || p_after);
        }
        if (n > 3 || (!can_open && !can_close)) {
          out_.append(n, c);
        } else {
          const int idx = static_cast<int>(delims_.size());
          delims_.push_back(Delimiter{out_.size(), c, static_cast<int>(n), can_open, can_close,
                                      idx - 1, idx + 1});
        }
        i += n;
        continue;
      }
      case '!':
        if (i + 1 < s.size() && s[i + 1] == '[') {
          const size_t close = bracket_close(i + 1);
          if (close != std::string_view::npos) {
            if (const size_t end = link_end(s, close, s.substr(i + 2, close - i - 2))) {
              i = end;  // images are dropped with their alt text
              continue;
            }
          }
        }
        break;
      case '[': {
        const size_t close = bracket_close(i);
        if (close != std::string_view::npos) {
          if (const size_t end = link_end(s, close, s.substr(i + 1, close - i - 1))) {
            link_ends.emplace_back(close, end);
            ++i;
            continue;
          }
        }
        break;
      }
      case '<': {
        // Comments.
        if (s.substr(i, 4) == "<!--") {
          if (!no_comment_end) {
            const size_t end = s.find("-->", i + 4);
            if (end != std::string_view::npos) {
              i = end + 3;
              continue;
            }
            no_comment_end = true;
          }
          break;
        }
        constexpr size_t kMaxTag = 1024;
        const size_t limit = std::min(s.size(), i + kMaxTag);
        size_t j = i + 1;
        // Autolinks: <scheme:...> and <user@host>.
        if (j < limit && is_alpha(s[j])) {
          size_t k = j;
          while (k < limit && (is_alnum(s[k]) || s[k] == '+' || s[k] == '.' || s[k] == '-')) ++k;
          if (k < limit && s[k] == ':' && k - j >= 2 && k - j <= 32) {
            size_t e = k + 1;
            while (e < limit && !is_space(s[e]) && s[e] != '<' && s[e] != '>') ++e;
            if (e < limit && s[e] == '>') {
              out_.append(s.substr(j, e - j));
              i = e + 1;
              continue;
            }
          }
          size_t e = j;
          bool at = false;
          while (e < limit && !is_space(s[e]) && s[e] != '<' && s[e] != '>') at |= s[e++] == '@';
          if (at && e < limit && s[e] == '>') {
            out_.append(s.substr(j, e - j));
            i = e + 1;
            continue;
          }
        }
        // HTML tags: <name ...>, </name>, <!DOCTYPE ...>, <?...?>.
        const bool closing = j < limit && s[j] == '/';
        if (closing) ++j;
        if (j < limit && (is_alpha(s[j]) || (!closing && (s[j] == '!' || s[j] == '?')))) {
          const size_t name_begin = j;
          ++j;
          while (j < limit && (is_alnum(s[j]) || s[j] == '-')) ++j;
          const std::string name = lower(s.substr(name_begin, j - name_begin));
          if (j < limit && (is_space(s[j]) || s[j] == '>' || s[j] == '/')) {
            size_t e = j;
            while (e < limit && s[e] != '>' && s[e] != '<') ++e;
            if (e < limit && s[e] == '>') {
              if (name == "br") out_ += '\n';
              i = e + 1;
              continue;
            }
          }
        }
        break;
      }
      case '&':
        if (const size_t len = decode_entity(s, i, out_)) {
          i += len;
          continue;
        }
        break;
      default:
        break;
    }
    out_ += c;
    ++i;
  }
  if (!delims_.empty()) {
    delims_.back().next = -1;
    process_emphasis();
    return assemble();
  }
  return std::move(out_);
}

void InlineRenderer::process_emphasis() {
  int bottom_star = -1, bottom_under = -1;
  auto unlink = [&](int d) {
    Delimiter& x = delims_[d];
    if (x.removed) return;
    x.removed = true;
    if (x.prev >= 0) delims_[x.prev].next = x.next;
    if (x.next >= 0 && x.next < static_cast<int>(delims_.size())) delims_[x.next].prev = x.prev;
  };
  for (int c = 0; c < static_cast<int>(delims_.size()); ++c) {
    while (!delims_[c].removed && delims_[c].can_close && delims_[c].count > 0) {
      Delimiter& closer = delims_[c];
      int& bottom = closer.ch == '*' ? bottom_star : bottom_under;
      int o = closer.prev;
      while (o > bottom && o >= 0) {
        const Delimiter& d = delims_[o];
        if (!d.removed && d.ch == closer.ch && d.can_open && d.count > 0) break;
        o = d.prev;
      }
      if (o <= bottom || o < 0) {
        bottom = closer.prev;
        if (!closer.can_open) unlink(c);
        break;
      }
      Delimiter& opener = delims_[o];
      const int use = (opener.count >= 2 && closer.count >= 2) ? 2 : 1;
      opener.count -= use;
      closer.count -= use;
      // Delimiters between the pair can no longer match.
      for (int k = opener.next; k >= 0 && k != c;) {
        const int next = delims_[k].next;
        unlink(k);
        k = next;
      }
      if (opener.count == 0) unlink(o);
      if (closer.count == 0) unlink(c);
    }
  }
}

std::string InlineRenderer::assemble() const {
  std::string result;
  result.reserve(out_.size());
  size_t at = 0;
  for (const Delimiter& d : delims_) {
    result.append(out_, at, d.pos - at);
    at = d.pos;
    if (d.count > 0) result.append(static_cast<size_t>(d.count), d.ch);
  }
  result.append(out_, at, std::string::npos);
  return result;
}

// The raw text of a block: Markdown lines joined by " " (soft break) or "\n" (hard break); plain
// text lines joined by "\n". Lines are trimmed.
std::string join_block_lines(const Block& b, bool markdown) {
  std::string out;
  if (b.kind == BlockKind::kCode) {
    for (size_t i = 0; i < b.lines.size(); ++i) {
      if (i) out += '\n';
      std::string_view l = b.lines[i];
      while (!l.empty() && is_space(l.back())) l.remove_suffix(1);
      out.append(l);
    }
    return out;
  }
  for (size_t i = 0; i < b.lines.size(); ++i) {
    std::string_view raw = b.lines[i];
    while (!raw.empty() && (raw.back() == '\r' || raw.back() == '\n')) raw.remove_suffix(1);
    std::string_view l = trim(raw);
    bool hard = false;
    if (markdown) {
      hard = raw.size() >= 2 && raw.substr(raw.size() - 2) == "  ";
      size_t slashes = 0;
      while (slashes < l.size() && l[l.size() - 1 - slashes] == '\\') ++slashes;
      if (slashes % 2 == 1) {
        hard = true;
        l.remove_suffix(1);
        l = trim(l);
      }
      if (b.kind == BlockKind::kTableRow) {
        if (!l.empty() && l.front() == '|') l.remove_prefix(1);
        if (!l.empty() && l.back() == '|' && (l.size() < 2 || l[l.size() - 2] != '\\'))
          l.remove_suffix(1);
        l = trim(l);
      }
    }
    out.append(l);
    if (i + 1 < b.lines.size()) out += (!markdown || hard) ? '\n' : ' ';
  }
  return out;
}

// Trims and removes blank lines left inside a rendered paragraph (a lone <br>, an image line).
std::string tidy(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::string_view line : split_lines(s)) {
    const std::string_view t = trim(line);
    if (t.empty()) continue;
    if (!out.empty()) out += '\n';
    out.append(t);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Front matter

struct FrontMatter {
  std::string title, url, date;
  std::vector<std::string> authors;
  size_t end_line = 0;  // first line after the closing "---"
};

std::string_view unquote(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    v = v.substr(1, v.size() - 2);
  return trim(v);
}

void add_author_list(std::string_view v, std::vector<std::string>* authors) {
  v = trim(v);
  if (v.size() >= 2 && v.front() == '[' && v.back() == ']') {
    v = v.substr(1, v.size() - 2);
    size_t start = 0;
    while (start <= v.size()) {
      size_t comma = v.find(',', start);
      if (comma == std::string_view::npos) comma = v.size();
      const std::string_view a = unquote(v.substr(start, comma - start));
      if (!a.empty()) authors->emplace_back(a);
      start = comma + 1;
    }
    return;
  }
  v = unquote(v);
  if (v.empty()) return;
  if (const auto byline = parse_byline(v)) {
    for (const auto& a : byline->authors) authors->push_back(a);
  } else {
    authors->emplace_back(v);
  }
}

std::optional<FrontMatter> parse_front_matter(const std::vector<std::string_view>& lines,
                                              size_t first) {
  if (first >= lines.size() || trim(lines[first]) != "---") return std::nullopt;
  FrontMatter fm;
  bool in_authors = false;
  for (size_t i = first + 1; i < lines.size() && i < first + 200; ++i) {
    const std::string_view l = lines[i];
    const std::string_view t = trim(l);
    if (t == "---" || t == "...") {
      fm.end_line = i + 1;
      return fm;
    }
    if (in_authors && t.size() > 2 && t[0] == '-' && t[1] == ' ') {
      add_author_list(t.substr(2), &fm.authors);
      continue;
    }
    in_authors = false;
    const size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      if (t.empty() || t[0] == '#' || l[0] == ' ') continue;
      return std::nullopt;  // not YAML
    }
    const std::string key = lower(trim(t.substr(0, colon)));
    const std::string_view value = trim(t.substr(colon + 1));
    if (key == "title") {
      fm.title = std::string(unquote(value));
    } else if (key == "author" || key == "authors" || key == "by" || key == "byline") {
      if (value.empty()) {
        in_authors = true;
      } else {
        add_author_list(value, &fm.authors);
      }
    } else if (key == "date" || key == "published" || key == "pubdate" || key == "date_published" ||
               key == "published_at") {
      if (const auto d = parse_date(unquote(value))) fm.date = *d;
    } else if (key == "url" || key == "link" || key == "canonical_url" || key == "source_url") {
      fm.url = std::string(unquote(value));
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// The article

// A year written in the input's name ("kremlin-2023-05-03.md" -> 2023), or 0.
int year_from_name(std::string_view name) {
  for (size_t i = 0; i + 4 <= name.size(); ++i) {
    if ((i == 0 || !is_digit(name[i - 1])) && is_digit(name[i]) && is_digit(name[i + 1]) &&
        is_digit(name[i + 2]) && is_digit(name[i + 3]) &&
        (i + 4 == name.size() || !is_digit(name[i + 4]))) {
      const int y = (name[i] - '0') * 1000 + (name[i + 1] - '0') * 100 + (name[i + 2] - '0') * 10 +
                    (name[i + 3] - '0');
      if (y >= 1900 && y <= 2099) return y;
    }
  }
  return 0;
}

// Splits a header line into parts on " | ", " · ", " • ".
std::vector<std::string_view> header_parts(std::string_view line) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    size_t len = 0;
    if (line.substr(i, 3) == " | ") len = 3;
    if (line.substr(i, 4) == " \xC2\xB7 ") len = 4;
    if (line.substr(i, 5) == " \xE2\x80\xA2 ") len = 5;
    if (len) {
      parts.push_back(trim(line.substr(start, i - start)));
      start = i + len;
      i += len - 1;
    }
  }
  parts.push_back(trim(line.substr(start)));
  return parts;
}

struct Header {
  std::vector<std::string> authors;
  std::string agency;
  std::vector<std::string> byline_lines;
  std::string date, date_line;  // first publication date and its raw line
  std::string updated, updated_line;
};

// Classifies one header line; returns false (and changes nothing) when it is not all metadata.
// Sets *strong when the line is clearly metadata: a date, a "By ..." byline, an agency or
// several authors (a lone name-like line such as "Wikinews" is weak evidence).
bool take_header_line(std::string_view line, Header* h, bool* strong) {
  const auto parts = header_parts(trim(line));
  std::vector<Byline> bylines;
  std::vector<DateLine> dates;
  for (std::string_view p : parts) {
    if (p.empty()) return false;
    if (auto d = parse_date_line(p)) {
      dates.push_back(std::move(*d));
    } else if (auto b = parse_byline(p)) {
      bylines.push_back(std::move(*b));
    } else if (const auto tail =
                   bylines.empty() ? std::nullopt : parse_byline("X, " + std::string(p));
               tail && tail->authors.size() == 1) {
      // "Jane Doe | Reuters": an agency or role after a byline.
      if (!tail->agency.empty() && bylines.back().agency.empty())
        bylines.back().agency = tail->agency;
    } else {
      return false;
    }
  }
  if (!dates.empty()) *strong = true;
  for (std::string_view p : parts) {
    if (p.size() > 3 && (p[0] == 'B' || p[0] == 'b') && (p[1] == 'y' || p[1] == 'Y') &&
        (p[2] == ' ' || p[2] == ':'))
      *strong = true;
  }
  for (auto& b : bylines) {
    if (!b.agency.empty() || b.authors.size() > 1) *strong = true;
    for (auto& a : b.authors) h->authors.push_back(std::move(a));
    if (h->agency.empty()) h->agency = b.agency;
  }
  if (!bylines.empty()) h->byline_lines.emplace_back(trim(line));
  for (auto& d : dates) {
    if (!d.updated && h->date.empty()) {
      h->date = d.date;
      h->date_line = std::string(trim(line));
    } else if (d.updated && h->updated.empty()) {
      h->updated = d.date;
      h->updated_line = std::string(trim(line));
    }
  }
  return true;
}

void read_article(std::string_view name, std::string_view bytes, Document& doc, bool markdown) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const std::vector<std::string_view> lines = split_lines(bytes);
  size_t first = 0;
  while (first < lines.size() && is_blank(lines[first])) ++first;

  std::optional<FrontMatter> fm = parse_front_matter(lines, first);
  if (fm) {
    first = fm->end_line;
    if (!fm->title.empty()) doc.title = fm->title;
    if (!fm->url.empty() && doc.url.empty()) doc.url = fm->url;
    if (!fm->authors.empty()) doc.authors = fm->authors;
    if (!fm->date.empty()) {
      doc.date = fm->date;
      doc.date_source = DateSource::kMetadata;
    }
  }

  BlockParse parsed;
  if (markdown) {
    parsed = parse_markdown_blocks(lines, first);
  } else {
    parsed.blocks = parse_text_blocks(lines, first);
  }
  std::vector<Block>& blocks = parsed.blocks;
  InlineRenderer renderer(parsed.references);
  auto render = [&](const Block& b) {
    std::string joined = join_block_lines(b, markdown);
    if (!markdown || b.kind == BlockKind::kCode) return tidy(std::move(joined));
    return tidy(renderer.render(joined));
  };
  auto render_line = [&](std::string_view line) {
    if (!markdown) return std::string(trim(line));
    return tidy(renderer.render(trim(line)));
  };

  // Title.
  size_t b = 0;
  if (b < blocks.size() && blocks[b].kind == BlockKind::kHeading && blocks[b].level <= 2) {
    const std::string t = render(blocks[b]);
    if (doc.title.empty()) doc.title = t;
    ++b;
  } else if (b + 1 < blocks.size() && blocks[b].kind == BlockKind::kParagraph &&
             blocks[b].lines.size() == 1) {
    const std::string t = render_line(blocks[b].lines[0]);
    const bool is_by = t.size() > 3 &&
                       (t.compare(0, 3, "By ") == 0 || t.compare(0, 3, "by ") == 0) &&
                       parse_byline(t);
    if (looks_like_title_line(t) && !is_by) {
      if (doc.title.empty()) doc.title = t;
      ++b;
    }
  }

  // Header: byline and date lines, in at most two paragraphs, ending with the first date.
  Header header;
  size_t body_first_line = 0;  // lines of blocks[b] before this one are header lines
  for (int paragraphs = 0; paragraphs < 2 && b < blocks.size(); ++paragraphs) {
    Block& blk = blocks[b];
    if (blk.kind != BlockKind::kParagraph) break;
    Header candidate = header;
    bool strong = false;
    size_t j = 0;
    while (j < blk.lines.size() && j < 6 &&
           take_header_line(render_line(blk.lines[j]), &candidate, &strong))
      ++j;
    if (j == 0) break;
    if (!strong) {
      // Lone names ("Wikinews") are a header only as a whole paragraph followed by a date
      // paragraph.
      if (j < blk.lines.size() || b + 1 >= blocks.size() ||
          blocks[b + 1].kind != BlockKind::kParagraph)
        break;
      bool next_is_date = true;
      for (std::string_view l : blocks[b + 1].lines) {
        if (!parse_date_line(render_line(l))) next_is_date = false;
      }
      if (!next_is_date) break;
    }
    header = std::move(candidate);
    if (j < blk.lines.size()) {
      body_first_line = j;
      break;
    }
    ++b;
    if (!header.date.empty() || !header.updated.empty()) break;
  }
  if (body_first_line > 0) {
    blocks[b].lines.erase(blocks[b].lines.begin(),
                          blocks[b].lines.begin() + static_cast<long>(body_first_line));
  }
  if (doc.authors.empty()) doc.authors = header.authors;
  if (!header.byline_lines.empty()) {
    std::string raw;
    for (const auto& l : header.byline_lines) {
      if (!raw.empty()) raw += '\n';
      raw += l;
    }
    doc.set_meta_string("byline", raw);
  }
  if (!header.agency.empty()) doc.set_meta_string("agency", header.agency);
  const std::string& header_date = header.date.empty() ? header.updated : header.date;
  const std::string& header_line = header.date.empty() ? header.updated_line : header.date_line;
  if (!header_date.empty()) {
    if (doc.date.empty()) {
      doc.date = header_date;
      doc.date_source = DateSource::kDateline;
    }
    doc.set_meta_string("dateline", header_line);
  }
  if (!header.updated.empty() && !header.date.empty())
    doc.set_meta_string("updated", header.updated);

  // Body paragraphs.
  std::vector<std::string> paragraphs;
  paragraphs.reserve(blocks.size() - std::min(b, blocks.size()));
  for (size_t i = b; i < blocks.size(); ++i) {
    std::string p = render(blocks[i]);
    if (!p.empty()) paragraphs.push_back(std::move(p));
  }

  // A news dateline opening the body stays in the text.
  // (Wikinews puts a date paragraph before it: "Monday, March 5, 2007\n\nTaipei, Taiwan — ...".)
  size_t dateline_paragraph = 0;
  if (paragraphs.size() > 1 && parse_date_line(paragraphs[0])) dateline_paragraph = 1;
  if (!paragraphs.empty()) {
    if (const auto dl = parse_news_dateline(paragraphs[dateline_paragraph])) {
      doc.set_meta_string(header_date.empty() ? "dateline" : "body_dateline", dl->raw);
      doc.set_meta_string("dateline_place", dl->place);
      if (!dl->agency.empty() && header.agency.empty()) doc.set_meta_string("agency", dl->agency);
      if (doc.date.empty() && dl->date.month != 0) {
        DateParts d = dl->date;
        if (d.year == 0) d.year = year_from_name(name);
        if (d.year != 0 && is_valid_date(d)) {
          doc.date = format_date(d);
          doc.date_source = DateSource::kDateline;
        }
      }
    }
  }

  // Trailing boilerplate.
  std::vector<std::string_view> views(paragraphs.begin(), paragraphs.end());
  const size_t tail = boilerplate_tail_start(views);
  if (tail < paragraphs.size()) {
    std::string boiler;
    for (size_t i = tail; i < paragraphs.size(); ++i) {
      if (!boiler.empty()) boiler += "\n\n";
      boiler += paragraphs[i];
    }
    doc.set_meta_string("boilerplate", boiler);
    paragraphs.resize(tail);
  }

  size_t total = 0;
  for (const auto& p : paragraphs) total += p.size() + 2;
  doc.text.clear();
  doc.text.reserve(total);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i) doc.text += "\n\n";
    doc.text += paragraphs[i];
  }
}

}  // namespace

void read_markdown(std::string_view name, std::string_view bytes, Document& doc) {
  read_article(name, bytes, doc, /*markdown=*/true);
}

void read_text(std::string_view name, std::string_view bytes, Document& doc) {
  read_article(name, bytes, doc, /*markdown=*/false);
}

}  // namespace casus::ingest
