"""The HTML author decision by page type: pages expected to carry a byline (AUTHORED_TYPES) take
the author picker's best candidate at a lower threshold than the others."""

from __future__ import annotations

from dehusk.classify import load_model
from dehusk.metadata_html import AUTHORED_TYPES, AuthorPick, HtmlMeta, decide_authors, settle_by_type


def _meta(p: float, rule: tuple[str, ...] = ("Rule Person",)) -> HtmlMeta:
    meta = HtmlMeta(authors=list(rule), sources={"authors": "rule:meta"} if rule else {})
    meta.author_pick = AuthorPick(p, ("Dana Okafor",), frozenset({"dana", "okafor"}), "byline element",
                                  rule, meta.sources.get("authors"), 0.1)
    return meta


def test_pick_above_threshold_replaces_the_rules_authors() -> None:
    meta = _meta(0.5)
    decide_authors(meta, 0.3)
    assert meta.authors == ["Dana Okafor"] and meta.sources["authors"] == "byline element"


def test_pick_naming_the_rules_people_keeps_their_wording() -> None:
    meta = _meta(0.5, rule=("DANA OKAFOR",))
    decide_authors(meta, 0.3)
    assert meta.authors == ["DANA OKAFOR"] and meta.sources["authors"] == "rule:meta"


def test_pick_below_threshold_leaves_no_author_and_deciding_again_starts_from_the_rules() -> None:
    meta = _meta(0.2)
    decide_authors(meta, 0.3)
    assert meta.authors == [] and "authors" not in meta.sources
    decide_authors(meta, 0.1)
    assert meta.authors == ["Dana Okafor"]
    decide_authors(meta, 0.3)
    assert meta.authors == [] and meta.sources == {}


def test_without_candidate_no_author_at_any_threshold() -> None:
    meta = _meta(-1.0)
    decide_authors(meta, 0.0)
    assert meta.authors == []


def test_settling_lowers_the_author_threshold_on_authored_types_only() -> None:
    for page_type in ("article", "forum", "service", "product", "documentation", "listing", "collection", "other"):
        meta = _meta(0.2)
        decide_authors(meta, 0.3)  # what html_metadata decides before the page type is known
        settle_by_type(meta, page_type)
        assert (meta.authors == ["Dana Okafor"]) == (page_type in AUTHORED_TYPES), page_type


def test_shipped_author_picker_has_a_lower_threshold_for_authored_types() -> None:
    model = load_model("html_author")
    assert 0.0 <= model.meta["threshold_authored"] < model.threshold_default < 0.95
