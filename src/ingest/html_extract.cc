#include "ingest/html_extract.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "base/hash.h"

namespace casus::ingest {
namespace {
// Weight of furniture and link text against paragraph text when containers are compared: a
// container scores its prose minus its other text. On the development pages any weight from 0.8
// to 2 scores the same; with class and id attributes removed (hashed class names, unknown
// words) 0.25 lets menus and comment threads in (96.2 F1) and 1.0 does not (98.2).
constexpr double kJunkWeight = 1.0;
// Shortest block (bytes) that counts as paragraph text when containers are scored.
constexpr size_t kMinParagraph = 30;
// A block whose links cover more than this share of its text is a link list.
constexpr double kMaxLinkDensity = 0.5;
// A sibling container joins the body when it holds at least this share of the best one's text.
constexpr double kSiblingShare = 0.2;
// How many text-less wrappers above the winner are climbed to find the body's other parts.
constexpr int kMaxWrapperClimb = 4;
// An article element below the best container replaces it when it holds this share of its prose.
constexpr double kArticleShare = 0.6;
// Several article elements that each hold this share of the best container's prose, and
// together this share, are stories one after the other.
constexpr double kStoryShare = 0.25;
constexpr double kStoriesShare = 0.8;
// A child of the best container that holds this share of its prose replaces it.
constexpr double kTightShare = 0.8;
// Shortest paragraph (bytes) dropped when it repeats an earlier one.
constexpr size_t kMinRepeated = 60;
// Longest closing block (bytes) tested for a call to action.
constexpr size_t kMaxCallToAction = 400;
// Longest closing block (bytes) tested for an author's note.
constexpr size_t kMaxAuthorNote = 400;
// Longest block (bytes) tested for a newsletter pitch inside the body.
constexpr size_t kMaxNewsletterPitch = 300;
// Factor on a container's score for each furniture element among it and its ancestors (at most
// three): by tag, ARIA role or a comment class, and by another class or id word, a weaker hint.
// On the development pages any class factor from 0.25 to 1 scores the same; with the article
// wrapped in a furniture-named div (a long comment thread keeping the wrapper under half of the
// page's prose) 0.25 loses one page to the footer and 0.5 does not.
constexpr double kFurniturePenalty = 0.25;
constexpr double kClassFurniturePenalty = 0.5;
// A furniture-named wrapper (or a form) is content when it holds this share of the page's prose
// with no more junk than prose, or the second share whatever its junk.
constexpr double kWrapperShare = 0.5;
constexpr double kPageWrapperShare = 0.8;
// A paragraph (`p`) right beside the winner joins it when it has this much prose (bytes) and at
// most this share of junk: a lead paragraph set apart from the body's container.
constexpr double kMinLeadParagraph = 80;
constexpr double kMaxLeadJunk = 0.25;
// A part of the body whose class names furniture is kept when it holds this share of the body's
// prose and more prose than junk (a "paywall" or "widget" wrapper around paragraphs).
constexpr double kInnerPartShare = 0.3;
// A reference text (JSON-LD articleBody) shorter than this (bytes) is not used.
constexpr size_t kMinReference = 250;
// The selection is checked against the reference when it holds less than this share of its word
// pairs, and replaced when the guided one holds this much more.
constexpr double kMinCoverage = 0.5;
constexpr double kMinCoverageGain = 0.2;
// Lines shorter than this (bytes) without a sentence end are not prose.
constexpr size_t kShortLine = 80;
// Longest byline or dateline (bytes) dropped at the article's edges.
constexpr size_t kMaxDateline = 200;
// Longest caption (bytes) recognized by its image alone, and how much other text (a credit line)
// its container may hold.
constexpr size_t kMaxCaption = 250;
constexpr size_t kCaptionSlack = 60;
// A teaser card (a linked headline of at least kMinHeadline bytes and a summary) holds at most
// this much text and prose; a listing's cards hold at least kListingShare of its text.
constexpr size_t kMinHeadline = 15;
constexpr size_t kMaxTeaserBytes = 500;
constexpr double kMaxTeaserProse = 300;
constexpr double kListingShare = 0.7;

double link_density(const HtmlBlock& b) {
  return b.text.empty() ? 0.0
                        : static_cast<double>(b.link_chars) / static_cast<double>(b.text.size());
}

// Sentence punctuation outside ASCII: CJK 。、，！？, Devanagari । ॥, Arabic ، ؛ ؟ ۔, Armenian ։,
// Ethiopic ።, Myanmar ။, Khmer ។.
constexpr std::string_view kWidePunctuation[] = {
    "\xE3\x80\x82", "\xE3\x80\x81", "\xEF\xBC\x8C", "\xEF\xBC\x81", "\xEF\xBC\x9F",
    "\xE0\xA5\xA4", "\xE0\xA5\xA5", "\xD8\x8C",     "\xD8\x9B",     "\xD8\x9F",
    "\xDB\x94",     "\xD6\x89",     "\xE1\x8D\xA2", "\xE1\x81\x8B", "\xE1\x9F\x94"};

// True when `s` holds sentence punctuation (Latin, or one of kWidePunctuation).
bool has_sentence_punctuation(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':') return true;
    // Only the lead bytes of kWidePunctuation: Cyrillic, Greek or Latin letters skip the list.
    switch (static_cast<unsigned char>(c)) {
      case 0xD6: case 0xD8: case 0xDB: case 0xE0: case 0xE1: case 0xE3: case 0xEF:
        break;
      default:
        continue;
    }
    for (std::string_view m : kWidePunctuation)
      if (s.compare(i, m.size(), m) == 0) return true;
  }
  return false;
}

// How much of a block counts as article prose when containers are scored.
double prose_weight(const HtmlBlock& b) {
  if (b.heading) return 0;
  const size_t len = b.text.size();
  const double ld = link_density(b);
  if (len < kMinParagraph || ld > 0.35) return 0;
  double w = static_cast<double>(len) * (1 - ld);
  if (!has_sentence_punctuation(b.text)) w *= 0.3;
  return w;
}

// True when `text` shows a web address ("https://...", "www..."): a cited source or an embedded
// post's link. Menus and link lists show names, not addresses.
bool shows_address(std::string_view text) {
  return text.find("://") != std::string_view::npos || text.substr(0, 4) == "www.";
}

// A block dense with links that is still article text: a paragraph that carries a sentence of its
// own (inline link cards), or a line that shows a web address (a source cited below the story).
bool linked_prose(const HtmlBlock& b) {
  if (shows_address(b.text)) return true;
  return b.tag == "p" && b.text.size() - b.link_chars >= 100 && has_sentence_punctuation(b.text);
}

// True when `text` ends a sentence: a full stop, question or exclamation mark (Latin, CJK,
// Devanagari, Arabic, Armenian, Ethiopic, Myanmar, Khmer), an ellipsis, or a closing quotation
// mark.
bool ends_sentence(std::string_view text) {
  static constexpr std::string_view kEnds[] = {
      ".",  "!",  "?",  "\"", "\xE2\x80\x9D", "\xC2\xBB", "\xE2\x80\xA6", "\xE3\x80\x82",
      "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xE0\xA5\xA4", "\xE0\xA5\xA5", "\xD8\x9F", "\xDB\x94",
      "\xD6\x89", "\xE1\x8D\xA2", "\xE1\x81\x8B", "\xE1\x9F\x94"};
  for (std::string_view e : kEnds)
    if (text.size() >= e.size() && text.substr(text.size() - e.size()) == e) return true;
  return false;
}

// A line that is not prose (a byline, a date, a prompt): not a heading, under kShortLine bytes
// and without a sentence end.
bool is_short_line(const HtmlBlock& b) {
  if (b.heading || b.text.empty()) return false;
  return b.text.size() < kShortLine && !ends_sentence(b.text);
}

// True when `text` holds a year (a run of four digits from 1900 to 2099) or a clock time ("9:45",
// "10:45").
bool has_date_or_time(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    const std::string_view run = text.substr(i, j - i);
    if (run.size() == 4 && (run.substr(0, 2) == "19" || run.substr(0, 2) == "20")) return true;
    if (run.size() <= 2 && j + 2 < text.size() && text[j] == ':' &&
        std::isdigit(static_cast<unsigned char>(text[j + 1])) &&
        std::isdigit(static_cast<unsigned char>(text[j + 2])))
      return true;
    i = j;
  }
  return false;
}

// A byline or dateline of any length up to kMaxDateline bytes at an edge of the article: no
// sentence end, and either "By " and a capital, or a year or a clock time ("By Jane Doe, staff
// writer | Published 10:45 AM EST Nov 19, 2019").
bool is_dateline(const HtmlBlock& b) {
  if (b.heading || b.text.empty() || b.text.size() > kMaxDateline || ends_sentence(b.text))
    return false;
  const std::string_view t = b.text;
  if (t.size() > 3 && t.substr(0, 3) == "By " && std::isupper(static_cast<unsigned char>(t[3])))
    return true;
  return has_date_or_time(t);
}

// `text` in ASCII lower case (other bytes unchanged).
std::string ascii_lower(std::string_view text) {
  std::string l(text);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l;
}

// True when `haystack` contains one of `needles`.
template <size_t N>
bool contains_any(std::string_view haystack, const std::string_view (&needles)[N]) {
  for (std::string_view k : needles)
    if (haystack.find(k) != std::string_view::npos) return true;
  return false;
}

// Labels that page furniture leaves inside article bodies (ad slots, share prompts).
bool is_label(std::string_view text) {
  static constexpr std::string_view kLabels[] = {"advertisement",
                                                 "advert",
                                                 "ad",
                                                 "sponsored",
                                                 "story continues below advertisement",
                                                 "continue reading below",
                                                 "article continues below",
                                                 "share",
                                                 "share this article",
                                                 "share this",
                                                 "tweet",
                                                 "email",
                                                 "print",
                                                 "comments",
                                                 "related",
                                                 "related articles",
                                                 "related stories",
                                                 "read more",
                                                 "more",
                                                 "don't miss",
                                                 "recommended",
                                                 "continue reading",
                                                 "skip advertisement",
                                                 "advertisement - scroll to continue",
                                                 "scroll to continue with content",
                                                 "sponsored content",
                                                 "paid content",
                                                 "promoted"};
  // The ad label in other languages: Anzeige, Werbung, Publicidad, Publicité, Pubblicità,
  // Advertentie, Reklama, Reklam, Annonse, Annons, Mainos, Реклама (lower and capitalized: ASCII
  // lowering leaves Cyrillic as it is), 광고, 広告, 广告.
  static constexpr std::string_view kOtherAdLabels[] = {
      "anzeige",     "werbung", "publicidad", "publicit\xC3\xA9", "pubblicit\xC3\xA0",
      "advertentie", "reklama", "reklam",     "annonse",          "annons",
      "mainos",
      "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0",
      "\xD0\xA0\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0",
      "\xEA\xB4\x91\xEA\xB3\xA0",
      "\xE5\xBA\x83\xE5\x91\x8A",
      "\xE5\xB9\xBF\xE5\x91\x8A"};
  if (text.size() > 40) return false;
  std::string l = ascii_lower(text);
  while (!l.empty() && (l.back() == ':' || l.back() == ' ')) l.pop_back();
  for (std::string_view k : kLabels)
    if (l == k) return true;
  for (std::string_view k : kOtherAdLabels)
    if (l == k) return true;
  return false;
}

// A closing call to action that sites append to their articles: follow, subscribe, sign up,
// contact the author (English phrases).
bool is_call_to_action(std::string_view text) {
  static constexpr std::string_view kPhrases[] = {
      "follow us",    "follow him",        "follow her",        "follow them",
      "sign up",      "subscribe",         "newsletter",        "click here",
      "tell us what", "may be reached at", "can be reached at", "you may also like",
      "join our",     "download our app"};
  if (text.size() > kMaxCallToAction) return false;
  const std::string l = ascii_lower(text);
  if (contains_any(l, kPhrases)) return true;
  // "Follow X on Facebook, Twitter and Instagram": a social network and an invitation ("follow",
  // not "following"; "like us", "find us", "join us"). A network alone is news ("Facebook and
  // Twitter did not respond").
  static constexpr std::string_view kNetworks[] = {"facebook", "twitter",   "instagram", "linkedin",
                                                   "youtube",  "pinterest", "tiktok"};
  static constexpr std::string_view kInvitations[] = {"follow ", "like us", "find us", "join us",
                                                      "connect with us"};
  return contains_any(l, kNetworks) && contains_any(l, kInvitations);
}

// An opening call to action (a newsletter pitch above the story). Stricter than the closing ones:
// the imperative only ("sign up for", not "subscribers"), since a lead may be about newsletters.
bool is_opening_call_to_action(std::string_view text) {
  static constexpr std::string_view kPhrases[] = {"sign up for", "subscribe to our",
                                                  "subscribe now", "click here",
                                                  "join our",     "download our app",
                                                  "follow us"};
  return text.size() <= kMaxCallToAction && contains_any(ascii_lower(text), kPhrases);
}

// A newsletter pitch set inside the body ("Get the best stories delivered to your inbox. Sign up
// for our daily newsletter."): a short block that names a newsletter or the reader's inbox and
// asks the reader to sign up (English). A story about a newsletter names it without the
// imperative, or at more length.
bool is_newsletter_pitch(std::string_view text) {
  if (text.size() > kMaxNewsletterPitch) return false;
  const std::string l = ascii_lower(text);
  static constexpr std::string_view kObjects[] = {"newsletter", "inbox"};
  static constexpr std::string_view kAsks[] = {"sign up",      "subscribe to", "subscribe now",
                                               "subscribe for", "delivered to your", "get our",
                                               "our free"};
  return contains_any(l, kObjects) && contains_any(l, kAsks);
}

// The opening line of a comment section: "Comments", "12 Comments", "Leave a Reply", "Join the
// discussion", "Top Rated Comments", "Reader comments" (English).
bool is_comments_opener(std::string_view text) {
  if (text.size() > 60) return false;
  std::string l;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isdigit(u) || c == '(' || c == ')' || c == ':') continue;
    l += static_cast<char>(std::tolower(u));
  }
  while (!l.empty() && l.front() == ' ') l.erase(0, 1);
  while (!l.empty() && l.back() == ' ') l.pop_back();
  static constexpr std::string_view kOpeners[] = {"comment",
                                                  "comments",
                                                  "leave a reply",
                                                  "leave a comment",
                                                  "join the discussion",
                                                  "top rated comments",
                                                  "reader comments",
                                                  "post a comment",
                                                  "add a comment",
                                                  "show comments",
                                                  "view comments"};
  for (std::string_view o : kOpeners)
    if (l == o) return true;
  return false;
}

struct NodeScore {
  double prose = 0;     // prose weight of the blocks below
  double junk = 0;      // text of the blocks below that is not prose
  size_t bytes = 0;     // text bytes of the blocks below
  uint32_t images = 0;  // img elements below
  uint32_t paragraphs = 0;  // blocks below with prose weight
  uint32_t blocks = 0;      // blocks below
  uint32_t headlines = 0;   // blocks below that are links (a linked headline)
};

// A short block that is, with an image, all the text of a small container (a figure built of
// divs and spans): a caption or a credit. Looks at most three levels up from the block.
bool is_image_caption(const HtmlPage& page, const std::vector<NodeScore>& score,
                      const HtmlBlock& b) {
  if (b.heading || b.text.size() > kMaxCaption) return false;
  // Paragraphs, quotes and list items with an inline image (an avatar, an icon) are text.
  if (b.tag == "p" || b.tag == "blockquote" || b.tag == "li" || b.tag == "dd") return false;
  uint32_t n = b.node;
  for (int level = 0; level < 3; ++level) {
    const NodeScore& s = score[n];
    if (s.bytes > b.text.size() + kCaptionSlack) return false;
    if (s.images > 0) return true;
    const uint32_t p = page.nodes[n].parent;
    if (p >= n) return false;
    n = p;
  }
  return false;
}

// `furniture_levels`: how many of the node and its ancestors are page furniture;
// `weak_levels`: how many of those are furniture by a class or id word only (not comments).
double container_score(const HtmlNode& n, const NodeScore& s, int furniture_levels,
                       int weak_levels) {
  double score = s.prose - kJunkWeight * s.junk;
  if (score <= 0) return score;
  if (n.article_body) {
    score *= 1.15;
  } else if (n.article) {
    score *= 1.05;
  }
  if (n.positive) score *= 1.05;
  const int strong = furniture_levels - weak_levels;
  for (int i = 0; i < strong && i < 3; ++i) score *= kFurniturePenalty;
  for (int i = 0; i < weak_levels && i < 3; ++i) score *= kClassFurniturePenalty;
  return score;
}

// For pages without a best container (a few short lines): the blocks that are not link lists and
// not furniture; when that leaves nothing, furniture named only by a class counts too (a
// furniture word in the class of the only container must not empty the page).
std::vector<size_t> plain_selection(const HtmlPage& page) {
  std::vector<size_t> kept;
  for (int level = 0; level < 2 && kept.empty(); ++level) {
    for (size_t i = 0; i < page.blocks.size(); ++i) {
      const HtmlBlock& b = page.blocks[i];
      if (b.semantic_boilerplate || (level == 0 && b.class_boilerplate) ||
          link_density(b) > kMaxLinkDensity)
        continue;
      kept.push_back(i);
    }
  }
  return kept;
}

}  // namespace

namespace {

// A teaser card: a small subtree of two to four blocks, one of them a linked headline, with a
// short summary at most.
bool is_teaser_item(const NodeScore& s) {
  return s.headlines >= 1 && s.blocks >= 2 && s.blocks <= 4 && s.bytes <= kMaxTeaserBytes &&
         s.prose <= kMaxTeaserProse;
}

// Marks as furniture each node that is a listing of other stories: two or more children that are
// teaser cards built alike (same tag and class), holding most of its text. Returns true when
// one was marked. Cost: linear in the number of nodes.
bool mark_listings(const HtmlPage& page, const std::vector<NodeScore>& score,
                   std::vector<char>& furniture) {
  const std::vector<HtmlNode>& nodes = page.nodes;
  bool marked = false;
  for (size_t n = 1; n < nodes.size(); ++n) {
    if (furniture[n] || score[n].headlines < 2 || score[n].paragraphs == 0) continue;
    // The teaser children, counted by their shape (tag and class).
    size_t items = 0, item_bytes = 0;
    size_t first = 0;
    for (size_t c = n + 1; c < nodes[n].end && c < nodes.size();
         c = std::max<size_t>(nodes[c].end, c + 1)) {
      if (!is_teaser_item(score[c])) continue;
      if (items == 0) first = c;
      if (nodes[c].tag != nodes[first].tag || nodes[c].class_hash != nodes[first].class_hash)
        continue;
      ++items;
      item_bytes += score[c].bytes;
    }
    if (items >= 2 && static_cast<double>(item_bytes) >= kListingShare * score[n].bytes) {
      furniture[n] = 1;
      marked = true;
    }
  }
  return marked;
}

// The article selection; with `matches`, only blocks marked there count as prose.
std::vector<size_t> select_with(const HtmlPage& page, const std::vector<char>* matches) {
  const std::vector<HtmlNode>& nodes = page.nodes;
  const std::vector<HtmlBlock>& blocks = page.blocks;
  if (nodes.empty() || blocks.empty()) return {};

  // 1. Prose and junk per node, summed bottom-up (children come after their parents).
  std::vector<char> furniture(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) furniture[i] = nodes[i].furniture;
  std::vector<NodeScore> score(nodes.size());
  double total_prose = 0;
  auto sum_up = [&] {
    std::fill(score.begin(), score.end(), NodeScore{});
    total_prose = 0;
    for (size_t bi = 0; bi < blocks.size(); ++bi) {
      const HtmlBlock& b = blocks[bi];
      if (b.node >= nodes.size()) continue;
      const double prose = matches && !(*matches)[bi] ? 0.0 : prose_weight(b);
      NodeScore& s = score[b.node];
      s.prose += prose;
      s.bytes += b.text.size();
      if (prose > 0) ++s.paragraphs;
      ++s.blocks;
      if (b.text.size() >= kMinHeadline && link_density(b) > kMaxLinkDensity) ++s.headlines;
      total_prose += prose;
      if (!b.heading) s.junk += std::max(0.0, static_cast<double>(b.text.size()) - prose);
    }
    for (size_t i = nodes.size(); i-- > 1;) {
      const uint32_t p = nodes[i].parent;
      if (p >= i) continue;
      if (nodes[i].image) ++score[i].images;
      score[p].images += score[i].images;
      score[p].paragraphs += score[i].paragraphs;
      score[p].blocks += score[i].blocks;
      score[p].headlines += score[i].headlines;
      score[p].bytes += score[i].bytes;
      if (furniture[i]) {
        // Furniture counts as junk for every container around it.
        score[p].junk += score[i].prose + score[i].junk;
      } else {
        score[p].prose += score[i].prose;
        score[p].junk += score[i].junk;
      }
    }
  };
  sum_up();
  // Listings of other stories (teaser cards: a linked headline and a summary each) are furniture
  // whatever their markup.
  if (mark_listings(page, score, furniture)) sum_up();
  // A wrapper whose class names furniture ("content-with-sidebar", "page-ad-margins") or a form
  // around the whole page (ASP.NET pages) is not furniture when it holds most of the page's prose
  // with no more junk than prose, or nearly all of it whatever the junk: the article's container
  // with a state word. Comments are the exception: a long thread can outweigh the article.
  bool cleared = false;
  for (size_t i = 1; i < nodes.size(); ++i) {
    if (!furniture[i] || nodes[i].comments ||
        !(nodes[i].class_furniture || nodes[i].tag == GUMBO_TAG_FORM))
      continue;
    if ((score[i].prose >= kWrapperShare * total_prose && score[i].prose >= score[i].junk) ||
        score[i].prose >= kPageWrapperShare * total_prose) {
      furniture[i] = 0;
      cleared = true;
    }
  }
  if (cleared) sum_up();
  if (total_prose <= 0) return plain_selection(page);

  // 2. The best container.
  // A container inside furniture (a comment thread, a sidebar) scores less for each level.
  std::vector<uint8_t> furniture_levels(nodes.size(), 0), weak_levels(nodes.size(), 0);
  size_t best = 0;
  double best_score = -1;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const int above = i > 0 && nodes[i].parent < i ? furniture_levels[nodes[i].parent] : 0;
    furniture_levels[i] = static_cast<uint8_t>(std::min(above + (furniture[i] ? 1 : 0), 8));
    const int weak_above = i > 0 && nodes[i].parent < i ? weak_levels[nodes[i].parent] : 0;
    const bool weak = furniture[i] && nodes[i].class_furniture && !nodes[i].comments;
    weak_levels[i] = static_cast<uint8_t>(std::min(weak_above + (weak ? 1 : 0), 8));
    const double s = container_score(nodes[i], score[i], furniture_levels[i], weak_levels[i]);
    if (s > best_score) {
      best_score = s;
      best = i;
    }
  }
  if (best_score <= 0) return plain_selection(page);
  // Semantic tags: when an article element (or articleBody) below the winner holds most of its
  // prose, or dominates the other article elements (teasers) that hold the rest, the winner is
  // a listing of other stories around the article.
  bool descended = false;
  if (!nodes[best].article) {
    size_t inner = best;
    double in_articles = 0, second = 0;
    for (size_t i = best + 1; i < nodes[best].end && i < nodes.size(); ++i) {
      if (!nodes[i].article || furniture_levels[i] != furniture_levels[best]) continue;
      in_articles += score[i].prose;
      if (inner == best || score[i].prose > score[inner].prose) {
        if (inner != best) second = std::max(second, score[inner].prose);
        inner = i;
      } else {
        second = std::max(second, score[i].prose);
      }
    }
    const double all = score[best].prose;
    if (inner != best && (score[inner].prose >= kArticleShare * all ||
                          (score[inner].prose >= 2 * second && all - in_articles <= 0.2 * all))) {
      best = inner;
      descended = true;
    }
  }

  // Several full stories in a row (a page that appends the next articles as the reader
  // scrolls): the first one is the page's own.
  if (!descended) {
    size_t first_story = 0, stories = 0;
    double in_stories = 0;
    for (size_t i = best + 1; i < nodes[best].end && i < nodes.size(); ++i) {
      if (nodes[i].tag != GUMBO_TAG_ARTICLE || furniture_levels[i] != furniture_levels[best])
        continue;
      if (score[i].prose >= kStoryShare * score[best].prose) {
        if (stories++ == 0) first_story = i;
        in_stories += score[i].prose;
      }
      i = nodes[i].end - 1;  // not the articles inside this one
    }
    if (stories >= 2 && in_stories >= kStoriesShare * score[best].prose) {
      best = first_story;
      descended = true;
    }
  }

  // Tightening: while one child holds nearly all the prose of the winner, the rest is the
  // article's header (headline, standfirst, byline, date) or footer, and the child is the body.
  for (bool moved = true; moved;) {
    moved = false;
    for (size_t i = best + 1; i < nodes[best].end && i < nodes.size();
         i = std::max<size_t>(nodes[i].end, i + 1)) {
      if (furniture[i] || score[i].prose < kTightShare * score[best].prose) continue;
      best = i;
      moved = true;
      break;
    }
  }

  // 3. Siblings that continue it: a large share of prose without much junk, or the same class.
  // Not for an article chosen over the stories listed around it.
  std::vector<char> root(nodes.size(), 0);
  root[best] = 1;
  if (best > 0 && !descended) {
    // The parts of a body cut by ad slots can sit one or more wrappers above the winner: climb
    // while the wrapper holds no other text. Not from an article element: it is the whole story,
    // and what lies beside its wrappers is the page's.
    size_t anchor = best;
    for (int up = 0; up < kMaxWrapperClimb && !nodes[anchor].article; ++up) {
      const uint32_t p = nodes[anchor].parent;
      if (p == 0 || p >= anchor || score[p].bytes != score[anchor].bytes) break;
      anchor = p;
    }
    const uint32_t parent = nodes[anchor].parent;
    // The children of `parent`: each child's subtree ends where the next child starts.
    for (size_t i = parent + 1; i < nodes[parent].end && i < nodes.size();
         i = std::max<size_t>(nodes[i].end, i + 1)) {
      if (i == anchor) continue;
      const NodeScore& s = score[i];
      // A part named as furniture by its class alone ("text-widget", "paywall") can still be a
      // part of the body; comments and forms cannot.
      const bool weak_furniture = furniture[i] && nodes[i].class_furniture &&
                                  !nodes[i].comments && nodes[i].tag != GUMBO_TAG_FORM;
      if ((furniture[i] && !weak_furniture) || s.prose <= 0) continue;
      const bool same_class =
          nodes[i].class_hash != 0 && nodes[i].class_hash == nodes[anchor].class_hash;
      if (same_class) {
        root[i] = 1;
        continue;
      }
      // A sibling is judged by its own body: tightened like the winner, so that the teasers or
      // the header around a part do not hide it.
      size_t part = i;
      for (bool moved = true; moved;) {
        moved = false;
        for (size_t c = part + 1; c < nodes[part].end && c < nodes.size();
             c = std::max<size_t>(nodes[c].end, c + 1)) {
          if (furniture[c] || nodes[c].caption || score[c].prose < kTightShare * score[part].prose)
            continue;
          part = c;
          moved = true;
          break;
        }
      }
      const NodeScore& t = score[part];
      // A furniture-named part needs two paragraphs of prose: a breadcrumb or a byline box
      // repeating the headline has one.
      const bool large = t.prose >= kSiblingShare * score[best].prose && t.junk <= t.prose &&
                         (!weak_furniture || t.paragraphs >= 2);
      if (large) root[part] = 1;
    }
  }
  // Paragraphs right before or after the winner, beside it under the same parent (a lead
  // paragraph set apart from the body's container, a closing line below it), join it.
  if (best > 0) {
    const uint32_t parent = nodes[best].parent;
    std::vector<size_t> children;
    size_t at = 0;
    for (size_t i = parent + 1; i < nodes[parent].end && i < nodes.size();
         i = std::max<size_t>(nodes[i].end, i + 1)) {
      if (i == best) at = children.size();
      children.push_back(i);
    }
    auto paragraph = [&](size_t i) {
      const NodeScore& s = score[i];
      return !furniture[i] && !nodes[i].caption && nodes[i].tag == GUMBO_TAG_P &&
             s.prose >= kMinLeadParagraph && s.junk <= kMaxLeadJunk * static_cast<double>(s.bytes);
    };
    for (int dir = -1; dir <= 1; dir += 2) {
      for (size_t k = at;;) {
        if (dir < 0 ? k == 0 : k + 1 >= children.size()) break;
        k = dir < 0 ? k - 1 : k + 1;
        const size_t i = children[k];
        if (score[i].bytes == 0) continue;
        if (!paragraph(i)) break;
        root[i] = 1;
      }
    }
  }

  // 4. Inside the chosen subtrees: furniture and captions below a root are dropped.
  std::vector<char> inside(nodes.size(), 0), bad(nodes.size(), 0);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (root[i]) {
      inside[i] = 1;
      bad[i] = 0;
      continue;
    }
    if (i == 0) continue;
    const uint32_t p = nodes[i].parent;
    inside[i] = inside[p];
    const bool prose_part = nodes[i].class_furniture && !nodes[i].comments &&
                            score[i].prose >= kInnerPartShare * score[best].prose &&
                            score[i].prose >= score[i].junk;
    bad[i] = inside[p] && (bad[p] || (furniture[i] && !prose_part) || nodes[i].caption);
  }

  std::vector<size_t> kept;
  // Paragraphs seen before, two or more in a row, are a second copy of the body (mobile and
  // desktop versions, a print version): only the first copy is kept. A lone repeat (the same
  // question asked in each part of an interview) stays.
  std::unordered_set<std::string_view> seen;
  std::vector<char> repeat;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const HtmlBlock& b = blocks[i];
    if (b.node >= nodes.size() || !inside[b.node] || bad[b.node]) continue;
    if (link_density(b) > kMaxLinkDensity && !linked_prose(b)) continue;
    if (is_label(b.text) || is_newsletter_pitch(b.text)) continue;
    if (is_image_caption(page, score, b)) continue;
    repeat.push_back(b.text.size() >= kMinRepeated && !seen.insert(b.text).second);
    kept.push_back(i);
  }
  {
    size_t n = 0;
    for (size_t k = 0; k < kept.size(); ++k) {
      const bool run =
          repeat[k] && ((k > 0 && repeat[k - 1]) || (k + 1 < kept.size() && repeat[k + 1]));
      if (!run) kept[n++] = kept[k];
    }
    kept.resize(n);
  }
  // A heading whose parent block element lost all its other text ("Trending News" over a dropped
  // link list) titles nothing that is left.
  {
    std::vector<uint32_t> kept_text(nodes.size(), 0), dropped(nodes.size(), 0);
    std::vector<char> is_kept(blocks.size(), 0);
    for (size_t i : kept) is_kept[i] = 1;
    for (size_t i = 0; i < blocks.size(); ++i) {
      const HtmlBlock& b = blocks[i];
      if (b.node >= nodes.size() || !inside[b.node]) continue;
      if (!is_kept[i]) {
        ++dropped[b.node];
      } else if (!b.heading) {
        ++kept_text[b.node];
      }
    }
    for (size_t i = nodes.size(); i-- > 1;) {
      const uint32_t p = nodes[i].parent;
      if (p >= i) continue;
      kept_text[p] += kept_text[i];
      dropped[p] += dropped[i];
    }
    size_t n = 0;
    for (size_t i : kept) {
      const HtmlBlock& b = blocks[i];
      uint32_t p = nodes[b.node].parent;
      while (p > 0 && !nodes[p].block && nodes[p].parent < p) p = nodes[p].parent;
      if (b.heading && b.node > 0 && dropped[p] > 0 && kept_text[p] == 0) continue;
      kept[n++] = i;
    }
    kept.resize(n);
  }
  // A comment section that no class names ends the article: its opening line ("12 Comments",
  // "Leave a Reply") and all that follows go, once some prose has been kept.
  {
    bool prose_seen = false;
    for (size_t k = 0; k < kept.size(); ++k) {
      const HtmlBlock& b = blocks[kept[k]];
      if (prose_seen && is_comments_opener(b.text)) {
        kept.resize(k);
        break;
      }
      prose_seen = prose_seen || prose_weight(b) > 0;
    }
  }
  // Short lines before the first and after the last paragraph of prose are bylines, dates, share
  // and comment prompts; calls to action open and close the article too.
  // Headings among them (the headline, a section title) stay.
  size_t first = 0, last = kept.size();
  while (first < last &&
         (is_short_line(blocks[kept[first]]) || is_dateline(blocks[kept[first]]) ||
          blocks[kept[first]].heading ||
          is_opening_call_to_action(blocks[kept[first]].text)))
    ++first;
  while (last > first && (is_short_line(blocks[kept[last - 1]]) ||
                          is_dateline(blocks[kept[last - 1]]) || blocks[kept[last - 1]].heading ||
                          is_call_to_action(blocks[kept[last - 1]].text) ||
                          is_author_note(blocks[kept[last - 1]].text, {})))
    --last;
  std::vector<size_t> out;
  out.reserve(last - first + 4);
  for (size_t k = 0; k < kept.size(); ++k) {
    const bool body = k >= first && k < last;
    if (body || blocks[kept[k]].heading) out.push_back(kept[k]);
  }
  return out;
}

uint64_t word_hash(std::string_view w) { return fnv1a64(w); }

// Calls `f(hash)` for each pair of adjacent words of `text` (words: runs of ASCII letters and
// digits, lower-cased, or of non-ASCII bytes).
template <typename F>
void for_each_word_pair(std::string_view text, F&& f) {
  uint64_t prev = 0;
  bool have_prev = false;
  std::string w;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalnum(c) || c >= 0x80) {
      w += static_cast<char>(std::tolower(c));
      continue;
    }
    if (w.empty()) continue;
    const uint64_t h = word_hash(w);
    w.clear();
    if (have_prev) f(prev * 0x9E3779B97F4A7C15ull ^ h);
    prev = h;
    have_prev = true;
  }
}

// Share of the distinct word pairs of `reference` that the blocks `kept` hold.
double coverage_of(const HtmlPage& page, const std::vector<size_t>& kept,
                   const std::unordered_set<uint64_t>& reference) {
  if (reference.empty()) return 0;
  std::unordered_set<uint64_t> found;
  for (size_t i : kept)
    for_each_word_pair(page.blocks[i].text, [&](uint64_t h) {
      if (reference.count(h)) found.insert(h);
    });
  return static_cast<double>(found.size()) / static_cast<double>(reference.size());
}

}  // namespace

bool is_author_note(std::string_view text, const std::vector<std::string>& authors) {
  if (text.size() > kMaxAuthorNote) return false;
  // The full name of one of the page's own authors and a verb that describes that person.
  static constexpr std::string_view kVerbs[] = {" is ", " was ", " has ", " writes ", " covers ",
                                                " reports ", " joined "};
  for (const std::string& a : authors) {
    if (a.find(' ') == std::string::npos || text.substr(0, a.size()) != a) continue;
    const std::string_view rest = text.substr(a.size());
    for (std::string_view v : kVerbs)
      if (rest.substr(0, v.size()) == v) return true;
  }
  // Any capitalized name of two to four words, "is a/an/the" and a writing job.
  size_t at = 0, words = 0;
  while (at < text.size() && words < 5) {
    if (!std::isupper(static_cast<unsigned char>(text[at]))) break;
    const size_t space = text.find(' ', at);
    if (space == std::string_view::npos) return false;
    ++words;
    at = space + 1;
  }
  if (words < 2 || words > 4) return false;
  const std::string l = ascii_lower(text.substr(at));
  if (l.rfind("is a ", 0) != 0 && l.rfind("is an ", 0) != 0 && l.rfind("is the ", 0) != 0)
    return false;
  static constexpr std::string_view kJobs[] = {"reporter",   "writer",        "editor",
                                               "journalist", "correspondent", "contributor",
                                               "columnist",  "freelance",     "blogger"};
  return contains_any(l, kJobs);
}

std::vector<size_t> select_blocks(const HtmlPage& page, std::string_view reference) {
  std::vector<size_t> kept = select_with(page, nullptr);
  if (reference.size() < kMinReference) return kept;
  std::unordered_set<uint64_t> ref;
  for_each_word_pair(reference, [&](uint64_t h) { ref.insert(h); });
  const double before = coverage_of(page, kept, ref);
  if (before >= kMinCoverage) return kept;
  // The page's own description of its article disagrees with the choice: only blocks that the
  // description holds count as prose, and the result replaces the first when it covers more.
  std::vector<char> matches(page.blocks.size(), 0);
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    size_t pairs = 0, in = 0;
    for_each_word_pair(page.blocks[i].text, [&](uint64_t h) {
      ++pairs;
      in += ref.count(h);
    });
    matches[i] = pairs > 0 && 2 * in >= pairs;
  }
  std::vector<size_t> guided = select_with(page, &matches);
  const double after = coverage_of(page, guided, ref);
  return after >= before + kMinCoverageGain ? guided : kept;
}

std::vector<size_t> select_blocks(const HtmlPage& page) { return select_blocks(page, {}); }

}  // namespace casus::ingest
