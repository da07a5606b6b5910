"""Text mode's headline picker by language: title-cased English headlines, sentence-case elsewhere."""

from __future__ import annotations

import numpy as np

import dehusk
from dehusk.classify import load_model
from dehusk.metadata_text_title import CASE_FEATURES, TITLE_FEATURES, title_model_name


def test_the_picker_follows_the_language() -> None:
    assert title_model_name("en") == "text_title"
    assert title_model_name(None) == "text_title"  # unknown: as English, the training data's language
    for lang in ("es", "de", "fr", "pt", "ru", "pl", "zh"):
        assert title_model_name(lang) == "text_title_caseless"


def test_the_caseless_picker_never_reads_the_case_columns() -> None:
    model = load_model("text_title_caseless")
    assert model.feature_names == TITLE_FEATURES
    rng = np.random.default_rng(0)
    X = rng.random((50, len(TITLE_FEATURES)))
    Y = X.copy()
    Y[:, [TITLE_FEATURES.index(name) for name in CASE_FEATURES]] = rng.random((50, len(CASE_FEATURES))) * 30
    assert np.array_equal(model.predict(X), model.predict(Y))
    # the English picker does read them
    assert not np.array_equal(load_model("text_title").predict(X), load_model("text_title").predict(Y))


def test_a_spanish_page_is_given_to_the_caseless_picker() -> None:
    """(The fixture es-news-bullets checks the headline it picks on a whole page.)"""
    page = ("Portada\n\nValencia tendrá doce kilómetros más de carril bici antes del verano\n\n"
            + "El Ayuntamiento aprobó este martes el plan para ampliar la red de carriles bici en los barrios del norte, "
            "una obra que los vecinos reclamaban desde hace más de diez años. " * 3)
    assert dehusk.extract(page, mode="text").language == "es"
    assert title_model_name("es") == "text_title_caseless"
