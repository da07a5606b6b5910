"""Text mode: a line of share/print/save buttons is page furniture, in any language; a page
notice is never the headline."""

from __future__ import annotations

import pytest

import dehusk
from dehusk.features_words import share_tools

BODY = (
    "Die Stadtbibliothek verleiht seit April fünf elektrische Lastenräder an alle, die einen Ausweis haben. "
    "Reserviert wird online über den Katalog, genau wie bei einem Buch, und die Ausleihe ist kostenlos.\n\n"
    "In den ersten drei Wochen waren die Räder an jedem einzelnen Tag ausgeliehen, sagt die Leiterin. "
    "Auf der Warteliste stehen inzwischen mehr als zweihundert Namen, und weitere Räder sind bestellt.\n\n"
    "Bevor jemand zum ersten Mal losfährt, gibt es eine kurze Einweisung durch das Personal der Bibliothek. "
    "Helme und Schlösser liegen bereit, und ein Kindersitz kann auf Wunsch montiert werden.\n"
)


@pytest.mark.parametrize("line", ["Teilen   Drucken   Merken", "Share | Tweet | Email", "Partager Imprimer",
                                  "• Share", "Facebook Twitter WhatsApp E-Mail", "Share on Facebook",
                                  "Поделиться ВКонтакте", "Поделиться в Telegram", "Compartilhar   Imprimir",
                                  "Delen via e-mail", "Kommentare", "Share this:", "Share this article",
                                  "Diesen Artikel teilen",
                                  # more languages, and a label with a colon before its networks
                                  "Dela artikeln: Facebook X LinkedIn", "Bu haberi paylaş", "Sdílet   Tisknout",
                                  "Bagikan: Facebook WhatsApp Salin tautan", "Κοινοποίηση", "Megosztás | Nyomtatás",
                                  "Share this article: Facebook X LinkedIn Reddit Email",
                                  "شارك: فيسبوك تويتر واتساب", "공유 페이스북 트위터 카카오톡",
                                  "Distribuie pe WhatsApp", "Link kopiëren", "شارك على فيسبوك"])
def test_share_button_lines(line: str) -> None:
    assert share_tools(line)


@pytest.mark.parametrize("line", ["Save 30%", "print(x)", "Share this article with a friend who cycles",
                                  "Comments (12)", "Printing the catalogue", "3x", "This article", "Story", "On"])
def test_not_share_button_lines(line: str) -> None:
    assert not share_tools(line)


def test_share_line_left_out_of_the_text() -> None:
    page = ("Lastenräder in der Stadtbibliothek\n\nVon Lukas Hoffmann\n\n22.04.2024, 07:45 Uhr\n\n"
            "Teilen   Drucken   Merken\n\n" + BODY)
    art = dehusk.extract(page, mode="text", options=dehusk.Options(explain=True))
    assert "Drucken" not in art.text
    assert "zweihundert Namen" in art.text
    line = next(b for b in art.blocks if b.text.startswith("Teilen"))
    assert line.label == "boilerplate" and "share" in line.reason


def test_page_notice_is_not_the_headline() -> None:
    page = ("Please turn on JavaScript in your browser to read this site.\n\nLastenräder in der Stadtbibliothek\n\n"
            "Von Lukas Hoffmann\n\n22.04.2024, 07:45 Uhr\n\n" + BODY)
    art = dehusk.extract(page, mode="text")
    assert art.title is None or "JavaScript" not in art.title
