"""Text mode: a plain-text page dump in, the article out."""

from __future__ import annotations

from .article import Article
from .assemble import Meta, assemble
from .deadline import Deadline
from .lang import detect_language, stopwords
from .options import Options
from .segment_text import segment_text


def extract_text(text: str, *, url: str | None, options: Options, deadline: Deadline) -> Article:
    segments = segment_text(text, deadline)
    language = options.language or detect_language(" ".join(s.text for s in segments if len(s.text) > 60))[0]
    stops = stopwords(language)
    # provisional heuristic (replaced by the learned classifier)
    for seg in segments:
        words = seg.text.lower().split()
        sw = sum(w in stops for w in words) / max(len(words), 1)
        seg.score = min(1.0, len(words) / 40) * (0.5 + sw)
        if len(words) >= 12 and sw > 0.25:
            seg.label, seg.reason = "body", "long line with many stop words"
        else:
            seg.label, seg.reason = "boilerplate", "short or few stop words"
    deadline.check("classifying")
    return assemble(segments, Meta(language=language), options, mode="text", url=url)
