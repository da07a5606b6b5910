"""Unit tests of the shared machinery: segmenting text, features, the tree classifier, decoding."""

from __future__ import annotations

import gzip

import numpy as np
import pytest

import dehusk
from dehusk.classify import TreeModel, _flatten
from dehusk.deadline import Deadline
from dehusk.decode import decode_bytes, looks_like_html, to_text
from dehusk.features import TEXT_FEATURES, densest_region, text_features, window_mean
from dehusk.lang import detect_language, stopwords
from dehusk.segment_text import segment_text

# ----------------------------------------------------------------- segment_text


def test_segment_text_records_layout() -> None:
    text = "Menu\n  • Home\n  * News\n\n\nHeadline here\n\n    Indented paragraph with words.\n1. First step\n-5 degrees today\n"
    segs = segment_text(text)
    assert [s.text for s in segs] == ["Menu", "Home", "News", "Headline here", "Indented paragraph with words.",
                                      "1. First step", "-5 degrees today"]
    assert [s.bullet for s in segs] == [False, True, True, False, False, True, False]
    assert segs[3].blank_before == 2 and segs[4].blank_before == 1 and segs[1].blank_before == 0
    assert segs[4].indent == 4
    assert segs[1].kind == "li" and segs[0].kind == "line"


def test_segment_text_normalises_spaces_and_line_ends() -> None:
    segs = segment_text("a\u00a0\u00a0b\tc\r\nsecond  line\rthird")
    assert [s.text for s in segs] == ["a b c", "second line", "third"]


def test_segment_text_reads_unicode_line_and_paragraph_separators() -> None:
    segs = segment_text("Headline\u2029First paragraph.\u2028Its second line.\x0bThird line.\u2029Next one.")
    assert [s.text for s in segs] == ["Headline", "First paragraph.", "Its second line.", "Third line.", "Next one."]
    # a paragraph separator is a blank line, a line separator is not
    assert [s.blank_before for s in segs] == [0, 1, 0, 0, 1]
    # NEL stays inside its line (a windows-1252 ellipsis read as Latin-1, more often than a line end)
    assert [s.text for s in segment_text("Wait\x85 and see")] == ["Wait\x85 and see"]


def test_segment_text_blank_lines_everywhere_say_nothing() -> None:
    lines = [f"Line number {i} of the page" for i in range(24)]
    # every line set apart by a blank line, one by two: read as no blank line, and one
    page = "\n\n".join(lines[:6]) + "\n\n\n" + "\n\n".join(lines[6:])
    assert [s.blank_before for s in segment_text(page)] == [0] * 6 + [1] + [0] * 17
    # blank lines between some lines only (paragraphs, a menu without them): kept as they are
    page = "\n".join(lines[:4]) + "\n\n" + "\n\n".join(lines[4:])
    assert [s.blank_before for s in segment_text(page)] == [0] * 4 + [1] * 20
    # too few lines to tell a habit from a short page of paragraphs
    assert [s.blank_before for s in segment_text("\n\n".join(lines[:12]))] == [0] + [1] * 11


def test_segment_text_cuts_giant_lines() -> None:
    segs = segment_text("x" * 500_000)
    assert len(segs) == 1 and len(segs[0].text) == 200_000


# ----------------------------------------------------------------- features


def test_window_mean_excludes_self_and_handles_edges() -> None:
    col = np.array([1.0, 0.0, 0.0, 1.0])
    np.testing.assert_allclose(window_mean(col, 1), [0.0, 0.5, 0.5, 0.0])
    np.testing.assert_allclose(window_mean(col, 1, include_self=True), [0.5, 1 / 3, 1 / 3, 0.5])
    assert window_mean(np.zeros(0), 3).shape == (0,)


def test_densest_region_finds_the_heaviest_run() -> None:
    w = np.array([-1, -1, 2, 3, -1, 4, -5, 1, -1.0])
    assert densest_region(w) == (2, 6)
    assert densest_region(np.array([-1.0, -2.0])) == (0, 0)


def test_text_features_shape_and_flags() -> None:
    page = ("Home\nLog in\nRead more\n© 2024 Example Media. All rights reserved.\n"
            "The council approved the budget on Tuesday, after a long debate about the schools and the roads.\n"
            "Published 5 March 2024 at 10:32\nShare on Facebook\nPrice: $19.99\nIs this the end?\n")
    segs = segment_text(page)
    X, f = text_features(segs, stopwords("en"))
    assert X.shape == (len(segs), len(TEXT_FEATURES))
    assert np.isfinite(X).all()
    assert f["re_nav"][1] == 1 and f["re_more"][2] == 1 and f["re_credit"][3] == 1
    assert f["re_date"][5] == 1 and f["re_time"][5] == 1 and f["re_social"][6] == 1
    assert f["re_price"][7] == 1 and f["re_question"][8] == 1
    assert f["end_term"][4] == 1 and f["end_term"][0] == 0
    assert f["stop_ratio"][4] > 0.3 > f["stop_ratio"][7]
    assert f["in_dense"][4] == 1


def test_text_features_count_cjk_words() -> None:
    segs = segment_text("西湖游船实行网上预约，高峰时段排队时间缩短一半。\nshort")
    _, f = text_features(segs, stopwords("zh"))
    assert f["_words"][0] > 10 and f["frac_cjk"][0] > 0.8


def test_text_features_empty_page() -> None:
    X, _ = text_features([], stopwords("en"))
    assert X.shape == (0, len(TEXT_FEATURES))


# ----------------------------------------------------------------- classifier


def _tree(feature: int, threshold: float, left: float, right: float) -> dict:
    return {"split_feature": feature, "threshold": threshold, "decision_type": "<=", "missing_type": "None",
            "left_child": {"leaf_value": left}, "right_child": {"leaf_value": right}}


def _model(trees: list[dict], n_features: int = 2) -> TreeModel:
    arrays: dict[str, list] = {k: [] for k in ("feature", "threshold", "left", "right", "default_left", "value")}
    roots, depth = [], 0
    for t in trees:
        root, d = _flatten(t, arrays)
        roots.append(root)
        depth = max(depth, d)
    out = {k: np.asarray(v) for k, v in arrays.items()}
    out["roots"], out["depth"] = np.asarray(roots), np.asarray(depth)
    return TreeModel(out, {"feature_names": [f"f{i}" for i in range(n_features)]})


def test_tree_model_sums_leaves_of_all_trees() -> None:
    nested = _tree(0, 0.5, 0.0, 0.0)
    nested["right_child"] = _tree(1, 2.0, 1.0, 3.0)  # a deeper right branch
    m = _model([_tree(0, 0.5, -1.0, 1.0), nested])
    X = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 5.0]])
    np.testing.assert_allclose(m.predict_raw(X), [-1.0, 2.0, 4.0])
    np.testing.assert_allclose(m.predict(X), 1 / (1 + np.exp(-np.array([-1.0, 2.0, 4.0]))))


def test_tree_model_missing_values_follow_the_default_side() -> None:
    t = _tree(0, 0.5, -1.0, 1.0)
    t["missing_type"], t["default_left"] = "NaN", False
    m = _model([t])
    np.testing.assert_allclose(m.predict_raw(np.array([[np.nan, 0.0], [0.0, 0.0]])), [1.0, -1.0])


def test_tree_model_rejects_wrong_width() -> None:
    with pytest.raises(ValueError):
        _model([_tree(0, 0.5, -1.0, 1.0)]).predict(np.zeros((3, 5)))


# ----------------------------------------------------------------- decoding and detection


def test_decode_prefers_bom_then_utf8_then_declared() -> None:
    assert decode_bytes("héllo".encode("utf-16")) == "héllo"
    assert decode_bytes("naïve café".encode()) == "naïve café"
    html = '<meta charset="windows-1251"><p>Привет, мир</p>'.encode("cp1251")
    assert "Привет, мир" in decode_bytes(html)


def test_decode_ignores_a_lying_declaration() -> None:
    data = '<meta charset="shift_jis"><p>Grüße aus München, schöne Straße</p>'.encode()
    assert "Grüße aus München" in decode_bytes(data)


def test_gzip_input_is_read_uncompressed() -> None:
    page = ("Title\n\n" + "The committee met on Monday and agreed on the plan for the new school. " * 6).encode()
    assert "committee met on Monday" in to_text(gzip.compress(page))


def test_binary_input_is_a_clear_error() -> None:
    with pytest.raises(dehusk.InputError):
        to_text(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)


def test_looks_like_html() -> None:
    assert looks_like_html("<!doctype html><html><body><p>x</p></body></html>")
    assert looks_like_html("\n\n  <div class='a'><p>One</p><p>Two</p><p>Three</p></div>")
    assert not looks_like_html("A text about the <div> tag and the <p> tag, written as prose for people to read.")
    assert not looks_like_html("")


# a text dump of a tutorial page: its menu, a headline naming a tag, prose, and a code sample
_TUTORIAL_DUMP = """<section>: the generic section element
Docs home
Guides
Reference
Search the docs
The section element groups related content under a heading of its own. Use it when the part
of the page would make sense in an outline; for styling alone, a div is the better choice.
Example
<section class="news">
  <h2>Harbour news</h2>
  <p>The ferry timetable changes on Monday.</p>
</section>
<section class="events">
  <h2>Events</h2>
  <p>The summer fair opens on the quay at ten.</p>
</section>
Screen readers announce a section with an accessible name as a region. Give it a heading, or an
aria-label when the heading is not shown.
Related pages
"""

# a dump of a web framework's guide page: a template's whole document shown as a code sample
_TEMPLATE_DUMP = """Skip to content
Framework guide
Templates
Rendering pages
A template receives the values your view passes to it and returns the finished page. Save this
one as page.html in the templates folder:
<html>
<head>
    <title>Item details</title>
    <link href="/static/style.css" rel="stylesheet">
</head>
<body>
    <h1><a href="/items/1">Item 1</a></h1>
    <p>Price: 20 euros</p>
</body>
</html>
Then return it from the view with the item's values. The page is rendered on every request, so
keep the work inside the template small.
Values are escaped before they are written into the page, so a name with an ampersand or an
angle bracket shows as it was typed and cannot add markup of its own.
Loops and conditions
A template may repeat a part of the page for every item of a list, or show a part only when a
value is set. Keep such logic short: anything longer belongs in the view, where it can be tested.
Inheritance
A base template holds the parts every page shares, the header, the menu and the footer, and each
page fills in the blocks the base leaves open.
Previous: routing
Next: static files
Edit this page
Was this page helpful?
Yes
No
"""


def test_text_dumps_that_show_markup_are_text() -> None:
    """Pages about HTML print tags in their text: a headline naming one, code samples. Their
    dumps are text, and text mode reads them (HTML mode would lose their headline and lines)."""
    assert not looks_like_html(_TUTORIAL_DUMP)
    assert not looks_like_html(_TEMPLATE_DUMP)
    article = dehusk.extract(_TEMPLATE_DUMP)
    assert article.mode == "text"
    assert "The page is rendered on every request" in article.text


def test_html_after_a_line_of_something_else_is_html() -> None:
    """A document after a server's warning or the HTTP response's headers is still HTML; so is
    a fragment that opens with a script and its code."""
    # (a page's head is mostly its styles and scripts: few tags for its size)
    styles = "".join(f".card-{i} {{ margin: {i}px 0; padding: 0 {i % 7}px; }}\n" for i in range(300))
    page = f"<!doctype html><html lang=en><head><style>\n{styles}</style></head>" \
        "<body><div class='page'><p>One paragraph of the page.</p><p>And another.</p></div></body></html>"
    assert looks_like_html("Warning: include(header.php): failed to open stream in /var/www/index.php\n" + page)
    assert looks_like_html("HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\nServer: nginx\n\n"
                           f"<!DOCTYPE html>\n<html>\n<head>\n<style>\n{styles}</style>\n</head>\n<body><p>Text</p></body>\n</html>")
    assert looks_like_html("<script>\n(function () {\n  var x = 1;\n  var y = 2;\n  var z = 3;\n  var w = 4;\n})();\n"
                           "</script>\n<div class='page'><p>One</p><p>Two</p><p>Three</p></div>")
    assert dehusk.extract("Notice: undefined index\n" + page).mode == "html"


def test_fragments_that_open_with_styles_or_sprites_are_html() -> None:
    """A page's body cut out of its document may open with a long style sheet or an SVG sprite
    before the first paragraph or link the usual signs look for."""
    styles = "".join(f".tile-{i} {{ color: #{i:03d}; }}\n" for i in range(2500))  # (over the part read first)
    body = "<div class='story'><p>The harbour reopened on Monday.</p><p>Ferries run again.</p></div>"
    assert looks_like_html(f"<style>\n{styles}</style>\n{body}")
    sprite = "<svg style='display:none'>\n" + "".join(
        f"  <symbol id='icon-{i}' viewBox='0 0 16 12'><rect x='{i % 13}' width='3' height='3'/></symbol>\n" for i in range(400)
    ) + "</svg>\n"
    assert looks_like_html(sprite + body)
    assert not looks_like_html(f"<style>\n{styles}</style>\n" + _TUTORIAL_DUMP)


def test_language_detection() -> None:
    assert detect_language("Der Gemeinderat hat am Dienstag den Haushalt für das kommende Jahr beschlossen.")[0] == "de"
    assert detect_language("El ayuntamiento aprobó el martes el presupuesto para el año que viene.")[0] == "es"
    assert detect_language("12 34 --")[0] is None
    assert "the" in stopwords("en") and "und" in stopwords("de") and stopwords("xx") == stopwords("en")


def test_deadline() -> None:
    Deadline(None).check()
    Deadline(60).check()
    with pytest.raises(dehusk.PageTimeout):
        Deadline(1e-9).check("here")


def test_no_network_library_is_loaded() -> None:
    """Extraction loads the language model from the installed package: the package's downloader
    (requests, urllib3, asyncio, ssl) never comes in. Checked in a fresh interpreter, whose
    modules are its own."""
    import subprocess
    import sys

    code = (
        "import sys, dehusk\n"
        "dehusk.extract('<html><body><p>The council met on Tuesday and approved the plan.</p></body></html>')\n"
        "dehusk.extract('The council met on Tuesday.\\nIt approved the plan for the harbour.\\n')\n"
        "from dehusk.lang import detect_language\n"
        "assert detect_language('The council met on Tuesday and approved the plan.')[0] == 'en'\n"
        "print(sorted(m for m in ('requests', 'urllib3', 'robust_downloader', 'asyncio', 'ssl') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_document_after_a_warning_gives_the_same_article() -> None:
    """Text before the document (a PHP warning, the HTTP response's headers) is left out before
    parsing. Parsed with it, the document's head landed in an implied body, and the page's blocks,
    lead and type came out otherwise."""
    from pathlib import Path

    here = Path(__file__).resolve().parent
    for name in ("body-split.html", "duplicated.html", "structure.html"):
        page = (here / "fixtures" / "html" / name).read_text(encoding="utf-8")
        _same_after_junk(page)


def _same_after_junk(page: str) -> None:
    clean = dehusk.extract(page).to_dict()
    for junk in ("Warning: session_start(): Cannot send session cookie in /var/www/app.php on line 4\n",
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-cache\r\n\r\n",
                 "Deprecated: Function create_function() is deprecated\n<!-- cached 2024-05-02 -->"):
        got = dehusk.extract(junk + page).to_dict()
        assert got["mode"] == "html"
        assert {k: got[k] for k in ("title", "authors", "published", "lead", "text", "page_type")} == \
            {k: clean[k] for k in ("title", "authors", "published", "lead", "text", "page_type")}
