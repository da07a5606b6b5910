"""Extraction functions the corpus tests plug in with ``--extract-fn`` (this file has no tests).

`fake_extract` is a tiny deterministic stand-in for `dehusk.extract` with switches in the page
text: ``@@CRASH@@`` kills the worker process, ``@@HANG@@`` never returns, ``@@RAISE@@`` raises,
``@@SLOW@@`` sleeps 30 ms. `template_probe` reports what the template statistics say.
"""

from __future__ import annotations

import os
import time
from typing import Any

from dehusk import Article
from dehusk.decode import to_text


def fake_extract(
    page: str | bytes,
    *,
    mode: str = "auto",
    url: str | None = None,
    options: Any = None,
    content_type: str | None = None,
    **_: Any,
) -> Article:
    text = to_text(page)
    if "@@CRASH@@" in text:
        os._exit(3)
    if "@@HANG@@" in text:
        time.sleep(3600)
    if "@@RAISE@@" in text:
        raise RuntimeError("this page makes the extractor fail")
    if "@@SLOW@@" in text:
        time.sleep(0.03)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return Article(title=lines[0] if lines else None, text="\n\n".join(lines[1:]), url=url, mode=mode)


def template_probe(
    page: str | bytes,
    *,
    mode: str = "auto",
    url: str | None = None,
    options: Any = None,
    content_type: str | None = None,
    **_: Any,
) -> Article:
    """text: one ``share|line`` paragraph per line; title: the host's page count (or "none")."""
    templates = getattr(options, "template_lines", None)
    text = to_text(page)
    if mode == "html":
        from dehusk.corpus.work import html_blocks

        text = "\n".join(html_blocks(text))
    lines = list(dict.fromkeys(ln.strip() for ln in text.splitlines() if ln.strip()))
    if templates is None:
        return Article(title="none", text="\n\n".join(lines), url=url, mode=mode)
    return Article(
        title=str(templates.pages),
        text="\n\n".join(f"{templates.share(ln):.3f}|{ln}" for ln in lines),
        url=url,
        mode=mode,
    )


# --------------------------------------------------------------------------- shared test helpers

_WORDS = [
    "river",
    "council",
    "budget",
    "school",
    "harvest",
    "market",
    "station",
    "bridge",
    "winter",
    "festival",
    "museum",
    "report",
    "engineer",
    "village",
    "forest",
    "library",
    "doctor",
    "season",
    "train",
    "island",
    "garden",
    "factory",
    "theatre",
]


def article_sentences(seed: int, n: int = 6) -> list[str]:
    """Deterministic, distinct, sentence-like paragraphs for a synthetic article."""
    out = []
    for j in range(n):
        w = [_WORDS[(seed * 7 + j * 3 + k) % len(_WORDS)] for k in range(6)]
        out.append(
            f"The {w[0]} of the {w[1]} was discussed again on day {seed}, and the {w[2]} said that the "
            f"{w[3]} would need more time before the {w[4]} and the {w[5]} could be opened to the public."
        )
    return out


def site_pages(host: str, n: int, start: int = 0) -> list[tuple[str, str, str]]:
    """n pages of one site: (url, html, text) with the same menu, footer and newsletter blurb."""
    pages = []
    blurb = (
        "Our newsroom is funded by readers like you, and we rely on your support to keep publishing "
        "the independent local journalism that you value every single day of the year."
    )
    for i in range(start, start + n):
        title = f"Local story number {i} from {host}"
        paras = article_sentences(i)
        html = (
            f"<html><head><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paras) + "</article>"
            f"<aside><p>{blurb}</p></aside><footer>Copyright 2024 {host}. All rights reserved.</footer>"
            "</body></html>"
        )
        text = "\n\n".join(
            ["Home", "News", "Sport", title, *paras, blurb, f"Copyright 2024 {host}. All rights reserved."]
        )
        pages.append((f"https://{host}/story/{i}", html, text))
    return pages


def gc_probe(page: str | bytes, *, mode: str = "auto", url: str | None = None, **_: Any) -> Article:
    """title: how many objects the worker process has frozen out of the garbage collector's walks."""
    import gc

    return Article(title=str(gc.get_freeze_count()), text=to_text(page), url=url, mode=mode)
