"""More text-mode fast paths: each gives the answers of the plain code it replaces (synthetic inputs)."""

from __future__ import annotations

import random

from dehusk.blocks import Segment
from dehusk.features import norm_line
from dehusk.text_context import last_lines


def _contents_items(segments: list[Segment], members: list[int]) -> list[int]:
    """The members of a run that come back as lines further down the page: the plain reference of
    `text_context.last_lines` (a page scan per run)."""
    wanted = {norm_line(segments[k].text) for k in members}
    last = {}
    for i in range(members[0] + 1, len(segments)):
        key = norm_line(segments[i].text)
        if key in wanted:
            last[key] = i
    return [k for k in members if last.get(norm_line(segments[k].text), -1) > k]


WORDS = ["Intro", "Methods", "Results", "intro", "  Results ", "Sources", "See also", "Notes", "RESULTS"]


def _page(seed: int, n: int = 40) -> list[Segment]:
    rng = random.Random(seed)
    return [Segment(rng.choice(WORDS)) for _ in range(n)]


def test_last_lines_answer_the_contents_test_of_every_run() -> None:
    for seed in range(30):
        segments = _page(seed)
        last = last_lines(segments)
        for start in range(len(segments) - 4):
            members = sorted(random.Random(seed * 100 + start).sample(range(start, len(segments)), 4))
            members[0] = start
            members = sorted(set(members))
            want = _contents_items(segments, members)
            assert [k for k in members if last[norm_line(segments[k].text)] > k] == want
            # (built from the first run's first line on: the same answers for it and the runs below)
            for first in (0, max(start - 3, 0), start):
                since = last_lines(segments, first)
                assert [k for k in members if since[norm_line(segments[k].text)] > k] == want


def test_token_bits_ids_are_token_bits_and_lexicon_lookups() -> None:
    from dehusk.features_lexicon import Lexicon
    from dehusk.features_words import token_bits, token_bits_ids

    lexicon = Lexicon({"said": 1.2, "comments": -2.0, "the": 0.1, "by": -0.3, "ago": -1.0})
    stops = frozenset({"the", "and", "of"})
    tokens = ["the", "said", "comments", "by", "ago", "and", "share", "login", "x", "said", "2024", "of"]
    bits, ids = token_bits_ids(tokens, stops, lexicon)
    assert bits.tolist() == token_bits(tokens, stops).tolist()
    assert ids.tolist() == [lexicon.ids.get(t, -1) for t in tokens]
    assert token_bits_ids([], stops, lexicon)[1].tolist() == []


def test_lexicon_features_with_ids_from_base_features() -> None:
    import numpy as np

    from dehusk.features import base_features
    from dehusk.features_lexicon import Lexicon, lexicon_features

    texts = ["The council said it would meet.", "Comments (3)", "Share | Login", "", "said said, the THE"]
    lexicon = Lexicon({"said": 1.2, "comments": -2.0, "the": 0.1, "login": -1.5})
    stops = frozenset({"the", "it"})
    f = base_features(texts, stops, lexicon)
    plain = base_features(texts, stops)
    for key in plain:
        if key != "_tokens":
            assert np.array_equal(f[key], plain[key]), key
    words = (f["_tokens"], f["_ntokens"])
    assert np.array_equal(lexicon_features(texts, lexicon, words, f["_lexids"]), lexicon_features(texts, lexicon))


def test_tree_walk_in_row_chunks_is_the_walk_of_all_rows() -> None:
    import numpy as np

    from dehusk.classify import LEAF_CHUNK, load_model

    rng = np.random.default_rng(7)
    for name in ("text_p1", "text_author"):
        model = load_model(name)
        for n in (LEAF_CHUNK - 1, LEAF_CHUNK, LEAF_CHUNK + 1, 2 * LEAF_CHUNK + 17):
            X = rng.normal(size=(n, len(model.feature_names))) * 3
            X[:, ::3] = rng.integers(0, 3, size=X[:, ::3].shape)  # values equal to integer thresholds
            leaves = model._leaves(X)
            assert leaves.flags["C_CONTIGUOUS"] and np.array_equal(leaves, model._leaves_walk(X)), (name, n)
            want = model._leaves_walk(X).sum(axis=1) + model.bias
            assert model.predict_raw(X).tolist() == want.tolist(), (name, n)


def test_author_candidates_names_are_author_names() -> None:
    import numpy as np

    from dehusk.features import text_features
    from dehusk.metadata_text import _author_names, author_candidates

    lines = ["Big News Today", "By Jane Doe and Bo Li | Reuters", "Ana Lopez", "March 3, 2024", "Privacy Policy",
             "Written by Tom Green, Senior Reporter", "The council met on Tuesday and agreed to fund it.",
             "Photo: John Smith", "Contact Us", "Mary Ann Jones Staff Writer", "王晓明 李华"]
    segments = [Segment(t) for t in lines]
    _, f = text_features(segments, frozenset({"the", "on", "to"}))
    p = np.full(len(lines), 0.6)
    names_of: dict[int, list[str]] = {}
    cand, rows = author_candidates(lines, f, p, p > 0.5, 0, 2, 6, None, 3, names_of)
    assert cand and sorted(names_of) == cand and len(rows) == len(cand)
    for i in cand:
        assert names_of[i] == _author_names(lines[i]), lines[i]
    assert author_candidates(lines, f, p, p > 0.5, 0, 2, 6, None, 3)[0] == cand


def title_prior_plain(texts: list[str], f: dict, cand) -> list[float]:  # noqa: ANN001
    """The layout factor of `title_prior` one candidate at a time (Markdown headings aside)."""
    from dehusk.metadata_text_title import _BREADCRUMB, _MEDIA_LABEL, FOLLOWED_PRIOR

    n = len(texts)
    vals = []
    for i in cand.tolist():
        v = 1.0
        for j in range(i + 1, min(i + 4, n)):
            if f["re_byline"][j] or (f["re_date"][j] and f["_words"][j] <= 12):
                v *= FOLLOWED_PRIOR[j - i - 1]  # the nearest byline or date line
                break
        if f["re_media"][i] or _BREADCRUMB.search(texts[i]) or _MEDIA_LABEL.match(texts[i]):
            v *= 0.3
        vals.append(v)
    return vals


def test_title_prior_is_the_per_candidate_loop() -> None:
    import numpy as np

    from dehusk.metadata_text_title import title_prior

    rng = random.Random(3)
    texts_pool = ["News › Climate", "Big Headline Here", "Home / World", "A line", "Photo: X", "Section »"]
    for n in (1, 2, 3, 5, 12, 40):
        texts = [rng.choice(texts_pool) for _ in range(n)]
        f = {k: np.array([float(rng.random() < 0.3) for _ in range(n)]) for k in ("re_byline", "re_date", "re_media")}
        f["_words"] = np.array([float(rng.randint(1, 20)) for _ in range(n)])
        cand = np.array(sorted(rng.sample(range(n), rng.randint(1, n))), dtype=np.intp)
        got = title_prior(texts, f, cand)
        assert got.tolist() == title_prior_plain(texts, f, cand), (n, texts)


def test_language_sample_prefix_is_the_long_samples() -> None:
    from dehusk.lang import _SAMPLE
    from dehusk.text_mode import _sample

    rng = random.Random(5)
    for _ in range(200):
        segments = [Segment("x" * rng.randint(1, 200)) for _ in range(rng.randint(0, 30))]
        for min_len in (0, 60):
            short, long = _sample(segments, min_len, _SAMPLE + 1), _sample(segments, min_len)
            assert short[:_SAMPLE] == long[:_SAMPLE] and bool(short) == bool(long)


def test_start_gate_never_hides_a_byline_start() -> None:
    from dehusk import authors

    rng = random.Random(11)
    words = ["By", "by", "BY", "Byron", "ByJane", "Written", "wr", "Text", "texte", "Photo", "Von", "di", "Di", "Dix",
             "_by", "2024", "a", "B", "Jane", "Doe", "Reporting", "Autor:", "autorin", "Posted", "X"]
    lead = ["", "", "", "- ", "— ", "(", "  ", "|", "*"]
    for _ in range(3000):
        line = rng.choice(lead) + " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        if authors._START.match(line):
            assert authors._may_start(line), line


def test_source_prefix_is_the_pattern() -> None:
    from dehusk.authors import SOURCE_PREFIX, source_prefix

    for line in ["Source: Reuters", "source：新华社", "Quelle : dpa", "Sources Reuters", "No colon here", "",
                 "Fuente: x", "Source:", "来源：新华社"]:
        got, want = source_prefix(line), SOURCE_PREFIX.match(line)
        assert (got and got.group(1)) == (want and want.group(1)), line


def _keep_short_item_lists_plain(segments: list[Segment]) -> None:
    """keep_short_item_lists as it was: a walk over every line, and a scan of the page per run."""
    from dehusk.text_context import LIST_MAX_GAP, LIST_MAX_MEAN_WORDS, LIST_MIN_ITEMS

    n, i = len(segments), 0
    while i < n:
        if segments[i].label != "heading":
            i += 1
            continue
        members, j, gap = [i], i + 1, 0
        while j < n and gap <= LIST_MAX_GAP:
            label = segments[j].label
            if label == "heading":
                members.append(j)
                gap = 0
            elif label in ("body", "lead"):
                break
            else:
                gap += 1
            j += 1
        words = sum(len(segments[k].text.split()) for k in members) / len(members)
        ok = len(members) >= LIST_MIN_ITEMS and words <= LIST_MAX_MEAN_WORDS
        contents = _contents_items(segments, members) if ok else None
        if contents is not None and len(contents) * 2 > len(members):
            for k in contents:
                segments[k].label = "navigation"
        elif contents is not None:
            for k in members:
                segments[k].label = "body"
        i = members[-1] + 1


def test_keep_short_item_lists_is_the_plain_walk() -> None:
    from dehusk.text_context import keep_short_item_lists

    rng = random.Random(21)
    labels = ["heading", "heading", "heading", "body", "boilerplate", "navigation", "lead"]
    texts = ["Intro", "Results", "Methods and more", "A much longer line of words here now", "Notes", "See also"]
    for _ in range(300):
        n = rng.randint(0, 40)
        spec = [(rng.choice(texts), rng.choice(labels)) for _ in range(n)]
        a = [Segment(t, label=lab) for t, lab in spec]
        b = [Segment(t, label=lab) for t, lab in spec]
        keep_short_item_lists(a)
        _keep_short_item_lists_plain(b)
        assert [s.label for s in a] == [s.label for s in b], spec


def test_window_means_are_the_one_column_window_means() -> None:
    import numpy as np

    from dehusk.features import window_mean, window_means

    rng = np.random.default_rng(11)
    for n in (0, 1, 2, 3, 7, 40):
        cols = rng.normal(size=(n, 3)) * rng.integers(0, 3, size=(n, 3))
        for sizes in ((1, 3, 10), (2,), (0, 1)):
            means = window_means(cols, sizes)
            assert len(means) == len(sizes)
            for k, m in zip(sizes, means, strict=True):
                assert m.shape == (n, 3)
                for j in range(3):
                    assert np.array_equal(m[:, j], window_mean(cols[:, j], k)), (n, sizes, k, j)


def _wrap_width_plain(lines: list[str]) -> int | None:
    """`text_wrap.wrap_width` as plain loops (each width's longish lines listed, each line and the
    one after it walked for every width tried): its reference."""
    from bisect import bisect_right

    from dehusk import text_wrap as tw

    if len(lines) - lines.count("") == 0:
        return None
    nonempty = len(lines) - lines.count("")

    def counted(ln: str) -> bool:
        r = ln.rstrip()
        return ((" " in r.lstrip() or (not r.isascii() and tw._WIDE.search(r) is not None))
                and "](" not in r and "://" not in r and " | " not in r and "\t" not in r
                and "___" not in r and not tw._NEW_BLOCK.match(r))

    if sum(1 for ln in lines if len(ln) > tw.WRAP_MAX and counted(ln)) >= nonempty - int(0.99 * (nonempty - 1)):
        return None
    kept = [ln.rstrip() for ln in lines if counted(ln)]
    if len(kept) < 20:
        return None
    cols = [tw.columns(r) for r in kept]
    lens = sorted(cols)
    pairs = [(n, indent if (indent := len(r) - len(r.lstrip())) >= tw.WRAP_DEEP_INDENT else 0)
             for n, r in zip(cols, kept, strict=True)]
    top = lens[min(len(lens) - 1, int(0.99 * (len(lens) - 1)))]
    for w in sorted({n for n in lens if tw.WRAP_MIN <= n <= top}, reverse=True):
        if w < top and len(lens) - bisect_right(lens, w) > tw.WRAP_OVER * len(lens):
            break
        if w > tw.WRAP_MAX:
            return None
        longish = [n for n, indent in pairs if n - indent > w // 2]
        if len(longish) < 10 or sum(n >= w - 15 for n in longish) < tw.WRAP_BAND * len(longish):
            continue
        breaks = fits = 0
        for a, b in zip(lines, lines[1:], strict=False):
            n = tw.columns(a.rstrip())
            if w - 15 <= n <= w and b.strip() and not tw._NEW_BLOCK.match(b):
                breaks += 1
                fits += n + 1 + tw._first_columns(b) > w
        if breaks >= 5 and fits >= tw.WRAP_FITS * breaks:
            return w
    return None


def test_wrap_width_gives_the_plain_loops_answer() -> None:
    import textwrap

    from dehusk.text_wrap import wrap_width

    rng = random.Random(11)
    vocab = ["the", "harbour", "board", "met", "on", "tuesday", "to", "weigh", "a", "plan", "for", "northern", "quay", "fishermen", "said"]

    def prose(n: int) -> str:
        return " ".join(rng.choice(vocab) for _ in range(n)).capitalize() + "."

    found = 0
    for seed in range(1000):
        rng.seed(seed)
        width = rng.choice([60, 72, 78, 80])
        lines: list[str] = []
        # the shares of wrapped paragraphs, whole headings, deeply indented items and lines of any
        # length (under the width) vary, so that each test of the width decides some pages
        shares = sorted(rng.random() for _ in range(3))
        for _ in range(rng.randint(5, 60)):
            kind = rng.random()
            if kind < shares[0]:  # a wrapped paragraph
                lines += textwrap.fill(prose(rng.randint(10, 80)), width).split("\n")
            elif kind < shares[1]:  # a heading the wrapper left whole
                lines.append(prose(rng.randint(8, 20)))
            elif kind < shares[2]:  # a nested menu item, deeply indented: long by its columns, short by its words
                lines.append(" " * rng.randint(8, 60) + prose(12)[: rng.randint(12, 30)])
            else:  # a line longer than half the width but short of its band, or a list item
                lines.append(rng.choice(["", "", "* ", "1. "]) + prose(20)[: rng.randint(width // 2 + 1, width - 16)])
            if rng.random() < 0.6:
                lines.append("")
        want = _wrap_width_plain(lines)
        assert wrap_width(lines) == want, seed
        found += want is not None
    assert 100 <= found <= 900, found  # both answers occur among the pages
