// The visible text of an HTML body as a list of blocks, and the choice of blocks that make up the
// article text. Split in two steps so that main-content extraction (text and link density,
// semantic tags, schema.org articleBody) can replace `select_blocks` without touching the DOM walk.
#ifndef CASUS_INGEST_HTML_BLOCKS_H_
#define CASUS_INGEST_HTML_BLOCKS_H_

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casus::ingest {

// One element of the visible body, in document order (preorder): the descendants of node i are
// the nodes i+1 .. end-1, and a parent always comes before its children.
struct HtmlNode {
  uint32_t parent = 0;       // index of the parent node; the root points to itself (0)
  uint32_t end = 0;          // one past the last descendant
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  uint64_t class_hash = 0;   // hash of the class attribute (0 when absent): finds sibling parts
  // Page furniture by itself: nav, footer, aside, form, menu, a header outside an article, such an
  // ARIA role, or a furniture word in its class or id (see is_boilerplate_class).
  bool furniture = false;
  bool class_furniture = false;  // furniture by its class or id only (not by tag or role)
  bool comments = false;     // its class or id names comments (is_comment_class)
  bool positive = false;     // class or id names article content ("article-body", "story", ...)
  bool article = false;      // article, main, role=main or itemprop=articleBody
  bool article_body = false; // itemprop=articleBody
  bool caption = false;      // figcaption, caption, or a class/id naming a caption or credit
  bool image = false;        // img (a picture holds one)
  bool block = false;        // cuts the text into blocks (a block element, or a detached inline)
};

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
  uint32_t node = 0;        // the innermost block element (index into HtmlPage::nodes)
};

// The block list together with the element tree it came from.
struct HtmlPage {
  std::vector<HtmlNode> nodes;  // nodes[0] is the document root
  std::vector<HtmlBlock> blocks;
};

// Walks the visible body of a parsed page (`root` is GumboOutput::root) in document order. Skips
// head, script, style, noscript, template, svg, iframe, form controls, and hidden elements
// (hidden attribute, aria-hidden="true", inline display:none / visibility:hidden). Iterative: any
// nesting depth is safe. Cost: linear in the size of the tree.
HtmlPage collect_page(const GumboNode* root);
// The blocks of collect_page alone.
std::vector<HtmlBlock> collect_blocks(const GumboNode* root);

// True when a class or id attribute value contains a token that names page furniture.
bool is_boilerplate_class(std::string_view class_or_id);

// True when a class or id attribute value contains a token that names article content
// ("article", "story", "content", "entry", "post-body", "text", ...).
bool is_content_class(std::string_view class_or_id);

// True when a class attribute value names embedded content (a quoted post, a tweet): such an
// element is content even when its class also names social media.
bool is_embed_class(std::string_view class_value);

// True when a class or id attribute value names reader comments ("comments", "disqus",
// "replies", and the word in a few other languages): the strongest furniture word.
bool is_comment_class(std::string_view class_or_id);

// True when a class or id attribute value names a caption or a credit.
bool is_caption_class(std::string_view class_or_id);

// `s` with whitespace runs (including U+00A0) collapsed to one space and trimmed.
std::string collapse_whitespace(std::string_view s);

// Collapsed, trimmed text of the subtree under `node` (skipping script/style), at most `max_bytes`.
std::string node_text(const GumboNode* node, size_t max_bytes);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_HTML_BLOCKS_H_
