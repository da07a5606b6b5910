"""The output record: `Article`, and `Block` for the explained view of a page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Labels a block can carry. The first group is kept in the article, the rest is husk.
CONTENT_LABELS = ("title", "lead", "body", "heading")
METADATA_LABELS = ("byline", "date", "source", "tags")
HUSK_LABELS = (
    "teaser",  # a headline/summary of another article ("Read more" rails)
    "navigation",  # menus, breadcrumbs, pagination, skip links
    "related",  # related/recommended links and lists
    "boilerplate",  # footers, legal, share/cookie/newsletter prompts, template lines
    "comment",  # user comments (kept only with include_comments=True)
    "caption",  # image credits / alt texts
    "duplicate",  # repeats a block already kept
    "empty",
)
LABELS = CONTENT_LABELS + METADATA_LABELS + HUSK_LABELS

#: Values of `Article.page_type`.
PAGE_TYPES = ("article", "forum", "product", "listing", "collection", "documentation", "service", "other")


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the page as dehusk cut it, with what dehusk decided about it."""

    index: int
    text: str
    label: str
    score: float  # the classifier's probability that the block is main content
    reason: str  # human-readable: why this label
    kind: str = "p"  # structure: p, h, li, pre, quote, table, line, ...
    level: int = 0  # heading level (1-6) or list depth
    path: str | None = None  # HTML mode: the block's tag path

    @property
    def kept(self) -> bool:
        return self.label in CONTENT_LABELS

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "index": self.index,
            "text": self.text,
            "label": self.label,
            "score": round(float(self.score), 4),
            "reason": self.reason,
            "kind": self.kind,
        }
        if self.level:
            d["level"] = self.level
        if self.path:
            d["path"] = self.path
        return d


@dataclass(frozen=True, slots=True)
class Article:
    """The article dehusk found in a page. `to_dict()` gives the documented JSON shape."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601 date or datetime
    modified: str | None = None
    lead: str | None = None  # the standfirst; also the first paragraph of `text`
    text: str = ""  # lead once, then the body; paragraphs separated by blank lines
    source: str | None = None  # credit / agency line ("AFP", "FRANCE 24 with wires")
    tags: tuple[str, ...] = ()
    language: str | None = None  # ISO 639-1
    url: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    page_type: str | None = None
    confidence: float | None = None  # predicted quality of this extraction, 0-1
    empty_reason: str | None = None  # why `text` is empty or short (machine-readable)
    mode: str | None = None  # "text" or "html": how the page was read
    markdown: str | None = None  # with Options(markdown=True): `text` with structure kept
    blocks: tuple[Block, ...] | None = field(default=None, repr=False)  # with explain=True

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published,
            "modified": self.modified,
            "lead": self.lead,
            "text": self.text,
            "source": self.source,
            "tags": list(self.tags),
            "language": self.language,
            "url": self.url,
            "site_name": self.site_name,
            "canonical_url": self.canonical_url,
            "page_type": self.page_type,
            "confidence": None if self.confidence is None else round(float(self.confidence), 4),
            "empty_reason": self.empty_reason,
            "mode": self.mode,
        }
        if self.markdown is not None:
            d["markdown"] = self.markdown
        if self.blocks is not None:
            d["blocks"] = [b.to_dict() for b in self.blocks]
        return d

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]


#: JSON schema of `Article.to_dict()` (documented in the README).
ARTICLE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "dehusk Article",
    "type": "object",
    "required": ["title", "authors", "published", "modified", "lead", "text", "source", "tags", "language", "url"],
    "properties": {
        "title": {"type": ["string", "null"]},
        "authors": {"type": "array", "items": {"type": "string"}},
        "published": {"type": ["string", "null"], "description": "ISO 8601 date or datetime"},
        "modified": {"type": ["string", "null"], "description": "ISO 8601 date or datetime"},
        "lead": {"type": ["string", "null"]},
        "text": {"type": "string"},
        "source": {"type": ["string", "null"]},
        "tags": {"type": "array", "items": {"type": "string"}},
        "language": {"type": ["string", "null"], "description": "ISO 639-1"},
        "url": {"type": ["string", "null"]},
        "site_name": {"type": ["string", "null"]},
        "canonical_url": {"type": ["string", "null"]},
        "page_type": {"enum": [*PAGE_TYPES, None]},
        "confidence": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "empty_reason": {"type": ["string", "null"]},
        "mode": {"enum": ["text", "html", None]},
        "markdown": {"type": "string"},
        "blocks": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["index", "text", "label", "score", "reason", "kind"],
                "properties": {
                    "index": {"type": "integer"},
                    "text": {"type": "string"},
                    "label": {"enum": list(LABELS)},
                    "score": {"type": "number"},
                    "reason": {"type": "string"},
                    "kind": {"type": "string"},
                    "level": {"type": "integer"},
                    "path": {"type": "string"},
                },
            },
        },
    },
}
