#include "ingest/html_extract.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

namespace casus::ingest {
namespace {

// Weight of furniture and link text against paragraph text when containers are compared.
constexpr double kJunkWeight = 0.25;
// Shortest block (bytes) that counts as paragraph text when containers are scored.
constexpr size_t kMinParagraph = 30;
// A block whose links cover more than this share of its text is a link list.
constexpr double kMaxLinkDensity = 0.5;
// A sibling container joins the body when it holds at least this share of the best one's text.
constexpr double kSiblingShare = 0.2;
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
// A furniture-named wrapper that also names content is content when it holds this share of the
// page's prose.
constexpr double kWrapperShare = 0.5;
// Lines shorter than this (bytes) without a sentence end are not prose.
constexpr size_t kShortLine = 80;
// Longest caption (bytes) recognized by its image alone, and how much other text (a credit line)
// its container may hold.
constexpr size_t kMaxCaption = 250;
constexpr size_t kCaptionSlack = 60;

double link_density(const HtmlBlock& b) {
  return b.text.empty() ? 0.0
                        : static_cast<double>(b.link_chars) / static_cast<double>(b.text.size());
}

// True when `s` holds sentence punctuation (Latin, CJK or Devanagari).
bool has_sentence_punctuation(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':') return true;
    if (static_cast<unsigned char>(c) == 0xE3 && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x82 ||
         static_cast<unsigned char>(s[i + 2]) == 0x81))
      return true;  // 。、
    if (static_cast<unsigned char>(c) == 0xE0 && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xA5 &&
        static_cast<unsigned char>(s[i + 2]) == 0xA4)
      return true;  // ।
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

// A paragraph dense with links that still carries a sentence of its own (inline link cards).
bool linked_prose(const HtmlBlock& b) {
  return b.tag == "p" && b.text.size() - b.link_chars >= 100 && has_sentence_punctuation(b.text);
}

// A line that is not prose (a byline, a date, a prompt): not a heading, under kShortLine bytes
// and without a sentence end.
bool is_short_line(const HtmlBlock& b) {
  if (b.heading || b.text.empty()) return false;
  if (b.text.size() >= kShortLine) return false;
  const char last = b.text.back();
  const bool closing_quote =
      b.text.size() >= 3 && b.text.compare(b.text.size() - 3, 3, "\xE2\x80\x9D") == 0;
  return !(last == '.' || last == '!' || last == '?' || last == '"' || closing_quote);
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
                                                 "don't miss",
                                                 "recommended"};
  if (text.size() > 40) return false;
  std::string l;
  for (char c : text) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!l.empty() && (l.back() == ':' || l.back() == ' ')) l.pop_back();
  for (std::string_view k : kLabels)
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
  std::string l(text);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view k : kPhrases)
    if (l.find(k) != std::string::npos) return true;
  return false;
}

struct NodeScore {
  double prose = 0;     // prose weight of the blocks below
  double junk = 0;      // text of the blocks below that is not prose
  size_t bytes = 0;     // text bytes of the blocks below
  uint32_t images = 0;  // img elements below
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

// `furniture_levels`: how many of the node and its ancestors are page furniture.
double container_score(const HtmlNode& n, const NodeScore& s, int furniture_levels) {
  double score = s.prose - kJunkWeight * s.junk;
  if (score <= 0) return score;
  if (n.article_body) {
    score *= 1.15;
  } else if (n.article) {
    score *= 1.05;
  }
  if (n.positive) score *= 1.05;
  for (int i = 0; i < furniture_levels && i < 3; ++i) score *= 0.25;
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

std::vector<size_t> select_blocks(const HtmlPage& page) {
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
    for (const HtmlBlock& b : blocks) {
      if (b.node >= nodes.size()) continue;
      const double prose = prose_weight(b);
      NodeScore& s = score[b.node];
      s.prose += prose;
      s.bytes += b.text.size();
      total_prose += prose;
      if (!b.heading) s.junk += std::max(0.0, static_cast<double>(b.text.size()) - prose);
    }
    for (size_t i = nodes.size(); i-- > 1;) {
      const uint32_t p = nodes[i].parent;
      if (p >= i) continue;
      if (nodes[i].image) ++score[i].images;
      score[p].images += score[i].images;
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
  // A wrapper whose class names both content and furniture ("content-with-sidebar",
  // "article-comments-open") and that holds most of the page's prose is the article's container
  // with a state word, not furniture.
  bool cleared = false;
  for (size_t i = 1; i < nodes.size(); ++i) {
    if (furniture[i] && nodes[i].class_furniture && nodes[i].positive &&
        score[i].prose >= kWrapperShare * total_prose && score[i].prose >= score[i].junk) {
      furniture[i] = 0;
      cleared = true;
    }
  }
  if (cleared) sum_up();
  if (total_prose <= 0) return plain_selection(page);

  // 2. The best container.
  // A container inside furniture (a comment thread, a sidebar) scores less for each level.
  std::vector<uint8_t> furniture_levels(nodes.size(), 0);
  size_t best = 0;
  double best_score = -1;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const int above = i > 0 && nodes[i].parent < i ? furniture_levels[nodes[i].parent] : 0;
    furniture_levels[i] = static_cast<uint8_t>(std::min(above + (furniture[i] ? 1 : 0), 8));
    const double s = container_score(nodes[i], score[i], furniture_levels[i]);
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
    const uint32_t parent = nodes[best].parent;
    // The children of `parent`: each child's subtree ends where the next child starts.
    for (size_t i = parent + 1; i < nodes[parent].end && i < nodes.size();
         i = std::max<size_t>(nodes[i].end, i + 1)) {
      if (i == best) continue;
      const NodeScore& s = score[i];
      if (furniture[i] || s.prose <= 0) continue;
      const bool same_class =
          nodes[i].class_hash != 0 && nodes[i].class_hash == nodes[best].class_hash;
      const bool large = s.prose >= kSiblingShare * score[best].prose && s.junk <= s.prose;
      if (same_class || large) root[i] = 1;
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
    bad[i] = inside[p] && (bad[p] || furniture[i] || nodes[i].caption);
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
    if (is_label(b.text)) continue;
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
  // Short lines before the first and after the last paragraph of prose are bylines, dates, share
  // and comment prompts.
  // Headings among them (the headline, a section title) stay.
  size_t first = 0, last = kept.size();
  while (first < last && (is_short_line(blocks[kept[first]]) || blocks[kept[first]].heading))
    ++first;
  while (last > first && (is_short_line(blocks[kept[last - 1]]) || blocks[kept[last - 1]].heading ||
                          is_call_to_action(blocks[kept[last - 1]].text)))
    --last;
  std::vector<size_t> out;
  out.reserve(last - first + 4);
  for (size_t k = 0; k < kept.size(); ++k) {
    const bool body = k >= first && k < last;
    if (body || blocks[kept[k]].heading) out.push_back(kept[k]);
  }
  return out;
}

}  // namespace casus::ingest
