"""Fast paths of HTML mode against the plain code they replace: each must give the same result."""

from __future__ import annotations

import html
import itertools
import random
import re

import numpy as np
import pytest
from selectolax.lexbor import LexborHTMLParser

from dehusk import extract
from dehusk import html_tokens as T
from dehusk import metadata_scan as MS
from dehusk.classify import LEAF_CHUNK, load_model
from dehusk.deadline import NO_DEADLINE
from dehusk.decode import to_text, to_text_utf8
from dehusk.features_html import title_similarity
from dehusk.html_mode import extract_html
from dehusk.metadata_title import _INVISIBLE, clean_text
from dehusk.options import Options
from test_html_speed_features import _title_similarity_reference

_PAGE = """<!doctype html><html lang="en"><head><title>Budget vote delayed — The Courier</title>
<meta property="og:title" content="Budget vote delayed\u200b again"><meta name="author" content="Jane Doe">
</head><body><nav class="menu"><a href="/">Home</a> | <a href="/news">News</a></nav>
<article class="post-content"><h1>Budget vote delayed again</h1><p class="byline">By Jane Doe, 4 April 2024</p>
<p>The council delayed the vote on the budget “again”, and the mayor said the plans would be ready in May.</p>
<p>Résumé: the vote — postponed twice — now falls on 12 May 2024. Ünïcödé ΟΔΟΣ 日本語のテキスト.</p>
<ul><li>First point</li><li>Second point</li></ul></article>
<footer class="site-footer">© 2024 The Courier</footer></body></html>"""


def test_to_text_utf8_gives_to_text_and_its_bytes() -> None:
    parts = ["plain", "café", "\u2019quote", "\x00", "\x07", "\ud800", "\U0001f600", "\n\t", " "]
    for n in (1, 2, 3):
        for combo in itertools.product(parts, repeat=n):
            page = "".join(combo)
            text, utf8 = to_text_utf8(page)
            assert text == to_text(page)
            assert utf8 is None or utf8 == text.encode("utf-8")
            if not text.isascii() and page == text:  # non-ASCII, nothing removed: the bytes are given
                assert utf8 == text.encode("utf-8")
    for raw in (b"<p>caf\xc3\xa9</p>", b"\x00<p>x</p>", "<p>é</p>".encode("latin-1"), b"<p>x</p>"):
        text, utf8 = to_text_utf8(raw)
        assert text == to_text(raw)
        assert utf8 is None or utf8 == text.encode("utf-8")


def test_parser_reads_the_same_tree_from_the_bytes() -> None:
    for page in (_PAGE, _PAGE.replace("é", "e"), "<p>a\u00a0b</p>", "<p>\U0001f600</p>"):
        assert LexborHTMLParser(page).html == LexborHTMLParser(page.encode("utf-8")).html


def test_extract_html_with_bytes_equals_without() -> None:
    text, utf8 = to_text_utf8(_PAGE)
    assert utf8 is not None
    for opts in (Options(explain=True), Options(explain=True, markdown=True)):
        a = extract_html(text, url="https://example.com/news/2024/budget", options=opts, deadline=NO_DEADLINE)
        b = extract_html(text, url="https://example.com/news/2024/budget", options=opts, deadline=NO_DEADLINE,
                         utf8=utf8)
        assert a.to_dict() == b.to_dict()
        assert [blk.score for blk in a.blocks] == [blk.score for blk in b.blocks]


@pytest.mark.parametrize("page", ["", " ", "\n\t ", "\u3000\u2003\n", "\x1c\x1d", " x ", "\u200b"])
def test_empty_input_rule(page: str) -> None:
    empty = not to_text(page).strip()  # the plain rule
    assert (extract(page, mode="html").empty_reason == "empty_input") == empty


def test_title_similarity_many_matches_per_block() -> None:
    rnd = random.Random(8)
    words = ["the", "vote", "votes", "a", "x", "the-vote", "THE", "Vote.", "vote\nthe", "ΟΔΟΣ", "οδος", "_the_"]
    for title in ("The vote", "the the a", "ΟΔΟΣ vote", "x"):
        for _ in range(200):
            texts = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 30))) for _ in range(rnd.randint(1, 12))]
            if rnd.random() < 0.3:
                texts.insert(rnd.randint(0, len(texts)), "vote " * 80)  # a long block between short ones
            assert np.array_equal(title_similarity(texts, title), _title_similarity_reference(texts, title))


def _value_mask_reference(value: str) -> int:
    mask = 0
    for word in value.split():
        mask |= T._word_mask_reference(T._DIGITS.sub("0", word) if len(word) > 2 else word)
    return mask


def test_value_mask_without_digits_equals_reference() -> None:
    rnd = random.Random(2)
    frags = list(T._LIT_PAYLOAD) + ["-", "_", "Ad", "Nav", "x", "é", "\u0663", "1", "mc4wp", " ", "\t", "\u2003"]
    values = ["".join(rnd.choice(frags) for _ in range(rnd.randint(1, 8))) for _ in range(5000)]
    values += ["mc4wp-form", "mc4wp-form-1", "nav menu", "ads\u0663", "\u0663\u0664ad", "", "  ", "h1 a1"]
    for value in values:
        assert T.value_mask.__wrapped__(value) == _value_mask_reference(value), value


def _clean_text_reference(text: str | None) -> str:
    if not text:
        return ""
    if "&" in text and ";" in text:
        text = html.unescape(text)
    return " ".join(text.translate(_INVISIBLE).split()).rstrip(" ¶§🔗")


def test_clean_text_equals_reference() -> None:
    rnd = random.Random(4)
    pieces = ["a", "Bé", " ", "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\ue000", "\uf0c1", "&amp;",
              "&shy;", "&#8203;", ";", "¶", "🔗", "\n", "\u2003", "日本"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert clean_text(text) == _clean_text_reference(text), repr(text)
    assert clean_text(None) == ""


@pytest.mark.parametrize("name", ["html_block", "html_context", "html_title", "text_p1"])
def test_tree_model_reads_transposed_rows_as_their_copy(name: str) -> None:
    model = load_model(name)
    width = len(model.feature_names)
    rng = np.random.default_rng(3)
    for n in (1, 2, 7, LEAF_CHUNK - 1, LEAF_CHUNK, LEAF_CHUNK + 1, 3 * LEAF_CHUNK + 5):
        X = rng.normal(size=(n, width)) * rng.integers(0, 3, size=(n, width))
        X[:, : width // 3] = np.round(X[:, : width // 3])  # values on the thresholds too
        F = np.ascontiguousarray(X.T).T  # the same matrix, Fortran order
        assert np.array_equal(model.predict_raw(F), model.predict_raw(X)), n
        assert np.array_equal(model.predict(F), model.predict(X)), n
        F[0, 0] = np.nan  # missing values: the same default directions
        X[0, 0] = np.nan
        assert np.array_equal(model.predict_raw(F), model.predict_raw(X)), n


def _scan_body_reference(root, wanted: list) -> tuple:  # noqa: ANN001
    """The plain scan: every node, each text through the regexes (as `scan_body` was)."""
    from dehusk.authors import looks_like_person
    from dehusk.dates import has_date_hint

    want = {n.mem_id for n in wanted}
    positions: dict[int, int] = {}
    dates, bylines, tails, bios = [], [], [], []
    i = 0
    for node in root.traverse(include_text=True):
        text = node.text_content
        if text is not None and (not text or text.isspace()):
            continue  # layout white space: not counted
        i += 1
        if i > MS.MAX_SCAN:
            break
        if text is None:
            if want and node.mem_id in want:
                positions[node.mem_id] = i
            continue
        if len(text) > MS._SCAN_TEXT:
            if len(bios) < 6:
                m = MS._BIO_TEXT.match(text)
                if m and looks_like_person(m.group(1)):
                    bios.append((i, m.group(1), node.mem_id))
                    if node.parent is not None:
                        positions.setdefault(node.parent.mem_id, i)
            continue
        if has_date_hint(text):
            parent = node.parent
            if parent is not None and parent.tag not in MS._NOT_TEXT:
                dates.append((i, " ".join(text.split()), parent.mem_id))
        elif MS._BY_TEXT.match(lead := text.lstrip()):
            parent = node.parent
            if parent is not None and parent.tag not in MS._NOT_TEXT:
                bylines.append((i, " ".join(text.split()), node.mem_id))
                positions.setdefault(parent.mem_id, i)
        elif len(bios) < 6 and "A" <= lead[:1] <= "Z" and (m := MS._BIO_TEXT.match(text)) \
                and looks_like_person(m.group(1)):
            bios.append((i, m.group(1), node.mem_id))
            positions.setdefault(node.parent.mem_id, i)
        elif (t := MS._TAIL_BY.search(text)) is not None and node.parent.tag not in MS._NOT_TEXT:
            tails.append((i, t.group(1), node.mem_id))
            positions.setdefault(node.parent.mem_id, i)
    return max(i, 1), positions, dates, bylines, tails, bios


def _scan_key(scan: MS.Scan) -> tuple:
    return (scan.n, scan.positions, [(i, t, n.mem_id) for i, t, n in scan.dates],
            [(i, t, n.mem_id) for i, t, n in scan.bylines], [(i, t, n.mem_id) for i, t, n in scan.tail_bylines],
            [(i, t, n.mem_id) for i, t, n in scan.bios])


_SCAN_PIECES = (
    "By Jane Doe", "  by Jane Doe", "— By Jane", "Written by Bob Smith", "Byron Bay", "Posted on 4 May 2024",
    "Jane Doe is a reporter at the Courier.", "Jane Doe\tis a reporter.", "JANE DOE is here", "Jane doe is",
    "Updated 2019", "Contributors: Ann Lee", "ſtory by X", "1999 was a year", "The council met.", "Ümit Öz is a chef",
    "Jane Doe writes about food and the city, " * 10, "The council met on Tuesday, " * 15, "Авторы: Иван",
    "Escrito por Ana", "This post was written by", "notes written by ", "written by Ann", "Text geschrieben von",
    "door Piet", "von Hans", "av Åsa", "Bob  Smith is a writer", " ", "\n  \n", "x",
    "Story written By\xa0", "ÉCRIT PAR ", "scritto da\n", "reported by: ", "Standby", "the hobby ",
    "Jane O'Neil-Smith writes about tech", "Ab Cd Ef Gh is x", "Ab Cd Ef is x", "Jane Doe Is here",
)


def test_scan_body_equals_reference() -> None:
    rnd = random.Random(6)
    for seed in range(60):
        rnd.seed(seed)
        parts = []
        for _ in range(rnd.randint(1, 40)):
            tag = rnd.choice(["p", "span", "div", "h1", "time", "li", "script", "a"])
            parts.append(f"<{tag} class='c{rnd.randint(0, 3)}'>{html.escape(rnd.choice(_SCAN_PIECES))}</{tag}>\n")
        tree = LexborHTMLParser("<html><body>" + "".join(parts) + "</body></html>")
        root = tree.body
        wanted = [n for n in root.traverse() if n.tag in ("h1", "time")][:5]
        for cut in (3, 17, MS.MAX_SCAN):
            old = MS.MAX_SCAN
            MS.MAX_SCAN = cut
            try:
                ref = _scan_body_reference(root, wanted)
                assert _scan_key(MS.scan_body(root, wanted)) == ref, (seed, cut)
            finally:
                MS.MAX_SCAN = old


def test_scan_positions_ignore_layout_white_space() -> None:
    """A page and its minified copy (no white space between elements) are scanned alike: the same
    positions, the same texts at them, the same node count."""
    body = ("<header>\n  <nav>\n    <a href='/'>Home</a>\n  </nav>\n</header>\n<article>\n  <h1>Council passes"
            " budget</h1>\n  <p class='byline'>\n    By Jane Doe\n  </p>\n  <time>May 2, 2024</time>\n"
            "  <p>The council met on Tuesday.</p>\n</article>\n")
    minified = re.sub(r">\s+<", "><", body)
    keys = []
    for markup in (body, minified):
        root = LexborHTMLParser(f"<html><body>{markup}</body></html>").body
        wanted = [n for n in root.traverse() if n.tag in ("h1", "time")]
        scan = MS.scan_body(root, wanted)
        keys.append((scan.n, sorted(scan.positions.values()), [(i, t) for i, t, _ in scan.dates],
                     [(i, t) for i, t, _ in scan.bylines]))
    assert keys[0] == keys[1]
    assert keys[0][2] and keys[0][3]  # (the date and the byline were found)


def test_scan_prefilters_never_reject_a_match() -> None:
    rnd = random.Random(9)
    alphabet = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t.'’-—:_ſİKé") + [
        "by ", "By ", "Jane ", "Doe ", " is ", " was ", "writes ", "written ", "author", "Posted ", "par ", "av "]
    for _ in range(30000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8)))
        lead = text.lstrip()
        if MS._BIO_TEXT.match(text):
            assert MS._may_be_bio(lead), text
        # the by-or-bio regex: a byline where `_BY_TEXT` takes the stripped text, else the bio's name
        m = MS._BY_OR_BIO.match(text)
        if MS._BY_TEXT.match(lead):
            assert m is not None and m.group(1) is None, text
        elif (bio := MS._BIO_TEXT.match(text)) is not None:
            assert m is not None and m.group(1) == bio.group(1), text
        else:
            assert m is None, text


def test_leading_class_regexes_equal_their_plus_forms() -> None:
    from dehusk.metadata_title import _NON_ALNUM

    rnd = random.Random(12)
    alphabet = list("ab Z_-.,0129 \t") + ["\u0663", "\uff11", "é", "日", "\u00b2", "\u2160", "\n"]
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert T._DIGITS.sub("0", text) == re.sub(r"\d+", "0", text), repr(text)
        assert _NON_ALNUM.sub("", text) == re.sub(r"[\W_]+", "", text), repr(text)


def test_script_chars_measured_on_demand_and_pickled() -> None:
    import pickle

    from dehusk.segment_html import segment_html

    page_html = ("<html><head><script>var a = 1;</script><script type='application/ld+json'>{\"@type\": \"NewsArticle\"}"
                 "</script><title>T</title></head><body><p>Text é</p><script>héllo()</script>"
                 "<svg><script>skipped()</script></svg><div><script type='module'>x</script></div></body></html>")
    tree = LexborHTMLParser(page_html)
    _, page = segment_html(tree.root)
    assert page.n_scripts == 4 and page.ld_types == ["NewsArticle"]
    expected = len("var a = 1;") + len("héllo()") + len("x")  # (the svg's script is not walked)
    copy = pickle.loads(pickle.dumps(page))  # measured before pickling: nodes do not pickle
    assert copy.script_text_chars() == copy.script_chars == expected
    assert page.script_text_chars() == expected and page.script_nodes == []
    _, page = segment_html(tree.root)
    assert page.script_text_chars() == page.script_text_chars() == expected  # (measured once)


def test_kept_words_answers_the_paywall_question_as_the_full_count() -> None:
    from dehusk.blocks import Segment, kept_words
    from dehusk.html_mode import PAYWALL_STUB_WORDS

    rnd = random.Random(13)
    for _ in range(3000):
        segs = [Segment(text=" ".join(["w"] * rnd.randint(0, 25)) or " ", label=rnd.choice(["body", "heading", "lead",
                                                                                            "navigation", "comment"]))
                for _ in range(rnd.randint(0, 12))]
        full = sum(len(s.text.split()) for s in segs if s.label in ("body", "heading", "lead"))
        got = kept_words(segs, PAYWALL_STUB_WORDS)
        assert (got < PAYWALL_STUB_WORDS) == (full < PAYWALL_STUB_WORDS)
        assert got == full or got >= PAYWALL_STUB_WORDS


def test_context_rows_equal_the_stacked_rows() -> None:
    from dehusk.features_html_context import context_features_html
    from dehusk.html_mode import SURE, analyse, members, score_member

    text, _ = to_text_utf8(_PAGE.replace("<ul>", "<ul>" + "<li><a href='/x'>Another story here</a></li>" * 30))
    a = analyse(text, url="https://example.com/news/2024/budget", options=Options(), deadline=NO_DEADLINE)
    assert a.X.flags.f_contiguous
    for member in members():
        block, context, _ = member
        p2, _, probs = score_member(a, member)
        p1 = block.predict(np.ascontiguousarray(a.X))  # (the C-ordered copy: the reference path)
        unsure = np.flatnonzero((p1 > SURE) & (p1 < 1 - SURE))
        assert len(unsure)
        C = context_features_html(a.f, p1)
        X = np.ascontiguousarray(a.X)
        rows = np.hstack([X[unsure], C[unsure], np.broadcast_to(probs, (len(unsure), len(probs)))])
        ref = p1.copy()
        ref[unsure] = context.predict(rows)
        assert np.array_equal(p2, ref)


def test_html_scores_are_the_mean_of_the_ensemble_members() -> None:
    from dehusk.html_mode import analyse, members, score_blocks, score_member

    ms = members()
    assert len(ms) >= 2  # train_html.py ships one member per seed
    # every member cuts at the floor chosen for the averaged scores
    assert len({context.threshold_default for _, context, _ in ms}) == 1
    text, _ = to_text_utf8(_PAGE)
    a = analyse(text, url="https://example.com/news/2024/budget", options=Options(), deadline=NO_DEADLINE)
    runs = [score_member(a, m) for m in ms]
    p2, floor, probs = score_blocks(a)
    assert not np.array_equal(runs[0][0], runs[1][0])  # the members differ
    assert np.allclose(p2, np.mean([r[0] for r in runs], axis=0))
    assert np.allclose(probs, np.mean([r[2] for r in runs], axis=0))
    assert floor == runs[0][1]


def test_language_sample_is_the_longest_blocks_in_stable_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from dehusk import html_mode
    from dehusk.blocks import Segment

    def reference(segments: list[Segment]) -> str:
        sample, size = [], 0
        for s in sorted(segments, key=lambda s: -len(s.text))[:12]:
            sample.append(s.text)
            size += len(s.text)
            if size > 2000:
                break
        return " ".join(sample)

    seen: list[str] = []
    monkeypatch.setattr(html_mode, "detect_language", lambda text: (seen.append(text), ("en", 0.9))[1])
    rnd = random.Random(14)
    for _ in range(2000):
        segs = [Segment(text="x" * rnd.choice([1, 2, 3, 50, 300, 900]) + str(i % 10)) for i in range(rnd.randint(0, 40))]
        seen.clear()
        html_mode._language(segs, None, None)
        assert seen == [reference(segs)]



def test_context_columns_do_not_depend_on_the_members_order() -> None:
    """The second-pass columns read a page's static part once (`_ctx_static`, shared by the ensemble
    members): each member's columns are those of a fresh page that never computed it."""
    from dehusk.features_html_context import context_features_html
    from dehusk.html_mode import analyse

    text, _ = to_text_utf8(_PAGE.replace("<ul>", "<ul>" + "<li><a href='/x'>Another story here</a></li>" * 30))
    a = analyse(text, url="https://example.com/news/2024/budget", options=Options(), deadline=NO_DEADLINE)
    rng = np.random.default_rng(5)
    scores = [rng.random(len(a.segments)) for _ in range(3)]
    shared = [context_features_html(a.f, p1) for p1 in scores]
    assert "_ctx_static" in a.f
    for p1, got in zip(scores, shared, strict=True):
        fresh = {k: v for k, v in a.f.items() if k != "_ctx_static"}
        assert np.array_equal(got, context_features_html(fresh, p1))
    assert not np.array_equal(shared[0], shared[1])  # (the scores do move the columns)
