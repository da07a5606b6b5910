"""Text mode's headline picker: a classifier and a ranker over the candidate lines, read together
(`metadata_text_title.title_scores`), and a menu's row of section names on one line, which in a
language whose headlines are written in sentence case is no headline (`menu_row`)."""

from __future__ import annotations

import numpy as np
import pytest

import dehusk
import dehusk.headline_echoes as he
import dehusk.metadata_text_title as mtt
from dehusk.classify import load_model, model_available

# invented pages: a site's menu printed as one row, the headline, a standfirst, the body
MENU_ROW_PAGES = {
    "pl": (
        "Kraj Świat Gospodarka Sport Kultura Zdrowie Technologie\n\n"
        "Nowy most dla pieszych połączy oba brzegi rzeki jeszcze przed zimą\n\n"
        "Miasto podpisało umowę z wykonawcą, a pierwsze prace ruszą w przyszłym miesiącu.\n\n"
        "Anna Nowak\n\n"
        "14.03.2024 09:30\n\n"
        "Budowa kładki dla pieszych i rowerzystów ma kosztować czterdzieści milionów złotych i potrwać "
        "osiemnaście miesięcy, a większość pieniędzy pochodzi z funduszy unijnych przeznaczonych na transport.\n\n"
        "Mieszkańcy obu dzielnic od lat domagali się przeprawy, bo najbliższy most leży dwa kilometry dalej "
        "i w godzinach szczytu tworzą się na nim długie korki, które utrudniają dojazd do szkół i pracy.\n\n"
        "Projekt przewiduje oświetlenie, które po północy będzie przygaszane, oraz szeroką ścieżkę rowerową "
        "oddzieloną od części dla pieszych niskim krawężnikiem i pasem zieleni.\n"
    ),
    "es": (
        "Portada Nacional Internacional Economía Deportes Cultura Opinión\n\n"
        "El puerto abrirá una nueva terminal de pasajeros antes del verano\n\n"
        "La obra duplicará la capacidad para cruceros y ferris y dará empleo a unas doscientas personas.\n\n"
        "Por Lucía Romero\n\n"
        "12/03/2024 - 10:45\n\n"
        "La autoridad portuaria aprobó este martes el proyecto de la nueva terminal, que se levantará en el "
        "muelle norte sobre los terrenos de un antiguo almacén de grano que llevaba años abandonado.\n\n"
        "Las obras empezarán en abril y, según el calendario presentado, la terminal podrá recibir los "
        "primeros barcos a finales de junio, coincidiendo con el inicio de la temporada alta de turismo.\n\n"
        "Los comerciantes del centro confían en que la llegada de más visitantes anime las ventas en las "
        "calles cercanas al puerto, donde varios locales han cerrado durante el último año.\n"
    ),
}
HEADLINES = {
    "pl": "Nowy most dla pieszych połączy oba brzegi rzeki jeszcze przed zimą",
    "es": "El puerto abrirá una nueva terminal de pasajeros antes del verano",
}


@pytest.mark.parametrize("name", ["text_title", "text_title_caseless"])
def test_each_headline_classifier_ships_with_its_ranker(name: str) -> None:
    assert model_available(name) and model_available(f"{name}_rank")
    assert load_model(name).feature_names == load_model(f"{name}_rank").feature_names == mtt.TITLE_FEATURES


def test_the_ranker_moves_the_scores() -> None:
    """The ranker's score enters the candidates' scores: their order is not the classifier's alone
    on a real page's candidates (rows of a fixture page)."""
    page = MENU_ROW_PAGES["es"]
    captured: dict[str, np.ndarray] = {}
    original = mtt.title_scores

    def spy(name: str, X: np.ndarray) -> np.ndarray:
        captured["X"], captured["name"] = X, name
        return original(name, X)

    mtt.title_scores = spy
    try:
        dehusk.extract(page, mode="text")
    finally:
        mtt.title_scores = original
    X, name = captured["X"], captured["name"]
    combined = mtt.title_scores(name, X)
    alone = load_model(name).predict(X)
    assert not np.allclose(combined / combined.max(), alone / alone.max())


@pytest.mark.parametrize("lang", sorted(MENU_ROW_PAGES))
def test_a_menu_row_is_no_headline_in_a_sentence_case_language(lang: str) -> None:
    art = dehusk.extract(MENU_ROW_PAGES[lang], mode="text")
    assert art.language == lang
    assert art.title == HEADLINES[lang]


def test_menu_row_marks_rows_of_capitalised_words_only() -> None:
    texts = ["Kraj Świat Gospodarka Sport Kultura", "Nowy most połączy oba brzegi rzeki", "Sport Kultura",
             "Gdańsk Sopot Gdynia Wejherowo."]
    words = np.array([5.0, 6.0, 2.0, 4.0])
    f = {"cap_words": np.array([1.0, 1 / 6, 1.0, 1.0]), "_words": words, "end_term": np.array([0.0, 0.0, 0.0, 1.0])}
    assert mtt.menu_row(f, np.arange(len(texts))).tolist() == [True, False, False, False]


def test_the_site_name_its_copyright_line_gives_weighs_less() -> None:
    """A short candidate whose words the page's copyright line holds is the site's (or its
    owner's) name: it weighs SITE_NAME_PRIOR; a headline that merely shares a word does not."""
    from dehusk.metadata_text_title import FOLLOWED_PRIOR, SITE_NAME_PRIOR, title_prior

    texts = ["Harbour Courier", "Library extension goes to a vote", "By Jane Doe", "The council met on Tuesday.",
             "Harbour news in brief", "Alle Preise inkl. MwSt. © 2024 Harbour Courier GmbH"]
    n = len(texts)
    f = {"re_byline": np.array([0.0, 0.0, 1.0, 0.0, 0.0, 0.0]), "re_date": np.zeros(n), "re_media": np.zeros(n),
         "_words": np.array([2.0, 6.0, 3.0, 5.0, 4.0, 8.0])}
    got = title_prior(texts, f, np.array([0, 1, 4]))
    assert got.tolist() == [FOLLOWED_PRIOR[1] * SITE_NAME_PRIOR, FOLLOWED_PRIOR[0], 1.0]
    # no copyright line: no such weight
    assert title_prior(texts[:5], {k: v[:5] for k, v in f.items()}, np.array([0, 1, 4])).tolist() == [
        FOLLOWED_PRIOR[1], FOLLOWED_PRIOR[0], 1.0]


# `body_echoes`: what a headline shares with its page (invented lines; p: the line model's scores)
ECHO_LINES = [
    "Home > Travel > Harbour ferries return to the old town",  # 0 a breadcrumb ending in the headline
    "Travel",  # 1 a menu item
    "Harbour ferries return to the old town",  # 2 the headline
    "The harbour ferries that stopped in 2019 return to the old town quay next month.",  # 3 body
    "Council members voted for three ferries and a new timetable.",  # 4 body
    "Subscribe to our newsletter",  # 5 a page notice
]
ECHO_P = np.array([0.05, 0.02, 0.3, 0.9, 0.9, 0.1])


def test_body_share_counts_the_headline_words_the_kept_lines_hold() -> None:
    share, _ = he.body_echoes(ECHO_LINES, ECHO_P, [1, 2, 5])
    # "harbour", "ferries", "return", "town" recur in the body (words of 4+ letters); "travel",
    # "subscribe" and "newsletter" do not
    assert share[1] == 1.0
    assert share[0] == 0.0 and share[2] == 0.0


def test_body_share_does_not_count_a_kept_line_s_own_words() -> None:
    share, _ = he.body_echoes(ECHO_LINES, ECHO_P, [4])
    # of "council", "members", "voted", "three", "ferries", "timetable" only "ferries" is elsewhere
    assert share[0] == pytest.approx(1 / 6)


def test_echoes_count_the_short_lines_that_contain_the_headline_and_its_copies() -> None:
    lines = [*ECHO_LINES, "harbour ferries return to the old town"]  # a copy, case aside
    _, echoes = he.body_echoes(lines, np.append(ECHO_P, 0.1), [2, 1])
    assert echoes[0] == 2  # the breadcrumb and the copy (the body says other words in between)
    assert echoes[1] == 0  # a line under ECHO_MIN_CHARS characters is never counted


def test_echoes_skip_long_lines() -> None:
    long_line = "Harbour ferries return to the old town, " + "and the council says more boats will follow. " * 4
    assert len(long_line) > he.ECHO_LINE_CHARS
    _, echoes = he.body_echoes([long_line, "Harbour ferries return to the old town"], np.array([0.9, 0.2]), [1])
    assert echoes[0] == 0


def test_content_words_read_chinese_as_character_pairs_and_stem_the_others() -> None:
    assert he.content_words("西湖游船") == ["西湖", "湖游", "游船"]
    assert he.content_words("ferries returned to the old town") == ["ferri", "retur", "town"]
    # a Chinese headline shares pairs with its article, where words of 4+ letters found nothing
    share, _ = he.body_echoes(["西湖游船实行网上预约", "游客可以在网上预约西湖游船。"], np.array([0.2, 0.9]), [0])
    assert share[0] > 0.5


# an invented blog post as a browser prints it: the site's menu, then the headline, its byline, the body
SECTION_PAGE = (
    "Harbour Labs\n\nProjects\nBlog\nAbout\nDonations\n\nClose Menu\n\n"
    "Tidewater: A Small Scheduler for Ferry Timetables\n\n"
    "by: Jane Doe, Mar 4, 2024\n\n"
    "We are glad to introduce Tidewater, a small scheduler that plans ferry timetables across a harbour's "
    "piers and keeps crews within their hours.\n\n"
    "It reads the piers, the boats and the crews from one file and writes a week of sailings in a few "
    "seconds, even for a busy summer schedule.\n\n"
    "The first version plans single routes; the next one will handle routes that share a pier, which is "
    "where most of the conflicts come from.\n"
)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://labs.example/blog/2025-12-17-tidewater", {("blog",)}),
    ("https://news.example/living/travel-leisure/ferry-trips-2025-rx184567", {("living",), ("travel", "leisure")}),
    # the slug as a folder: /<slug>/articleshow/<id>.cms
    ("https://news.example/city-life/harbour-notes/ferries-return-to-the-old-town/articleshow/12604.cms",
     {("city", "life"), ("harbour", "notes")}),
    # the last folder with words is the page's own name (a shop's category page)
    ("https://shop.example/c/board-games/-/N-7kqz2", {("c",)}),
    ("https://shop.example/river-blue/31000512.html", set()),
    ("https://site.example/about", set()),
    ("https://site.example/en/docs/guides/long-folder-name-of-four-words/page", {("en",), ("docs",), ("guides",)}),
    (None, set()),
])
def test_url_sections_are_the_folders_before_the_page_s_own_name(url: str | None, expected: set) -> None:
    assert mtt.url_sections(url) == expected


def test_a_line_naming_a_folder_of_the_url_is_no_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A section's label ("Blog" on /blog/<slug>) weighs SECTION_PRIOR: where the rest of the
    evidence puts it at five times the headline, the headline wins under that URL, and the label
    under a URL without the folder."""
    evidence = {"Blog": 5.0, "Tidewater: A Small Scheduler for Ferry Timetables": 1.0}
    monkeypatch.setattr(mtt, "title_scores", lambda name, X: np.ones(len(X)))
    monkeypatch.setattr(mtt, "title_prior", lambda texts, f, cand: np.array(
        [evidence.get(texts[i], 0.01) for i in cand.tolist()]))
    assert 5.0 * mtt.SECTION_PRIOR < 1.0
    blog = dehusk.extract(SECTION_PAGE, mode="text", url="https://harbourlabs.example/blog/2024-03-04-tidewater")
    assert blog.title == "Tidewater: A Small Scheduler for Ferry Timetables"
    plain = dehusk.extract(SECTION_PAGE, mode="text", url="https://harbourlabs.example/2024-03-04-tidewater")
    assert plain.title == "Blog"


def test_a_line_ending_in_a_colon_or_opening_with_a_price_weighs_less() -> None:
    """A lead-in ("... read as a table:") and a shop's price line ("US $12.90 Shipping") weigh
    LEAD_IN_PRIOR; a headline with a colon inside, or a sum of money without cents, does not; a
    breadcrumb's last step with its separator after it ("Ferry Timetables >") is a caption."""
    from dehusk.metadata_text_title import LEAD_IN_PRIOR, title_prior

    texts = ["The timetable can also be read as a table:", "US $12.90 International Shipping",
             "USD 58.20 Original Price", "Advanced usage: sessions and pools", "$1.2 Billion Fine for Harbour Firm",
             "Ferry Timetables >", "Les ventes ont repris：", "Harbour ferries return"]
    n = len(texts)
    f = {"re_byline": np.zeros(n), "re_date": np.zeros(n), "re_media": np.zeros(n), "_words": np.full(n, 5.0)}
    got = title_prior(texts, f, np.arange(n))
    assert got.tolist() == [LEAD_IN_PRIOR, LEAD_IN_PRIOR, LEAD_IN_PRIOR, 1.0, 1.0, 0.3, LEAD_IN_PRIOR, 1.0]


def test_contents_entries_are_a_run_of_lines_the_page_says_again_below_in_order() -> None:
    texts = ["Docs home", "On this page", "Installing", "Updating", "Removing", "The package manager",
             "Intro paragraph.", "Installing", "text", "Updating", "text", "Removing", "text"]
    cand = [0, 2, 3, 4, 5]
    assert mtt.contents_entries(texts, cand) == [1, 2, 3]  # positions in `cand`: the three entries
    # two lines said again below are no contents list (CONTENTS_MIN_RUN); nor a run whose copies
    # come back in another order (a menu printed again, reversed, in the footer)
    assert mtt.contents_entries(texts, [0, 2, 3, 5]) == []
    rev = ["A one", "B two", "C three", "Headline", "Body.", "C three", "B two", "A one"]
    assert mtt.contents_entries(rev, [0, 1, 2, 3]) == []
    # the headline itself, printed again below once (a "back to top" line), stays a candidate
    assert mtt.contents_entries(["Menu", "Headline here", "Body.", "Headline here"], [0, 1]) == []


def test_headline_again_at_the_top_of_the_text_is_the_title() -> None:
    from dehusk.blocks import Segment
    from dehusk.metadata_text import TextMeta
    from dehusk.text_mode import headline_again

    def page() -> list[Segment]:
        segs = [Segment("Configuring the cache"), Segment("Menu"), Segment("Configuring the cache"),
                Segment("The cache keeps every file a run downloads.")]
        for s, label in zip(segs, ("title", "navigation", "heading", "body"), strict=True):
            s.label = label
        return segs

    meta = TextMeta(title_idx=0, title="Configuring the cache")
    segs = page()
    headline_again(segs, meta)
    assert [s.label for s in segs] == ["title", "navigation", "title", "body"]
    segs = page()
    segs[2].text = "Where the cache lives"  # another heading: text
    headline_again(segs, meta)
    assert segs[2].label == "heading"
    segs = page()
    segs[2].label = "body"  # a paragraph that says the headline: text
    headline_again(segs, meta)
    assert segs[2].label == "body"


@pytest.mark.parametrize("url", [
    "https://wiki.example.org/wiki/Harbour_Light_of_Kessand",
    "https://news.example.com/2024/05/harbour-light-of-kessand",
])
def test_the_urls_slug_is_read_whether_words_are_joined_by_underscores_or_hyphens(url: str) -> None:
    """A wiki names its page by words joined with underscores: the line that says them is the
    headline (over the wiki's tagline, the line nearest the text), as with a hyphenated slug."""
    assert mtt.slug_tokens(url) >= {"harbour", "light", "kessand"}
    page = "\n".join([
        "Jump to content", "Main menu", "Search", "Log in", "Harbour Light of Kessand", "Article", "Talk", "Read",
        "Edit", "View history", "From the harbour wiki, the town's encyclopedia",
        "The Harbour Light of Kessand is a disused lighthouse on the northern breakwater of Kessand harbour. Built in "
        "1871 of local granite, it guided fishing boats into the harbour for more than a century.",
        "History[edit]",
        "The light was commissioned after a winter storm in 1868 wrecked three boats at the harbour mouth. The "
        "harbour board raised the money by a levy on every catch landed over two years.",
        "Architecture[edit]",
        "The tower is 14 metres tall and tapers from a base of six metres. A spiral stair of 62 steps leads to the "
        "lantern room, whose original lens was removed for safekeeping in 1985.",
        "Privacy policy", "Disclaimers"])
    art = dehusk.extract(page, mode="text", url=url)
    assert art.title == "Harbour Light of Kessand"
    # the wiki's section edit links glued to its headings are cut off
    assert "History\n" in art.text and "[edit]" not in art.text
