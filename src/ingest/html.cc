// HTML reader: charset detection and transcoding (charset.h), gumbo parsing, page metadata from
// meta tags and JSON-LD, and the article text from the visible body blocks (html_blocks.h).
#include <gumbo.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <vector>

#include "ingest/charset.h"
#include "ingest/html_blocks.h"
#include "ingest/html_date.h"
#include "ingest/html_extract.h"
#include "ingest/html_prefilter.h"
#include "ingest/html_reader.h"
#include "ingest/ingest.h"

namespace casus::ingest {
namespace {

constexpr size_t kMaxJsonLdScripts = 32;
constexpr size_t kMaxBylines = 16;
constexpr size_t kMaxFieldBytes = 2048;
// A JSON-LD articleBody replaces the DOM text when it has at least this many bytes, is over twice
// as long as the DOM text (the page shows a teaser, or builds the article with scripts) and holds
// no HTML markup. Otherwise the DOM text wins: articleBody is often truncated, or carries captions
// and embed code.
constexpr size_t kMinArticleBody = 250;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && lower(a) == lower(b);
}

// Cuts `s` to at most `n` bytes without splitting a UTF-8 sequence.
std::string cut_utf8(std::string s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
  return s;
}

std::string clean(std::string_view s) { return cut_utf8(collapse_whitespace(s), kMaxFieldBytes); }

std::string_view attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view();
}

// True when `s` holds HTML tags or escaped tags ("<p>", "&lt;div").
bool has_markup(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '<' && (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/'))
      return true;
  }
  return s.find("&lt;") != std::string_view::npos;
}

bool looks_like_url(std::string_view s) {
  return s.find("://") != std::string_view::npos || s.rfind("www.", 0) == 0 ||
         s.rfind("/", 0) == 0;
}

bool is_absolute_http(std::string_view s) {
  const std::string l = lower(s.substr(0, 8));
  return l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0;
}

// Splits a class/id value into lower-case alphanumeric tokens.
std::vector<std::string> tokens_of(std::string_view s) {
  std::vector<std::string> out;
  std::string t;
  for (size_t i = 0; i <= s.size(); ++i) {
    const char c = i < s.size() ? s[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c))) {
      t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!t.empty()) {
      out.push_back(std::move(t));
      t.clear();
    }
  }
  return out;
}

bool is_byline_element(const GumboElement& e) {
  if (e.tag == GUMBO_TAG_LINK || e.tag == GUMBO_TAG_META) return false;
  for (const auto& t : tokens_of(attr(e, "rel")))
    if (t == "author") return true;
  if (lower(attr(e, "itemprop")) == "author") return true;
  for (const char* a : {"class", "id"}) {
    for (const auto& t : tokens_of(attr(e, a))) {
      if (t == "byline" || t == "author" || t == "authors" || t == "authorname" ||
          t == "bylineauthor" || t == "byline_author")
        return true;
    }
  }
  return false;
}

// What the page says about itself outside the body text.
struct PageMeta {
  std::unordered_map<std::string, std::string> meta;  // lower-cased name/property -> content
  std::string lang;
  std::string canonical;
  std::string title_tag;
  std::string h1;
  std::vector<std::string> jsonld;
  std::vector<std::string> times;  // time[datetime], publication-marked ones first
  std::vector<std::string> bylines;
};

std::string script_text(const GumboElement& e) {
  std::string s;
  for (unsigned i = 0; i < e.children.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(e.children.data[i]);
    if ((c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
         c->type == GUMBO_NODE_WHITESPACE) &&
        c->v.text.text)
      s += c->v.text.text;
  }
  return s;
}

PageMeta collect_meta(const GumboNode* root) {
  PageMeta pm;
  std::vector<const GumboNode*> stack{root};
  size_t pub_times = 0;
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      children = &n->v.document.children;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboElement& e = n->v.element;
      children = &e.children;
      switch (e.tag) {
        case GUMBO_TAG_HTML:
          if (pm.lang.empty()) pm.lang = clean(attr(e, "lang"));
          if (pm.lang.empty()) pm.lang = clean(attr(e, "xml:lang"));
          break;
        case GUMBO_TAG_META: {
          const std::string content = std::string(attr(e, "content"));
          for (const char* key : {"property", "name", "itemprop"}) {
            const std::string k = lower(collapse_whitespace(attr(e, key)));
            if (!k.empty() && !content.empty()) pm.meta.emplace(k, content);
          }
          const std::string equiv = lower(collapse_whitespace(attr(e, "http-equiv")));
          if (!equiv.empty() && !content.empty()) pm.meta.emplace("http-equiv:" + equiv, content);
          break;
        }
        case GUMBO_TAG_LINK:
          if (pm.canonical.empty()) {
            for (const auto& t : tokens_of(attr(e, "rel")))
              if (t == "canonical") pm.canonical = clean(attr(e, "href"));
          }
          break;
        case GUMBO_TAG_TITLE:
          if (pm.title_tag.empty()) pm.title_tag = node_text(n, kMaxFieldBytes);
          continue;
        case GUMBO_TAG_SCRIPT:
          if (lower(collapse_whitespace(attr(e, "type"))) == "application/ld+json" &&
              pm.jsonld.size() < kMaxJsonLdScripts)
            pm.jsonld.push_back(script_text(e));
          continue;
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_TEMPLATE:
          continue;
        case GUMBO_TAG_H1:
          if (pm.h1.empty()) pm.h1 = node_text(n, kMaxFieldBytes);
          break;
        case GUMBO_TAG_TIME: {
          const std::string dt = clean(attr(e, "datetime"));
          if (!dt.empty() && pm.times.size() < 64) {
            const bool pub = gumbo_get_attribute(&e.attributes, "pubdate") != nullptr ||
                             lower(attr(e, "itemprop")) == "datepublished" ||
                             lower(attr(e, "class")).find("publish") != std::string::npos;
            if (pub) {
              pm.times.insert(pm.times.begin() + static_cast<std::ptrdiff_t>(pub_times), dt);
              ++pub_times;
            } else {
              pm.times.push_back(dt);
            }
          }
          break;
        }
        default:
          break;
      }
      if (pm.bylines.size() < kMaxBylines && is_byline_element(e)) {
        std::string t = node_text(n, 400);
        if (!t.empty()) pm.bylines.push_back(std::move(t));
      }
    }
    if (!children) continue;
    for (unsigned i = children->length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
  }
  return pm;
}

// --- JSON-LD ---

struct JsonLd {
  bool found = false;
  std::string headline;
  std::string date;
  std::string url;
  std::string body;
  std::string publisher;
  std::vector<std::string> authors;
};

using JsonValue = rapidjson::Value;

std::string get_string(const JsonValue& obj, const char* key) {
  if (!obj.IsObject()) return {};
  const auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

const JsonValue* get_member(const JsonValue& obj, const char* key) {
  if (!obj.IsObject()) return nullptr;
  const auto it = obj.FindMember(key);
  return it == obj.MemberEnd() ? nullptr : &it->value;
}

bool is_article_type(std::string_view t) {
  auto ends = [&](std::string_view suffix) {
    return t.size() >= suffix.size() && t.substr(t.size() - suffix.size()) == suffix;
  };
  return ends("Article") || ends("BlogPosting") || t == "Report";
}

bool is_article(const JsonValue& v) {
  const JsonValue* type = get_member(v, "@type");
  if (!type) return false;
  if (type->IsString()) return is_article_type(type->GetString());
  if (type->IsArray()) {
    for (const auto& t : type->GetArray())
      if (t.IsString() && is_article_type(t.GetString())) return true;
  }
  return false;
}

void find_articles(const JsonValue& v, int depth, std::vector<const JsonValue*>& out) {
  if (depth > 6 || out.size() >= 8) return;
  if (v.IsArray()) {
    for (const auto& e : v.GetArray()) find_articles(e, depth + 1, out);
    return;
  }
  if (!v.IsObject()) return;
  if (is_article(v)) out.push_back(&v);
  for (const char* key : {"@graph", "mainEntity", "itemListElement"}) {
    if (const JsonValue* m = get_member(v, key)) find_articles(*m, depth + 1, out);
  }
}

void add_author_names(const JsonValue& v, int depth, std::vector<std::string>& out) {
  if (out.size() >= 32) return;
  if (v.IsString()) {
    out.emplace_back(v.GetString(), v.GetStringLength());
  } else if (v.IsObject()) {
    const JsonValue* name = get_member(v, "name");
    if (name && depth < 3) add_author_names(*name, depth + 1, out);
  } else if (v.IsArray() && depth < 3) {
    for (const auto& e : v.GetArray()) add_author_names(e, depth + 1, out);
  }
}

// Removes wrappers that pages put around JSON-LD (HTML comments, CDATA markers).
std::string_view unwrap_script(std::string_view s) {
  auto trim = [](std::string_view& t) {
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  };
  trim(s);
  for (std::string_view p : {"<!--", "//<![CDATA[", "<![CDATA["}) {
    if (s.substr(0, p.size()) == p) s.remove_prefix(p.size());
  }
  trim(s);
  for (std::string_view p : {"-->", "//]]>", "]]>"}) {
    if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) s.remove_suffix(p.size());
  }
  trim(s);
  return s;
}

bool parse_json(std::string_view text, rapidjson::Document& d) {
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseCommentsFlag |
                              rapidjson::kParseTrailingCommasFlag |
                              rapidjson::kParseNanAndInfFlag;
  d.Parse<kFlags>(text.data(), text.size());
  if (!d.HasParseError()) return true;
  // Raw newlines and tabs inside strings are the most common JSON-LD mistake.
  std::string fixed(text);
  bool changed = false;
  for (char& c : fixed) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
      changed = true;
    }
  }
  if (!changed) return false;
  d.Parse<kFlags>(fixed.data(), fixed.size());
  return !d.HasParseError();
}

// Plain text of an articleBody: lines collapsed, paragraphs separated by blank lines.
std::string body_text(std::string_view body) {
  std::string out;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string line = collapse_whitespace(body.substr(start, end - start));
    if (!line.empty()) {
      if (!out.empty()) out += "\n\n";
      out += line;
    }
    start = end + 1;
  }
  return out;
}

JsonLd parse_jsonld(const std::vector<std::string>& scripts) {
  JsonLd ld;
  for (const std::string& script : scripts) {
    rapidjson::Document d;
    if (!parse_json(unwrap_script(script), d)) continue;
    std::vector<const JsonValue*> articles;
    find_articles(d, 0, articles);
    for (const JsonValue* a : articles) {
      if (ld.headline.empty()) ld.headline = clean(get_string(*a, "headline"));
      if (ld.headline.empty()) ld.headline = clean(get_string(*a, "name"));
      if (ld.date.empty()) ld.date = normalize_date(get_string(*a, "datePublished"));
      if (ld.date.empty()) ld.date = normalize_date(get_string(*a, "dateCreated"));
      if (ld.url.empty()) ld.url = clean(get_string(*a, "url"));
      if (ld.url.empty()) {
        if (const JsonValue* m = get_member(*a, "mainEntityOfPage")) {
          ld.url = m->IsString() ? clean(std::string(m->GetString(), m->GetStringLength()))
                                 : clean(get_string(*m, "@id"));
        }
      }
      if (ld.body.empty()) ld.body = body_text(get_string(*a, "articleBody"));
      if (ld.publisher.empty()) {
        if (const JsonValue* p = get_member(*a, "publisher")) ld.publisher = clean(get_string(*p, "name"));
      }
      if (ld.authors.empty()) {
        if (const JsonValue* au = get_member(*a, "author")) add_author_names(*au, 0, ld.authors);
        if (ld.authors.empty()) {
          if (const JsonValue* au = get_member(*a, "creator")) add_author_names(*au, 0, ld.authors);
        }
      }
      ld.found = true;
    }
  }
  return ld;
}

// --- Field clean-up ---

// "Title | Site" -> "Title". With a known site name only that suffix is removed; otherwise a short
// last segment after " | ", " - ", " – ", " — " or " · " is taken for a site name.
std::string strip_site_suffix(std::string title, std::string_view site, bool guess) {
  static const std::string_view kSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                                 " \xC2\xB7 ", " :: "};
  for (int round = 0; round < 2; ++round) {
    size_t best = std::string::npos, sep_len = 0;
    for (auto sep : kSeparators) {
      const size_t p = title.rfind(sep);
      if (p != std::string::npos && (best == std::string::npos || p > best)) {
        best = p;
        sep_len = sep.size();
      }
    }
    if (best == std::string::npos || best == 0) break;
    const std::string suffix = title.substr(best + sep_len);
    const std::string prefix = title.substr(0, best);
    bool strip = !site.empty() && iequals(collapse_whitespace(suffix), collapse_whitespace(site));
    if (!strip && guess) {
      const size_t suffix_words = std::count(suffix.begin(), suffix.end(), ' ') + 1;
      const size_t prefix_words = std::count(prefix.begin(), prefix.end(), ' ') + 1;
      strip = suffix_words <= 4 && suffix.size() <= 40 && prefix_words >= 3;
    }
    if (!strip) break;
    title = prefix;
    if (!guess) break;
  }
  return title;
}

// A person's name from a byline fragment, or empty when the fragment does not look like one.
std::string clean_author(std::string_view raw) {
  std::string s = collapse_whitespace(raw);
  for (std::string_view p : {"by ", "By ", "BY ", "von ", "par ", "por "}) {
    if (s.rfind(p, 0) == 0) {
      s.erase(0, p.size());
      break;
    }
  }
  while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == ' ' || s.back() == '|'))
    s.pop_back();
  while (!s.empty() && (s.front() == ',' || s.front() == ' ' || s.front() == '|')) s.erase(0, 1);
  if (s.empty() || s.size() > 100 || looks_like_url(s)) return {};
  return s;
}

void add_author(std::vector<std::string>& authors, std::string_view raw) {
  std::string a = clean_author(raw);
  if (a.empty()) return;
  for (const auto& b : authors)
    if (iequals(a, b)) return;
  authors.push_back(std::move(a));
}

// Names in a byline element's text: "By Jane Doe and John Roe, Reuters | May 3, 2023".
std::vector<std::string> names_in_byline(std::string_view text) {
  std::vector<std::string> names;
  std::string s = collapse_whitespace(text);
  const size_t bar = s.find_first_of("|\xE2");  // '|' or the start of a dash/bullet
  if (bar != std::string::npos && bar > 0) s.resize(bar);
  std::string_view rest = s;
  for (std::string_view p : {"By ", "by ", "BY "}) {
    if (rest.substr(0, p.size()) == p) rest.remove_prefix(p.size());
  }
  std::vector<std::string> parts;
  std::string cur;
  for (size_t i = 0; i <= rest.size(); ++i) {
    bool split = i == rest.size() || rest[i] == ',' || rest[i] == ';' || rest[i] == '&';
    size_t skip = 1;
    if (!split && rest.substr(i, 5) == " and ") {
      split = true;
      skip = 5;
    }
    if (!split) {
      cur += rest[i];
      continue;
    }
    parts.push_back(cur);
    cur.clear();
    i += skip - 1;
  }
  for (const auto& part : parts) {
    const std::string p = collapse_whitespace(part);
    if (p.empty()) continue;
    const size_t words = std::count(p.begin(), p.end(), ' ') + 1;
    // "Jane Doe, Reuters": a lone word after the first name is an agency or a place.
    if (words == 1 && !names.empty()) continue;
    bool digits = false;
    for (char c : p) digits = digits || std::isdigit(static_cast<unsigned char>(c));
    // A name: 1-5 words, no digits, starts with an upper-case letter or a non-ASCII letter.
    const unsigned char first = static_cast<unsigned char>(p[0]);
    if (words > 5 || digits || !(std::isupper(first) || first >= 0x80)) continue;
    names.push_back(p);
  }
  return names;
}

std::string first_meta(const PageMeta& pm, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    const auto it = pm.meta.find(k);
    if (it != pm.meta.end()) {
      std::string v = clean(it->second);
      if (!v.empty()) return v;
    }
  }
  return {};
}

void fill_metadata(const PageMeta& pm, const JsonLd& ld, Document& doc) {
  std::string site = first_meta(pm, {"og:site_name"});
  if (site.empty()) site = ld.publisher;
  if (site.empty()) site = first_meta(pm, {"application-name"});
  if (!site.empty()) doc.set_meta_string("site_name", site);

  std::string lang = pm.lang;
  if (lang.empty()) lang = first_meta(pm, {"http-equiv:content-language", "og:locale"});
  if (!lang.empty()) doc.set_meta_string("language", lang.substr(0, 64));

  // Title.
  std::string title = first_meta(pm, {"og:title", "twitter:title"});
  if (!title.empty()) title = strip_site_suffix(title, site, false);
  if (title.empty()) title = ld.headline;
  if (title.empty()) title = pm.h1;
  if (title.empty()) title = strip_site_suffix(pm.title_tag, site, true);
  doc.title = title;

  // URL.
  std::string url;
  for (const std::string& u : {pm.canonical, first_meta(pm, {"og:url"}), ld.url}) {
    if (is_absolute_http(u)) {
      url = u;
      break;
    }
  }
  const std::string given_url = doc.url;
  if (!url.empty()) doc.url = url;

  // Authors.
  std::vector<std::string> authors;
  for (const auto& a : ld.authors) add_author(authors, a);
  if (authors.empty()) add_author(authors, first_meta(pm, {"author"}));
  if (authors.empty()) {
    const std::string a = first_meta(pm, {"article:author"});
    if (!looks_like_url(a)) add_author(authors, a);
  }
  if (authors.empty()) add_author(authors, first_meta(pm, {"dc.creator", "dcterms.creator",
                                                           "parsely-author", "sailthru.author"}));
  for (size_t i = 0; i < pm.bylines.size() && authors.empty(); ++i) {
    for (const auto& name : names_in_byline(pm.bylines[i])) add_author(authors, name);
  }
  doc.authors = std::move(authors);

  // Publication date.
  std::vector<std::string> candidates{ld.date};
  for (const char* k :
       {"article:published_time", "og:published_time", "datepublished", "date", "pubdate",
        "publishdate", "publish-date", "publish_date", "publication_date", "dc.date",
        "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date",
        "parsely-pub-date", "citation_publication_date", "article.published", "dc.date.created",
        "og:article:published_time", "originalpublicationdate"}) {
    const auto it = pm.meta.find(k);
    if (it != pm.meta.end()) candidates.push_back(it->second);
  }
  for (const auto& t : pm.times) candidates.push_back(t);
  std::string date;
  for (const auto& c : candidates) {
    date = normalize_date(c);
    if (!date.empty()) break;
  }
  for (const std::string& u : {url, given_url, pm.canonical}) {
    if (!date.empty()) break;
    date = date_from_url(u);
  }
  if (!date.empty()) {
    doc.date = date;
    doc.date_source = DateSource::kMetadata;
  }
}

}  // namespace

void read_html_page(std::string_view name, std::string_view bytes,
                    std::string_view transport_charset, Document& doc) {
  (void)name;
  DecodedText decoded = decode_html_bytes(bytes, transport_charset);
  if (!decoded.warning.empty()) doc.add_error("ingest", decoded.warning);
  if (decoded.charset != "UTF-8") doc.set_meta_string("charset", decoded.charset);
  bool blank = true;
  for (char c : decoded.utf8) blank = blank && std::isspace(static_cast<unsigned char>(c));
  if (blank) {
    doc.add_error("ingest", "empty HTML input");
    return;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  decoded.utf8 = strip_scripts_and_comments(decoded.utf8);
  GumboOutput* output = gumbo_parse_with_options(&options, decoded.utf8.data(), decoded.utf8.size());
  if (!output) {
    doc.add_error("ingest", "the HTML parser failed");
    return;
  }
  const PageMeta pm = collect_meta(output->root);
  const HtmlPage page = collect_page(output->root);
  const std::vector<HtmlBlock>& blocks = page.blocks;
  gumbo_destroy_output(&options, output);
  decoded.utf8.clear();
  decoded.utf8.shrink_to_fit();

  const JsonLd ld = parse_jsonld(pm.jsonld);
  fill_metadata(pm, ld, doc);

  std::string text;
  std::vector<size_t> kept = select_blocks(page, ld.body);
  while (kept.size() > 1 && is_author_note(blocks[kept.back()].text, doc.authors))
    kept.pop_back();
  bool title_dropped = false;
  for (size_t i : kept) {
    const HtmlBlock& b = blocks[i];
    // The headline is the title, not the first paragraph, whatever its markup (a heading, or a
    // div or strong on sites that style their own).
    if (!title_dropped && text.empty() && !doc.title.empty() &&
        iequals(b.text, doc.title)) {
      title_dropped = true;
      continue;
    }
    if (!text.empty()) text += "\n\n";
    text += b.text;
  }
  if (ld.body.size() >= kMinArticleBody && text.size() * 2 < ld.body.size() &&
      !has_markup(ld.body)) {
    text = ld.body;
    doc.set_meta_string("text_source", "json-ld articleBody");
  }
  doc.text = std::move(text);
  if (blocks.empty()) {
    doc.add_error("ingest", "no visible text in the HTML page");
  } else if (doc.text.empty()) {
    doc.add_error("ingest", "no article text found");
  }
}

void read_html(std::string_view name, std::string_view bytes, Document& doc) {
  read_html_page(name, bytes, {}, doc);
}

}  // namespace casus::ingest
