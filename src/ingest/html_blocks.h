// The visible text of an HTML body as a list of blocks, and the choice of blocks that make up the
// article text. Split in two steps so that main-content extraction (text and link density,
// semantic tags, schema.org articleBody) can replace `select_blocks` without touching the DOM walk.
#ifndef CASUS_INGEST_HTML_BLOCKS_H_
#define CASUS_INGEST_HTML_BLOCKS_H_

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casus::ingest {

// One run of text between block boundaries (p, div, li, h1-h6, br, tr, ...).
struct HtmlBlock {
  std::string text;         // whitespace collapsed to single spaces, trimmed, never empty
  std::string path;         // the last ancestors, outermost first: "article.story>div#body>p"
  std::string tag;          // the innermost block element ("p", "h2", "li", "body", ...)
  size_t link_chars = 0;    // bytes of `text` inside <a> elements
  bool heading = false;     // innermost block is h1-h6
  bool in_article = false;  // inside <article>, <main> or an itemprop="articleBody" element
  // Inside nav, footer, aside, form, a header outside an article, or an ARIA landmark of the same
  // kinds.
  bool semantic_boilerplate = false;
  // Inside an element whose class or id names a page furniture part (nav, menu, footer, cookie,
  // share, comments, related, advert, subscribe, ...).
  bool class_boilerplate = false;
};

// Walks the visible body of a parsed page (`root` is GumboOutput::root) in document order. Skips
// head, script, style, noscript, template, svg, iframe, form controls, and hidden elements
// (hidden attribute, aria-hidden="true", inline display:none / visibility:hidden). Iterative: any
// nesting depth is safe. Cost: linear in the size of the tree.
std::vector<HtmlBlock> collect_blocks(const GumboNode* root);

// Indices (ascending) of the blocks that form the article text. For now: all blocks minus page
// furniture, falling back to looser rules when the strict ones would keep under a fifth of the
// text (a furniture word in the class of the main container must not empty the page).
std::vector<size_t> select_blocks(const std::vector<HtmlBlock>& blocks);

// True when a class or id attribute value contains a token that names page furniture.
bool is_boilerplate_class(std::string_view class_or_id);

// `s` with whitespace runs (including U+00A0) collapsed to one space and trimmed.
std::string collapse_whitespace(std::string_view s);

// Collapsed, trimmed text of the subtree under `node` (skipping script/style), at most `max_bytes`.
std::string node_text(const GumboNode* node, size_t max_bytes);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_HTML_BLOCKS_H_
