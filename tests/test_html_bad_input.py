"""HTML mode on bad input: an article (maybe empty, saying why) or a clear DehuskError; never a
crash, never past the stated bounds. The stated bounds per page: `Options.timeout` seconds of
extraction work after parsing (parsing a 64 MB page takes well under a second), input cut to
`Options.max_bytes` (64 MB), at most 20,000 blocks, and peak memory under ~25x the input
size. Big inputs run in a child process, so that a hang or a memory blow-up fails the test
instead of stalling the run (the limits there are guards, not speed requirements)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import dehusk
from conftest import norm

FIXTURES = Path(__file__).parent / "fixtures" / "html"
PAGE = (FIXTURES / "body-split.html").read_text(encoding="utf-8")
FIRST = "When the last miller in Hollins Ford retired in 1961"
LAST = "most maps still leave blank."
HANG_GUARD = 300


def extract(page: str | bytes, **kwargs: object) -> dehusk.Article:
    return dehusk.extract(page, mode="html", **kwargs)  # type: ignore[arg-type]


def assert_body(art: dehusk.Article, *sentences: str) -> None:
    body = norm(art.text)
    for s in sentences:
        assert s in body, (s, body[:500])


def isolated(make_page: str, **kwargs: object) -> dict:
    """Run extract in a child process; return what came out, its seconds and peak RSS (MB)."""
    code = textwrap.dedent(make_page) + textwrap.dedent(f"""
        import json, resource, time
        import dehusk
        t0 = time.perf_counter()
        try:
            art = dehusk.extract(page, mode="html", **{kwargs!r})
            out = {{"kind": "article", "text": art.text[:100_000], "empty_reason": art.empty_reason}}
        except dehusk.DehuskError as exc:
            out = {{"kind": "error", "type": type(exc).__name__, "message": str(exc)}}
        out["seconds"] = time.perf_counter() - t0
        out["input_mb"] = len(page) / 1e6
        out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(out))
    """)
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        pytest.fail(f"extract did not finish within {HANG_GUARD} s")
    assert proc.returncode == 0, f"extract crashed:\n{proc.stderr[-5000:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_truncated_html_keeps_what_is_there() -> None:
    cut = PAGE[: PAGE.index("The trust now sells flour")]
    art = extract(cut)
    assert_body(art, FIRST, "Sixty years later the same wheel turns again")
    assert extract(cut.encode("utf-8")[:-3] + b"\xe2\x80").text  # cut inside a UTF-8 sequence too


def test_ten_thousand_deep_nesting() -> None:
    inner = "<p>" + " ".join(["The deep page still has a paragraph of ordinary words in it."] * 4) + "</p>"
    page = "<html><body>" + "<div>" * 10_000 + inner * 3 + "</div>" * 10_000 + "</body></html>"
    art = extract(page, explain=True)
    assert isinstance(art, dehusk.Article)
    assert all(b.reason for b in art.blocks or ())
    unclosed = "<html><body>" + "<span><div>" * 10_000 + inner
    assert isinstance(extract(unclosed), dehusk.Article)


def test_hundred_megabyte_page_within_bounds() -> None:
    out = isolated("""
        para = "<div class='row'><p>" + "A paragraph of filler words that goes on for a while. " * 8 + "</p></div>\\n"
        page = ("<html><body>" + para * (100_000_000 // len(para))).encode()
    """, timeout=30.0)
    if out["kind"] == "error":
        assert out["type"] == "PageTimeout" and out["message"]
    else:
        assert out["text"] or out["empty_reason"]
    assert out["seconds"] < 30.0 + 20.0  # the page limit, plus parsing the 64 MB that are read
    assert out["rss_mb"] < 25 * 64 + 300, out


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [("shift_jis", "windows-1251"), ("shift_jis", "utf-8"), ("cp1251", "shift_jis"), ("utf-16", "shift_jis")],
)
def test_lying_charset_declarations(encoding: str, declared: str) -> None:
    name = "lang-ja.html" if encoding == "shift_jis" else "lang-ru.html"
    if encoding == "utf-16":
        name = "lang-ja.html"
    html = (FIXTURES / name).read_text(encoding="utf-8").replace('charset="utf-8"', f'charset="{declared}"')
    art = extract(html.encode(encoding))
    first = "港町の商店街にある小さな書店が" if name == "lang-ja.html" else "В субботу в здании бывшего трамвайного депо"
    assert_body(art, first)


def test_invalid_bytes_inside_the_page() -> None:
    data = bytearray(PAGE.encode("utf-8"))
    rng = random.Random(4)
    for pos in sorted(rng.sample(range(2000, len(data)), 40)):
        data[pos] = rng.choice([0x80, 0xFF, 0xC3, 0x00, 0xFE])
    art = extract(bytes(data))
    assert isinstance(art, dehusk.Article) and art.text
    assert "\x00" not in art.text


def test_no_body_no_html_tags() -> None:
    page = (
        "<title>Fragment</title><p>" + "A page that is only a fragment still has words worth keeping here. " * 4 + "</p>"
        "<p>" + "A second paragraph follows the first one without any body element. " * 4 + "</p>"
    )
    art = extract(page)
    assert_body(art, "A page that is only a fragment", "A second paragraph follows")


def test_frameset_is_empty_with_a_reason() -> None:
    page = "<html><head><title>Frames</title></head><frameset cols='50%,50%'><frame src='a.html'><frame src='b.html'></frameset></html>"
    art = extract(page)
    assert art.text == "" and art.empty_reason == "frameset"


def test_only_a_script() -> None:
    art = extract("<script>document.write('<p>' + 'hello '.repeat(50) + '</p>');</script>")
    assert art.text == "" and art.empty_reason


def test_js_shell() -> None:
    bundle = "<script>" + "var app = function(){return 1};" * 300 + "</script>"
    page = f"<html><head>{bundle}{bundle}{bundle}</head><body><div id='root'></div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>"
    art = extract(page)
    assert art.empty_reason == "js_shell"


def test_js_shell_saved_without_its_script_tags() -> None:
    """A saved app page whose <script> tags were stripped still says how it loads its code."""
    head = ('<title>Where should I start? - Community</title><link rel="preload" href="/assets/start-app-9f92.js" '
            'as="script"><meta name="description" content="A question about smart homes">')
    art = extract(f"<html><head>{head}</head><body><section id='main'></section>"
                  "<form id='login' style='display:none'><input name='username'></form></body></html>")
    assert art.text == "" and art.empty_reason == "js_shell"
    plain = extract("<html><head><title>Nothing here</title></head><body><section id='main'></section></body></html>")
    assert plain.empty_reason != "js_shell"


def test_empty_and_whitespace_html() -> None:
    for page in ("<html></html>", "<html><body>   </body></html>", "<!DOCTYPE html>", "<"):
        art = extract(page)
        assert art.text == "" and art.empty_reason, page


def test_json_dump_of_the_result_is_valid() -> None:
    art = extract(PAGE, explain=True, markdown=True)
    d = json.loads(json.dumps(art.to_dict()))
    assert d["mode"] == "html" and d["blocks"] and d["markdown"]
