// Sentence boundary rules for news English. See sentence_splitter.h.
#include "text/sentence_splitter.h"

namespace casus::text {
namespace {

bool attached_closer(const RawToken& t) { return (t.flags & kCloser) && !(t.flags & kSpaceBefore); }

// A line ending at toks[i] that looks like a headline, a dateline or a byline: short, no final
// punctuation, mostly capitalized words.
bool headline_line_end(const RawToken* toks, size_t i) {
  if (!(toks[i].flags & kLineEnd)) return false;
  if (toks[i].flags & (kTerminal | kColon)) return false;
  size_t b = i;
  while (b > 0 && !(toks[b].flags & kNewlineBefore)) --b;
  if (i - b + 1 > 15) return false;
  size_t words = 0, caps = 0;
  for (size_t k = b; k <= i; ++k) {
    if (toks[k].flags & kTerminal) return false;
    if (toks[k].flags & kWord) {
      ++words;
      if (toks[k].flags & kUpper) ++caps;
    }
  }
  return words > 0 && caps * 2 > words;
}

// Words that introduce a date inside a sentence ("on Sunday, October 21, 2007").
bool is_date_preposition(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "after", "and", "before", "by",   "each", "every",   "from", "last", "next", "of",
      "on",    "or",  "since",  "that", "this", "through", "till", "to",   "until"};
  if (w.size() > 7) return false;
  char buf[8];
  for (size_t k = 0; k < w.size(); ++k) buf[k] = (w[k] >= 'A' && w[k] <= 'Z') ? w[k] + 32 : w[k];
  const std::string_view lw(buf, w.size());
  for (std::string_view x : kWords)
    if (x == lw) return true;
  return false;
}

}  // namespace

bool sentence_break_after(std::string_view text, const RawToken* toks, size_t i, size_t n) {
  (void)n;
  const RawToken& next = toks[i + 1];
  if (next.flags & kBulletStart) return true;
  // Closing quotes and brackets glued to the end of a sentence stay with it.
  if (attached_closer(next)) return false;
  size_t k = i;
  while (k > 0 && attached_closer(toks[k]) && !(toks[k].flags & kOpener)) --k;
  const RawToken& end = toks[k];
  const uint32_t nf = next.flags;
  auto word = [&](const RawToken& t) { return text.substr(t.begin, t.end - t.begin); };
  // Rule lines (****, ====, ____) stand alone.
  if ((nf & kSeparator) && !(end.flags & kSeparator)) return true;
  if ((end.flags & kSeparator) && !(nf & (kLower | kSeparator | kContinuation))) return true;
  // Caption labels: "... on the bench Image: Reuters".
  if ((nf & kUpper) && i + 2 < n && (toks[i + 2].flags & kColon) &&
      !(toks[i + 2].flags & kSpaceBefore) && is_caption_label(word(next)) &&
      !(end.flags & (kContinuation | kColon))) {
    return true;
  }
  // A dateline: "Sunday, October 21, 2007" (after a headline, not "on Sunday, October 21").
  if ((nf & kUpper) && i + 6 < n && is_weekday(word(next)) &&
      text.substr(toks[i + 2].begin, 1) == "," && (toks[i + 3].flags & kUpper) &&
      (toks[i + 4].flags & kNumber) && text.substr(toks[i + 5].begin, 1) == "," &&
      (toks[i + 6].flags & kNumber) && !(end.flags & (kContinuation | kColon | kOpener)) &&
      !is_date_preposition(word(end))) {
    return true;
  }
  if ((end.flags & kNumber) && (nf & kUpper) && k >= 5 && end.end - end.begin == 4 &&
      text.substr(toks[k - 1].begin, 1) == ",") {
    // After the year of a dateline.
    size_t d = k;
    while (d > 0 && k - d < 6 && !is_weekday(word(toks[d]))) --d;
    if (is_weekday(word(toks[d])) &&
        (d == 0 || toks[d].flags & kNewlineBefore || sentence_break_after(text, toks, d - 1, n))) {
      return true;
    }
  }
  // Closing salutations and greetings in mail-like text: "Best regards, || Debra", "Thank you,
  // || Lorie Leigh" (EWT train + GUM: 9 of 10 two-word closings before a capitalized word).
  if ((end.flags & kContinuation) && text.substr(end.begin, 1) == "," && k > 0 && (nf & kUpper)) {
    if (is_salutation(word(toks[k - 1]))) return true;
    if (k >= 2 && is_closing_pair(word(toks[k - 2]), word(toks[k - 1]))) return true;
    // "... 01:39:56 PM Dear Mr. Horton, || I have recently ...": an opening greeting of up to
    // four words (not a list: "Dear Judges, Lawyers, Policemen").
    if (!(i + 2 < n && text.substr(toks[i + 2].begin, 1) == ",")) {
      for (size_t d = k; d-- > 0 && k - d <= 4;) {
        const std::string_view w = word(toks[d]);
        if (w == ",") break;
        if (w == "Dear") return true;
      }
    }
    // "Kathleen, || You are correct": a name opening the paragraph.
    if (k <= 2 && (toks[0].flags & kUpper) && (k == 1 || (toks[1].flags & kUpper)) &&
        !is_sentence_starter(word(toks[0])) && word(next) != "I" &&
        is_sentence_starter(word(next))) {
      return true;
    }
  }
  // Emoticons and trailing punctuation runs after the end of a sentence stay with it, and so
  // does an ellipsis ("... strike. ... What is": the ellipsis marks an omission in a quotation).
  if ((nf & kEmoticon) && (end.flags & (kTerminal | kPeriodEnd | kEmoticon))) return false;
  if ((nf & kEllipsis) && k == i && (end.flags & (kTerminal | kPeriodEnd))) return false;
  if (nf & kContinuation) return false;
  // After "great ! :P" a new sentence starts, lowercase or not ("great ! :P || you get ...").
  if (end.flags & kEmoticon) {
    return (nf & (kUpper | kLower | kOpener | kNumber)) != 0 && k > 0 &&
           (toks[k - 1].flags & kTerminal);
  }
  if (end.flags & kTerminal) {
    if (end.flags & kEllipsis) {
      return (nf & (kUpper | kOpener | kNumber | kBulletStart)) != 0;
    }
    if (nf & kLower) {
      // A lowercase word after a closing quote is a speech tag ("...?" he asked).
      if (k < i) return false;
      return true;
    }
    return true;
  }
  if (end.flags & kPeriodEnd) {
    if (end.flags & kTitleAbbrev) return false;
    if (nf & kLower) return false;
    if (end.flags & kOtherAbbrev) {
      const std::string_view w = text.substr(next.begin, next.end - next.begin);
      return (nf & kUpper) && is_sentence_starter(w);
    }
    return false;
  }
  if (headline_line_end(toks, i) && (nf & (kUpper | kNumber | kOpener))) return true;
  return false;
}

}  // namespace casus::text
