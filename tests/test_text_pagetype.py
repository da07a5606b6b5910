"""Text mode's page type and confidence (`pagetype_text.py`), on the hand-written dumps."""

from __future__ import annotations

import numpy as np
import pytest

import dehusk
from conftest import load_text_fixture, text_fixture_names
from dehusk.classify import load_model
from dehusk.pagetype import TYPES
from dehusk.pagetype_text import CONF_FEATURES, CONFIDENCE_MODEL, NO_URL, PAGE_FEATURES, TYPE_MODELS, page_row

NEWS = [name for name in text_fixture_names() if "-news-" in name]
MENU = "\n\n".join([
    "Home", "News", "Sport", "Weather", "Log in", "Subscribe", "Contact us", "Privacy policy", "Terms of use",
    "© 2024 Example Media", "Follow us on Facebook", "Newsletter", "Jobs", "Advertise", "About us",
])


def _extract(name: str, url: str | None = None) -> dehusk.Article:
    page, _ = load_text_fixture(name)
    return dehusk.extract(page, mode="text", url=url)


def test_shipped_models_read_the_rows_the_module_builds() -> None:
    for name in TYPE_MODELS:
        assert load_model(name).feature_names == PAGE_FEATURES
    assert load_model(CONFIDENCE_MODEL).feature_names == CONF_FEATURES


def test_page_row_has_one_value_per_feature_and_marks_a_missing_url() -> None:
    X = np.arange(6 * 77, dtype=np.float64).reshape(6, 77) % 7
    p = np.array([0.9, 0.1, 0.8, 0.2, 0.95, 0.5])
    words = np.array([40.0, 2, 30, 1, 55, 9])
    row = page_row(X, p, words, 0.6, None)
    assert row.shape == (len(PAGE_FEATURES),)
    col = {name: row[i] for i, name in enumerate(PAGE_FEATURES)}
    assert col["url_len"] == col["url_depth"] == NO_URL
    assert col["kept_share"] == pytest.approx(3 / 6)
    assert col["kept_word_share"] == pytest.approx(125 / 137)
    assert col["log_kept_runs"] == pytest.approx(np.log1p(3))  # kept, dropped, kept, dropped, kept
    with_url = page_row(X, p, words, 0.6, "https://forum.example.net/t/a-thread/1234")
    assert {name: with_url[i] for i, name in enumerate(PAGE_FEATURES)}["url_forum"] == 1.0


@pytest.mark.parametrize("name", NEWS)
def test_news_dumps_are_articles(name: str) -> None:
    a = _extract(name)
    assert a.page_type == "article"
    assert 0.5 < a.confidence <= 1.0


@pytest.mark.parametrize("url", [None, "https://forum.example.net/t/cache-warming-questions/20417"])
def test_a_forum_thread_is_a_forum(url: str | None) -> None:
    assert _extract("en-forum-thread", url).page_type == "forum"


def test_a_shop_page_with_its_url_is_a_product() -> None:
    assert _extract("de-product-page", "https://www.example-shop.de/p/akku-rasenmaeher-4711").page_type == "product"


def test_confidence_is_low_where_nothing_is_an_article() -> None:
    menu = dehusk.extract(MENU, mode="text")
    article = _extract("en-news-blanklines")
    assert menu.page_type in TYPES + ("other",)
    assert 0.0 <= menu.confidence < 0.5 < article.confidence
