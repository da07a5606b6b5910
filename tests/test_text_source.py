"""Text mode's source: a credit line under the article names an agency; a menu's or a heading's line
that reads like an organisation's name does not."""

from __future__ import annotations

import pytest

import dehusk
from conftest import FERRY_PARAGRAPHS


def _page(after: list[str]) -> str:
    head = ["Harbour Courier", "News   Sport   Business   Contact", "Ferry crossing to reopen after nine years",
            "By Ann Lee", "14 March 2024"]
    return "\n\n".join([*head, *FERRY_PARAGRAPHS, *after])


def test_an_agency_alone_under_the_article_is_its_source() -> None:
    article = dehusk.extract(_page(["Reuters", "More from the harbour"]), mode="text")
    assert article.source == "Reuters"
    assert "Reuters" not in article.text


def test_a_credit_in_brackets_is_the_source() -> None:
    article = dehusk.extract(_page(["(Harbour Courier with wires)", "More from the harbour"]), mode="text")
    assert article.source == "Harbour Courier with wires"


def test_an_organisation_like_line_alone_is_no_source() -> None:
    for line in ("Our Services", "Cloud Storage", "Recent News", "The Team"):
        article = dehusk.extract(_page([line, "Privacy   Terms   Contact"]), mode="text")
        assert article.source is None, line


@pytest.mark.parametrize(
    ("line", "source"),
    [("（共同）", "共同"), ("(時事)", "時事"), ("— ČTK", "ČTK"), ("(Antara)", "Antara"), ("(أ ف ب)", "أ ف ب"),
     ("Agerpres", "Agerpres"), ("ΑΠΕ-ΜΠΕ", "ΑΠΕ-ΜΠΕ"), ("연합뉴스", "연합뉴스")],
)
def test_credits_of_other_languages_agencies(line: str, source: str) -> None:
    """Fullwidth brackets, a dash before a non-ASCII capital, and agencies named in other scripts."""
    article = dehusk.extract(_page([line, "More from the harbour"]), mode="text")
    assert article.source == source


# an Arabic article whose rail of links ("Read also", related stories) the line model keeps at first:
# the credit in brackets under the last paragraph is above the end of the main run
AR_PAGE = (
    "صحيفة الوادي\n"
    "\n"
    "الرئيسية   أخبار   اقتصاد   رياضة   ثقافة\n"
    "\n"
    "افتتاح مكتبة عامة جديدة في وسط مدينة الزرقاء\n"
    "\n"
    "بقلم: ليلى منصور\n"
    "\n"
    "الأحد، 7 أبريل 2024\n"
    "\n"
    "افتتحت بلدية الزرقاء، يوم الأحد، مكتبة عامة جديدة في وسط المدينة، تضم أكثر من عشرين ألف كتاب وقاعة للمطالعة تتسع لمئة شخص.\n"
    "\n"
    "وقال مدير المكتبة إن المبنى الجديد يحتوي على جناح خاص للأطفال وقاعة للحاسوب مفتوحة مجانا للطلاب طوال أيام الأسبوع.\n"
    "\n"
    "وأضاف أن المكتبة ستنظم ورشات أسبوعية في القراءة والكتابة، بالتعاون مع مدارس المدينة وعدد من الجمعيات الثقافية المحلية.\n"
    "\n"
    "ومن المتوقع أن تفتح المكتبة أبوابها حتى ساعة متأخرة من الليل خلال فترة الامتحانات لمساعدة الطلاب على الدراسة.\n"
    "\n"
    "(AFP)\n"
    "\n"
    "اقرأ أيضا: ارتفاع عدد زوار المتاحف خلال عطلة الربيع\n"
    "\n"
    "أخبار ذات صلة\n"
    "\n"
    "بلدية الزرقاء تطلق حملة لزراعة الأشجار   اقرأ المزيد\n"
    "\n"
    "افتتاح حديقة جديدة في الحي الشرقي   اقرأ المزيد\n"
    "\n"
    "الأكثر قراءة\n"
    "\n"
    "طقس دافئ مع رياح خفيفة\n"
    "\n"
    "إغلاق مؤقت لشارع الجامعة بسبب أعمال الصيانة\n"
    "\n"
    "مهرجان للكتاب في الساحة العامة نهاية الشهر\n"
    "\n"
    "اشترك في نشرتنا البريدية ليصلك أهم الأخبار يوميا.\n"
)


def test_a_credit_above_a_kept_rail_is_the_source() -> None:
    article = dehusk.extract(AR_PAGE, mode="text")
    assert article.source == "AFP"
    assert article.authors == ("ليلى منصور",)


@pytest.mark.parametrize(
    ("line", "source"),
    [("Kaynak: AA", "AA"), ("Sumber: ANTARA", "ANTARA"), ("Πηγή: ΑΠΕ-ΜΠΕ", "ΑΠΕ-ΜΠΕ"), ("Sursa: Agerpres", "Agerpres"),
     ("Forrás: MTI", "MTI"), ("Källa: TT", "TT"), ("기사 제공: 연합뉴스", "연합뉴스")],
)
def test_a_source_label_of_other_languages_names_the_source(line: str, source: str) -> None:
    article = dehusk.extract(_page([line, "Privacy   Terms   Contact"]), mode="text")
    assert article.source == source
    assert line not in article.text


def test_an_agency_credit_under_the_byline_is_the_source() -> None:
    head = ["Harbour Courier", "News   Sport   Business   Contact", "Ferry crossing to reopen after nine years",
            "By Ann Lee", "14 March 2024", "(AFP)"]
    article = dehusk.extract("\n\n".join([*head, *FERRY_PARAGRAPHS, "Privacy   Terms"]), mode="text")
    assert article.source == "AFP"
    assert "(AFP)" not in article.text


def test_the_agency_of_the_byline_is_the_source() -> None:
    head = ["Harbour Courier", "News   Sport   Business   Contact", "Ferry crossing to reopen after nine years",
            "Ann Lee/TT", "14 March 2024"]
    article = dehusk.extract("\n\n".join([*head, *FERRY_PARAGRAPHS, "Privacy   Terms"]), mode="text")
    assert list(article.authors) == ["Ann Lee"]
    assert article.source == "TT"


@pytest.mark.parametrize(("dateline", "agency"), [
    ("Hamburg (dpa) - ", "dpa"), ("WASHINGTON (AP) — ", "AP"), ("LONDON, March 3 (Reuters) - ", "Reuters"),
    ("Madrid, 3 mar (EFE).- ", "EFE"),
])
def test_a_wire_storys_dateline_names_its_source(dateline: str, agency: str) -> None:
    """A wire story's first paragraph opens with its dateline, the agency in brackets: the source,
    in both modes; the paragraph keeps its words. A company named in brackets is no source."""
    body = [dateline + "The rail operator will run a night train from the port to the capital every day from "
            "December. Until now the service ran only in the summer months.",
            "The trains will have sleeping cars and couchettes and arrive early in the morning. A spokesman "
            "said demand had risen sharply over the past year.",
            "A second line to the north is being studied, but the operator lacks carriages approved for it."]
    page = "\n".join(["Home", "Politics", "Business", "Night trains to the north to run all year", "March 12, 2024",
                      *body, "More on this story", "Imprint", "Privacy"])
    art = dehusk.extract(page, mode="text")
    assert art.source == agency
    assert art.text.startswith(body[0])
    html = ("<html><head><title>Night trains to the north to run all year</title></head><body><main><article>"
            "<h1>Night trains to the north to run all year</h1>" + "".join(f"<p>{p}</p>" for p in body)
            + "</article></main></body></html>")
    assert dehusk.extract(html, mode="html").source == agency
    other = dehusk.extract(page.replace(dateline, "The company (Acme Rail) - "), mode="text")
    assert other.source is None
