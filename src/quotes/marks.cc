// Pairing of quote marks into runs (quotes.h). One pass over the tokens with a small stack.
#include <string_view>

#include "quotes/quotes.h"

namespace casus::quotes {
namespace {

enum class Mark { kNone, kOpenD, kCloseD, kAmbD, kOpenS, kCloseS, kAmbS };

Mark mark_of(std::string_view t) {
  if (t == "\"" || t == "''") return Mark::kAmbD;
  if (t == "\u201C" || t == "\u201E" || t == "\u00AB" || t == "``") return Mark::kOpenD;
  if (t == "\u201D" || t == "\u00BB") return Mark::kCloseD;
  if (t == "'") return Mark::kAmbS;
  if (t == "\u2018" || t == "\u2039" || t == "`") return Mark::kOpenS;
  if (t == "\u2019" || t == "\u203A") return Mark::kCloseS;
  return Mark::kNone;
}

struct Open {
  uint32_t run;  // index into runs
  bool is_double;
  bool straight = false;  // opened by a straight " or ''
};

class Pairer {
 public:
  explicit Pairer(const Document& doc) : doc_(doc) {}

  std::vector<MarkRun> run() {
    const auto& toks = doc_.tokens;
    const uint32_t n = static_cast<uint32_t>(toks.size());
    marks_.resize(n);
    for (uint32_t i = 0; i < n; ++i) marks_[i] = mark_of(doc_.slice(toks[i].span));
    for (uint32_t i = 0; i < n; ++i) {
      if (i > 0 && paragraph(i) != paragraph(i - 1)) {
        if (paragraph_break(i)) continue;  // token i consumed as a continuation mark
      } else if (i > 0 && toks[i].sentence != toks[i - 1].sentence) {
        drop_top_level_singles(i - 1);
      }
      switch (marks_[i]) {
        case Mark::kNone:
          break;
        case Mark::kOpenD:
          // A “ after „ closes it; any other opening mark while a quote is open means that
          // quote lost its closing mark: close it before this one.
          if (open_double() >= 0 && left_tight(i)) {
            close_top_double(i, true);
          } else if (open_double() >= 0 &&
                     (stack_[open_double()].straight || two_closings_ahead(i))) {
            // A curly quote inside a straight one is nested ('"PENCE: ... an episode of
            // “Shark Tank.” But ...'), and so is one followed by two closing marks in its
            // paragraph ("“… what he calls “hell” than live in a world …” ― Adriana
            // Rodarte"): the outer quote stays open.
            open(i, true);
          } else {
            if (open_double() >= 0) close_top_double(i - 1, false);
            open(i, true);
          }
          break;
        case Mark::kCloseD:
          // A ” with no quote open, after a space or at a paragraph start and glued to the next
          // word, is a mistyped opening mark ("”Fear. I am truly afraid ...” ― Edwin G. Monroy").
          if (open_double() >= 0) {
            close_top_double(i, true);
          } else if (!left_tight(i) && right_tight_letter(i)) {
            open(i, true);
          }
          break;
        case Mark::kAmbD:
          // " and '' toggle: they close when a quote is open, else open.
          if (open_double() >= 0) {
            close_top_double(i, true);
          } else {
            open(i, true);
            stack_.back().straight = true;
          }
          break;
        case Mark::kOpenS:
          if (right_tight(i)) open(i, false);
          break;
        case Mark::kCloseS:
          if (!stack_.empty() && !stack_.back().is_double && !right_tight_letter(i))
            close_top(i, true);
          break;
        case Mark::kAmbS:
          if (!stack_.empty() && !stack_.back().is_double && left_tight(i)) {
            close_top(i, true);
          } else if (!left_tight(i) && right_tight(i)) {
            open(i, false);
          }
          break;
      }
    }
    while (!stack_.empty()) {
      if (stack_.back().is_double) {
        close_top(n - 1, false);
      } else {
        discard_top();
      }
    }
    std::vector<MarkRun> out;
    out.reserve(runs_.size());
    for (auto& r : runs_)
      if (!r.pieces.empty()) out.push_back(std::move(r));
    return out;
  }

 private:
  uint32_t paragraph(uint32_t t) const { return doc_.sentences[doc_.tokens[t].sentence].paragraph; }
  bool left_tight(uint32_t i) const { return i > 0 && !doc_.tokens[i - 1].space_after; }
  bool right_tight(uint32_t i) const {
    return i + 1 < doc_.tokens.size() && !doc_.tokens[i].space_after;
  }
  bool right_tight_letter(uint32_t i) const {
    if (!right_tight(i)) return false;
    const std::string_view next = doc_.slice(doc_.tokens[i + 1].span);
    const unsigned char c = next.empty() ? 0 : static_cast<unsigned char>(next[0]);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
  }
  // The next two double marks after token i in its paragraph are both closing ones.
  bool two_closings_ahead(uint32_t i) const {
    int closings = 0;
    for (uint32_t j = i + 1; j < marks_.size() && paragraph(j) == paragraph(i); ++j) {
      if (marks_[j] == Mark::kOpenD || marks_[j] == Mark::kAmbD) return false;
      if (marks_[j] == Mark::kCloseD && ++closings == 2) return true;
    }
    return false;
  }
  int open_double() const {
    for (int k = static_cast<int>(stack_.size()) - 1; k >= 0; --k)
      if (stack_[k].is_double) return k;
    return -1;
  }
  void open(uint32_t i, bool is_double) {
    MarkRun r;
    r.is_double = is_double;
    r.depth = stack_.empty() ? 0 : 1;
    r.pieces.push_back({i, i + 1});
    runs_.push_back(std::move(r));
    stack_.push_back(Open{static_cast<uint32_t>(runs_.size() - 1), is_double});
  }
  void close_top(uint32_t last, bool closed) {
    MarkRun& r = runs_[stack_.back().run];
    r.pieces.back().second = last + 1;
    r.closed = closed;
    if (r.pieces.back().second <= r.pieces.back().first) r.pieces.pop_back();
    stack_.pop_back();
  }
  void discard_top() {
    runs_[stack_.back().run].pieces.clear();
    stack_.pop_back();
  }
  // Closes the innermost double run (discarding unclosed single runs above it) at token `last`.
  void close_top_double(uint32_t last, bool closed) {
    while (!stack_.empty() && !stack_.back().is_double) discard_top();
    if (!stack_.empty()) close_top(last, closed);
  }
  // Unclosed single quotes outside any double quote do not survive their sentence (they were
  // apostrophes).
  void drop_top_level_singles(uint32_t) {
    if (open_double() < 0)
      while (!stack_.empty()) discard_top();
  }
  // Token i starts a new paragraph while quotes are open. Returns true when token i was consumed
  // as the opening mark of a continued quote.
  bool paragraph_break(uint32_t i) {
    while (!stack_.empty() && !stack_.back().is_double) discard_top();
    if (stack_.empty()) return false;
    MarkRun& r = runs_[stack_.back().run];
    const Mark m = marks_[i];
    if (m == Mark::kOpenD || (m == Mark::kAmbD && !left_tight(i))) {
      // The news convention: a paragraph that opens a quote without closing it continues in
      // the next one, which opens with a quote mark again.
      r.pieces.back().second = i;
      r.pieces.push_back({i, i + 1});
      return true;
    }
    // A paragraph break inside a quotation (broken source text): continue when the next mark of
    // this paragraph is a closing one.
    const uint32_t p = paragraph(i);
    for (uint32_t j = i; j < doc_.tokens.size() && paragraph(j) == p; ++j) {
      const Mark mj = marks_[j];
      if (mj == Mark::kCloseD || (mj == Mark::kAmbD && left_tight(j) && !right_tight(j))) {
        r.pieces.back().second = i;
        r.pieces.push_back({i, i});
        return false;
      }
      if (mj == Mark::kOpenD || mj == Mark::kAmbD) break;
    }
    close_top(i - 1, false);
    return false;
  }

  const Document& doc_;
  std::vector<Mark> marks_;
  std::vector<MarkRun> runs_;
  std::vector<Open> stack_;
};

}  // namespace

std::vector<MarkRun> pair_quote_marks(const Document& doc) { return Pairer(doc).run(); }

}  // namespace casus::quotes
