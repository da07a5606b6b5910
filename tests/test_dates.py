"""dehusk.dates: parse_date, find_dates, has_date_hint, best_dates (synthetic inputs only)."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from dehusk import dates
from dehusk.dates import DateMatch, best_dates, find_dates, has_date_hint, parse_date

FETCH = "2026-01-01"


# --- parse_date: one value -> ISO 8601 --------------------------------------------------------

ISO_AND_METADATA = [
    ("2013-02-06", "2013-02-06"),
    ("  2013-02-06  ", "2013-02-06"),
    ("2013-2-6", "2013-02-06"),
    ("2013-02-06T10:32:00Z", "2013-02-06T10:32:00+00:00"),
    ("2013-02-06T10:32:00.123+01:00", "2013-02-06T10:32:00+01:00"),
    ("2013-02-06T10:32:00+0100", "2013-02-06T10:32:00+01:00"),
    ("2013-02-06T10:32:00-05:00", "2013-02-06T10:32:00-05:00"),
    ("2013-02-06T10:32:00.000000Z", "2013-02-06T10:32:00+00:00"),
    ("2013-02-06T10:32:00", "2013-02-06T10:32:00"),
    ("2013-02-06 10:32", "2013-02-06T10:32:00"),
    ("2013/02/06", "2013-02-06"),
    ("2013.02.06", "2013-02-06"),
    ("20130206", "2013-02-06"),
    ("Wed, 06 Feb 2013 10:32:00 +0100", "2013-02-06T10:32:00+01:00"),
    ("Wed, 06 Feb 2013 10:32:00 GMT", "2013-02-06T10:32:00+00:00"),
    ("Wed Feb 06 2013 10:32:00 GMT+0100 (Central European Standard Time)", "2013-02-06T10:32:00+01:00"),
    ("1360108800", "2013-02-06T00:00:00+00:00"),
    ("1360108800000", "2013-02-06T00:00:00+00:00"),
    ("1360108800.5", "2013-02-06T00:00:00+00:00"),
    ("Latest update : 2013-02-06", "2013-02-06"),
    ("Published: Tuesday 5 March 2024, 10:32 CET", "2024-03-05T10:32:00+01:00"),
    ("Feb 6, 2013", "2013-02-06"),
    ("6 February 2013", "2013-02-06"),
    ("06.02.2013", "2013-02-06"),
    ("2021年03月23日", "2021-03-23"),
    ("2021年3月23日", "2021-03-23"),
    ("２０２１年３月２３日", "2021-03-23"),
    ("2021년 3월 23일", "2021-03-23"),
    ("2025•01•08", "2025-01-08"),
]


@pytest.mark.parametrize(("value", "expected"), ISO_AND_METADATA)
def test_parse_date_formats(value: str, expected: str) -> None:
    assert parse_date(value, fetch_date=FETCH) == expected


LANGUAGES = [
    # English
    ("March 3rd, 2021", "2021-03-03"),
    ("the 3rd of March 2021", "2021-03-03"),
    ("1st June 2020", "2020-06-01"),
    ("22nd Jan 2022", "2022-01-22"),
    ("Sept. 5, 2020", "2020-09-05"),
    ("Sept 5, 2020", "2020-09-05"),
    ("Feb. 6, 2013", "2013-02-06"),
    ("6 Feb. 2013", "2013-02-06"),
    ("Dec 24 2019", "2019-12-24"),
    ("FEBRUARY 6TH, 2013", "2013-02-06"),
    ("06-Feb-2013", "2013-02-06"),
    # German
    ("3. März 2021", "2021-03-03"),
    ("3. Maerz 2021", None),  # transliterations are not month names
    ("5. Mai 2020", "2020-05-05"),
    ("12. Dezember 2019", "2019-12-12"),
    ("1. Jänner 2020", "2020-01-01"),
    ("3. Mär. 2021", "2021-03-03"),
    # French
    ("1er janvier 2020", "2020-01-01"),
    ("5 février 2013", "2013-02-05"),
    ("5 fevrier 2013", "2013-02-05"),
    ("12 déc. 2019", "2019-12-12"),
    ("mardi 5 mars 2024 à 10h32", "2024-03-05T10:32:00"),
    # Spanish
    ("5 de marzo de 2024", "2024-03-05"),
    ("5 de septiembre del 2023", "2023-09-05"),
    ("1º de enero de 2020", "2020-01-01"),
    # Italian
    ("5 marzo 2024", "2024-03-05"),
    ("1° maggio 2021", "2021-05-01"),
    ("24 dicembre 2019", "2019-12-24"),
    # Portuguese
    ("5 de março de 2024", "2024-03-05"),
    ("1º de maio de 2021", "2021-05-01"),
    ("10 de outubro de 2022", "2022-10-10"),
    # Dutch
    ("5 maart 2024", "2024-03-05"),
    ("17 okt. 2022", "2022-10-17"),
    ("1 mei 2021", "2021-05-01"),
    # Polish (genitive)
    ("5 marca 2024", "2024-03-05"),
    ("12 października 2023 r.", "2023-10-12"),
    ("1 sierpnia 2020", "2020-08-01"),
    # Czech
    ("5. března 2024", "2024-03-05"),
    ("1. září 2020", "2020-09-01"),
    ("6. února 2013", "2013-02-06"),
    # Swedish, Danish, Norwegian
    ("5 mars 2024", "2024-03-05"),
    ("17 augusti 2021", "2021-08-17"),
    ("5. marts 2024", "2024-03-05"),
    ("17. mai 2021", "2021-05-17"),
    ("3. desember 2020", "2020-12-03"),
    # Russian, Ukrainian
    ("5 марта 2024 г.", "2024-03-05"),
    ("1 сентября 2020", "2020-09-01"),
    ("5 березня 2024", "2024-03-05"),
    ("12 листопада 2023", "2023-11-12"),
    # Turkish (dotless i, upper case)
    ("5 Mart 2024", "2024-03-05"),
    ("29 Ekim 2023", "2023-10-29"),
    ("6 KASIM 2023", "2023-11-06"),
    ("31 Aralık 2022", "2022-12-31"),
    ("5 Şubat 2024", "2024-02-05"),
    # Romanian
    ("9 martie 2023", "2023-03-09"),
    ("21 Noiembrie 2022", "2022-11-21"),
    ("4 ian. 2021", "2021-01-04"),
    ("30 iul 2020", "2020-07-30"),
    # Hungarian: year first, with a dot after the year and the day
    ("2023. március 9.", "2023-03-09"),
    ("2022. szept. 30.", "2022-09-30"),
    ("2021. ÁPRILIS 2.", "2021-04-02"),
    ("2020. aug. 17., hétfő", "2020-08-17"),
    ("2019. május 1-jén", "2019-05-01"),
    # Greek: genitive and nominative, accents or none, upper case, colloquial, abbreviated
    ("9 Μαρτίου 2023", "2023-03-09"),
    ("9 μαρτιου 2023", "2023-03-09"),
    ("9 ΜΑΡΤΙΟΥ 2023", "2023-03-09"),
    ("1 Μαΐου 2021", "2021-05-01"),
    ("1 ΜΑΪΟΥ 2021", "2021-05-01"),
    ("1 Μαΐου 2021".upper(), "2021-05-01"),  # combining accents
    ("Αύγουστος 15, 2020", "2020-08-15"),
    ("3 Ιούλη 2019", "2019-07-03"),
    ("28 Φεβ. 2022", "2022-02-28"),
    ("12 Δεκ 2018", "2018-12-12"),
    # Arabic: Egyptian/Gulf, Levantine (also two words), Maghreb, both calendars' names together
    ("9 مارس 2023", "2023-03-09"),
    ("2 أبريل 2022", "2022-04-02"),
    ("2 ابريل 2022", "2022-04-02"),
    ("30 يونيه 2021", "2021-06-30"),
    ("9 آذار 2023", "2023-03-09"),
    ("18 تشرين الأول 2022", "2022-10-18"),
    ("3 كانون الثاني 2021", "2021-01-03"),
    ("3 كانون  الثاني 2021", "2021-01-03"),
    ("14 جويلية 2020", "2020-07-14"),
    ("1 أوت 2019", "2019-08-01"),
    ("9 مارس/آذار 2023", "2023-03-09"),
    ("مارس 9، 2023", "2023-03-09"),
    # Indonesian, Malay
    ("9 Maret 2023", "2023-03-09"),
    ("17 Agustus 2022", "2022-08-17"),
    ("10 Nopember 2021", "2021-11-10"),
    ("9 Mac 2023", "2023-03-09"),
    ("31 Ogos 2022", "2022-08-31"),
    ("25 Disember 2020", "2020-12-25"),
]


@pytest.mark.parametrize(("value", "expected"), LANGUAGES)
def test_parse_date_languages(value: str, expected: str | None) -> None:
    assert parse_date(value, fetch_date=FETCH) == expected


TIMES = [
    ("Feb 6, 2013 at 4:05 p.m. EST", "2013-02-06T16:05:00-05:00"),
    ("6 February 2013 12:00 am", "2013-02-06T00:00:00"),
    ("6 February 2013 12:30 PM", "2013-02-06T12:30:00"),
    ("05.03.2024 um 10.15 Uhr", "2024-03-05T10:15:00"),
    ("5 March 2024 18:30 BST", "2024-03-05T18:30:00+01:00"),
    ("5 March 2024 18:30 CEST", "2024-03-05T18:30:00+02:00"),
    ("5 March 2024 18:30 UTC+5:30", "2024-03-05T18:30:00+05:30"),
    ("2024-03-05 10:32 IST", "2024-03-05T10:32:00"),  # ambiguous zone: time kept, no offset
    ("Posted at 18:05, 5 March 2024", "2024-03-05T18:05:00"),
    ("18:05 05.03.2024", "2024-03-05T18:05:00"),
    ("2024年3月5日 18:05", "2024-03-05T18:05:00"),
    ("Wed, 12/03/2025 - 02:42", "2025-03-12T02:42:00"),
    ("October 17, 20236:01 PM ET", "2023-10-17T18:01:00"),  # a text dump glued year and time
    ("2013-02-06T25:00:00", "2013-02-06"),  # impossible time: the date alone
    ("6 February 2013 13:00 pm", "2013-02-06"),
    ("5 March 2024, 1.50 million", "2024-03-05"),  # "1.50" is not a time
    # year first with spaces (Korean, Hungarian), CJK hours and minutes, a.m./p.m. before the time
    ("2024. 3. 12.", "2024-03-12"),
    ("2024. 03. 12. 14:05", "2024-03-12T14:05:00"),
    ("2024. 03. 12 14:05", "2024-03-12T14:05:00"),
    ("2024. március 12. 14:05", "2024-03-12T14:05:00"),
    ("2024年3月12日 14時05分", "2024-03-12T14:05:00"),
    ("2024년 3월 12일 14시 5분", "2024-03-12T14:05:00"),
    ("2024. 3. 12. 오후 2:05", "2024-03-12T14:05:00"),
    ("2024年3月12日 下午2:05", "2024-03-12T14:05:00"),
    ("2024年3月12日 午前12:30", "2024-03-12T00:30:00"),
    ("Selasa, 12 Maret 2024 | 14:05 WIB", "2024-03-12T14:05:00+07:00"),
]


@pytest.mark.parametrize(("value", "expected"), TIMES)
def test_parse_date_times(value: str, expected: str) -> None:
    assert parse_date(value, fetch_date=FETCH) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("13/02/2013", None, "2013-02-13"),
        ("02/13/2013", None, "2013-02-13"),
        ("02/13/2013", "de", "2013-02-13"),
        ("02/06/2013", None, "2013-06-02"),
        ("02/06/2013", "fr", "2013-06-02"),
        ("02/06/2013", "en-GB", "2013-06-02"),
        ("02/06/2013", "en", "2013-02-06"),
        ("02/06/2013", "en-US", "2013-02-06"),
        ("02/06/2013", "en_us", "2013-02-06"),
        ("06.18.2025", None, "2025-06-18"),
        ("09.10.2024", "de", "2024-10-09"),
        ("09.10.2024", "en", "2024-09-10"),
        ("6-2-2013", None, "2013-02-06"),
        ("13/13/2013", None, None),
    ],
)
def test_numeric_day_month_order(value: str, lang: str | None, expected: str | None) -> None:
    assert parse_date(value, fetch_date=FETCH, lang=lang) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "garbage",
        "hello world",
        "3 hours ago",
        "yesterday",
        "vor 2 Tagen",
        "2013-02-30",
        "31 April 2020",
        "29 February 2023",
        "1994-12-31",
        "1 January 1990",
        "2013-02",
        "2013",
        "March 2021",
        "5 March",
        "99999999999",
        "0000000001",  # epoch 1970
        "2099-01-01",
        "Mayor 5, 2024",
        "sumar 5, 2024",
        "+1 (623) 335-2152",
        "1" * 1_000_000,
        "Jan " * 250_000,
    ],
)
def test_parse_date_rejects(value: str) -> None:
    assert parse_date(value, fetch_date=FETCH) is None


@pytest.mark.parametrize("value", [None, 123, 1360108800, b"2013-02-06", ["2013-02-06"]])
def test_parse_date_non_strings(value: object) -> None:
    assert parse_date(value) is None  # type: ignore[arg-type]
    assert find_dates(value) == []  # type: ignore[arg-type]


def test_fetch_date_limit() -> None:
    assert parse_date("2024-03-06", fetch_date="2024-03-05") == "2024-03-06"  # one day of slack
    assert parse_date("2024-03-07", fetch_date="2024-03-05") is None
    assert parse_date("7 March 2024", fetch_date="2024-03-05T23:00:00Z") is None
    assert parse_date("1709769600", fetch_date="2024-03-05") is None  # epoch 2024-03-07
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    later = tomorrow + datetime.timedelta(days=1)
    assert parse_date(tomorrow.isoformat()) == tomorrow.isoformat()
    assert parse_date(later.isoformat()) is None
    assert [d.value for d in find_dates("5 March 2024 and 9 March 2024", fetch_date="2024-03-06")] == [
        "2024-03-05"
    ]


def test_fetch_date_invalid_raises() -> None:
    with pytest.raises(ValueError):
        parse_date("2024-03-05", fetch_date="not a date")


def test_parse_date_prefers_published() -> None:
    assert parse_date("Updated 6 March 2024, published 5 March 2024", fetch_date=FETCH) == "2024-03-05"
    assert parse_date("6 March 2024 / 5 March 2024", fetch_date=FETCH) == "2024-03-06"


# --- find_dates: spans, kinds -----------------------------------------------------------------


def _kinds(text: str, **kw: str) -> list[tuple[str, str]]:
    return [(d.value, d.kind) for d in find_dates(text, fetch_date=FETCH, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 5 March 2024, updated 6 March 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Posted on March 5, 2024", [("2024-03-05", "published")]),
        ("First published: 2024-03-05", [("2024-03-05", "published")]),
        ("Date created: 2024-03-05", [("2024-03-05", "published")]),
        ("Last modified: 2024-03-06", [("2024-03-06", "modified")]),
        ("Updated: Feb 6, 2013", [("2013-02-06", "modified")]),
        (
            "Veröffentlicht am 3. März 2021, zuletzt aktualisiert am 06.03.2021",
            [("2021-03-03", "published"), ("2021-03-06", "modified")],
        ),
        (
            "Publié le 5 mars 2024, mis à jour le 6 mars 2024",
            [("2024-03-05", "published"), ("2024-03-06", "modified")],
        ),
        (
            "Publicado el 5 de marzo de 2024 | Actualizado el 6 de marzo de 2024",
            [("2024-03-05", "published"), ("2024-03-06", "modified")],
        ),
        ("Pubblicato il 5 marzo 2024, aggiornato il 6 marzo 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Publicado em 5 de março de 2024, atualizado em 6 de março de 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Gepubliceerd op 5 maart 2024, bijgewerkt op 6 maart 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Opublikowano: 05.03.2024, Zaktualizowano: 06.03.2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Publikováno 5. března 2024, aktualizováno 6. března 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Publicerad 5 mars 2024, uppdaterad 6 mars 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Опубликовано 5 марта 2024, обновлено 6 марта 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Опубліковано 5 березня 2024, оновлено 6 березня 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Yayınlanma: 5 Mart 2024, Güncelleme: 6 Mart 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Yayın tarihi: 5 Mart 2024, Güncellenme: 6 Mart 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("입력 2024. 3. 5. 09:10 수정 2024. 3. 6. 11:20", [("2024-03-05T09:10:00", "published"), ("2024-03-06T11:20:00", "modified")]),
        ("기사입력 2024.03.05 09:10 | 최종수정 2024.03.06", [("2024-03-05T09:10:00", "published"), ("2024-03-06", "modified")]),
        ("公開日：2024年3月5日 更新日：2024年3月6日", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("نشر في: 5 مارس 2024 - آخر تحديث: 6 مارس 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("تاريخ النشر 5 مارس 2024، تم التحديث 6 مارس 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Δημοσιεύθηκε: 5 Μαρτίου 2024, Ενημερώθηκε: 6 Μαρτίου 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("ΔΗΜΟΣΙΕΥΣΗ 5 ΜΑΡΤΙΟΥ 2024 · Τελευταία ενημέρωση 6 Μαρτίου 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Publicat: 5 martie 2024, Actualizat: 6 martie 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Diterbitkan 5 Maret 2024, diperbarui 6 Maret 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Dipublikasikan: 5 Maret 2024", [("2024-03-05", "published")]),
        ("Közzétéve: 2024. március 5. Frissítve: 2024. március 6.", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        # numeric dates under the keywords of more languages: Dutch, Finnish, Croatian, Estonian, Bulgarian,
        # Lithuanian, Latvian
        ("Gepubliceerd 12.03.2024, aangepast 13.03.2024", [("2024-03-12", "published"), ("2024-03-13", "modified")]),
        ("Julkaistu 14.2.2024, päivitetty 15.2.2024", [("2024-02-14", "published"), ("2024-02-15", "modified")]),
        ("Objavljeno 05.03.2024., ažurirano 06.03.2024.", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Avaldatud 05.03.2024, uuendatud 06.03.2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Публикувано 05.03.2024, обновено 06.03.2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Paskelbta 2024-03-05, atnaujinta 2024-03-06", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Publicēts 05.03.2024, atjaunots 06.03.2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Megjelent 2024. 03. 05. 9:10, módosítva 2024. 03. 06. 8:00", [("2024-03-05T09:10:00", "published"), ("2024-03-06T08:00:00", "modified")]),
        ("Publikováno 5. března 2024, Aktualizováno 6. března 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Publicerad 5 mars 2024. Uppdaterad 6 mars 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        ("Gepubliceerd 5 mrt 2024, Bijgewerkt 6 mrt 2024", [("2024-03-05", "published"), ("2024-03-06", "modified")]),
        # a Korean news site's footer dates the newspaper's registration, not the article
        ("등록일자 : 2012년 11월 06일", [("2012-11-06", "unknown")]),
        ("asked Mar 28, 2014 at 11:38", [("2014-03-28T11:38:00", "published")]),
        ("edited Apr 13, 2017 at 12:52", [("2017-04-13T12:52:00", "modified")]),
        ("5 March 2024", [("2024-03-05", "unknown")]),
        ("Data as of Dec 20, 2025", [("2025-12-20", "unknown")]),
    ],
)
def test_find_dates_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected


def test_latest_update_alone_is_published() -> None:
    assert _kinds("Latest update : 2013-02-06") == [("2013-02-06", "published")]
    assert _kinds("Stand: 05.03.2024 10:32 Uhr") == [("2024-03-05T10:32:00", "published")]
    assert _kinds("First published 5 March 2024. Latest update 6 March 2024") == [
        ("2024-03-05", "published"),
        ("2024-03-06", "modified"),
    ]
    # "Updated" stays modified even when alone
    assert _kinds("Updated 6 March 2024") == [("2024-03-06", "modified")]


def test_keyword_is_nearest_and_not_across_dates() -> None:
    # "Published" belongs to the first date only; the second has no keyword of its own
    assert _kinds("Published 5 March 2024 and 6 March 2024") == [
        ("2024-03-05", "published"),
        ("2024-03-06", "unknown"),
    ]
    # a keyword far before the date (> 48 characters) does not count
    assert _kinds("Updated" + " filler" * 10 + " 6 March 2024") == [("2024-03-06", "unknown")]


def test_spans_cover_date_and_time() -> None:
    text = "By Jane Doe | Updated Feb 6, 2013 at 4:05 p.m. EST | 3 min read"
    [d] = find_dates(text, fetch_date=FETCH)
    assert text[d.start : d.end] == "Feb 6, 2013 at 4:05 p.m. EST"
    assert d.has_time and d.kind == "modified"
    assert d.value == "2013-02-06T16:05:00-05:00"
    text = "Updated 10:32 AM EST, Tue March 5, 2024"
    [d] = find_dates(text, fetch_date=FETCH)
    assert text[d.start : d.end] == "10:32 AM EST, Tue March 5, 2024"
    assert d.value == "2024-03-05T10:32:00-05:00" and d.kind == "modified"


def test_spans_several_dates() -> None:
    text = "on May 5 2021 and 12 March 2022; 2023-01-02T03:04:05Z."
    found = find_dates(text, fetch_date=FETCH)
    assert [text[d.start : d.end] for d in found] == ["May 5 2021", "12 March 2022", "2023-01-02T03:04:05Z"]
    assert [d.has_time for d in found] == [False, False, True]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by Jane DoeNovember 20, 2007", ["2007-11-20"]),  # glued by a text dump
        ("calendarApr 16, 2024", ["2024-04-16"]),
        ("SuperMar 5, 2024", ["2024-03-05"]),
        ("sumar 5, 2024", []),
        ("https://example.com/2024/03/05/story", ["2024-03-05"]),
        ("Copyright © 2024 Example Media Group", []),
        ("In 2019 the government announced a plan for 2030.", []),
        ("3 hours ago", []),
        ("yesterday at 10:30", []),
        ("Call +1 (623) 335-2152 or 0800 2013 4444", []),
        ("12024-03-05", []),
        # year first with spaces: a closing dot or a time after it makes it a date, not a list of numbers
        ("Version 2024. 3. 12 fixes two bugs", []),
        ("Results for 2024. 3. 12 points behind", []),
        ("2024. 3. 12.5 kg", []),
        ("2024. Apollo 12.", []),  # not a month name
        ("2024-03-051", []),
        ("Chapter 5 May 2021", ["2021-05-05"]),
        ("2024-03-05 and 2024-13-05", ["2024-03-05"]),
    ],
)
def test_find_dates_values(text: str, expected: list[str]) -> None:
    assert [d.value for d in find_dates(text, fetch_date=FETCH)] == expected


def test_find_dates_lang_order() -> None:
    assert [d.value for d in find_dates("Posted 02/06/2013", lang="en", fetch_date=FETCH)] == ["2013-02-06"]
    assert [d.value for d in find_dates("Posted 02/06/2013", lang="es", fetch_date=FETCH)] == ["2013-06-02"]


def test_datematch_is_frozen_with_slots() -> None:
    d = DateMatch(0, 10, "2013-02-06", False, "unknown")
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.value = "x"  # type: ignore[misc]
    assert not hasattr(d, "__dict__")
    assert d == DateMatch(0, 10, "2013-02-06", False)


# --- has_date_hint -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", True),
        ("in 1995,", True),
        ("year 2039!", True),
        ("2021年3月", True),
        ("２０２１年３月２３日", True),
        ("2021년 3월 23일", True),
        ("October 17, 20236:01 PM", True),
        ("1994", False),
        ("2040", False),
        ("12024", False),
        ("20245", False),
        ("", False),
        ("hello", False),
        ("3 hours ago", False),
        ("5 March", False),
        ("1" * 1_000_000, False),
    ],
)
def test_has_date_hint(text: str, expected: bool) -> None:
    assert has_date_hint(text) is expected


def test_hint_is_necessary_for_find_dates() -> None:
    lines = [v for v, _ in ISO_AND_METADATA + LANGUAGES + TIMES] + ["1 Jan 2013", "x 2013/02/06 y"]
    for line in lines:
        if find_dates(line, fetch_date=FETCH):
            assert has_date_hint(line), line


# --- robustness on big inputs (must terminate quickly; no timing assertion) ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "1" * 1_000_000,
        "Jan " * 250_000,
        "Jan 2013 " * 110_000,
        "2013-" * 200_000,
        "5" + " " * 1_000_000 + "March 2024",
        "5 " * 500_000 + "2024",
        "Feb. " * 200_000 + "2024",
        "2024 " * 200_000,
        "12:30 " * 160_000,
        "Published " * 100_000,
    ],
)
def test_big_inputs_without_dates(text: str) -> None:
    assert find_dates(text) == []


def test_big_input_with_many_dates() -> None:
    text = "1 Jan 2013, " * 80_000
    found = find_dates(text, fetch_date=FETCH)
    assert len(found) == 80_000
    assert found[-1].value == "2013-01-01"


# --- best_dates ---------------------------------------------------------------------------------


def _dm(value: str, kind: str) -> DateMatch:
    return DateMatch(0, 1, value, False, kind)


@pytest.mark.parametrize(
    ("matches", "expected"),
    [
        ([], (None, None)),
        ([_dm("2024-03-06", "modified"), _dm("2024-03-05", "published")], ("2024-03-05", "2024-03-06")),
        ([_dm("2024-03-01", "unknown"), _dm("2024-03-05", "published")], ("2024-03-05", None)),
        ([_dm("2024-03-01", "unknown"), _dm("2024-03-02", "unknown")], ("2024-03-01", None)),
        ([_dm("2024-03-06", "modified")], ("2024-03-06", "2024-03-06")),
    ],
)
def test_best_dates(matches: list[DateMatch], expected: tuple[str | None, str | None]) -> None:
    assert best_dates(matches) == expected


# --- tables ---------------------------------------------------------------------------------------


def test_month_names_are_unambiguous() -> None:
    owners: dict[str, set[int]] = {}
    for number, names in dates._MONTH_NAMES.items():
        for name in names.split():
            owners.setdefault(dates._fold(name), set()).add(number)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
    assert len({n for v in owners.values() for n in v}) == 12


FULL_CALENDARS = {
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "cs-nominative": "leden únor březen duben květen červen červenec srpen září říjen listopad prosinec",
    "tr": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "id": "januari februari maret april mei juni juli agustus september oktober november desember",
    "ms": "januari februari mac april mei jun julai ogos september oktober november disember",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    "hu": "január február március április május június július augusztus szeptember október november december",
    "hu-short": "jan. febr. márc. ápr. máj. jún. júl. aug. szept. okt. nov. dec.",
    "el": "Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου Αυγούστου Σεπτεμβρίου Οκτωβρίου "
    "Νοεμβρίου Δεκεμβρίου",
    "el-nominative": "Ιανουάριος Φεβρουάριος Μάρτιος Απρίλιος Μάιος Ιούνιος Ιούλιος Αύγουστος Σεπτέμβριος "
    "Οκτώβριος Νοέμβριος Δεκέμβριος",
    "el-short": "Ιαν Φεβ Μαρ Απρ Μαΐ Ιουν Ιουλ Αυγ Σεπ Οκτ Νοε Δεκ",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "ar-levant": "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول",
    "ar-maghreb": "جانفي فيفري مارس أفريل ماي جوان جويلية أوت سبتمبر أكتوبر نوفمبر ديسمبر",
}


@pytest.mark.parametrize("lang", FULL_CALENDARS)
def test_full_calendars(lang: str) -> None:
    """Every month of each calendar, day first and (Hungarian) year first, as written, upper-cased
    and without accents."""
    for number, name in enumerate(FULL_CALENDARS[lang].split(), start=1):
        name = name.replace("_", " ")
        expected = f"2021-{number:02d}-07"
        for form in (name, name.upper(), dates._fold(name)):
            assert parse_date(f"7 {form} 2021", fetch_date=FETCH) == expected, (lang, form)
            assert parse_date(f"2021. {form} 7.", fetch_date=FETCH) == expected, (lang, form)


def test_month_phrases_are_unambiguous_and_parse() -> None:
    single = {dates._fold(n): k for k, names in dates._MONTH_NAMES.items() for n in names.split()}
    for number, phrases in dates._MONTH_PHRASES.items():
        for phrase in phrases:
            assert dates._fold(phrase) not in single, phrase
            assert dates._MONTHS[dates._fold(phrase)] == number
            assert parse_date(f"5 {phrase} 2020", fetch_date=FETCH) == f"2020-{number:02d}-05", phrase
            assert parse_date(f"{phrase} 5, 2020", fetch_date=FETCH) == f"2020-{number:02d}-05", phrase


def test_every_month_name_parses() -> None:
    for number, names in dates._MONTH_NAMES.items():
        for name in names.split():
            expected = f"2020-{number:02d}-05"
            assert parse_date(f"5 {name} 2020", fetch_date=FETCH) == expected, name
            assert parse_date(f"{name.upper()} 5, 2020", fetch_date=FETCH) == expected, name
