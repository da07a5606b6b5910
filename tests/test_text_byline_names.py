"""Text mode's byline picker: a short capitalised line is a byline when it names a person
(given-name and surname evidence, `dehusk.names`), not when it is a button or a section label."""

from __future__ import annotations

import pytest

import dehusk
from dehusk.metadata_text import _opens_headline
from dehusk.names import name_evidence

_BODY = (
    "The committee met on Tuesday evening to review the proposal for the new library wing, "
    "which has been debated for more than two years in the town.\n\n"
    "Supporters say the extension would double the space for the children's collection and "
    "give the reading groups a room of their own, while critics point to the cost.\n\n"
    "A final vote is expected next month, after a public hearing at which residents will be "
    "able to put their questions to the architects and the council's finance officer.\n\n"
    "The council has already set aside part of the money in its budget for the coming year, "
    "and the rest would come from a regional fund for cultural buildings.\n"
)

SERVICE = (
    "Acme Cloud\n\nProduct\n\nPricing\n\nDocs\n\nSign In\n\nGet Started\n\n"
    "Deploy in minutes\n\n"
    "Connect your repository and every push is built, tested and shipped to a global network "
    "of servers without any configuration on your side.\n\n"
    "Scale without thinking about it: instances are added when traffic grows and removed again "
    "when it falls, so you only pay for what your users actually need.\n\n"
    "Start Free Trial\n\nContact Sales\n"
)

BLOG = (
    "Home\n\nNews\n\nCulture\n\n"
    "Library extension goes to a vote\n\n"
    "Maria Kowalska\n\n"
    "March 3, 2024\n\n" + _BODY + "\nRelated\n\nAbout us\n"
)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Get Started"], (0.0, 0.0)),
        (["Maria Nowak"], (1.0, 1.0)),
        (["J. Smith"], (0.5, 1.0)),
        (["Quick Links", "Helena Novak"], (1.0, 1.0)),
        ([], (-1.0, -1.0)),
    ],
)
def test_name_evidence(names: list[str], expected: tuple[float, float]) -> None:
    assert name_evidence(names) == expected


def test_button_line_is_no_author() -> None:
    art = dehusk.extract(SERVICE, mode="text")
    assert art.authors == ()
    assert "without any configuration" in art.text


@pytest.mark.parametrize("contact", [
    "Media Contact:\n\nTom Ray", "Press inquiries\n\nTom Ray", "Contact: Tom Ray", "Pressekontakt:\n\nTom Ray",
])
def test_a_press_contact_is_no_author(contact: str) -> None:
    """The name under a press release's contact label is whom to call, not who wrote it; a byline
    above the text still names its author."""
    head = "Newsroom\n\nPress Releases\n\nTown library wins a regional grant\n\nMarch 4, 2024\n\n"
    art = dehusk.extract(head + _BODY + "\n" + contact + "\n\ntom.ray@example.org\n", mode="text")
    assert art.authors == ()
    assert "A final vote is expected next month" in art.text
    bylined = dehusk.extract(head + "By Helena Novak\n\n" + _BODY + "\n" + contact + "\n", mode="text")
    assert bylined.authors == ("Helena Novak",)


def test_a_long_dated_meta_line_gives_its_author() -> None:
    """A blog's meta line with both dates, the author and a disclosure is long, yet names its author."""
    line = ("Published: Jan 14, 2024 · Modified: Feb 2, 2024 by Helena Novak · This post may contain "
            "affiliate links.")
    art = dehusk.extract("Home\n\nRecipes\n\nHow the town pays for its new library wing\n\n" + line + "\n\n" + _BODY,
                         mode="text")
    assert art.authors == ("Helena Novak",)
    assert art.published == "2024-01-14" and art.modified == "2024-02-02"


LONG_BYLINE = (
    "Home\n\nMoney\n\nRetirement\n\n"
    "How the town pays for its new library wing\n\n"
    "By Helena Novak – Revised 14 Oct 2024, 08:30 CET | Edited by Tom Ray | Checked by Ana Kowal | 8 min read | Share this story\n\n"
    + _BODY
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published on May 3, 2024 by Helena Novak and Tom Ray", ["Helena Novak", "Tom Ray"]),
        ("May 3, 2024 By Helena Novak 4 Comments", ["Helena Novak"]),
        ("Helena Novak • May 3, 2024 • 6 min read", ["Helena Novak"]),
        ("May 3, 2024 · 30 min · 6279 words · Helena Novak", ["Helena Novak"]),
        ("Updated May 3, 2024 | Reviewed by Tom Ray", []),  # a reviewer, not the author
        ("Photo by Tom Ray, May 3, 2024", []),
    ],
)
def test_dated_line_names(line: str, expected: list[str]) -> None:
    from dehusk.metadata_text import dated_line_names

    assert dated_line_names(line)[0] == expected


DATED_BYLINE = (
    "Home\n\nNews\n\nCulture\n\n"
    "Library extension goes to a vote\n\n"
    "March 3, 2024 By Helena Novak 4 Comments\n\n" + _BODY
)


LONE_BY = (
    "Home\n\nNews\n\n"
    "Library extension goes to a vote\n\n" + _BODY + "\nWritten by\n\nTomasz Wierzbicki\n\nRelated\n"
)


REVIEWED = (
    "Home\n\nHealth\n\n"
    "Library extension goes to a vote\n\n"
    "Medically reviewed by Tom Ray — Written by Helena Novak\n\n"
    "Edited by: Ana Kowal\n\n"
    "March 3, 2024\n\n" + _BODY
)


# (page, its author, byline words that must not reach the text, its date when the test reads it)
BYLINE_PAGES = {
    "bare name under the headline": (BLOG, "Maria Kowalska", "Maria Kowalska", "2024-03-03"),
    # a byline line longer than a name line (revised time, editors, reading time) is still one
    "long byline line": (LONG_BYLINE, "Helena Novak", "Checked by", None),
    "author in the date line": (DATED_BYLINE, "Helena Novak", "Helena Novak", "2024-03-03"),
    # a renderer that puts the byline word and the name on lines of their own (here under the body)
    "byline word on the line above": (LONE_BY, "Tomasz Wierzbicki", "Tomasz Wierzbicki", None),
    # an editor's or a reviewer's credit names no author
    "reviewer and editor": (REVIEWED, "Helena Novak", None, None),
}


@pytest.mark.parametrize("name", list(BYLINE_PAGES))
def test_byline_pages(name: str) -> None:
    page, author, not_in_text, published = BYLINE_PAGES[name]
    art = dehusk.extract(page, mode="text")
    assert art.authors == (author,)
    if not_in_text:
        assert not_in_text not in art.text
    if published:
        assert art.published == published


# --- other languages: byline words, a role after the name, name order, a site's words -----------------------

TR_PAGE = (
    "Ana Sayfa\n"
    "\n"
    "Gündem   Ekonomi   Spor   Kültür\n"
    "\n"
    "Giriş Yap   Abone Ol\n"
    "\n"
    "Eskişehir'de tramvay hattı üniversite kampüsüne uzatılıyor\n"
    "\n"
    "Haber: Deniz Aksoy\n"
    "\n"
    "5 Nisan 2024 Cuma 10:20\n"
    "\n"
    "Eskişehir Büyükşehir Belediyesi, tramvay hattının üniversite kampüsüne kadar uzatılması için ihaleye çıktı. Yeni hat yaklaşık dört kilometre uzunluğunda olacak ve altı durak içerecek.\n"
    "\n"
    "Belediye yetkilileri, öğrencilerin her gün otobüslerde uzun kuyruklar oluşturduğunu ve yeni hattın bu sorunu büyük ölçüde çözeceğini söyledi. Projenin iki yıl içinde tamamlanması hedefleniyor.\n"
    "\n"
    "Ulaşım dairesinden yapılan açıklamada, yeni tramvayların mevcut araçlardan daha sessiz olacağı ve enerji tüketiminin yüzde yirmi daha az olacağı belirtildi.\n"
    "\n"
    "Kampüs çevresindeki esnaf ise inşaat süresince yolların kapanmasından endişe ediyor. Belediye, çalışmaların yaz tatilinde yoğunlaştırılacağını açıkladı.\n"
    "\n"
    "İlgili Haberler\n"
    "\n"
    "Hafta sonu hava durumu açıklandı\n"
    "\n"
    "© 2024 Anadolu Ekspres. Tüm hakları saklıdır.\n"
)

KO_PAGE = (
    "본문 바로가기\n"
    "가람일보\n"
    "전체메뉴 검색\n"
    "정치 경제 사회 국제 문화 스포츠\n"
    "홈 > 사회 > 지역\n"
    "청주시, 무심천 자전거도로 전 구간 새 단장…올가을 완공\n"
    "박서연 기자\n"
    "입력 2024. 4. 5. 10:20 수정 2024. 4. 5. 11:45\n"
    "청주시가 무심천 자전거도로 12㎞ 전 구간의 포장을 새로 하고 안내 표지판을 정비한다. 노면이 갈라져 넘어지는 사고가 잇따르자 내린 결정이다.\n"
    "시는 5일 이번 사업에 모두 20억원을 들여 다음 달 공사를 시작하고, 10월 말까지 마무리할 계획이라고 밝혔다. 공사 기간에는 구간별로 통행을 제한한다.\n"
    "자전거 동호회 회원들은 그동안 밤에 노면이 잘 보이지 않아 위험했다며 조명도 함께 늘려 달라고 요구했다. 시는 내년 예산에 조명 설치비를 반영할 방침이다.\n"
    "시 관계자는 \"공사 중에도 시민 불편을 줄이기 위해 우회로를 안내하겠다\"고 말했다.\n"
    "박서연 기자의 다른 기사 보기\n"
    "관련기사\n"
    "많이 본 뉴스\n"
)

JA_PAGE = (
    "メインコンテンツへスキップ\n"
    "\n"
    "東北日日新聞\n"
    "\n"
    "ホーム   ニュース   経済   スポーツ   地域\n"
    "\n"
    "ホーム > 地域 > 県南\n"
    "\n"
    "仙台の市営バス、郊外路線を再編　住宅地と駅を結ぶ便を増やす\n"
    "\n"
    "記者：高橋 健太\n"
    "\n"
    "2024年4月5日 10時20分\n"
    "\n"
    "仙台市交通局は５日、郊外を走る市営バスの路線を来年春に再編すると発表した。利用者の少ない路線を減らし、住宅地と地下鉄の駅を結ぶ便を増やす。\n"
    "\n"
    "再編の対象となるのは市の北部と西部を走る１２路線で、うち４路線を廃止し、残りの路線は運行本数を見直す。朝と夕方の通勤時間帯は、駅に向かう便を今の１．５倍にする計画だ。\n"
    "\n"
    "交通局によると、運転手の不足が続いており、今の路線をすべて維持するのは難しくなっている。廃止する路線の沿線では、地域の団体が運行する乗り合いタクシーを支援する。\n"
    "\n"
    "記者会見で局長は「限られた人数で、できるだけ多くの人の足を守りたい」と話した。市は今月から沿線の住民向けに説明会を開く。\n"
    "\n"
    "関連記事\n"
    "\n"
    "県内の桜、週末に見頃\n"
)

HU_PAGE = (
    "Ugrás a tartalomra\n"
    "\n"
    "Dunántúli Krónika\n"
    "\n"
    "Belföld   Külföld   Gazdaság   Sport\n"
    "\n"
    "Főoldal / Belföld / Pécs\n"
    "\n"
    "Pécsen felújítják a belvárosi villamosmegállókat és a buszpályaudvart\n"
    "\n"
    "Horváth Zsófia\n"
    "\n"
    "2024. április 5. 10:20\n"
    "\n"
    "A pécsi önkormányzat csütörtökön bejelentette, hogy jövő tavasszal megkezdődik a belvárosi buszpályaudvar és a környező megállók felújítása. A munkálatok becsült költsége mintegy hárommilliárd forint.\n"
    "\n"
    "A tervek szerint a váróterem akadálymentes lesz, a peronok fölé pedig új tető kerül, amelyre napelemeket szerelnek. Az utasok tájékoztatását digitális kijelzők segítik majd.\n"
    "\n"
    "A városvezetés szerint a felújítás alatt ideiglenes megállókat alakítanak ki a szomszédos utcákban, hogy a járatok menetrendje ne változzon jelentősen.\n"
    "\n"
    "Az utazók egyesülete üdvözölte a döntést, de azt kérte, hogy a kerékpárosok számára is építsenek fedett tárolót az állomás mellett.\n"
    "\n"
    "Kapcsolódó cikkek\n"
    "\n"
    "Hétvégi időjárás: enyhülés érkezik\n"
)

RO_PAGE = (
    "Sari la conținut\n"
    "Jurnalul de Olt\n"
    "Știri Politică Economie Sport\n"
    "Acasă » Știri » Local\n"
    "Slatina deschide primul parc pentru biciclete din județ\n"
    "de Mihai Ionescu\n"
    "5 aprilie 2024, 10:20\n"
    "Primăria Slatina a anunțat vineri că primul parc dedicat bicicliștilor din județ va fi deschis la începutul verii, pe malul Oltului, lângă stadionul municipal.\n"
    "Parcul va avea o pistă de antrenament pentru copii, trasee pentru biciclete de munte și un atelier unde locuitorii își vor putea repara gratuit bicicletele.\n"
    "Investiția se ridică la aproximativ patru milioane de lei și a fost finanțată în mare parte din fonduri europene, potrivit reprezentanților primăriei.\n"
    "Cluburile sportive locale au salutat proiectul și au propus organizarea unor concursuri pentru elevi în fiecare lună a vacanței de vară.\n"
    "Citește și: Noi trasee de autobuz în cartierul Crişan\n"
    "Cele mai citite\n"
)

# (page, its author): "Haber:" under a nav line "Ana Sayfa" (home page) that is no name; a Korean
# byline with the role after the name above a date line whose labels (입력, 수정) are no names; a
# Japanese name written family name, space, given name (one person); a Hungarian name written
# surname first; a Romanian "de" (by), read as a byline word on a Romanian page only
OTHER_LANGUAGE_PAGES = {
    "tr": (TR_PAGE, ("Deniz Aksoy",)),
    "ko": (KO_PAGE, ("박서연",)),
    "ja": (JA_PAGE, ("高橋 健太",)),
    "hu": (HU_PAGE, ("Horváth Zsófia",)),
    "ro": (RO_PAGE, ("Mihai Ionescu",)),
}


@pytest.mark.parametrize("lang", list(OTHER_LANGUAGE_PAGES))
def test_other_language_bylines(lang: str) -> None:
    page, authors = OTHER_LANGUAGE_PAGES[lang]
    art = dehusk.extract(page, mode="text")
    assert art.language == lang
    assert art.authors == authors


def test_name_evidence_surname_first() -> None:
    """A Hungarian name is written surname first; elsewhere that order is no evidence ("San Francisco")."""
    assert name_evidence(["Horváth Zsófia"], "hu") == (1.0, 1.0)
    assert name_evidence(["Horváth Zsófia"]) == (0.0, 0.0)


def test_a_long_byline_the_model_kept_leaves_the_text() -> None:
    """A byline of nine words or more that opens as bylines do ("By our staff correspondents ...")
    names the authors and is no text, even where the line model kept it."""
    from conftest import FERRY_PARAGRAPHS

    line = "By our staff correspondents Mara Quinn and Peter Hale"
    page = "\n\n".join(["Harbour Courier", "News   Sport   Business", "Ferry crossing to reopen after nine years",
                        line, "14 March 2024", *FERRY_PARAGRAPHS, "Privacy   Terms"])
    # (a cut of 0 keeps every line, as a line model that scored the byline high would)
    article = dehusk.extract(page, mode="text", options=dehusk.Options(threshold=0.0))
    assert list(article.authors) == ["Mara Quinn", "Peter Hale"]
    assert "staff correspondents" not in article.text


def test_a_byline_under_the_article_makes_no_lead() -> None:
    """The first paragraph is a standfirst when the byline or date stands between it and the body,
    not because a byline closes the article."""
    from conftest import FERRY_PARAGRAPHS

    page = "\n\n".join(["Harbour Courier", "News   Sport   Business", "Ferry crossing to reopen after nine years",
                        *FERRY_PARAGRAPHS, "Written by Ann Lee", "Privacy   Terms"])
    article = dehusk.extract(page, mode="text")
    assert list(article.authors) == ["Ann Lee"]
    assert article.lead is None


_SERVICE_BODY = (
    "Our team has treated homes and offices across the valley for twenty years, and we answer the "
    "phone at any hour of the night.\n"
    "Every visit starts with a written quote, so you know the price before any work begins, and we "
    "clean up after ourselves when the job is done.\n"
    "We carry the common treatments in our vans, which means most jobs are finished on the first "
    "visit without a second trip.\n"
    "If a treatment is not worth doing, we will tell you so and explain what the alternatives would cost.\n"
)


def _service_page(under_headline: str, headline: str = "Marlow Heights, TX Pest Control Services") -> str:
    return ("Menu\nHome\nServices\nAbout us\nContact\n\n" + headline + "\n\n" + under_headline
            + "\n12 March 2024\n\n" + _SERVICE_BODY + "\nCall us today\nPrivacy policy\n")


def test_the_headlines_opening_words_are_no_author() -> None:
    # the place the headline opens with, printed again under it with the day, reads like a name
    # ("Marlow Heights"): it is the headline's own words, not a byline
    article = dehusk.extract(_service_page("Marlow Heights"), mode="text")
    assert article.title == "Marlow Heights, TX Pest Control Services"
    assert article.authors == ()
    assert article.published == "2024-03-12"


def test_a_byline_word_still_names_the_author_under_such_a_headline() -> None:
    assert dehusk.extract(_service_page("By Anna Berg"), mode="text").authors == ("Anna Berg",)


def test_a_name_with_credentials_as_the_headline_keeps_its_author() -> None:
    # a headline that is a person's name and credentials alone is that person's byline line
    assert not _opens_headline(["Dana Whitfield"], "Dana Whitfield, MS, RD")
    # the headline printed again with its day, a place's name before the rest of a headline
    assert _opens_headline(["Harbour Works Update"], "Harbour Works Update 2024-10-04")
    assert _opens_headline(["Marlow Heights"], "Marlow Heights, TX Pest Control Services")
    assert not _opens_headline(["Anna Berg"], "Marlow Heights, TX Pest Control Services")
