#include "ingest/html_extract.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

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
// Lines shorter than this (bytes) without a sentence end are not prose.
constexpr size_t kShortLine = 80;

double link_density(const HtmlBlock& b) {
  return b.text.empty() ? 0.0 : static_cast<double>(b.link_chars) / static_cast<double>(b.text.size());
}

// True when `s` holds sentence punctuation (Latin, CJK or Devanagari).
bool has_sentence_punctuation(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':') return true;
    if (static_cast<unsigned char>(c) == 0xE3 && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x82 || static_cast<unsigned char>(s[i + 2]) == 0x81))
      return true;  // 。、
    if (static_cast<unsigned char>(c) == 0xE0 && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xA5 && static_cast<unsigned char>(s[i + 2]) == 0xA4)
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
  static constexpr std::string_view kLabels[] = {
      "advertisement", "advert", "ad", "sponsored", "story continues below advertisement",
      "continue reading below", "article continues below", "share", "share this article",
      "share this", "tweet", "email", "print", "comments", "related", "related articles",
      "related stories", "read more", "don't miss", "recommended"};
  if (text.size() > 40) return false;
  std::string l;
  for (char c : text) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!l.empty() && (l.back() == ':' || l.back() == ' ')) l.pop_back();
  for (std::string_view k : kLabels)
    if (l == k) return true;
  return false;
}

struct NodeScore {
  double prose = 0;  // prose weight of the blocks below
  double junk = 0;   // text of the blocks below that is not prose
};

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
  std::vector<NodeScore> score(nodes.size());
  double total_prose = 0;
  for (const HtmlBlock& b : blocks) {
    if (b.node >= nodes.size()) continue;
    const double prose = prose_weight(b);
    NodeScore& s = score[b.node];
    s.prose += prose;
    total_prose += prose;
    if (!b.heading) s.junk += std::max(0.0, static_cast<double>(b.text.size()) - prose);
  }
  for (size_t i = nodes.size(); i-- > 1;) {
    const uint32_t p = nodes[i].parent;
    if (p >= i) continue;
    if (nodes[i].furniture) {
      // Furniture counts as junk for every container around it.
      score[p].junk += score[i].prose + score[i].junk;
    } else {
      score[p].prose += score[i].prose;
      score[p].junk += score[i].junk;
    }
  }
  if (total_prose <= 0) return plain_selection(page);

  // 2. The best container.
  // A container inside furniture (a comment thread, a sidebar) scores less for each level.
  std::vector<uint8_t> furniture_levels(nodes.size(), 0);
  size_t best = 0;
  double best_score = -1;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const int above = i > 0 && nodes[i].parent < i ? furniture_levels[nodes[i].parent] : 0;
    furniture_levels[i] = static_cast<uint8_t>(std::min(above + (nodes[i].furniture ? 1 : 0), 8));
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
    if (inner != best &&
        (score[inner].prose >= kArticleShare * all ||
         (score[inner].prose >= 2 * second && all - in_articles <= 0.2 * all))) {
      best = inner;
      descended = true;
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
      if (nodes[i].furniture || s.prose <= 0) continue;
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
    bad[i] = inside[p] && (bad[p] || nodes[i].furniture || nodes[i].caption);
  }

  std::vector<size_t> kept;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const HtmlBlock& b = blocks[i];
    if (b.node >= nodes.size() || !inside[b.node] || bad[b.node]) continue;
    if (link_density(b) > kMaxLinkDensity && !linked_prose(b)) continue;
    if (is_label(b.text)) continue;
    kept.push_back(i);
  }
  // Short lines before the first and after the last paragraph of prose are bylines, dates, share
  // and comment prompts.
  size_t first = 0, last = kept.size();
  while (first < last && is_short_line(blocks[kept[first]])) ++first;
  while (last > first && is_short_line(blocks[kept[last - 1]])) --last;
  return std::vector<size_t>(kept.begin() + static_cast<std::ptrdiff_t>(first),
                             kept.begin() + static_cast<std::ptrdiff_t>(last));
}

}  // namespace casus::ingest
