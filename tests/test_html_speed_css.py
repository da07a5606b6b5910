"""Metadata CSS queries merged into one lexbor walk must give each query's own list: the same
elements, in the same order, with the same duplicates (a selector list returns an element once
per selector it matches)."""

from __future__ import annotations

import random

from selectolax.lexbor import LexborHTMLParser

from dehusk import metadata_page as MP
from dehusk.metadata_page import ATTR_AUTHOR

_PAGE = """<html lang="en"><head><title>Plans | Site</title>
<meta property="og:title" content="Plans"><meta name="author" content="Jane Doe">
<link rel="canonical" href="https://example.org/plans"><link rel="alternate stylesheet" href="/a.css">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Plans", "author": {"name": "Jane Doe"}}</script>
<script type="APPLICATION/LD+JSON">{"@type": "WebSite", "name": "Site"}</script><script>var x;</script>
</head><body>
<h1 itemprop="headline" class="entry-title post-meta">Plans</h1>
<div class="author-meta byline" id="authorbox"><a rel="author tag" href="/AUTHOR/jane">Jane Doe</a>
<span class="date published Meta">4 April 2024</span><time datetime="2024-04-04" itemprop="datePublished">x</time></div>
<a href="/author/bob" rel="nofollow" class="username">Bob</a><a href="/Authors/ann">Ann</a><a rel="">empty rel</a>
<img class="avatar user-name" src="/a.png" alt="Jane Doe"><img data-author="Jane Doe" src="/b.png">
<img src="/c.png" alt="Photo of Bob Smith"><span author="x" data-username="y" class="UserName">z</span>
<svg><title>svg title</title><a class="meta" href="/author/svg">s</a></svg>
<section class="meta"><p class="publish-date">2024</p></section><meta itemprop="dateModified" content="2024-05-01">
<time>5 May 2024</time><h1>Second</h1><div id="AUTHOR-bio" class="bio">Jane Doe is a reporter.</div>
</body></html>"""

_BODY_ONLY = "h1, time, [itemprop], a[rel], a[href*='/author' i]"
_HINTS_ONLY = ("[class*=author i], [class*=byline i], [id*=author i], [class*=date i], [class*=publish i], "
               "[class*=meta i]")


def _ids(nodes: list) -> list[int]:
    return [n.mem_id for n in nodes]


def _reference_page(tree: LexborHTMLParser) -> MP.Page:
    """read_page with one query per part, as before the merge."""
    page = MP.Page()
    MP._read_head([n for n in tree.css("meta, link, title")], page)
    values: list = []
    for node in tree.css("script[type*='ld+json' i]"):
        values.extend(MP.parse_jsonld(node.text() or ""))
    page.jsonld = MP.extract_jsonld(values, None)
    root = tree.body
    page.root = root
    page._hints = MP._read_hints(root.css(_HINTS_ONLY))
    for node in root.css(_BODY_ONLY):  # the old _read_body loop, through the same code: one group each
        tag, attrs = node.tag, node.attributes
        if tag == "h1":
            if len(page.h1s) < MP.MAX_H1:
                page.h1s.append(node)
            continue
        if tag == "time":
            page.times.append(node)
        for p in (attrs.get("itemprop") or "").split():
            page.itemprops.setdefault(p.casefold(), []).append(node)
        if tag == "a":
            rel = (attrs.get("rel") or "").casefold().split()
            if "author" in rel:
                page.rel_author.append(node.text(strip=True))
            if "tag" in rel:
                page.rel_tag.append(node.text(strip=True))
            if "/author" in (attrs.get("href") or "").casefold():
                page.author_links.append(node)
    return page


def test_merged_head_and_body_queries_equal_separate_queries() -> None:
    tree = LexborHTMLParser(_PAGE)
    got = MP.read_page(tree, None)
    ref = _reference_page(tree)
    assert got.metas == ref.metas and got.links == ref.links and got.title == ref.title == "Plans | Site"
    assert repr(got.jsonld) == repr(ref.jsonld)
    assert _ids(got.h1s) == _ids(ref.h1s) and len(got.h1s) == 3  # (the h1 with itemprop: twice)
    assert _ids(got.times) == _ids(ref.times)
    assert {k: _ids(v) for k, v in got.itemprops.items()} == {k: _ids(v) for k, v in ref.itemprops.items()}
    assert got.rel_author == ref.rel_author and got.rel_tag == ref.rel_tag
    assert _ids(got.author_links) == _ids(ref.author_links) and got.author_links
    assert _ids(got.bylines) == _ids(ref.bylines) and _ids(got.datelines) == _ids(ref.datelines)
    # an element matching several hint selectors is listed once per selector, as the query gives it
    assert len(got.bylines) > len(set(_ids(got.bylines)))


def _merged_equal_separate(html: str) -> None:
    tree = LexborHTMLParser(html)
    root = tree.body
    page = MP.read_page(tree, None)
    users, imgs = page.users_and_images()
    assert _ids(users) == _ids(root.css(ATTR_AUTHOR))
    assert _ids(imgs) == _ids(root.css("img"))
    ref = _reference_page(tree)
    assert _ids(page.h1s) == _ids(ref.h1s) and _ids(page.times) == _ids(ref.times)
    assert {k: _ids(v) for k, v in page.itemprops.items()} == {k: _ids(v) for k, v in ref.itemprops.items()}
    assert _ids(page.author_links) == _ids(ref.author_links)
    assert _ids(page.bylines) == _ids(ref.bylines) and _ids(page.datelines) == _ids(ref.datelines)
    fresh = MP.Page(root=root)  # (a page not read by read_page: its own query)
    assert [_ids(x) for x in fresh.users_and_images()] == [_ids(users), _ids(imgs)]


def test_user_and_img_nodes_equal_their_own_queries() -> None:
    for html in (_PAGE, "<body><p>none</p></body>", "<body><img class='username' data-author='x' author='y'></body>",
                 "<body><h2 class='UserName byline date' itemprop='author' data-username>x</h2>"
                 "<img itemprop='image' class='author user-name' data-author><img class='meta'></body>"):
        _merged_equal_separate(html)
    assert MP.Page().users_and_images() == ([], [])


def test_merged_queries_on_random_pages() -> None:
    rnd = random.Random(5)
    tags = ["div", "span", "a", "img", "h1", "h2", "time", "p", "section", "b", "strong"]
    classes = ["username", "UserName", "user-name", "USER-NAMES", "usérname", "author", "byline", "date", "publish",
               "meta", "x", "", "ΜΕΤΑ", "\u212aey", "author-box", "post-meta", "uſername"]
    attrs = ["data-author='a'", "data-username", "author='b'", "itemprop='author'", "itemprop='name headline'",
             "rel='author'", "href='/Author/x'", "href='/x'", "id='authorbox'", "id='x'", "datetime='2024'"]
    for _ in range(300):
        parts = []
        for _ in range(rnd.randint(1, 25)):
            tag = rnd.choice(tags)
            extra = " ".join(rnd.sample(attrs, rnd.randint(0, 3)))
            cls = " ".join(rnd.sample(classes, rnd.randint(0, 3)))
            inner = "" if tag == "img" else f"t</{tag}>"
            parts.append(f"<{tag} class='{cls}' {extra}>{inner}" if cls or rnd.random() < 0.5 else f"<{tag} {extra}>{inner}")
        _merged_equal_separate("<html><body>" + "".join(parts) + "</body></html>")
