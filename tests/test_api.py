"""The library API: `dehusk.extract`, `Article` (frozen, `to_dict()` per ARTICLE_SCHEMA),
explained blocks, and options given as keywords."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

import pytest

import dehusk
from conftest import TEXT_FIXTURES, norm
from dehusk import ARTICLE_SCHEMA, LABELS, Article, Options

TEXT_PAGE = (TEXT_FIXTURES / "en-news-blanklines.txt").read_bytes()
HTML_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bridge approved | City Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Council approves new footbridge", "datePublished": "2024-04-04T09:30:00+01:00",
"author": {"@type": "Person", "name": "Tom Harrow"}}</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves new footbridge</h1><p class="byline">By Tom Harrow</p>
<p>The city council has approved plans for a pedestrian and cycle bridge across the river, linking the station quarter with the new housing on the former brewery site.</p>
<p>Construction is expected to begin in the autumn and take around eighteen months, with most of the cost covered by a government grant for active travel schemes.</p>
</article><footer>Privacy policy</footer></body></html>
"""
SMALL = """Home
News
Weather
Council approves new footbridge over the river
By Tom Harrow
4 April 2024
The city council has approved plans for a pedestrian and cycle bridge across the river, linking the station quarter with the new housing on the former brewery site.

Construction is expected to begin in the autumn and take around eighteen months, with most of the cost covered by a government grant for active travel schemes.
   Residents who objected to the first design said they were pleased the bridge had moved further from their gardens.
Read more: Station car park to close for repairs
Privacy policy
© 2024 City Post
"""
SMALL_BULLETS = """• Home
• News
* Weather
Council approves new footbridge over the river
- Share
The city council has approved plans for a pedestrian and cycle bridge across the river, linking the station quarter with the new housing.
  • Construction is expected to begin in the autumn and take around eighteen months.
  • Most of the cost is covered by a government grant for active travel schemes.
• Privacy policy
"""
_BULLET = re.compile(r"^[•*·-]\s+")


# ----------------------------------------------------------------- a small JSON-schema checker


_TYPES: dict[str, Any] = {"string": str, "array": list, "object": dict, "null": type(None), "boolean": bool}


def _type_ok(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def schema_errors(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """What the subset of JSON Schema used by ARTICLE_SCHEMA says is wrong with `value`."""
    errors: list[str] = []
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not one of {schema['enum']}")
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_type_ok(value, t) for t in types):
            return [*errors, f"{where}: {type(value).__name__} is not {types}"]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{where}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, dict):
        errors += [f"{where}: missing key {k!r}" for k in schema.get("required", []) if k not in value]
        props = schema.get("properties", {})
        for k, v in value.items():
            if k in props:
                errors += schema_errors(v, props[k], f"{where}.{k}")
            elif schema.get("type") == "object" and props:
                errors.append(f"{where}: undocumented key {k!r}")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            errors += schema_errors(v, schema["items"], f"{where}[{i}]")
    return errors


def test_schema_checker_catches_mistakes() -> None:
    good = Article(text="x").to_dict()
    assert schema_errors(good, ARTICLE_SCHEMA) == []
    assert schema_errors({**good, "authors": "Tom"}, ARTICLE_SCHEMA)
    assert schema_errors({k: v for k, v in good.items() if k != "lead"}, ARTICLE_SCHEMA)
    assert schema_errors({**good, "confidence": 1.5}, ARTICLE_SCHEMA)
    assert schema_errors({**good, "mode": "pdf"}, ARTICLE_SCHEMA)
    assert schema_errors({**good, "extra": 1}, ARTICLE_SCHEMA)
    assert schema_errors(
        {
            **good,
            "blocks": [{"index": 0, "text": "a", "label": "nope", "score": 0.1, "reason": "r", "kind": "p"}],
        },
        ARTICLE_SCHEMA,
    )


# ----------------------------------------------------------------- Article


def test_article_is_frozen() -> None:
    art = dehusk.extract(TEXT_PAGE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        art.title = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        art.text = ""  # type: ignore[misc]
    assert isinstance(art.authors, tuple) and isinstance(art.tags, tuple)


def test_blocks_are_frozen() -> None:
    art = dehusk.extract(SMALL, explain=True)
    assert art.blocks
    with pytest.raises(dataclasses.FrozenInstanceError):
        art.blocks[0].label = "body"  # type: ignore[misc]


CASES = {
    "text": (TEXT_PAGE, {}),
    "text-explain": (TEXT_PAGE, {"explain": True}),
    "text-markdown": (TEXT_PAGE, {"markdown": True}),
    "html": (HTML_PAGE, {}),
    "html-explain-markdown": (HTML_PAGE, {"explain": True, "markdown": True}),
    "small-url": (SMALL, {"url": "https://example.org/news/bridge"}),
    "empty": ("", {}),
    "empty-explain": (b"", {"explain": True}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_to_dict_matches_the_schema(case: str) -> None:
    page, kwargs = CASES[case]
    d = dehusk.extract(page, **kwargs).to_dict()
    assert schema_errors(d, ARTICLE_SCHEMA) == []
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert ("blocks" in d) == bool(kwargs.get("explain"))
    assert ("markdown" in d) == bool(kwargs.get("markdown"))
    if d["published"] is not None:
        assert re.fullmatch(
            r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?", d["published"]
        )
    if d["language"] is not None:
        assert re.fullmatch(r"[a-z]{2}", d["language"])


def test_to_dict_required_keys() -> None:
    d = Article().to_dict()
    assert set(ARTICLE_SCHEMA["required"]) <= set(d)
    assert d["authors"] == [] and d["tags"] == [] and d["text"] == ""


def test_paragraphs() -> None:
    art = Article(text="One.\n\nTwo.\n\nThree.")
    assert art.paragraphs == ["One.", "Two.", "Three."]


def test_str_and_bytes_give_the_same_article() -> None:
    assert dehusk.extract(TEXT_PAGE.decode("utf-8")).to_dict() == dehusk.extract(TEXT_PAGE).to_dict()


def test_extract_is_deterministic() -> None:
    assert dehusk.extract(TEXT_PAGE, explain=True) == dehusk.extract(TEXT_PAGE, explain=True)


def test_url_and_mode_are_reported() -> None:
    art = dehusk.extract(SMALL, url="https://example.org/a")
    assert art.url == "https://example.org/a" and art.mode == "text"
    assert dehusk.extract(HTML_PAGE).mode == "html"


def test_language_is_iso_639_1() -> None:
    assert dehusk.extract(TEXT_PAGE).language == "en"


# ----------------------------------------------------------------- explain


@pytest.mark.parametrize(
    "page", [SMALL, SMALL_BULLETS, SMALL.replace("\n", "\r\n")], ids=["plain", "bullets", "crlf"]
)
def test_explain_blocks_cover_every_line_in_order(page: str) -> None:
    art = dehusk.extract(page, mode="text", explain=True)
    blocks = art.blocks
    assert blocks is not None and blocks
    assert [b.index for b in blocks] == list(range(len(blocks)))
    lines = [_BULLET.sub("", norm(line)) for line in page.splitlines() if line.strip()]
    covered = norm(" ".join(_BULLET.sub("", norm(b.text)) for b in blocks))
    assert covered == norm(" ".join(lines)), "blocks should hold every non-empty line, in order, once"
    for b in blocks:
        assert b.label in LABELS, b
        assert isinstance(b.score, float) and 0.0 <= b.score <= 1.0, b
        assert isinstance(b.reason, str) and b.reason.strip(), b
        assert b.text == b.text.strip() and b.text


@pytest.mark.parametrize("page", [SMALL, TEXT_PAGE], ids=["small", "fixture"])
def test_explain_labels_agree_with_the_text(page: str | bytes) -> None:
    """`text` is made of the blocks labelled lead, body and heading, in order."""
    art = dehusk.extract(page, mode="text", explain=True)
    assert art.blocks is not None
    kept = [b.text for b in art.blocks if b.label in ("lead", "body", "heading")]
    assert norm(" ".join(kept)) == norm(art.text)
    assert art == dataclasses.replace(dehusk.extract(page, mode="text"), blocks=art.blocks)


def test_empty_page_explained_has_no_blocks() -> None:
    art = dehusk.extract("   \n", explain=True)
    assert art.blocks == () and art.text == ""


# ----------------------------------------------------------------- options


def test_options_as_keywords() -> None:
    assert dehusk.extract(SMALL).blocks is None
    assert dehusk.extract(SMALL, explain=True).blocks
    assert dehusk.extract(SMALL, options=Options(explain=True)).blocks
    assert dehusk.extract(SMALL, options=Options(explain=True), explain=False).blocks is None  # keywords win
    assert dehusk.extract(SMALL).markdown is None
    assert isinstance(dehusk.extract(SMALL, markdown=True).markdown, str)
    assert dehusk.extract(SMALL, explain=True, markdown=True, timeout=None).blocks


def test_unknown_option_is_type_error() -> None:
    with pytest.raises(TypeError, match="explian"):
        dehusk.extract(SMALL, explian=True)
    with pytest.raises(TypeError):
        Options.from_kwargs(bogus=1)
    with pytest.raises(TypeError):
        Options(bogus=1)  # type: ignore[call-arg]


def test_options_are_frozen() -> None:
    opts = Options(explain=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.explain = False  # type: ignore[misc]
    assert opts.with_(explain=False).explain is False and opts.explain is True


def test_timeout_passes_as_page_timeout() -> None:
    big = TEXT_PAGE * 200
    with pytest.raises(dehusk.PageTimeout):
        dehusk.extract(big, mode="text", timeout=1e-9)
    assert isinstance(dehusk.extract(big, mode="text", timeout=None), Article)  # no limit: it finishes


def test_public_names() -> None:
    for name in (
        "extract",
        "Article",
        "Block",
        "Options",
        "DehuskError",
        "InputError",
        "PageTimeout",
        "LABELS",
        "ARTICLE_SCHEMA",
        "PAGE_TYPES",
        "__version__",
    ):
        assert hasattr(dehusk, name), name
