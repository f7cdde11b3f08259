#!/usr/bin/env python3
"""Generalization check of HTML article extraction on the development pages.

Writes perturbed copies of the development half of the article extraction benchmark to a
temporary folder (never into the project) and scores `casus eval html --split dev` on each. A
method that only fits the sites it was tuned on loses F1 when the hints it leans on change; one
built on general signals scores about the same on every variant.

Variants:
  none        the pages as they are
  noclass     every class and id attribute removed (unknown words, hashed CSS class names)
  hashed      every class and id token replaced by a hash (CSS modules, styled components)
  nosemantic  article/main turned into div, itemprop=articleBody removed
  nonav       nav/aside/footer/header turned into div
  bare        noclass + nosemantic + nonav: structure and text only
  noheading   h1-h6 turned into div (sites that style their own headings)
  divp        p turned into div (sites that build paragraphs from divs)
  wrapclass   the body's content wrapped in <div class="page-wrapper has-sidebar">
  wrapform    the body's content wrapped in one <form> (ASP.NET pages), inner forms made divs
  wraparticle the span from the first <article> to the last </article> wrapped in
              <div class="widget-area"> (a furniture word on the article's own wrapper)

Variants that move or add text around the body's paragraphs (a "long paragraph" is a <p> with at
least 120 characters of text; pages without one are left as they are):
  brtext      paragraphs as text runs separated by <br><br> (no <p> at all)
  shortparas  each long paragraph without inline markup cut into one <p> per sentence
  adsbetween  an "Advertisement" link box after every long paragraph
  pwrap       every long paragraph wrapped in two divs, the outer one with a hashed class
  readmore    a "READ MORE:" link line after the second long paragraph
  splitbody   the body's container closed before its middle long paragraph, an ad box, and the
              rest in a new div (a body cut into sibling parts by an ad slot)
  splitnest   the same two levels up: the parts are siblings of the body's wrappers
  splitwidget the same with the second part in <div class="text-widget"> (a part whose class
              names furniture)
  leadheader  the first long paragraph wrapped in <header> (a lead in a header element)
  promo       a newsletter pitch after the middle long paragraph
  bio         an author's note with an avatar after the last long paragraph
  teasers     a "More stories" list after the last long paragraph: four items, each an image
              link, a linked headline and a one-sentence summary, hashed classes (a listing
              of other stories inside the body's container)
  related     the same with two items after the middle long paragraph
  longbyline  a byline and date line of over 80 characters without a full stop before the first
              long paragraph

usage: perturb_pages.py [--min-f1 F1] CASUS_BIN DATA_DIR [VARIANT ...]

With --min-f1, exits 1 when a variant scores below that F1 (a floor for CTest); exits 77 when the
benchmark is absent.
"""
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

ATTR = re.compile(r"""\s(class|id)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def hashed(match):
    value = match.group(2).strip("\"'")
    tokens = ["c" + hashlib.md5(t.encode()).hexdigest()[:6] for t in value.split()]
    return ' %s="%s"' % (match.group(1), " ".join(tokens))


def perturb(kind, html):
    if kind == "noclass":
        return ATTR.sub("", html)
    if kind == "hashed":
        return ATTR.sub(hashed, html)
    if kind == "nosemantic":
        html = re.sub(r"<(/?)(article|main)\b", r"<\1div", html, flags=re.I)
        return re.sub(r"itemprop\s*=\s*[\"']?articleBody[\"']?", "", html, flags=re.I)
    if kind == "nonav":
        return re.sub(r"<(/?)(nav|aside|footer|header)\b", r"<\1div", html, flags=re.I)
    if kind == "noheading":
        return re.sub(r"<(/?)h[1-6]\b", r"<\1div", html, flags=re.I)
    if kind == "divp":
        return re.sub(r"<(/?)p\b", r"<\1div", html, flags=re.I)
    if kind == "bare":
        return perturb("noclass", perturb("nosemantic", perturb("nonav", html)))
    if kind == "wraparticle":
        start = re.search(r"<article\b", html, flags=re.I)
        end = html.lower().rfind("</article>")
        if start and end > start.start():
            end += len("</article>")
            html = (html[:start.start()] + '<div class="widget-area">' +
                    html[start.start():end] + "</div>" + html[end:])
        return html
    if kind in ("wrapclass", "wrapform"):
        if kind == "wrapform":
            html = re.sub(r"<(/?)form\b", r"<\1div", html, flags=re.I)
        tag = '<div class="page-wrapper has-sidebar">' if kind == "wrapclass" else '<form id="f">'
        end = "</div>" if kind == "wrapclass" else "</form>"
        html = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + tag, html, count=1, flags=re.I)
        return re.sub(r"(</body>)", lambda m: end + m.group(1), html, count=1, flags=re.I)
    return html


LONG_P = re.compile(r"<p\b[^>]*>((?:(?!</?p\b).){120,}?)</p>", re.I | re.S)
AD_BOX = '<div class="ad-slot"><a href="/x">Advertisement</a></div>'


def long_paragraphs(html):
    return [m for m in LONG_P.finditer(html) if len(re.sub(r"<[^>]+>", "", m.group(1))) >= 120]


def split_sentences(match):
    inner = match.group(1)
    if "<" in inner:
        return match.group(0)
    return "".join("<p>%s</p>" % s for s in re.split(r"(?<=[.!?])\s+", inner))


def perturb_text(kind, html):
    """The variants that move or add text around the body's long paragraphs."""
    ps = long_paragraphs(html)
    if not ps:
        return html
    middle, first, last = ps[len(ps) // 2], ps[0], ps[-1]
    if kind == "brtext":
        html = re.sub(r"<p\b[^>]*>", "", html, flags=re.I)
        return re.sub(r"</p>", "<br><br>", html, flags=re.I)
    if kind == "shortparas":
        return LONG_P.sub(split_sentences, html)
    if kind == "adsbetween":
        return LONG_P.sub(lambda m: m.group(0) + AD_BOX, html)
    if kind == "pwrap":
        return LONG_P.sub(lambda m: '<div class="c9f3a"><div>' + m.group(0) + "</div></div>", html)
    if kind == "readmore":
        m = ps[min(1, len(ps) - 1)]
        line = ('<p><strong>READ MORE:</strong> <a href="/r">A related headline about another '
                'event that happened somewhere else this week</a></p>')
        return html[:m.end()] + line + html[m.end():]
    if kind == "splitbody":
        return html[:middle.start()] + "</div>" + AD_BOX + "<div>" + html[middle.start():]
    if kind == "splitnest":
        return (html[:middle.start()] + "</div></div>" + AD_BOX + "<div><div>" +
                html[middle.start():])
    if kind == "splitwidget":
        return (html[:middle.start()] + "</div>" + AD_BOX + '<div class="text-widget">' +
                html[middle.start():])
    if kind == "leadheader":
        return html[:first.start()] + "<header>" + first.group(0) + "</header>" + html[first.end():]
    if kind == "promo":
        box = ("<div><p>Get the best stories of the day delivered to your inbox. "
               "Sign up for our free daily newsletter today.</p></div>")
        return html[:middle.end()] + box + html[middle.end():]
    if kind == "bio":
        box = ('<div><img src="/a.jpg"><p>Jane Doe is a senior reporter who covers science and '
               'technology. She previously worked at a regional newspaper.</p></div>')
        return html[:last.end()] + box + html[last.end():]
    if kind == "longbyline":
        line = ("<div>By Jane Doe and John Roe, Daily Planet staff writers | Published 10:45 AM "
                "EST Nov 19, 2019 | Updated 12:30 PM EST Nov 19, 2019</div>")
        return html[:first.start()] + line + html[first.start():]
    if kind in ("teasers", "related"):
        box = '<div class="c51e0"><div class="c0b7d">More stories</div>' if kind == "teasers" \
            else '<div class="c51e0">'
        for i in range(4 if kind == "teasers" else 2):
            box += ('<div class="c7a21"><a href="/t%d"><img src="/t%d.jpg"></a>'
                    '<h3><a href="/t%d">%s</a></h3><p>%s</p></div>' % (i, i, i, TEASERS[i][0],
                                                                     TEASERS[i][1]))
        box += "</div>"
        m = last if kind == "teasers" else middle
        return html[:m.end()] + box + html[m.end():]
    return html


# Headlines and summaries of other stories, for the listing variants.
TEASERS = [
    ("City council approves new budget after a long night of debate",
     "The plan raises spending on roads and schools while leaving property taxes unchanged for "
     "a third year."),
    ("Local bakery wins national award for its sourdough bread",
     "The family-run shop has baked in the same brick oven since 1952 and now ships loaves "
     "across the country."),
    ("Storm expected to bring heavy snow to the mountains this weekend",
     "Forecasters warn drivers to avoid the passes from Friday night, when up to a metre of snow "
     "could fall."),
    ("High school team reaches the state final for the first time",
     "Coaches credit a young defence and a goalkeeper who has not conceded a goal since the "
     "start of October."),
]


def main():
    args = sys.argv[1:]
    min_f1 = None
    if args[:1] == ["--min-f1"]:
        min_f1, args = float(args[1]), args[2:]
    if len(args) < 2:
        sys.exit(__doc__)
    casus, data = args[0], os.path.join(os.environ.get("CASUS_DATA") or args[1], "html-articles")
    kinds = args[2:] or ["none", "noclass", "hashed", "nosemantic", "nonav", "bare",
                             "noheading", "divp", "wrapclass", "wrapform", "wraparticle",
                             "brtext", "shortparas", "adsbetween", "pwrap", "readmore",
                             "splitbody", "splitnest", "splitwidget", "leadheader", "promo", "bio",
                             "teasers", "related", "longbyline"]
    if not os.path.isfile(os.path.join(data, "ground-truth.json")):
        print("SKIP: no benchmark at", data)
        sys.exit(77)
    with open(os.path.join(data, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    dev = {k: v for k, v in truth.items() if k[0] in "01234567"}
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            out = os.path.join(tmp, kind)
            os.makedirs(os.path.join(out, "html"))
            with open(os.path.join(out, "ground-truth.json"), "w", encoding="utf-8") as f:
                json.dump(dev, f)
            for sha in dev:
                with gzip.open(os.path.join(data, "html", sha + ".html.gz")) as f:
                    raw = f.read()
                try:
                    html = raw.decode("utf-8")
                except UnicodeDecodeError:
                    html = raw.decode("latin-1")
                with gzip.open(os.path.join(out, "html", sha + ".html.gz"), "wb") as f:
                    f.write(perturb_text(kind, perturb(kind, html)).encode("utf-8"))
            r = subprocess.run([casus, "eval", "html", "--json", "--split", "dev", "--dir", out],
                               capture_output=True, text=True, check=True)
            m = json.loads(r.stdout)
            print("%-11s F1 %6.2f  P %6.2f  R %6.2f  acc %6.2f" %
                  (kind, m["f1"], m["precision"], m["recall"], m["accuracy"]))
            if min_f1 is not None and m["f1"] < min_f1:
                failed.append(kind)
    if failed:
        print("FAIL: F1 below %.2f on %s" % (min_f1, ", ".join(failed)))
        sys.exit(1)


if __name__ == "__main__":
    main()
