"""Site template learning: hashing, bounded counting, the per-host view, and its effect."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np

from dehusk.corpus import RunConfig, WorkConfig, read_output, run
from dehusk.corpus.build import write_inputs
from dehusk.templates import HostTemplates, TemplateCounter, host_of, line_key, normalise_line, page_keys
from test_corpus_hooks import article_sentences, site_pages


def test_line_key_normalises_case_space_and_digits() -> None:
    assert normalise_line("  Posted 12 May\t2024 ") == "posted 00 may 0000"
    assert line_key("Posted 12 May 2024") == line_key("  POSTED 34   may 1999 ")
    assert line_key("Posted 12 May 2024") != line_key("Posted in May")
    assert line_key("Home") == 10613392714040239015  # stable across processes and runs (not hash())
    assert 0 <= line_key("x" * 1000) < 2**64


def test_host_of() -> None:
    assert host_of("https://WWW.Example.com:8080/a?b") == "example.com"
    assert host_of("https://news.example.com/") == "news.example.com"
    assert host_of(None) is None and host_of("not a url") is None


def test_counter_and_host_shares() -> None:
    counter = TemplateCounter(flush_every=7)
    for i in range(10):
        counter.add_text(
            "https://a.example/p", f"Menu\nHome\nStory {i} text\nunique line {'x' * i}\nHome\n$1{i}.99"
        )
    for i in range(3):
        counter.add_text("https://b.example/p", f"Menu\nOther {'xyz'[i]}")
    counter.add_text(None, "Menu")  # no host: not counted
    table = counter.result()
    a = table.host("https://www.a.example/other")
    assert isinstance(a, HostTemplates) and a.pages == 10
    assert a.share("menu") == a.share("  MENU ") == 1.0
    assert a.share("Home") == 1.0  # twice per page still counts once per page
    assert a.share("Story 7 text") == 1.0  # numbers do not make a line unique
    assert a.share("unique line xxx") == 0.1
    assert a.share("never seen") == 0.0 and a.share("") == 0.0
    assert a.share("$12.99") == 0.0  # lines without letters (prices, counts) are not template lines
    assert a.share("Menu\nnever seen") == 0.5  # a multi-line block: the mean over its lines
    b = table.host("http://b.example/")
    assert b.pages == 3 and b.share("Menu") == 1.0 and b.share("Home") == 0.0
    assert table.host("http://c.example/").pages == 0 and table.host("http://c.example/").share("Menu") == 0.0
    assert table.host(None) is None


def test_copies_of_a_page_count_once() -> None:
    counter = TemplateCounter(flush_every=5)
    for copy in range(3):  # the same 4 pages under 3 URLs each (http/https, parameters...)
        for i in range(4):
            counter.add_text(f"https://c.example/{i}?copy={copy}", f"Menu\nStory {'abcd'[i]} of the day\nFooter")
    table = counter.result()
    host = table.host("https://c.example/")
    assert counter.duplicates == 8 and host.pages == 4
    assert host.share("Menu") == 1.0 and host.share("Story b of the day") == 0.25


def test_counter_memory_is_bounded_and_keeps_frequent_lines() -> None:
    counter = TemplateCounter(capacity=2000, flush_every=500)
    rng = np.random.default_rng(0)
    for i in range(400):
        noise = ("noise " + "".join(chr(97 + c) for c in rng.integers(26, size=12)) for _ in range(30))
        lines = ["Site menu", "Footer line", *noise, f"w{'abcd'[i % 4]}"]
        counter.add_page(page_keys(123, lines))
        assert len(counter.table) <= 2000
    table = counter.result()
    assert len(table) <= 2000 and table.pruned_below >= 1
    host = HostTemplates(table, 123)
    assert host.pages == 400 and host.share("Site menu") == 1.0 and host.share("wb") == 0.25
    assert host.share("noise abcdefghijkl") == 0.0


def test_table_save_load_roundtrip(tmp_path: Path) -> None:
    counter = TemplateCounter()
    for i in range(4):
        counter.add_text("https://a.example/", f"Menu\nBody {'abcd'[i]}")
    table = counter.result()
    table.save(tmp_path / "t")
    loaded = type(table).load(tmp_path / "t")
    assert (
        loaded.host("https://a.example/x").share("menu") == 1.0
        and loaded.host("https://a.example/").pages == 4
    )


def test_corpus_run_hands_each_page_its_host_statistics(tmp_path: Path) -> None:
    pages = site_pages("news.example", 6) + site_pages("solo.example", 1)
    paths = write_inputs(pages, tmp_path / "in")
    nourl = tmp_path / "nourl"
    nourl.mkdir()
    (nourl / "page.txt").write_text("Home\nA page without a URL\n")
    for kind in ("wet", "warc"):
        out = tmp_path / f"out-{kind}"
        run(
            RunConfig(
                inputs=[str(paths[kind]), str(nourl)],
                out=out,
                workers=1,
                progress=False,
                work=WorkConfig(extract_fn="test_corpus_hooks:template_probe", language=False),
            )
        )
        recs = {r["url"]: r for r in read_output(out)}
        first = recs["https://news.example/story/0"]
        assert first["title"] == "6"  # the host's page count
        shares = dict(p.split("|", 1)[::-1] for p in first["text"].split("\n\n"))
        assert shares["Copyright 2024 news.example. All rights reserved."] == "1.000"
        menu = [v for k, v in shares.items() if k.startswith("Home")]  # "Home" or "Home News Sport"
        assert menu and set(menu) == {"1.000"}
        assert shares["Local story number 0 from news.example"] == "1.000"  # digits do not count
        assert float(shares[article_sentences(0)[0]]) < 0.5
        assert recs["https://solo.example/story/0"]["title"] == "1"
        assert recs[None]["title"] == "none"  # no URL, no host: no template statistics


def _word_f1(gold: str, pred: str) -> float:
    g, p = Counter(re.findall(r"\w+", gold.lower())), Counter(re.findall(r"\w+", pred.lower()))
    tp = sum((g & p).values())
    if not tp:
        return 0.0
    prec, rec = tp / sum(p.values()), tp / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def test_templates_drop_a_sites_repeated_blurb(tmp_path: Path) -> None:
    """Text mode: a long, sentence-like blurb on every page of a site goes, the articles stay."""
    pages = site_pages("paper.example", 8)
    out = {}
    for templates in (False, True):
        paths = write_inputs(pages, tmp_path / f"in-{templates}")
        run(
            RunConfig(
                inputs=[str(paths["wet"])],
                out=tmp_path / f"out-{templates}",
                workers=2,
                progress=False,
                templates=templates,
            )
        )
        out[templates] = {r["url"]: r["text"] for r in read_output(tmp_path / f"out-{templates}")}
    blurb = "Our newsroom is funded by readers like you"
    before, after = [], []
    for i, (url, _, _) in enumerate(pages):
        gold = "\n\n".join(article_sentences(i))
        assert blurb not in out[True][url], i
        assert article_sentences(i)[2] in out[True][url]
        before.append(_word_f1(gold, out[False][url]))
        after.append(_word_f1(gold, out[True][url]))
    # the precondition that makes this a test of templates: without them the blurb is kept
    assert any(blurb in text for text in out[False].values()), (
        "the classifier drops the blurb alone: use a harder one"
    )
    assert sum(after) > sum(before)


def test_html_mode_drops_a_run_of_template_blocks_and_says_why() -> None:
    """HTML mode reads the same host statistics: a site's sign-off paragraphs inside every
    article go, with a reason; the page's own paragraphs and a lone repeated heading stay."""
    from dehusk import extract
    from dehusk.corpus.readers import Page
    from dehusk.corpus.work import WorkConfig, Worker
    from dehusk.options import Options

    signoff = [
        "Our newsroom is funded by readers like you, and we rely on your support to keep publishing.",
        "Sign up for the morning briefing and get the day's most important stories in your inbox.",
    ]
    pages = []
    for i in range(6):
        paras = article_sentences(i)
        html = (
            f"<html><head><title>Story {'abcdef'[i]}</title></head><body><article><h1>Story {'abcdef'[i]}</h1>"
            f"<p>{paras[0]}</p><h2>What happened next</h2>" + "".join(f"<p>{p}</p>" for p in paras[1:])
            + "".join(f"<p>{s}</p>" for s in signoff) + "</article></body></html>"
        )
        pages.append((f"https://paper.example/news/{i}", html))
    worker = Worker(WorkConfig(language=False))
    counter = TemplateCounter()
    for i, (url, html) in enumerate(pages):
        keys = worker.template_keys(Page(str(i), url, "", None, html.encode(), "html"))
        assert keys is not None
        counter.add_page(keys)
    table = counter.result()
    url, html = pages[2]
    plain = extract(html, mode="html", url=url)
    assert signoff[0] in plain.text  # the precondition: without templates the classifier keeps it
    learnt = extract(html, mode="html", url=url, options=Options(template_lines=table.host(url), explain=True))
    for s in signoff:
        assert s not in learnt.text
    for p in article_sentences(2):
        assert p in learnt.text
    assert "What happened next" in learnt.text  # on every page, but alone: the page type's own heading
    reasons = [b.reason for b in learnt.blocks if b.text == signoff[1]]
    assert reasons and reasons[0].startswith("template block: on 100% of this site's 6 pages")
