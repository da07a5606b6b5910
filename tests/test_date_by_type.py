"""The HTML date decision by page type: pages expected to carry a date (DATED_TYPES) take the
picker's best candidate at a lower threshold than the others."""

from __future__ import annotations

from dehusk.classify import load_model
from dehusk.metadata_html import DATED_TYPES, DatePick, HtmlMeta, decide_date, settle_by_type


def _meta(p: float, *, published: str | None = "2020-01-01", modified: str | None = "2020-06-01") -> HtmlMeta:
    meta = HtmlMeta(published=published, modified=modified,
                    sources={"published": "rule:meta", "modified": "rule:meta"} if published else {})
    meta.date_pick = DatePick(p, "2021-03-04", "2021-03-04T10:00:00+00:00", "json-ld", published, modified,
                              meta.sources.get("published"), meta.sources.get("modified"), 0.0)
    return meta


def test_pick_above_threshold_replaces_rule_date_and_drops_older_modified() -> None:
    meta = _meta(0.5)
    decide_date(meta, 0.2)
    assert meta.published == "2021-03-04T10:00:00+00:00"
    assert meta.sources["published"] == "json-ld"
    assert meta.modified is None and "modified" not in meta.sources


def test_pick_below_threshold_leaves_no_date() -> None:
    meta = _meta(0.05)
    decide_date(meta, 0.2)
    assert meta.published is None and "published" not in meta.sources
    assert meta.modified == "2020-06-01"  # (only the publication date is the picker's)


def test_deciding_again_starts_from_the_rules() -> None:
    meta = _meta(0.05)
    decide_date(meta, 0.2)  # no date at 0.2
    decide_date(meta, 0.0)  # the pick at 0.0
    assert meta.published == "2021-03-04T10:00:00+00:00"
    decide_date(meta, 0.2)  # and back: the same as deciding at 0.2 once
    assert meta.published is None and meta.modified == "2020-06-01"
    assert meta.sources == {"modified": "rule:meta"}


def test_settling_lowers_the_date_threshold_on_dated_types_only() -> None:
    for page_type in ("article", "forum", "service", "product", "documentation", "listing", "collection", "other"):
        meta = _meta(0.05)
        decide_date(meta, 0.2)  # what html_metadata decides before the page type is known
        settle_by_type(meta, page_type)
        dated = meta.published == "2021-03-04T10:00:00+00:00"
        assert dated == (page_type in DATED_TYPES), page_type


def test_without_candidate_no_date_at_any_threshold() -> None:
    meta = _meta(-1.0)
    decide_date(meta, 0.0)
    assert meta.published is None


def test_shipped_date_picker_has_a_lower_threshold_for_dated_types() -> None:
    model = load_model("html_date")
    assert 0.0 <= model.meta["threshold_dated"] < model.threshold_default < 0.5
