"""The `dehusk` command: extract (file and stdin, every format, --explain, errors) and eval.

`dehusk extract` is checked against the library: the command must print what
`dehusk.extract` returns for the same bytes, whatever text mode makes of the page.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import dehusk
from conftest import REPO_ROOT, SHARED_DIR, TEXT_FIXTURES

CLI = [sys.executable, "-m", "dehusk.cli"]
SCORER = SHARED_DIR / "bench" / "score.py"
FIXTURE = TEXT_FIXTURES / "en-news-blanklines.txt"
HTML_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bridge approved | City Post</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves new footbridge</h1><p class="byline">By Tom Harrow</p>
<p>The city council has approved plans for a pedestrian and cycle bridge across the river, linking the station quarter with the new housing on the former brewery site.</p>
<h2>Work starts in autumn</h2>
<p>Construction is expected to begin in the autumn and take around eighteen months, with most of the cost covered by a government grant for active travel schemes.</p>
</article><footer>Privacy policy</footer></body></html>
"""


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=300, cwd=REPO_ROOT)


def out_json(proc: subprocess.CompletedProcess[bytes]) -> dict:
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return json.loads(proc.stdout.decode("utf-8"))


@pytest.fixture(scope="module")
def html_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "bridge.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    return path


# ----------------------------------------------------------------- extract


def test_extract_file_json_is_what_the_library_gives() -> None:
    got = out_json(run("extract", str(FIXTURE)))
    assert got == dehusk.extract(FIXTURE.read_bytes()).to_dict()
    assert set(dehusk.ARTICLE_SCHEMA["required"]) <= set(got)


def test_extract_stdin() -> None:
    data = FIXTURE.read_bytes()
    got = out_json(run("extract", "-", stdin=data))
    assert got == dehusk.extract(data).to_dict()
    assert got == out_json(run("extract", str(FIXTURE)))


def test_extract_mode_option(html_file: Path) -> None:
    assert out_json(run("extract", str(html_file)))["mode"] == "html"
    assert out_json(run("extract", str(html_file), "--mode", "html"))["mode"] == "html"
    as_text = out_json(run("extract", str(html_file), "--mode", "text"))
    assert as_text["mode"] == "text"
    assert as_text == dehusk.extract(html_file.read_bytes(), mode="text").to_dict()
    assert out_json(run("extract", str(FIXTURE), "--mode", "text"))["mode"] == "text"


def test_extract_format_text() -> None:
    proc = run("extract", str(FIXTURE), "--format", "text")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    art = dehusk.extract(FIXTURE.read_bytes())
    assert art.text in out
    if art.title:
        assert art.title in out
    assert not out.lstrip().startswith("{"), "--format text printed JSON"


def test_extract_format_markdown(html_file: Path) -> None:
    for path in (FIXTURE, html_file):
        proc = run("extract", str(path), "--format", "markdown")
        assert proc.returncode == 0, proc.stderr
        out = proc.stdout.decode("utf-8")
        art = dehusk.extract(path.read_bytes(), markdown=True)
        assert art.markdown is not None
        assert art.markdown.strip() in out
        if art.title:
            assert f"# {art.title}" in out


DOCS_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Configuring retries - tidepool docs</title></head>
<body><nav><ul><li><a href="install.html">Installation</a></li><li><a href="retries.html">Configuring retries</a></li></ul></nav>
<main><h1>Configuring retries<a class="headerlink" href="#configuring-retries">¶</a></h1>
<p>A request that fails with a network error or a 503 status is retried up to three times by default. The policy object controls how many attempts are made and how long the client waits.</p>
<h2>Backoff<a class="headerlink" href="#backoff">¶</a></h2>
<p>Between attempts the client sleeps for a time that doubles with every attempt, so a backoff of half a second waits half a second, one second and two seconds.</p>
</main><footer>Built with a documentation generator.</footer></body></html>
"""


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_text_that_opens_with_its_title_prints_it_once(tmp_path: Path, fmt: str) -> None:
    """A documentation page's text opens with its heading, the title: printed once, without the
    heading's permalink glyph."""
    path = tmp_path / "docs.html"
    path.write_text(DOCS_PAGE, encoding="utf-8")
    proc = run("extract", str(path), "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert out.count("Configuring retries") == 1
    assert "¶" not in out and "Backoff" in out
    assert "Between attempts the client sleeps" in out


def test_extract_explain_json_has_blocks() -> None:
    got = out_json(run("extract", str(FIXTURE), "--explain"))
    want = dehusk.extract(FIXTURE.read_bytes(), explain=True).to_dict()
    assert got == want
    assert got["blocks"], "no blocks with --explain"
    for b in got["blocks"]:
        assert b["label"] in dehusk.LABELS and b["reason"]


def test_extract_explain_text_prints_labels_to_stderr() -> None:
    proc = run("extract", str(FIXTURE), "--explain", "--format", "text")
    assert proc.returncode == 0, proc.stderr
    blocks = dehusk.extract(FIXTURE.read_bytes(), explain=True).blocks
    assert blocks
    lines = [line for line in proc.stderr.decode("utf-8").splitlines() if line.strip()]
    assert len(lines) >= len(blocks), "one line per block expected on stderr"
    labelled = [line for line in lines if any(f" {label} " in f" {line} " for label in dehusk.LABELS)]
    assert len(labelled) >= len(blocks)
    # and the article itself stays on stdout, clean
    assert dehusk.extract(FIXTURE.read_bytes()).text in proc.stdout.decode("utf-8")


def test_extract_missing_file() -> None:
    missing = "/nonexistent/dir/page.txt"
    proc = run("extract", missing)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode != 0
    assert missing in err and "dehusk" in err, err
    assert "Traceback" not in err
    assert proc.stdout == b""


@pytest.mark.parametrize("data", [b"", b"\x00\xff\xfe garbage \x89PNG\r\n" * 50], ids=["empty", "garbage"])
def test_extract_bad_stdin_is_clean(data: bytes) -> None:
    proc = run("extract", "-", stdin=data)
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err
    if proc.returncode == 0:
        assert json.loads(proc.stdout)["text"] == ""
    else:
        assert "dehusk" in err


@pytest.fixture()
def web_server():  # noqa: ANN201 - a local HTTP server: /article (the HTML page, declared windows-1252), /gone (404)
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    body = HTML_PAGE.replace('<meta charset="utf-8">', "").replace("cycle bridge", "cycle bridge by the café").encode("cp1252")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/old":
                self.send_response(301)
                self.send_header("Location", "/article")
                self.end_headers()
                return
            found = self.path == "/article"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "text/html; charset=windows-1252")
            self.end_headers()
            self.wfile.write(body if found else b"<html><body><h1>Not found</h1></body></html>")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_extract_url_fetches_the_page(web_server: str) -> None:
    # the page is fetched (a redirect followed), decoded by its Content-Type, and its URL is the final one
    data = out_json(run("extract", f"{web_server}/old"))
    assert "cycle bridge by the café" in data["text"]
    assert data["url"] == f"{web_server}/article"
    assert "eighteen months" in data["text"] and "Privacy policy" not in data["text"]


def test_extract_url_http_error_is_a_clean_error(web_server: str) -> None:
    proc = run("extract", f"{web_server}/gone")
    assert proc.returncode == 1
    assert b"answered HTTP 404" in proc.stderr and b"Traceback" not in proc.stderr


def test_console_script() -> None:
    """The `dehusk` entry point is installed beside the interpreter and runs."""
    script = Path(sys.executable).with_name("dehusk")
    assert script.is_file(), f"no dehusk script at {script}"
    proc = subprocess.run([str(script), "extract", str(FIXTURE)], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["mode"] == "text"


# ----------------------------------------------------------------- eval

EVAL_PAGES = {
    "p1": (
        "Home\nNews\nSport\nCouncil approves new footbridge over the river\nBy Tom Harrow\n4 April 2024\n"
        "The city council has approved plans for a pedestrian and cycle bridge across the river, linking the "
        "station quarter with the new housing on the former brewery site.\n"
        "Construction is expected to begin in the autumn and take around eighteen months, with most of the "
        "cost covered by a government grant for active travel schemes.\nPrivacy policy\n",
        {
            "title": "Council approves new footbridge over the river",
            "authors": ["Tom Harrow"],
            "published": "2024-04-04",
            "with": ["pedestrian and cycle bridge"],
            "without": ["Privacy policy"],
        },
    ),
    "p2": (
        "Menu\n\nDie Stadtbibliothek öffnet sonntags\n\nVon Lea Brandt\n\n3. März 2024\n\n"
        "Die Stadtbibliothek öffnet ab April auch am Sonntag von elf bis siebzehn Uhr, teilte die Stadt am "
        "Montag mit. Die zusätzlichen Stunden werden von ehrenamtlichen Helferinnen und Helfern begleitet.\n\n"
        "Impressum\n",
        {
            "title": "Die Stadtbibliothek öffnet sonntags",
            "authors": ["Lea Brandt"],
            "published": "2024-03-03",
            "with": ["auch am Sonntag"],
            "without": ["Impressum"],
        },
    ),
    "p3": ("", {"title": None, "authors": None, "published": None, "with": [], "without": []}),
}


@pytest.fixture()
def dataset(tmp_path: Path) -> Path:
    root = tmp_path / "tiny-set"
    (root / "text").mkdir(parents=True)
    with open(root / "pages.jsonl", "w", encoding="utf-8") as fh:
        for pid, (page, gold) in EVAL_PAGES.items():
            body = "\n\n".join(line for line in page.splitlines() if len(line) > 80)  # the paragraphs
            row = {
                "id": pid,
                "url": f"https://example.org/{pid}",
                "lang": None,
                "page_type": "article",
                "gold": {"body": body, **gold},
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            (root / "text" / f"{pid}.txt").write_text(page, encoding="utf-8")
    return root


def _scorer() -> Path:
    if not SCORER.is_file():
        pytest.fail(f"the reference scorer is missing: {SCORER} (../shared/bench beside the repo)")
    return SCORER


def test_eval_writes_predictions_and_prints_the_report(dataset: Path, tmp_path: Path) -> None:
    pred = tmp_path / "out" / "pred.jsonl"
    proc = run("eval", "--dataset", str(dataset), "--pred", str(pred), "--scorer", str(_scorer()))
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    rows = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sorted(r["id"] for r in rows) == sorted(EVAL_PAGES)
    for r in rows:
        assert {"id", "body", "title", "authors", "published", "seconds"} <= set(r), r
        assert isinstance(r["body"], str)
        assert r["title"] is None or isinstance(r["title"], str)
        assert isinstance(r["authors"], list) and all(isinstance(a, str) for a in r["authors"])
        assert r["published"] is None or isinstance(r["published"], str)
        assert isinstance(r["seconds"], (int, float)) and r["seconds"] >= 0
    # score.py's report: the dataset line and the metrics table
    assert f"dataset: {dataset.name} (3 pages)" in out, out
    assert "shF1" in out and "pred" in out


def test_eval_limit(dataset: Path, tmp_path: Path) -> None:
    pred = tmp_path / "pred2.jsonl"
    proc = run(
        "eval", "--dataset", str(dataset), "--pred", str(pred), "--scorer", str(_scorer()), "--limit", "2"
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [r["id"] for r in rows] == ["p1", "p2"]
    assert "(2 pages)" in proc.stdout.decode("utf-8")


def test_eval_not_a_dataset(tmp_path: Path) -> None:
    proc = run(
        "eval", "--dataset", str(tmp_path), "--pred", str(tmp_path / "p.jsonl"), "--scorer", str(_scorer())
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode != 0 and "pages.jsonl" in err and "Traceback" not in err
