"""The inspection page in a real browser: Debian's headless Chromium driven by Playwright.

The test starts the service on 127.0.0.1, pastes the France 24 text dump, submits, and checks the
coloured, labelled blocks and the extracted title; it saves a screenshot to test-artifacts/.
`make test` installs Chromium first (`make browser`); Playwright never downloads a browser here.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

import dehusk
from dehusk import LABELS, Article, Block
from dehusk.serve.app import create_app
from dehusk.serve.settings import ServeSettings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FRANCE24 = SHARED / "examples" / "france24-mali-2013.txt"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running(app: object) -> Iterator[str]:
    """Serve `app` with uvicorn in a thread on 127.0.0.1 and a free port."""
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with running(create_app(ServeSettings())) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    assert CHROMIUM.exists(), "Debian's chromium is missing: run `make browser` (apt-get install chromium)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: problems.append(str(exc)))
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    context.close()


def test_france24_text_gives_coloured_blocks_and_the_title(server_url: str, page: object) -> None:
    assert FRANCE24.exists(), f"missing {FRANCE24}"
    text = FRANCE24.read_text(encoding="utf-8")
    expected = dehusk.extract(text, mode="auto", explain=True)
    assert expected.blocks

    pg = page
    pg.goto(server_url + "/")  # type: ignore[attr-defined]
    assert pg.title().startswith("dehusk")  # type: ignore[attr-defined]
    pg.fill("#page", text)  # type: ignore[attr-defined]
    pg.click("#submit")  # type: ignore[attr-defined]
    pg.wait_for_selector("#blocks tbody tr", timeout=15_000)  # type: ignore[attr-defined]

    rows = pg.locator("#blocks tbody tr")  # type: ignore[attr-defined]
    assert rows.count() == len(expected.blocks)
    labels = rows.evaluate_all("rows => rows.map(r => r.dataset.label)")
    assert labels == [b.label for b in expected.blocks]
    assert set(labels) <= set(LABELS)

    # each label has its own colour, and every row is coloured
    colours = rows.evaluate_all("rows => rows.map(r => getComputedStyle(r).backgroundColor)")
    by_label: dict[str, set[str]] = {}
    for label, colour in zip(labels, colours, strict=True):
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 255)"), (label, colour)
        by_label.setdefault(label, set()).add(colour)
    assert all(len(c) == 1 for c in by_label.values()), by_label
    if len(by_label) > 1:
        assert len({next(iter(c)) for c in by_label.values()}) == len(by_label)

    # the score and the reason are shown in columns and on hover
    first = expected.blocks[0]
    row = rows.nth(0)
    assert row.locator("td.reason").inner_text() == first.reason
    assert row.locator("td.score .num").inner_text() == f"{first.score:.2f}"
    assert first.reason in (row.get_attribute("title") or "")

    # the legend has one chip per label present, with its count
    chips = pg.locator("#legend .chip")  # type: ignore[attr-defined]
    assert sorted(chips.evaluate_all("cs => cs.map(c => c.dataset.label)")) == sorted(by_label)

    # saved before the title check, so a failing run still shows the page
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "inspect-france24.png"), full_page=True)  # type: ignore[attr-defined]

    # the extracted title, as dehusk.extract gives it
    assert expected.title, "dehusk.extract found no title in the France 24 text"
    assert pg.inner_text("#title") == expected.title  # type: ignore[attr-defined]
    if expected.text:
        first_para = expected.text.split("\n\n")[-1]
        assert first_para in pg.inner_text("#article")  # type: ignore[attr-defined]

    # hiding a label from the legend hides its rows
    label = labels[0]
    pg.click(f'#legend .chip[data-label="{label}"]')  # type: ignore[attr-defined]
    visible = rows.evaluate_all("rows => rows.filter(r => !r.hidden).map(r => r.dataset.label)")
    assert label not in visible and len(visible) == len(labels) - labels.count(label)
    assert pg.problems == []  # type: ignore[attr-defined]


def test_file_upload_and_an_error_message(server_url: str, page: object) -> None:
    html = (
        "<html><head><title>Night ferry returns | Isles Post</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>Night ferry returns</h1>"
        + "<p>The night ferry between the two islands runs again from Friday, the operator said.</p>" * 4
        + "</article></body></html>"
    ).encode()
    expected = dehusk.extract(html, mode="auto", explain=True, content_type="text/html")
    pg = page
    pg.goto(server_url + "/")  # type: ignore[attr-defined]
    pg.click("#submit")  # type: ignore[attr-defined]
    assert "Paste a page" in pg.inner_text("#status")  # type: ignore[attr-defined]

    pg.set_input_files("#file", files=[{"name": "ferry.html", "mimeType": "text/html", "buffer": html}])  # type: ignore[attr-defined]
    pg.click("#submit")  # type: ignore[attr-defined]
    pg.wait_for_selector("#blocks tbody tr", timeout=15_000)  # type: ignore[attr-defined]
    assert pg.locator("#blocks tbody tr").count() == len(expected.blocks or ())  # type: ignore[attr-defined]
    assert pg.get_attribute("#title", "data-value") == (expected.title or "")  # type: ignore[attr-defined]
    assert "read as html" in pg.inner_text("#status")  # type: ignore[attr-defined]
    assert pg.problems == []  # type: ignore[attr-defined]


def test_the_form_works_without_javascript(server_url: str, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        pg = context.new_page()
        pg.goto(server_url + "/")
        pg.fill(
            "#page",
            "Home\nNews\n\nA quiet week at the harbour\n\n" + "The boats stayed in port all week. " * 8,
        )
        with pg.expect_navigation():
            pg.click("#submit")
        data = json.loads(pg.inner_text("body"))
        assert data["mode"] in ("text", "html") and data["blocks"], data
    finally:
        context.close()


STUB = Article(
    title="A stub title",
    authors=("Ann Writer", "Bo Reporter"),
    published="2013-02-06",
    lead="The lead paragraph.",
    text="The lead paragraph.\n\nThe second paragraph.",
    mode="text",
    blocks=(
        Block(0, "Home", "navigation", 0.01, "menu line"),
        Block(1, "A stub title", "title", 0.9, "first heading", kind="h", level=1),
        Block(2, "By Ann Writer and Bo Reporter", "byline", 0.2, "byline pattern"),
        Block(3, "The lead paragraph.", "lead", 0.8, "first paragraph"),
        Block(4, "The second paragraph.", "body", 0.95, "long line with many stop words"),
    ),
)


def test_the_article_fields_are_shown(browser: object) -> None:
    with running(create_app(ServeSettings(), extractor=lambda page, **kw: STUB)) as url:
        context = browser.new_context()  # type: ignore[attr-defined]
        try:
            pg = context.new_page()
            pg.goto(url + "/")
            pg.fill("#page", "any page at all")
            pg.click("#submit")
            pg.wait_for_selector("#blocks tbody tr")
            assert pg.inner_text("#title") == "A stub title"
            assert pg.inner_text('#meta dd[data-field="authors"]') == "Ann Writer, Bo Reporter"
            assert pg.inner_text('#meta dd[data-field="published"]') == "2013-02-06"
            assert pg.inner_text("#lead") == "The lead paragraph."
            assert pg.inner_text("#text") == "The second paragraph."  # the lead is shown once
            rows = pg.locator("#blocks tbody tr")
            assert rows.evaluate_all("rows => rows.map(r => r.dataset.label)") == [
                b.label for b in STUB.blocks
            ]
            colours = rows.evaluate_all("rows => rows.map(r => getComputedStyle(r).backgroundColor)")
            assert len(set(colours)) == len(STUB.blocks)
            assert "first heading" in (rows.nth(1).get_attribute("title") or "")
        finally:
            context.close()
