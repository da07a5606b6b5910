"""Bad input (issue 3): never a crash or a hang; an empty article or a clear `dehusk` error.

Empty, whitespace-only, binary garbage, invalid UTF-8, a 50 MB text, one 10 MB line, NUL
bytes; wrong argument types and modes; bytes in legacy encodings without a declaration; and
telling HTML from text. The big inputs run in a child process with a generous time limit, so
that a hang fails the test instead of stalling the run (the limit is a hang guard, not a speed
requirement: speed is measured in benchmarks/).
"""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
import textwrap

import pytest

import dehusk
from conftest import norm

#: seconds before a child process counts as hung (the page itself gets `timeout=PAGE_TIMEOUT`)
HANG_GUARD = 300
PAGE_TIMEOUT = 30.0

ARTICLE = """Home
News
Sport
Contact
Council approves new footbridge over the river Wensum
By Tom Harrow
4 April 2024
The city council has approved plans for a pedestrian and cycle bridge across the river Wensum, linking the station quarter with the new housing on the former brewery site.
Construction is expected to begin in the autumn and take around eighteen months, with most of the cost covered by a government grant for active travel schemes.
Residents who objected to the original design said they were pleased that the bridge had been moved further from their gardens and that its lighting would be dimmed after midnight.
Cookie settings
Privacy policy
"""
FIRST = "The city council has approved plans for a pedestrian and cycle bridge across the river Wensum"
LAST = "its lighting would be dimmed after midnight."


def assert_empty_or_dehusk_error(page: object, **kwargs: object) -> None:
    """The bad-input bar: an empty article (saying why) or a DehuskError with a message."""
    try:
        art = dehusk.extract(page, **kwargs)  # type: ignore[arg-type]
    except dehusk.DehuskError as exc:
        assert str(exc).strip(), f"{type(exc).__name__} without a message"
        return
    assert isinstance(art, dehusk.Article)
    assert art.text == "", f"expected an empty article, got text {art.text[:200]!r}"
    assert art.lead is None and art.title is None, (art.title, art.lead)
    assert art.empty_reason, "an empty article should say why (empty_reason)"


def run_isolated(make_page: str, **kwargs: object) -> dict:
    """Run extract in a child process on the page `make_page` builds; return what came out.

    A crash (anything but a DehuskError) fails with the child's traceback; a hang fails too.
    """
    code = textwrap.dedent(make_page) + textwrap.dedent(f"""
        import json
        import dehusk
        try:
            art = dehusk.extract(page, **{kwargs!r})
            out = {{"kind": "article", "text": art.text[:2_000_000], "title": art.title, "lead": art.lead,
                    "empty_reason": art.empty_reason, "mode": art.mode}}
        except dehusk.DehuskError as exc:
            out = {{"kind": "error", "type": type(exc).__name__, "message": str(exc)}}
        print(json.dumps(out))
    """)
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=HANG_GUARD
        )
    except subprocess.TimeoutExpired:
        pytest.fail(
            f"extract did not finish within {HANG_GUARD} s (page timeout was {kwargs.get('timeout')})"
        )
    assert proc.returncode == 0, f"extract crashed:\n{proc.stderr[-5000:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def assert_empty_or_error_result(out: dict) -> None:
    if out["kind"] == "error":
        assert out["message"].strip()
        return
    assert out["text"] == "", f"expected an empty article, got text {out['text'][:200]!r}"
    assert out["empty_reason"]


# ----------------------------------------------------------------- empty and whitespace


@pytest.mark.parametrize("page", ["", b""], ids=["str", "bytes"])
def test_empty(page: str | bytes) -> None:
    assert_empty_or_dehusk_error(page)


@pytest.mark.parametrize("mode", ["auto", "text", "html"])
def test_empty_every_mode(mode: str) -> None:
    assert_empty_or_dehusk_error("", mode=mode)


WHITESPACE = " \n\t\r\n   \n\u00a0\u3000\u2003\n\n \r\r\n"


@pytest.mark.parametrize(
    "page", [WHITESPACE, WHITESPACE.encode("utf-8"), "\n" * 100_000], ids=["str", "bytes", "newlines"]
)
def test_whitespace_only(page: str | bytes) -> None:
    assert_empty_or_dehusk_error(page)


# ----------------------------------------------------------------- garbage and bad bytes


def _random_bytes(n: int, seed: int = 3) -> bytes:
    return random.Random(seed).randbytes(n)


GARBAGE = {
    "random": _random_bytes(64 * 1024),
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random_bytes(32 * 1024, seed=5),
    "broken-gzip": gzip.compress(ARTICLE.encode("utf-8"), mtime=0)[:12] + _random_bytes(16 * 1024, seed=9),
    "all-nul": b"\x00" * 20_000,
}


@pytest.mark.parametrize("name", list(GARBAGE))
def test_binary_garbage(name: str) -> None:
    assert_empty_or_dehusk_error(GARBAGE[name])
    assert_empty_or_dehusk_error(GARBAGE[name], mode="text")


def test_compressed_page_reads_as_the_page() -> None:
    """A gzip-compressed dump is either read as the page it holds or refused; never read as text."""
    plain = dehusk.extract(ARTICLE, mode="text").to_dict()
    try:
        packed = dehusk.extract(gzip.compress(ARTICLE.encode("utf-8"), mtime=0), mode="text").to_dict()
    except dehusk.DehuskError:
        return
    assert packed == plain


INVALID_UTF8 = (
    b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xe2\x82\x28\xf0\x28\x8c\xbc\xf8\xa1\xa1\xa1\xa1\xc0\xaf\xed\xa0\x80"
)


def test_invalid_utf8_bytes_alone() -> None:
    assert_empty_or_dehusk_error(INVALID_UTF8 * 400)
    assert_empty_or_dehusk_error(INVALID_UTF8 * 400, mode="text")


def test_invalid_utf8_bytes_inside_an_article() -> None:
    """A few broken bytes in a page do not lose the page."""
    data = ARTICLE.encode("utf-8").replace(
        b"\nCookie settings", b"\n\xff\xfe\xc0\xaf broken \xed\xa0\x80\nCookie settings"
    )
    data = data.replace(b"eighteen months", b"eighteen\xc3 months")
    art = dehusk.extract(data, mode="text")
    assert FIRST in norm(art.text) and LAST in norm(art.text)


def test_replacement_characters_the_dump_itself_holds() -> None:
    """A renderer that drew a rule with characters it could not encode leaves a run of U+FFFD in
    valid UTF-8: the page is text (as bytes and as str alike), and the run is not in `text`."""
    page = ARTICLE.replace("\nCookie settings", "\n" + "\ufffd" * 1200 + "\nCookie settings")
    assert page.count("\ufffd") == 1200
    expected = dehusk.extract(page, mode="text")
    art = dehusk.extract(page.encode("utf-8"), mode="text")
    assert art.to_dict() == expected.to_dict()
    assert FIRST in norm(art.text) and LAST in norm(art.text) and "\ufffd" not in art.text
    # as many characters that failed to decode are no text
    from dehusk.decode import _garbled

    text = "\ufffd" * 1200 + ARTICLE
    assert _garbled(text) and not _garbled(text, literal=1200)


def test_lone_surrogates_in_str() -> None:
    """A str that is not valid Unicode text (lone surrogates): no crash, and output that encodes."""
    page = ARTICLE.replace("pedestrian", "pedes\ud800trian").replace("Privacy", "\udfffPrivacy")
    try:
        art = dehusk.extract(page, mode="text", explain=True)
    except dehusk.DehuskError:
        return
    json.dumps(art.to_dict(), ensure_ascii=False).encode("utf-8")  # what the CLI and the service write


def test_invisible_characters_make_no_paragraph_and_split_no_word() -> None:
    """A byte-order mark left mid-page, zero-width spaces and word joiners print nothing: no
    paragraph of them alone in the text, and a word they sit in stays one word."""
    page = ARTICLE.replace("\nCookie settings", "\n\ufeff\n\u200b\u2060\nCookie settings")
    page = page.replace("pedestrian", "pedes\u200btrian")
    art = dehusk.extract(page, mode="text", explain=True)
    assert FIRST in norm(art.text) and LAST in norm(art.text)
    assert all(p.strip(" \ufeff\u200b\u2060") for p in art.text.split("\n\n"))
    assert not any(ch in art.text for ch in "\ufeff\u200b\u2060")
    assert all(b.text.strip(" \ufeff\u200b\u2060") for b in art.blocks)


# ----------------------------------------------------------------- NUL bytes


def _with_nuls(text: str) -> str:
    return "\x00".join(text[i : i + 7] for i in range(0, len(text), 7))


@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_nul_bytes_removed(as_bytes: bool) -> None:
    page: str | bytes = _with_nuls(ARTICLE)
    if as_bytes:
        page = page.encode("utf-8")
    art = dehusk.extract(page, mode="text", explain=True)
    d = json.dumps(art.to_dict(), ensure_ascii=False)
    assert "\\u0000" not in d, "NUL characters left in the output"
    text = norm(art.text)
    assert FIRST in text and LAST in text, "NULs inside words should vanish, leaving the words whole"


# ----------------------------------------------------------------- big inputs (child process)


def test_50_mb_text() -> None:
    make = """
        import random
        rnd = random.Random(7)
        words = ("the council river bridge plan people city work year new said would could after "
                 "about their which there other these first house water green public school money").split()
        paragraphs = [" ".join(rnd.choice(words) for _ in range(rnd.randint(20, 90))).capitalize() + "."
                      for _ in range(3000)]
        chunk = "\\n\\n".join(paragraphs) + "\\n\\n"
        page = (chunk * (50 * 2**20 // len(chunk) + 1))[: 50 * 2**20]
        assert len(page) == 50 * 2**20
    """
    out = run_isolated(make, mode="text", timeout=PAGE_TIMEOUT)
    assert out["kind"] in ("article", "error")
    if out["kind"] == "error":
        assert out["message"].strip()


def test_50_mb_bytes_auto_mode() -> None:
    make = """
        line = "A line of a very long plain-text dump, repeated until the page is fifty megabytes.\\n"
        page = (line * (50 * 2**20 // len(line) + 1)).encode("utf-8")[: 50 * 2**20]
    """
    out = run_isolated(make, timeout=PAGE_TIMEOUT)
    assert out["kind"] in ("article", "error")


def test_one_10_mb_line() -> None:
    """A 10 MB line with no spaces (an inline base64 image in a dump): no article in it."""
    make = """
        import base64, random
        blob = base64.b64encode(random.Random(1).randbytes(3 * 2**20))
        page = ("data:image/png;base64," + (blob.decode() * 4)[: 10 * 2**20]).encode()
    """
    out = run_isolated(make, mode="text", timeout=PAGE_TIMEOUT)
    assert_empty_or_error_result(out)


def test_one_10_mb_line_inside_an_article() -> None:
    """The same line in the middle of a page: the article still comes out, the blob does not."""
    make = f"""
        import base64, random
        blob = base64.b64encode(random.Random(1).randbytes(3 * 2**20))
        line = "data:image/png;base64," + (blob.decode() * 4)[: 10 * 2**20]
        article = {ARTICLE!r}
        page = article.replace("Cookie settings", line + "\\nCookie settings")
    """
    out = run_isolated(make, mode="text", timeout=PAGE_TIMEOUT)
    assert out["kind"] == "article", out
    text = norm(out["text"])
    assert FIRST in text and LAST in text
    assert "base64" not in text and len(out["text"]) < 10_000


def test_one_10_mb_line_of_words() -> None:
    """A 10 MB line of repeated words: finishes, with an article or a clear error."""
    make = """
        page = ("lorem ipsum dolor sit amet " * (10 * 2**20 // 27 + 1))[: 10 * 2**20]
    """
    out = run_isolated(make, timeout=PAGE_TIMEOUT)
    assert out["kind"] in ("article", "error")


def test_one_10_mb_line_of_menu_words() -> None:
    """A 10 MB line where every few capitalised words a lower-case one follows (a place where a
    menu could meet a sentence, over and over): finishes, with an article or a clear error."""
    make = """
        page = ("Home News Sport Weather Travel and " * (10 * 2**20 // 35 + 1))[: 10 * 2**20]
    """
    out = run_isolated(make, timeout=PAGE_TIMEOUT)
    assert out["kind"] in ("article", "error")


# ----------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    "page", [123, None, 1.5, ["<p>a</p>"], {"html": "<p>a</p>"}], ids=["int", "None", "float", "list", "dict"]
)
def test_wrong_type_is_input_error(page: object) -> None:
    with pytest.raises(dehusk.InputError) as info:
        dehusk.extract(page)  # type: ignore[arg-type]
    assert str(info.value).strip()


@pytest.mark.parametrize("mode", ["nonsense", "", "TEXT", None])
def test_unknown_mode_is_input_error(mode: object) -> None:
    with pytest.raises(dehusk.InputError):
        dehusk.extract(ARTICLE, mode=mode)  # type: ignore[arg-type]


def test_errors_are_dehusk_errors() -> None:
    assert issubclass(dehusk.InputError, dehusk.DehuskError)
    assert issubclass(dehusk.PageTimeout, dehusk.DehuskError)


# ----------------------------------------------------------------- legacy encodings, no declaration

PAGE_FR = """Accueil
Actualités
Région
La fête du citron à Menton attire plus de visiteurs que prévu
Par Hélène Garçon
Publié le 18 février 2024
Malgré un temps maussade, la fête du citron a accueilli près de 240 000 visiteurs cette année, soit davantage qu’en 2023, selon l’office de tourisme de la ville.
Les chars décorés d’agrumes, qui ont nécessité près de 145 tonnes de citrons et d’oranges, ont défilé chaque dimanche sur la promenade du Soleil devant des tribunes complètes.
« Nous avons dû ajouter des places debout pour répondre à la demande », a expliqué la directrice de l’événement, précisant que le billet coûtait 28 € cette année.
Les organisateurs envisagent déjà d’allonger la manifestation d’une semaine l’an prochain, à condition que les hôtels de la région suivent.
Mentions légales
"""

PAGE_DE = """Startseite
Nachrichten
Münchner Stadtrat beschließt längere Öffnungszeiten für Freibäder
Von Jürgen Weiß
12. Mai 2024
Die städtischen Freibäder in München öffnen in diesem Sommer schon um sieben Uhr morgens und schließen erst um einundzwanzig Uhr, wie der Stadtrat am Dienstag beschlossen hat.
Für die längeren Öffnungszeiten werden zusätzlich zwölf Rettungsschwimmer eingestellt; die Kosten von rund 480.000 € übernehmen die Stadtwerke.
„Gerade an heißen Tagen wollen viele Berufstätige vor der Arbeit noch ein paar Bahnen ziehen“, sagte die Bäderchefin. Der Eintrittspreis für Erwachsene bleibt bei 5,50 €.
Impressum
"""

PAGE_JA = """ホーム
ニュース
地域
金沢市の近江町市場、外国人観光客が過去最多に
2024年3月5日
金沢市の近江町市場を訪れる外国人観光客が、昨年度は過去最多の約八十万人に達したことが市の調査で分かった。
市場の関係者によると、特に台湾や香港からの旅行者が多く、新鮮な海鮮丼や甘えびを目当てに朝早くから行列ができる日も珍しくないという。
一方で、混雑による地元客の減少を心配する声もあり、市は来年度から混雑状況をスマートフォンで確認できる仕組みを導入する方針だ。
市場で五十年以上鮮魚店を営む男性は「昔からのお客さんも大切にしながら、新しいお客さんを迎えたい」と話している。
お問い合わせ
"""

PAGE_ZH = """首页
新闻
成都大熊猫繁育研究基地春季开放时间调整
2024年03月08日
记者 陈立新
自三月十日起，成都大熊猫繁育研究基地将调整春季开放时间，每天上午七点半开园，比冬季提前半个小时。
基地工作人员介绍，春季是大熊猫活动最频繁的季节，清晨时分大熊猫通常在户外进食和玩耍，游客更容易看到它们活跃的样子。
为了缓解节假日的客流压力，基地将继续实行实名预约购票，每日限流三万人，游客可以通过官方网站或者小程序提前七天预约。
基地还提醒游客不要投喂食物，不要拍打玻璃，以免惊扰大熊猫。
联系我们
"""

ENCODED = {
    "cp1252-fr": ("cp1252", PAGE_FR),
    "cp1252-de": ("cp1252", PAGE_DE),
    "shift_jis-ja": ("shift_jis", PAGE_JA),
    "gbk-zh": ("gbk", PAGE_ZH),
}


@pytest.mark.parametrize("name", list(ENCODED))
def test_undeclared_legacy_encoding_decodes_without_mojibake(name: str) -> None:
    """Every line of the page comes through intact (checked on the explained blocks, so the
    test is about decoding, whatever the classifier keeps)."""
    encoding, page = ENCODED[name]
    data = page.encode(encoding)
    assert data != page.encode("utf-8")
    art = dehusk.extract(data, mode="text", explain=True)
    assert art.blocks is not None
    got = norm(" ".join(b.text for b in art.blocks))
    assert "\ufffd" not in got
    missing = [line for line in page.splitlines() if norm(line) not in got]
    assert not missing, (
        f"lines garbled by decoding ({encoding} bytes): {missing[:3]} ; decoded as: {got[:300]!r}"
    )


@pytest.mark.parametrize("name", ["cp1252-fr", "cp1252-de"])
def test_undeclared_cp1252_article_text(name: str) -> None:
    """And the article text itself carries the accented words, curly quotes and euro signs."""
    encoding, page = ENCODED[name]
    art = dehusk.extract(page.encode(encoding), mode="text")
    body = [line for line in page.splitlines() if len(line) > 100]
    text = norm(art.text)
    assert all(norm(line) in text for line in body), art.text[:500]


# ----------------------------------------------------------------- HTML or text?

HTML_PAGES = {
    "document": "<!DOCTYPE html><html lang='en'><head><title>Bridge</title></head><body><article><h1>Bridge approved</h1>"
    "<p>The city council has approved plans for a pedestrian and cycle bridge.</p></article></body></html>",
    "no-doctype": "\n\n  <html><head><meta charset='utf-8'></head><body><div class='x'><p>Hello there, reader.</p></div></body></html>",
    "fragment": '<div class="post"><p>The city council has approved plans for a bridge.</p><p>Work starts in autumn.</p></div>',
    "comment-first": "<!-- generated 2024-04-04 --><html><body><p>The council has approved the bridge.</p></body></html>",
}


@pytest.mark.parametrize("name", list(HTML_PAGES))
def test_auto_mode_reads_html_as_html(name: str) -> None:
    assert dehusk.extract(HTML_PAGES[name]).mode == "html"
    assert dehusk.extract(b"\xef\xbb\xbf" + HTML_PAGES[name].encode("utf-8")).mode == "html"


PROSE_ABOUT_HTML = """Web Notes
Archive
About
Why your screen reader skips half the page
By Ada Lindqvist
2 May 2024
Most of the problems I see in accessibility audits start with a <div> that should have been something else. A <div> tells a screen reader nothing: it is a box, and boxes have no meaning.
If a piece of text is a paragraph, put it in a <p>. If it is a list of links, use a <ul> with an <li> for each link, and wrap the whole menu in a <nav>. A <span> with a click handler is not a button; a <button> is.
None of this needs a framework. It needs the habit of asking, every time you type <div>, whether the browser already has an element that says what you mean.
Comments are closed.
"""


def test_auto_mode_reads_prose_that_mentions_tags_as_text() -> None:
    assert dehusk.extract(PROSE_ABOUT_HTML).mode == "text"
    assert dehusk.extract(PROSE_ABOUT_HTML.encode("utf-8")).mode == "text"


def test_auto_mode_reads_a_plain_dump_as_text() -> None:
    assert dehusk.extract(ARTICLE).mode == "text"
