"""HTML mode: the article's text from the page's own JSON-LD (`articleBody`) when the page shows
too little of it.

A page whose article is drawn by its scripts (an application shell: an empty `<div id="root">`),
or whose visible text stops at a paywall's stub, often still declares the whole article in its
schema.org `articleBody`, for search engines. When the blocks HTML mode keeps hold fewer than
FALLBACK_MAX_WORDS words and the declared body holds at least FALLBACK_MIN_WORDS, and more than
FALLBACK_RATIO times the kept words, the declared body is the text: its paragraphs (its line
breaks; its elements when it is written in HTML) become blocks labelled body, after the page's
own blocks, each with its reason; the page's kept blocks that the declared body already holds
are left out (a paywall's visible first paragraph, said again in it).
"""

from __future__ import annotations

import html
import re

from selectolax.lexbor import LexborHTMLParser

from .blocks import KEPT, Segment, kept_words

FALLBACK_MAX_WORDS = 60  # the page's kept words under which its declared body is read
FALLBACK_MIN_WORDS = 50  # the declared body's words at least (a teaser's summary is no article)
FALLBACK_RATIO = 2.0  # ... and more than this many times the kept words
MAX_BODY_CHARS = 500_000  # a longer declared body is cut
_MARKUP = re.compile(r"<(?:p|br|div|h[1-6]|li|ul|ol|blockquote|span|a|em|strong)\b[^>]*>", re.I)
_WORD = re.compile(r"\w+")
REASON = "the page's declared article body (JSON-LD articleBody): the blocks the page shows hold {shown} words"


def _paragraphs(body: str) -> list[str]:
    body = body[:MAX_BODY_CHARS]
    if _MARKUP.search(body):  # written in HTML: its elements' text, a block a line
        root = LexborHTMLParser(body).body
        body = root.text(separator="\n", deep=True) if root is not None else ""
    elif "&" in body:
        body = html.unescape(body)
    return [" ".join(line.split()) for line in body.replace("\r\n", "\n").split("\n") if line.strip()]


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def declared_body(segments: list[Segment], article_body: str | None, explain: bool = False) -> bool:
    """Append the declared body's paragraphs as body blocks when the page's kept blocks show too
    little of it (see the module's doc). True when it did."""
    if not article_body or (kept := kept_words(segments, FALLBACK_MAX_WORDS)) >= FALLBACK_MAX_WORDS:
        return False
    paras = _paragraphs(article_body)
    words = sum(len(p.split()) for p in paras)
    if words < FALLBACK_MIN_WORDS or words <= FALLBACK_RATIO * kept:
        return False
    whole = _key(" ".join(paras))
    for seg in segments:  # the page's own kept blocks that the declared body says again
        if seg.label in KEPT and (key := _key(seg.text)) and key in whole:
            seg.label = "duplicate"
            if explain:
                seg.reason = "said again in the page's declared article body (JSON-LD articleBody)"
    reason = REASON.format(shown=kept)
    for text in paras:
        segments.append(Segment(text, "p", score=1.0, label="body", reason=reason))
    return True
