"""dehusk.authors: clean_authors, split_credit, looks_like_person, is_agency, byline_match."""

from __future__ import annotations

import pytest

from dehusk.authors import (
    byline_match,
    clean_authors,
    is_agency,
    is_news_agency,
    looks_like_person,
    split_credit,
)

# --- clean_authors -------------------------------------------------------------------------------

PREFIXES = [
    ("By Jane Doe", ["Jane Doe"]),
    ("by Jane Doe", ["Jane Doe"]),
    ("BY JANE DOE", ["JANE DOE"]),
    ("By: Jane Doe", ["Jane Doe"]),
    ("Von Max Mustermann", ["Max Mustermann"]),
    ("Par Jean Dupont", ["Jean Dupont"]),
    ("Por José García", ["José García"]),
    ("Door Jan de Vries", ["Jan de Vries"]),
    ("Autor: Jan Kowalski", ["Jan Kowalski"]),
    ("Author: Jane Doe", ["Jane Doe"]),
    ("Authors: Jane Doe, John Smith", ["Jane Doe", "John Smith"]),
    ("Written by Jane Doe", ["Jane Doe"]),
    ("Posted by Jane Doe", ["Jane Doe"]),
    ("Published by Jane Doe on 5 March 2024", ["Jane Doe"]),
    ("Text by Jane Doe", ["Jane Doe"]),
    ("Video by Jane Doe", ["Jane Doe"]),
    ("Photos by Jane Doe", ["Jane Doe"]),
    ("Reporting by Jane Doe", ["Jane Doe"]),
    ("ByJane Doe", ["Jane Doe"]),  # glued by a text dump
    ("by\u00a0 Jane Doe", ["Jane Doe"]),
]

LISTS = [
    ("Video by Alexandra RENARD , Oliver FARRY", ["Alexandra RENARD", "Oliver FARRY"]),
    ("Jane Doe, John Smith and Max Mustermann", ["Jane Doe", "John Smith", "Max Mustermann"]),
    ("Jane Doe, John Smith, and Max Mustermann", ["Jane Doe", "John Smith", "Max Mustermann"]),
    ("Jane Doe & John Smith", ["Jane Doe", "John Smith"]),
    ("Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
    ("Jane Doe; John Smith", ["Jane Doe", "John Smith"]),
    ("Jane Doe / John Smith", ["Jane Doe", "John Smith"]),
    ("Von Max Mustermann und Erika Musterfrau", ["Max Mustermann", "Erika Musterfrau"]),
    ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
    ("Por José García y María López", ["José García", "María López"]),
    ("Autor: Jan Kowalski i Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
    ("Di Mario Rossi e Giulia Bianchi", ["Mario Rossi", "Giulia Bianchi"]),
    ("Av Anna Svensson och Erik Berg", ["Anna Svensson", "Erik Berg"]),
    ("Napsal Jan Novák a Petr Svoboda", ["Jan Novák", "Petr Svoboda"]),
    ("Иван Петров и Анна Смирнова", ["Иван Петров", "Анна Смирнова"]),
    ("Олена Коваль та Петро Шевченко", ["Олена Коваль", "Петро Шевченко"]),
    ("Ayşe Yılmaz ve Mehmet Demir", ["Ayşe Yılmaz", "Mehmet Demir"]),
    ("Reporting by Jane Doe and John Smith; Editing by Max Mustermann", ["Jane Doe", "John Smith"]),
    ("By Jane Doe with John Smith", ["Jane Doe", "John Smith"]),
]

ROLES_AND_NOISE = [
    ("By Jane Doe | Staff Writer", ["Jane Doe"]),
    ("Jane Doe, Senior Reporter", ["Jane Doe"]),
    ("Jane Doe Senior Reporter", ["Jane Doe"]),
    ("Senior Political Correspondent Jane Doe", ["Jane Doe"]),
    ("By Jane Doe, Editor-in-Chief", ["Jane Doe"]),
    ("Jane Doe | Contributor", ["Jane Doe"]),
    ("Jane Doe, CEO of Example Corp", ["Jane Doe"]),
    ("Jane Doe, MD", ["Jane Doe"]),
    ("Dr. Jane Doe", ["Jane Doe"]),
    ("By Jane Doe 3 hours ago", ["Jane Doe"]),
    ("By Jane Doe Updated 5 March", ["Jane Doe"]),
    ("By Jane Doe | Updated Feb 6, 2013 at 4:05 p.m. EST", ["Jane Doe"]),
    ("By Jane DoePublished: Jan 29, 2025", ["Jane Doe"]),
    ("ByJane Doe 12th February 2025", ["Jane Doe"]),
    ("by Jane Doe· October 10, 2021", ["Jane Doe"]),
    ("Par Jean Dupont | Publié le 3 mars 2024 à 10h32", ["Jean Dupont"]),
    ("Von Max Mustermann, vor 3 Stunden", ["Max Mustermann"]),
    ("By Jane Doe jane@example.com @janedoe", ["Jane Doe"]),
    ("By Jane Doe https://example.com/jane", ["Jane Doe"]),
    ("By Jane Doe 🎉✨", ["Jane Doe"]),
    ("Jane Doe Email the author Follow", ["Jane Doe"]),
    ("View all posts by Jane Doe", ["Jane Doe"]),
    ("Follow Jane Doe on Twitter", ["Jane Doe"]),
    ("By Jane Doe For Daily Mail", ["Jane Doe"]),
    ("By Jane Doe for The Guardian", ["Jane Doe"]),
    ("Jane Doe, Special to The Times", ["Jane Doe"]),
    ("Jane Doe is a senior reporter covering tech.", ["Jane Doe"]),
    ("Jane Doe Jane Doe", ["Jane Doe"]),  # a name rendered twice (avatar alt + link)
    ("By Jane Doe, Tuesday 5 March 2024", ["Jane Doe"]),
    ("109 Comments | Jane Doe | Last Updated: March 11, 2019", ["Jane Doe"]),
    ("홍길동 기자", ["홍길동"]),
]

KEEPS = [
    ("Written by Ursula von der Leyen", ["Ursula von der Leyen"]),
    ("By Mary-Jane O'Brien", ["Mary-Jane O'Brien"]),
    ("By J. R. R. Tolkien", ["J. R. R. Tolkien"]),
    ("By Martin Luther King Jr.", ["Martin Luther King Jr."]),
    ("Alexandra RENARD", ["Alexandra RENARD"]),
    ("Zoë Ångström-Müller", ["Zoë Ångström-Müller"]),
    ("Łukasz Żółć", ["Łukasz Żółć"]),
    ("山田太郎", ["山田太郎"]),
    ("王小明", ["王小明"]),
    ("محمد علي", ["محمد علي"]),
    ("Omar al-Masri", ["Omar al-Masri"]),
    # a maiden name or nickname in brackets between the given name and the surname goes
    ("Priyanka (Sen) Dutta", ["Priyanka Dutta"]),
    ("Robert (Bob) Hale, Ann Lee", ["Robert Hale", "Ann Lee"]),
    ("Ann Lee (Reuters) London", ["Ann Lee"]),  # not a name's middle: the credit stays out
]


@pytest.mark.parametrize(("raw", "expected"), PREFIXES + LISTS + ROLES_AND_NOISE + KEEPS)
def test_clean_authors(raw: str, expected: list[str]) -> None:
    assert clean_authors(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "   ",
        [],
        "Staff",
        "Admin",
        "Editorial Team",
        "Newsroom",
        "FRANCE 24",
        "Reuters",
        "The Associated Press",
        "AFP",
        "Madonna",  # single-word names are left out
        "jane@example.com",
        "https://example.com/authors/jane",
        "@janedoe",
        "Email the author",
        "3 hours ago",
        "Updated 5 March 2024",
        "Special to The Times",
        "By 2030, the city will grow",
        "A, B and C",
        "!!! ??? ...",
        "12345",
        "x" * 1_000_000,
        "Jane Doe, " * 100_000,
    ],
)
def test_clean_authors_gives_nothing(raw: object) -> None:
    result = clean_authors(raw)  # type: ignore[arg-type]
    if isinstance(raw, str) and raw.startswith("Jane Doe, "):
        assert result == ["Jane Doe"]
    else:
        assert result == []


def test_clean_authors_list_input_and_dedupe() -> None:
    assert clean_authors(["Jane Doe", "By John Smith", "jane doe", "JANE DOE", None, 3]) == [  # type: ignore[list-item]
        "Jane Doe",
        "John Smith",
    ]
    assert clean_authors("Jane Doe, Jane Doe, JANE DOE") == ["Jane Doe"]
    assert clean_authors(["Reuters", "Jane Doe"]) == ["Jane Doe"]


def test_clean_authors_keeps_case_and_order() -> None:
    assert clean_authors("By Oliver FARRY and Alexandra RENARD") == ["Oliver FARRY", "Alexandra RENARD"]


# --- split_credit ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Video by Alexandra RENARD , Oliver FARRY", (["Alexandra RENARD", "Oliver FARRY"], [])),
        ("Text by FRANCE 24", ([], ["FRANCE 24"])),
        ("By Jane Doe, Reuters", (["Jane Doe"], ["Reuters"])),
        ("(FRANCE 24 with wires)", ([], ["FRANCE 24 with wires"])),
        ("AFP", ([], ["AFP"])),
        ("dpa/AFP", ([], ["dpa", "AFP"])),
        ("By Jane Doe (AP)", (["Jane Doe"], ["AP"])),
        ("By Jane Doe, CNN", (["Jane Doe"], ["CNN"])),
        ("By Jane Doe and agencies", (["Jane Doe"], ["agencies"])),
        ("Reuters Staff", ([], ["Reuters Staff"])),
        ("BBC News", ([], ["BBC News"])),
        ("The Associated Press", ([], ["The Associated Press"])),
        ("Staff", ([], ["Staff"])),
        ("Video by Jane Doe / Text by FRANCE 24", (["Jane Doe"], ["FRANCE 24"])),
        ("Jane Doe (Xinhua)", (["Jane Doe"], ["Xinhua"])),
        ("Von Max Mustermann, dpa", (["Max Mustermann"], ["dpa"])),
        ("Par Jean Dupont avec AFP", (["Jean Dupont"], ["AFP"])),
        ("", ([], [])),
    ],
)
def test_split_credit(text: str, expected: tuple[list[str], list[str]]) -> None:
    assert split_credit(text) == expected


def test_split_credit_non_string() -> None:
    assert split_credit(None) == ([], [])  # type: ignore[arg-type]
    assert split_credit(42) == ([], [])  # type: ignore[arg-type]


# --- looks_like_person ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Jane Doe",
        "Alexandra RENARD",
        "JANE DOE",
        "J. R. R. Tolkien",
        "Jean-Pierre Dupont",
        "Ursula von der Leyen",
        "Ludwig van Beethoven",
        "Mary-Jane O'Brien",
        "Sinéad O’Connor",
        "José María García López",
        "Иван Петров",
        "Ayşe Yılmaz",
        "محمد علي",
        "山田太郎",
        "김민수",
        "山田 太郎",
        "Omar al-Masri",
        "Leonardo DiCaprio",
        "Mary McDonald",
        "Helen Bright",
    ],
)
def test_looks_like_person_true(name: str) -> None:
    assert looks_like_person(name)


@pytest.mark.parametrize(
    "name",
    [
        "",
        "Jane",  # single token
        "Madonna",
        "Staff",
        "Admin",
        "Editorial Team",
        "Newsroom",
        "FRANCE 24",
        "Reuters",
        "The Associated Press",
        "The Guardian",
        "BBC News",
        "Jane Doe 2",
        "jane doe",
        "Jane doe",
        "jane@example.com",
        "@janedoe",
        "Use Case",
        "Privacy Policy",
        "Senior Reporter",
        "Staff Writer",
        "One Two Three Four Five Six",
        "Jane Doe!",
        "J. R.",
        "Jane van",
        "山",
        "山田太郎花子次",
        "x" * 100,
        "PostgreSQL Documentation",  # organisation words
        "Death Wish Coffee",
        "Robert Half",  # a common word that is no name
        "Greenview Builders",
        "It’s All Trip To Me",
        "Acme GraphQL",  # a brand-cased word
        "Nortel Foods Private Limited",  # company forms
        "Marco Bellini SPA",
        "Harbour Gems Singapore Pte",
        "Investor Relations",
    ],
)
def test_looks_like_person_false(name: str) -> None:
    assert not looks_like_person(name)


def test_looks_like_person_non_string() -> None:
    assert not looks_like_person(None)  # type: ignore[arg-type]


# --- is_agency --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "AFP",
        "Reuters",
        "reuters",
        "AP",
        "Associated Press",
        "The Associated Press",
        "dpa",
        "EFE",
        "ANSA",
        "PAP",
        "TASS",
        "Xinhua",
        "Kyodo",
        "Bloomberg",
        "UPI",
        "PA",
        "Agencies",
        "Staff",
        "Wire services",
        "with wires",
        "FRANCE 24 with wires",
        "FRANCE 24",
        "BBC News",
        "Example Media Group",
        "Acme Inc",
        "Beispiel GmbH",
        "Example Ltd.",
        "CNN",
        "Reuters Staff",
        "AFP/Reuters",
        "TF1",
        "BBC2",
        "France 24",
        "Channel 4",
    ],
)
def test_is_agency_true(name: str) -> None:
    assert is_agency(name)


@pytest.mark.parametrize(
    "name",
    ["", "Jane Doe", "Alexandra RENARD", "Michael Bloomberg", "Madonna", "Иван Петров", "Jane Doe/John Smith",
     "Pippin06", "Guest 6381", "user123", "NZP0PPY"],
)
def test_is_agency_false(name: str) -> None:
    assert not is_agency(name)


@pytest.mark.parametrize("name", ["AFP", "Reuters", "The Associated Press", "ANSA", "dpa", "FRANCE 24 with wires",
                                  "Staff and agencies", "News agencies"])
def test_is_news_agency_true(name: str) -> None:
    assert is_news_agency(name)


@pytest.mark.parametrize("name", ["", "Our Services", "The Team", "STUDENT", "Cloud Storage", "Recent News",
                                  "BBC News", "Jane Doe", "Example Ltd."])
def test_is_news_agency_false(name: str) -> None:
    """Organisation-like names (which `is_agency` takes, right in a byline) are no agency by name."""
    assert not is_news_agency(name)
    assert not name or is_agency(name) or looks_like_person(name)


# --- byline_match -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("Von Max Mustermann", "Max Mustermann"),
        ("Par Jean Dupont | Publié le 3 mars", "Jean Dupont"),
        ("Par Jean Dupont | Publié le 3 mars 2024 à 10h32", "Jean Dupont"),
        ("Autor: Jan Kowalski", "Jan Kowalski"),
        ("Written by Jane Doe and John Smith", "Jane Doe and John Smith"),
        ("Posted by Jane Doe on March 5, 2024 at 10:00 am", "Jane Doe"),
        ("Video by Alexandra RENARD , Oliver FARRY", "Alexandra RENARD , Oliver FARRY"),
        ("Text by FRANCE 24", "FRANCE 24"),
        ("Video by Jane Doe / Text by FRANCE 24", "Jane Doe / Text by FRANCE 24"),
        ("• By Jane Doe", "Jane Doe"),
        ("ByJane DoeMar 5, 2025 | 6 comments", "Jane Doe"),
        ("By Jane Doe 3 hours ago", "Jane Doe"),
    ],
)
def test_byline_match(line: str, expected: str) -> None:
    assert byline_match(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Jane Doe",
        "The minister said on Tuesday that the plan would go ahead.",
        "By 2030, the city will have grown by half.",
        "By signing up, you agree to our Terms of Service and Privacy Policy.",
        "By enabling cookies you accept them",
        "By the way, this is a sentence.",
        "Von den 500 Teilnehmern kamen 300 aus Berlin.",
        "Par ailleurs, le gouvernement a annoncé",
        "By Use Case",
        "By " + "Jane Doe and " * 30 + "John Smith",
        "By Jane Doe" + " x" * 200,  # too long for a byline
        "x" * 1_000_000,
        "By " + "Jan " * 250_000,
    ],
)
def test_byline_match_none(line: str) -> None:
    assert byline_match(line) is None


def test_byline_match_non_string() -> None:
    assert byline_match(None) is None  # type: ignore[arg-type]


def test_byline_roundtrip_with_split_credit() -> None:
    part = byline_match("By Jane Doe, Reuters | Updated 5 March 2024")
    assert part is not None
    assert split_credit(part) == (["Jane Doe"], ["Reuters"])


# --- other languages' bylines and agencies ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Haber: Deniz Aksoy", ["Deniz Aksoy"]),  # Turkish: news (by)
        ("Muhabir: Deniz Aksoy", ["Deniz Aksoy"]),  # Turkish: reporter
        ("Yazan: Deniz Aksoy", ["Deniz Aksoy"]),  # Turkish: written by
        ("Penulis: Sari Handayani", ["Sari Handayani"]),  # Indonesian: writer
        ("Oleh: Sari Handayani", ["Sari Handayani"]),  # Indonesian: by
        ("Reporter: Sari Handayani | Editor: Agus Setiawan", ["Sari Handayani"]),  # the editor is no author
        ("بقلم: ليلى منصور", ["ليلى منصور"]),  # Arabic: by the pen of
        ("كتبت: ليلى منصور", ["ليلى منصور"]),  # Arabic: (she) wrote
        ("Γράφει η Ελένη Δημητρίου", ["Ελένη Δημητρίου"]),  # Greek: writes (the)
        ("Συντάκτης: Γιώργος Μαρκόπουλος", ["Γιώργος Μαρκόπουλος"]),  # Greek: writer
        ("Του Γιώργου Μαρκόπουλου", ["Γιώργου Μαρκόπουλου"]),  # Greek: of (the)
        ("Szerző: Horváth Zsófia", ["Horváth Zsófia"]),  # Hungarian: author
        ("Írta: Horváth Zsófia", ["Horváth Zsófia"]),  # Hungarian: wrote
        ("TEXT: Karin Ek FOTO: Lars Holm", ["Karin Ek"]),  # the photographer's credit goes
    ],
)
def test_clean_authors_other_languages(raw: str, expected: list[str]) -> None:
    assert clean_authors(raw) == expected
    assert byline_match(raw) is not None


def test_oleh_is_a_byline_word_before_a_full_name_only() -> None:
    """Indonesian "Oleh" (by) heads a byline; before one word it is the Ukrainian given name."""
    assert byline_match("Oleh Sari Handayani") == "Sari Handayani"
    assert clean_authors("Oleh Sari Handayani") == ["Sari Handayani"]
    assert clean_authors("Oleh Sentsov") == ["Oleh Sentsov"]


def test_an_editors_credit_is_no_byline() -> None:
    assert byline_match("Editor: Agus Setiawan") is None
    assert byline_match("Reporter: Sari Handayani") == "Sari Handayani"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("박서연 기자", "박서연"),  # Korean: the role after the name
        ("박서연 선임기자", "박서연"),
        ("[가람일보 박서연 기자]", "가람일보 박서연"),  # the outlet first (no person: see split_credit)
        ("박서연 기자 seoyeon@example.com", "박서연"),
        ("高橋健太記者", "高橋健太"),  # Japanese, glued
        ("高橋 健太 記者", "高橋 健太"),
        ("陈静 记者", "陈静"),
    ],
)
def test_byline_match_role_after_the_names(line: str, expected: str) -> None:
    assert byline_match(line) == expected


def test_role_after_the_names_reads_persons_only() -> None:
    assert split_credit(byline_match("[가람일보 박서연 기자]") or "") == (["박서연"], [])
    assert byline_match("박서연 기자의 다른 기사 보기") is None  # "other articles by reporter ..."


def test_japanese_name_is_one_person_chinese_names_are_two() -> None:
    """Japanese writes family name, space, given name: one person on a Japanese page (`ja`) or
    when the name holds kana; space-separated Chinese names are each a person."""
    assert split_credit("記者：高橋 健太", ja=True) == (["高橋 健太"], [])
    assert clean_authors("記者：高橋 健太", ja=True) == ["高橋 健太"]
    assert clean_authors("鈴木 さくら") == ["鈴木 さくら"]  # kana: Japanese without being told
    assert split_credit("记者 陈静 刘洋") == (["陈静", "刘洋"], [])
    assert split_credit("記者 高橋健太（共同）") == (["高橋健太"], ["共同"])


@pytest.mark.parametrize(
    "name",
    [
        "Ana Sayfa",  # Turkish: home page
        "Giriş Yap",  # Turkish: log in
        "Página Inicial",
        "Strona Główna",
        "de Mihai Ionescu",  # a preposition before a full name
        "da Agência Nacional",
        "가람일보",  # a Korean daily's name
        "입력",  # Korean date labels: entered, revised
        "수정",
        "기사입력",
        "新华社",
    ],
)
def test_looks_like_person_false_other_languages(name: str) -> None:
    assert not looks_like_person(name)


@pytest.mark.parametrize("name", ["Audio Player", "Video Player", "Podcast Playlist"])
def test_media_widget_labels_are_no_person(name: str) -> None:
    # an audio or video player's image alt or label next to the headline reads as two capitalised names
    assert not looks_like_person(name)
    assert looks_like_person("Gary Player")  # (a player's name stays a name)


def test_a_preposition_before_an_agency_goes() -> None:
    assert split_credit("Por Lucas Ferreira, da Agência Nacional") == (["Lucas Ferreira"], ["Agência Nacional"])
    assert split_credit("Oleh: Sari Handayani, Antara") == (["Sari Handayani"], ["Antara"])


@pytest.mark.parametrize(
    "name",
    ["Antara", "Agerpres", "MTI", "Anadolu Ajansı", "Agência Brasil", "共同通信", "時事通信", "연합뉴스", "뉴시스", "أ ف ب",
     "رويترز", "وكالات", "ΑΠΕ-ΜΠΕ", "Bernama", "新华社", "中央社", "TASR", "HINA", "Tanjug", "BTA"],
)
def test_is_news_agency_other_languages(name: str) -> None:
    assert is_news_agency(name)


def test_short_agency_names_only_in_a_credit() -> None:
    """"共同" and "時事" (Kyodo, Jiji) are agencies in a credit, common words alone on a line."""
    assert is_agency("共同") and is_agency("時事")
    assert not is_news_agency("共同")
    assert is_agency("Agenția Națională")  # an agency's word in another language


_HTML_BODY = "".join(
    f"<p>{p}</p>" for p in [
        "Pemerintah kota mulai menguji coba bus listrik pada pekan depan untuk rute menuju kawasan kampus.",
        "Selama masa uji coba, penumpang tidak dipungut biaya dan bus berangkat setiap lima belas menit.",
        "Kepala dinas perhubungan mengatakan hasil uji coba akan dievaluasi setelah tiga bulan berjalan.",
    ] * 2
)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [("Penulis: Sari Handayani", ("Sari Handayani",)), ("Szerző: Horváth Zsófia", ("Horváth Zsófia",)),
     ("박서연 기자", ("박서연",))],
)
def test_html_byline_near_the_headline_other_languages(byline: str, expected: tuple[str, ...]) -> None:
    import dehusk

    html = (f"<html><body><article><h1>Bus listrik diuji coba di rute kampus</h1><div class='meta'><span>{byline}</span>"
            f" <time>5 April 2024</time></div>{_HTML_BODY}</article></body></html>")
    assert dehusk.extract(html, mode="html").authors == expected


@pytest.mark.parametrize(("line", "names"), [
    ("Door onze redacteuren Joost van Dam en Fenna Mulder", "Joost van Dam en Fenna Mulder"),
    ("By our correspondent Jane Doe", "Jane Doe"),
    ("Von unserer Korrespondentin Anna Berg", "Anna Berg"),
])
def test_our_reporters_before_the_names(line: str, names: str) -> None:
    assert byline_match(line) == names


@pytest.mark.parametrize("line", ["By our own efforts the ferry runs again", "By signing up you agree to the terms"])
def test_our_without_a_role_is_no_byline(line: str) -> None:
    assert byline_match(line) is None


def test_a_menu_line_of_other_languages_is_no_author() -> None:
    assert clean_authors(["Son Dakika"]) == []


@pytest.mark.parametrize(("line", "names"), [
    ("Recipe by Ingrid Solberg · January 18, 2025", "Ingrid Solberg"),
    ("Analysis by Tom Reed", "Tom Reed"),
    ("Column by Ana Ruiz", "Ana Ruiz"),
    ("Recipes by season", None),  # (no name after it)
    ("Article by article, the council read the bill", None),
])
def test_a_kind_of_piece_before_by(line: str, names: str | None) -> None:
    assert byline_match(line) == names


def test_an_editor_at_large_is_a_role() -> None:
    assert clean_authors(["Tom Reed, Harbour News Editor-at-large"]) == ["Tom Reed"]
    assert split_credit("Tom Reed, Harbour News Editor-at-large")[0] == ["Tom Reed"]
