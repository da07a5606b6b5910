"""Encodings and languages in HTML mode: missing or wrong charset declarations decode without
mojibake; CJK, Arabic, Cyrillic and Polish pages keep their body (and only their body)."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

import dehusk
from conftest import norm

FIXTURES = Path(__file__).parent / "fixtures" / "html"
LANGS = {"zh": "gbk", "ja": "shift_jis", "ar": "cp1256", "ru": "cp1251", "pl": "cp1250"}


def source(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def paragraphs(html: str) -> list[str]:
    tree = LexborHTMLParser(html)
    return [norm(p.text()) for p in tree.css("p") if p.parent is not None and p.parent.tag != "footer"
            and "footer" not in (p.parent.attributes.get("class") or "")]


def body_paragraphs(lang: str) -> list[str]:
    html = source(f"lang-{lang}.html")
    tree = LexborHTMLParser(html)
    sel = {"zh": ".content p", "ja": ".article-body p", "ar": ".article-text p", "ru": ".post-content p",
           "pl": ".article__body p"}[lang]
    return [norm(p.text()) for p in tree.css(sel)]


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_language_pages_keep_their_body(lang: str) -> None:
    art = dehusk.extract(source(f"lang-{lang}.html").encode("utf-8"), mode="html")
    body = norm(art.text)
    for p in body_paragraphs(lang):
        assert p in body, p
    footer = LexborHTMLParser(source(f"lang-{lang}.html")).css_first("footer, div.footer")
    assert footer is not None and norm(footer.text(separator=" ")).split()[0] not in body
    assert art.language == lang


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_legacy_encoding_without_declaration(lang: str) -> None:
    html = source(f"lang-{lang}.html").replace('<meta charset="utf-8">', "")
    art = dehusk.extract(html.encode(LANGS[lang]), mode="html")
    body = norm(art.text)
    for p in body_paragraphs(lang):
        assert p in body, p


@pytest.mark.parametrize(("lang", "declared"), [("zh", "utf-8"), ("ja", "utf-8"), ("ja", "windows-1251"),
                                                ("ru", "shift_jis"), ("zh", "shift_jis")])
def test_wrong_declaration(lang: str, declared: str) -> None:
    html = source(f"lang-{lang}.html").replace('charset="utf-8"', f'charset="{declared}"')
    art = dehusk.extract(html.encode(LANGS[lang]), mode="html")
    assert body_paragraphs(lang)[0] in norm(art.text)


def test_cp1252_without_declaration_has_no_mojibake() -> None:
    html = source("body-split.html").replace('<meta charset="utf-8">', "")
    html = html.replace("When the last miller", "When the last miller \u2014 \u201cold S\u00e9amus\u201d \u2014")
    html = html.replace("damp flour sacks", "damp flour sacks (worth \u20ac40)")
    art = dehusk.extract(html.encode("cp1252"), mode="html")
    assert "\u201cold S\u00e9amus\u201d" in art.text and "(worth \u20ac40)" in art.text


def test_utf16_with_bom_and_a_lying_declaration() -> None:
    html = source("lang-ru.html").replace('charset="utf-8"', 'charset="windows-1251"')
    for enc in ("utf-16", "utf-16-be"):
        data = html.encode(enc)
        if enc == "utf-16-be":
            data = b"\xfe\xff" + data
        art = dehusk.extract(data, mode="html")
        assert body_paragraphs("ru")[0] in norm(art.text)
