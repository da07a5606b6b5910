"""HTML mode (provisional): render the DOM to text, then run text mode."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from .article import Article
from .deadline import Deadline
from .options import Options
from .text_mode import extract_text

_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section", "article",
               "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dd", "dt")


def render_text(html: str) -> str:
    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, template, svg"):
        node.decompose()
    root = tree.body or tree.root
    if root is None:
        return ""
    for node in root.css(",".join(_BLOCK_TAGS)):
        node.insert_before("\n")
        node.insert_after("\n")
    return root.text(separator="", strip=False)


def extract_html(html: str, *, url: str | None, options: Options, deadline: Deadline) -> Article:
    article = extract_text(render_text(html), url=url, options=options, deadline=deadline)
    from dataclasses import replace

    return replace(article, mode="html")
