#include "ingest/html_blocks.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "base/hash.h"

namespace casus::ingest {
namespace {

constexpr size_t kMaxPathSegments = 12;

bool is_ascii_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Appends `s` to `out` collapsing whitespace runs (including U+00A0) into one pending space that
// is written only before the next visible character.
void append_collapsed(std::string& out, bool& pending_space, std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (is_ascii_space(c)) {
      pending_space = true;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      pending_space = true;
      ++i;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += static_cast<char>(c);
  }
}

const GumboVector* children_of(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
    return &node->v.element.children;
  return nullptr;
}

std::string_view attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view();
}

bool has_attr(const GumboElement& e, const char* name) {
  return gumbo_get_attribute(&e.attributes, name) != nullptr;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Elements whose content is never visible text.
bool is_skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_DATALIST: case GUMBO_TAG_INPUT:
      return true;
    default:
      return false;
  }
}

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_CAPTION: case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
         tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

bool is_hidden(const GumboElement& e) {
  if (has_attr(e, "hidden")) return true;
  if (lower(attr(e, "aria-hidden")) == "true") return true;
  const std::string_view style = attr(e, "style");
  if (!style.empty()) {
    std::string s;
    for (char c : style)
      if (!is_ascii_space(static_cast<unsigned char>(c)))
        s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s.find("display:none") != std::string::npos ||
        s.find("visibility:hidden") != std::string::npos)
      return true;
  }
  return false;
}

const char* tag_name(const GumboElement& e) {
  if (e.tag == GUMBO_TAG_UNKNOWN) return "unknown";
  const char* n = gumbo_normalized_tagname(e.tag);
  return n && *n ? n : "unknown";
}

// "div#main.story" for a path: tag, id and the first class.
std::string path_segment(const GumboElement& e) {
  std::string s = tag_name(e);
  const std::string_view id = attr(e, "id");
  if (!id.empty()) s.append("#").append(id.substr(0, 32));
  std::string_view cls = attr(e, "class");
  while (!cls.empty() && is_ascii_space(static_cast<unsigned char>(cls.front()))) cls.remove_prefix(1);
  size_t end = 0;
  while (end < cls.size() && !is_ascii_space(static_cast<unsigned char>(cls[end]))) ++end;
  if (end > 0) s.append(".").append(cls.substr(0, std::min<size_t>(end, 32)));
  return s;
}

struct Context {
  bool semantic = false;
  bool by_class = false;
  bool link = false;
  bool article = false;
  GumboTag block_tag = GUMBO_TAG_BODY;
  uint32_t node = 0;        // the innermost element
  uint32_t block_node = 0;  // the innermost block element
  bool self_furniture = false;  // this element itself (not an ancestor) is page furniture
  bool self_semantic = false;   // ... by its tag or ARIA role
};

uint64_t hash_of(std::string_view s) { return fnv1a64(s); }

// The tree node of element `e`; `ctx` is the element's own context (child_context).
HtmlNode make_node(const Context& parent, const Context& ctx, const GumboElement& e) {
  HtmlNode n;
  n.parent = parent.node;
  n.tag = e.tag;
  const std::string_view cls = attr(e, "class");
  const std::string_view id = attr(e, "id");
  if (!cls.empty()) n.class_hash = hash_of(cls);
  n.furniture = ctx.self_furniture;
  n.class_furniture = ctx.self_furniture && !ctx.self_semantic;
  n.comments = n.class_furniture && (is_comment_class(cls) || is_comment_class(id));
  n.positive = is_content_class(cls) || is_content_class(id);
  n.article_body = lower(attr(e, "itemprop")) == "articlebody";
  n.article = ctx.article && !parent.article;
  n.image = e.tag == GUMBO_TAG_IMG;
  n.caption = e.tag == GUMBO_TAG_FIGCAPTION || e.tag == GUMBO_TAG_CAPTION ||
              is_caption_class(cls) || is_caption_class(id);
  return n;
}

Context child_context(const Context& parent, const GumboElement& e) {
  Context ctx = parent;
  ctx.self_furniture = false;
  ctx.self_semantic = false;
  const GumboTag tag = e.tag;
  if (tag == GUMBO_TAG_A) ctx.link = true;
  const std::string role = lower(attr(e, "role"));
  if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE ||
      tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_MENU ||
      (tag == GUMBO_TAG_HEADER && !parent.article) || role == "navigation" ||
      role == "contentinfo" || role == "complementary" || role == "search" ||
      role == "menubar" || role == "menu" || role == "dialog" || role == "alertdialog" ||
      (role == "banner" && !parent.article)) {
    ctx.semantic = true;
    ctx.self_furniture = true;
    ctx.self_semantic = true;
  }
  const bool article_body = lower(attr(e, "itemprop")) == "articlebody";
  if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN || article_body || role == "main")
    ctx.article = true;
  // The class of the page or of the article container often carries state words
  // ("comments-open"): only smaller elements are judged by their class.
  if (tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_ARTICLE &&
      tag != GUMBO_TAG_MAIN && !article_body &&
      (is_boilerplate_class(attr(e, "class")) || is_boilerplate_class(attr(e, "id"))) &&
      !is_embed_class(attr(e, "class"))) {
    ctx.by_class = true;
    ctx.self_furniture = true;
  }
  if (is_block_tag(tag)) ctx.block_tag = tag;
  return ctx;
}

class Collector {
 public:
  HtmlPage run(const GumboNode* root) {
    page_.nodes.push_back(HtmlNode{});
    struct Frame {
      const GumboNode* node;
      unsigned child;
      bool block;
      bool detached;  // an inline element cut out of the block around it
      Context ctx;
      size_t path_size;
    };
    std::vector<Frame> stack;
    stack.push_back(Frame{root, 0, true, false, Context{}, 0});
    while (!stack.empty()) {
      const size_t top = stack.size() - 1;
      const GumboVector* children = children_of(stack[top].node);
      if (!children || stack[top].child >= children->length) {
        if (stack[top].block) flush();
        if (stack[top].detached) {
          // The block around the inline element goes on after it.
          current_ = std::move(saved_.back());
          saved_.pop_back();
          pending_space_ = true;
        }
        page_.nodes[stack[top].ctx.node].end = static_cast<uint32_t>(page_.nodes.size());
        path_.resize(stack[top].path_size);
        stack.pop_back();
        continue;
      }
      const GumboNode* c = static_cast<const GumboNode*>(children->data[stack[top].child++]);
      const Context parent = stack[top].ctx;
      switch (c->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
          add_text(c->v.text.text ? c->v.text.text : "", parent);
          break;
        case GUMBO_NODE_WHITESPACE:
          pending_space_ = true;
          break;
        case GUMBO_NODE_ELEMENT: {
          const GumboElement& e = c->v.element;
          if (is_skipped_tag(e.tag) || is_hidden(e)) break;
          if (e.tag == GUMBO_TAG_BR) {
            flush();
            break;
          }
          if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH || e.tag == GUMBO_TAG_IMG)
            pending_space_ = true;
          const size_t path_size = path_.size();
          path_.push_back(path_segment(e));
          Context ctx = child_context(parent, e);
          ctx.node = static_cast<uint32_t>(page_.nodes.size());
          HtmlNode node = make_node(parent, ctx, e);
          // An inline element that is furniture or a caption (a share span, a caption span
          // inside a paragraph) is cut out as blocks of its own, so that its flags reach them;
          // the paragraph around it stays one block. Links are judged by link density instead.
          const bool block = is_block_tag(e.tag);
          const bool detached =
              !block && (node.furniture || node.caption) && e.tag != GUMBO_TAG_A;
          if (block) flush();
          if (detached) {
            saved_.push_back(std::move(current_));
            current_ = HtmlBlock{};
            pending_space_ = false;
          }
          if (block || detached) ctx.block_node = ctx.node;
          node.block = block || detached;
          page_.nodes.push_back(node);
          stack.push_back(Frame{c, 0, block || detached, detached, ctx, path_size});
          break;
        }
        default:  // comments, templates
          break;
      }
    }
    flush();
    page_.nodes[0].end = static_cast<uint32_t>(page_.nodes.size());
    return std::move(page_);
  }

 private:
  void add_text(std::string_view text, const Context& ctx) {
    if (current_.text.empty()) {
      // A block starts: remember where it is.
      bool any = false;
      for (char ch : text) any = any || !is_ascii_space(static_cast<unsigned char>(ch));
      if (!any) {
        pending_space_ = true;
        return;
      }
      const size_t first = path_.size() > kMaxPathSegments ? path_.size() - kMaxPathSegments : 0;
      current_.path.clear();
      for (size_t i = first; i < path_.size(); ++i) {
        if (i > first) current_.path += '>';
        current_.path += path_[i];
      }
      current_.tag = gumbo_normalized_tagname(ctx.block_tag);
      current_.heading = is_heading(ctx.block_tag);
      current_.in_article = ctx.article;
      current_.semantic_boilerplate = ctx.semantic;
      current_.class_boilerplate = ctx.by_class;
      current_.node = ctx.block_node;
      pending_space_ = false;
    }
    size_t before = current_.text.size();
    const bool had_space = pending_space_;
    append_collapsed(current_.text, pending_space_, text);
    if (ctx.link && current_.text.size() > before) {
      if (had_space && before > 0 && current_.text[before] == ' ') ++before;
      current_.link_chars += current_.text.size() - before;
    }
  }

  void flush() {
    pending_space_ = false;
    if (current_.text.empty()) return;
    page_.blocks.push_back(std::move(current_));
    current_ = HtmlBlock{};
  }

  HtmlPage page_;
  HtmlBlock current_;
  bool pending_space_ = false;
  std::vector<std::string> path_;
  std::vector<HtmlBlock> saved_;  // blocks interrupted by detached inline elements
};

}  // namespace

namespace {

// True when one of the lower-cased alphanumeric tokens of `value` ("Story-Body_2" -> "story",
// "body", "2") equals a word of `exact` or starts with a word of `prefix`.
template <size_t E, size_t P>
bool has_token(std::string_view value, const std::array<std::string_view, E>& exact,
               const std::array<std::string_view, P>& prefix) {
  char token[48];
  size_t n = 0;
  auto judge = [&]() {
    if (n == 0 || n > sizeof(token)) return false;
    const std::string_view t(token, n);
    for (auto w : exact)
      if (t == w) return true;
    for (auto p : prefix)
      if (t.size() >= p.size() && t.substr(0, p.size()) == p) return true;
    return false;
  };
  char prev = ' ';
  for (size_t i = 0; i <= value.size(); ++i) {
    const char c = i < value.size() ? value[i] : ' ';
    // camelCase is split too: "contentFooter" -> "content", "footer".
    const bool camel = std::isupper(static_cast<unsigned char>(c)) &&
                       std::islower(static_cast<unsigned char>(prev));
    prev = c;
    if (camel) {
      if (judge()) return true;
      n = 0;
    }
    if (std::isalnum(static_cast<unsigned char>(c))) {
      if (n < sizeof(token)) token[n] = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      ++n;
      continue;
    }
    if (judge()) return true;
    n = 0;
  }
  return false;
}

}  // namespace

bool is_boilerplate_class(std::string_view value) {
  static constexpr std::array<std::string_view, 55> kExact = {
      "nav",        "navbar",    "navigation",   "menu",       "footer",      "cookie",
      "cookies",    "consent",   "share",        "sharing",    "social",      "comment",
      "comments",   "related",   "advert",       "ad",         "ads",         "advertisement",
      "sponsored",  "subscribe", "subscription", "newsletter", "breadcrumb",  "breadcrumbs",
      "sidebar",    "promo",     "popup",        "modal",      "signup",      "disqus",
      "commentlist", "byline",   "tags",         "tagged",     "tagcloud",    "masthead",
      "toolbar",    "pagination", "pager",       "outbrain",   "taboola",     "recirc",
      "recommended", "trending", "popular",      "paywall",    "widget",      "dateline",
      "skiplink",   "discussion", "replies",    "responses",  "bio",         "authorbio",
      "authorbox"};
  static constexpr std::array<std::string_view, 28> kPrefix = {
      "share", "social", "cookie", "newsletter", "advert", "breadcrumb", "sidebar", "subscri",
      "navbar", "footer", "byline", "recommend", "related", "tooltip", "popover", "hovercard",
      "slider", "slideshow", "carousel", "disqus", "comentario", "commentaire", "kommentar",
      "komentar", "recirc", "commenti", "reactie", "yorum"};
  return has_token(value, kExact, kPrefix);
}

bool is_content_class(std::string_view value) {
  static constexpr std::array<std::string_view, 16> kExact = {
      "article",  "articlebody", "story",   "storybody",  "storytext", "content",
      "entry",    "entrycontent", "text",   "post",       "postbody",  "postcontent",
      "prose",    "richtext",    "body",    "articletext"};
  static constexpr std::array<std::string_view, 2> kPrefix = {"article", "story"};
  return has_token(value, kExact, kPrefix);
}

bool is_embed_class(std::string_view value) {
  static constexpr std::array<std::string_view, 3> kExact = {"embed", "tweet", "embedded"};
  static constexpr std::array<std::string_view, 0> kPrefix = {};
  return has_token(value, kExact, kPrefix);
}

bool is_comment_class(std::string_view value) {
  static constexpr std::array<std::string_view, 7> kExact = {
      "comment", "comments", "commentlist", "discussion", "replies", "responses", "reacties"};
  static constexpr std::array<std::string_view, 8> kPrefix = {
      "disqus", "comentario", "commentaire", "kommentar", "komentar", "commenti", "yorum",
      "reactie"};
  return has_token(value, kExact, kPrefix);
}

bool is_caption_class(std::string_view value) {
  static constexpr std::array<std::string_view, 5> kExact = {"caption", "credit", "credits",
                                                             "figcaption", "imagecaption"};
  static constexpr std::array<std::string_view, 1> kPrefix = {"caption"};
  return has_token(value, kExact, kPrefix);
}

HtmlPage collect_page(const GumboNode* root) {
  if (!root) return {};
  return Collector().run(root);
}

std::vector<HtmlBlock> collect_blocks(const GumboNode* root) { return collect_page(root).blocks; }

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  bool pending = false;
  append_collapsed(out, pending, s);
  return out;
}

std::string node_text(const GumboNode* node, size_t max_bytes) {
  std::string out;
  bool pending = false;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty() && out.size() < max_bytes) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!n) continue;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
      append_collapsed(out, pending, n->v.text.text ? n->v.text.text : "");
      continue;
    }
    if (n->type == GUMBO_NODE_WHITESPACE) {
      pending = true;
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
    if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = n->v.element.tag;
      if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
          tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_SVG)
        continue;
      if (is_block_tag(tag) || tag == GUMBO_TAG_BR) pending = true;
    }
    const GumboVector* children = children_of(n);
    for (unsigned i = children->length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
  }
  if (out.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

}  // namespace casus::ingest
