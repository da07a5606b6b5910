"""Render a dataset's HTML pages as other tools dump them, to test text mode on renderers it
was not trained on:

    python benchmarks/render_dumps.py --dataset ../shared/data/wcxb-dev --out /tmp/renders \
        [--tools lynx w3m html2text bs4 wrap80]
    dehusk eval --dataset /tmp/renders --mode text --text-dir lynx --pred /tmp/lynx.jsonl

Writes OUT/pages.jsonl (a link to the dataset's) and OUT/<tool>/<id>.txt; nothing goes into
the project. Tools: `lynx -dump`, `w3m -dump`, `elinks -dump` and `links -dump` (system
packages: apt install lynx w3m elinks links; skipped when missing), pandoc's plain text (`pandoc
-t plain`, wrapped at 72: the `pandoc` binary on the PATH, e.g. from the pypandoc_binary wheel), html2text's Markdown (wrapped at 78, and unwrapped: `markdown`),
markdownify's Markdown,
inscriptis' layout-keeping text, Resiliparse's whole-page `extract_plain_text`, BeautifulSoup's
`get_text("\\n")` (scripts and styles removed; each inline element on its own line) and the
common `get_text()` recipe (`bs4_recipe`: adjacent elements glued, lines stripped), `get_text()`
alone (`bs4_raw`) and lxml's `text_content()` (`lxml_text_content`; the source's line breaks kept,
so a minified page comes out on one line),
html-text's `extract_text` (the whole page, a block a line), trafilatura's `html2txt` (the
whole page's text), a browser's `document.body.innerText` (Chromium through Playwright, the
`test` extra; scripts off and every request refused, so only the page's own CSS applies: what
a headless-browser crawler that saves the rendered text gets; CHROMIUM= the binary, default
/usr/bin/chromium), and
wrap80, the dataset's own text/ rendering hard-wrapped at 80 columns (html2text and
beautifulsoup4, html-text and markdownify come with the `bench` extra). `extracted` is no rendering but the
gold article itself (headline, blank line, text), as a corpus of already-extracted articles
would hand it to text mode.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path


def _run(cmd: list[str]) -> Callable[[bytes, Path, str], str]:
    def render(html: bytes, dataset: Path, page_id: str) -> str:
        try:
            out = subprocess.run(cmd, input=html, capture_output=True, timeout=30).stdout
        except subprocess.TimeoutExpired:
            return ""
        return out.decode("utf-8", "replace")

    return render


def _run_file(cmd: list[str]) -> Callable[[bytes, Path, str], str]:
    """`_run` for a tool that reads a file, not its standard input (the file's path goes last)."""

    def render(html: bytes, dataset: Path, page_id: str) -> str:
        with tempfile.NamedTemporaryFile(suffix=".html") as fh:
            fh.write(html)
            fh.flush()
            try:
                out = subprocess.run([*cmd, fh.name], capture_output=True, timeout=30).stdout
            except subprocess.TimeoutExpired:
                return ""
        return out.decode("utf-8", "replace")

    return render


def _html2text(html: bytes, dataset: Path, page_id: str) -> str:
    import html2text

    return html2text.HTML2Text().handle(html.decode("utf-8", "replace"))


def _markdown(html: bytes, dataset: Path, page_id: str) -> str:
    import html2text

    h = html2text.HTML2Text()
    h.body_width = 0  # unwrapped Markdown, as crawlers that store Markdown keep it
    return h.handle(html.decode("utf-8", "replace"))


def _markdownify(html: bytes, dataset: Path, page_id: str) -> str:
    """markdownify's Markdown of the whole page (the converter many crawlers' Markdown comes from;
    the `bench` extra), ATX headings; it leaves out scripts and styles itself."""
    from markdownify import markdownify

    return markdownify(html.decode("utf-8", "replace"), heading_style="ATX")


def _inscriptis(html: bytes, dataset: Path, page_id: str) -> str:
    from inscriptis import get_text

    return get_text(html.decode("utf-8", "replace"))


def _resiliparse(html: bytes, dataset: Path, page_id: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(html.decode("utf-8", "replace")), main_content=False)


def _bs4(html: bytes, dataset: Path, page_id: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html.decode("utf-8", "replace"), "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return soup.get_text("\n")


def _bs4_raw(html: bytes, dataset: Path, page_id: str) -> str:
    """BeautifulSoup's `get_text()` with scripts and styles dropped and nothing else: adjacent
    elements glued where the HTML had no white space, the source's own line breaks and indentation
    kept (a minified page comes out on one line)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html.decode("utf-8", "replace"), "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return soup.get_text()


def _lxml_text_content(html: bytes, dataset: Path, page_id: str) -> str:
    """lxml's `text_content()` of the page with scripts and styles dropped (as `_bs4_raw`)."""
    import lxml.html

    root = lxml.html.fromstring(html.decode("utf-8", "replace"))
    for el in root.xpath("//script|//style"):
        el.drop_tree()
    return root.text_content()


def _bs4_recipe(html: bytes, dataset: Path, page_id: str) -> str:
    """The recipe most scrapers copy: scripts and styles dropped, `get_text()` (adjacent elements
    glued where the HTML had no white space between them), lines stripped, cut at double spaces."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html.decode("utf-8", "replace"), "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    lines = (line.strip() for line in soup.get_text().splitlines())
    chunks = (phrase.strip() for line in lines for phrase in line.split("  "))
    return "\n".join(chunk for chunk in chunks if chunk)


def _html_text(html: bytes, dataset: Path, page_id: str) -> str:
    import html_text

    return html_text.extract_text(html.decode("utf-8", "replace"))


def _trafilatura_txt(html: bytes, dataset: Path, page_id: str) -> str:
    from trafilatura import html2txt

    return html2txt(html.decode("utf-8", "replace")) or ""


class _Browser:
    """`document.body.innerText` of the page in Chromium (one browser for the whole run)."""

    def __init__(self) -> None:
        self.page = None

    def __call__(self, html: bytes, dataset: Path, page_id: str) -> str:
        if self.page is None:
            from playwright.sync_api import sync_playwright

            self._pw = sync_playwright().start()
            browser = self._pw.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                               args=["--no-sandbox"])
            context = browser.new_context(java_script_enabled=False, offline=True)
            context.route("**/*", lambda route: route.abort())  # no request leaves the machine
            self.page = context.new_page()
        try:
            self.page.set_content(html.decode("utf-8", "replace"), wait_until="domcontentloaded", timeout=30_000)
            return self.page.evaluate("() => document.body ? document.body.innerText : ''")
        except Exception:  # noqa: BLE001 - a page the browser cannot load renders as an empty dump
            return ""


class _Extracted:
    """An article already extracted, as a corpus of clean articles stores it: the dataset's gold
    headline on the first line, a blank line, then the gold text (the input text mode gets from
    a user who extracted the articles before; not a rendering of the HTML)."""

    def __init__(self) -> None:
        self.gold: dict[str, dict] = {}

    def __call__(self, html: bytes, dataset: Path, page_id: str) -> str:
        if not self.gold:
            with open(dataset / "pages.jsonl", encoding="utf-8") as fh:
                self.gold = {p["id"]: p.get("gold") or {} for p in map(json.loads, fh)}
        gold = self.gold.get(page_id, {})
        body, title = gold.get("body") or "", gold.get("title") or ""
        return f"{title}\n\n{body}" if title and body else body


def _wrap80(html: bytes, dataset: Path, page_id: str) -> str:
    text = (dataset / "text" / f"{page_id}.txt").read_text(encoding="utf-8")
    return "\n".join(textwrap.fill(line, 80) if line.strip() else "" for line in text.split("\n"))


TOOLS: dict[str, tuple[str | None, Callable[[bytes, Path, str], str]]] = {
    "lynx": ("lynx", _run(["lynx", "-dump", "-stdin", "-assume_charset=utf-8", "-display_charset=utf-8", "-width=80"])),
    "w3m": ("w3m", _run(["w3m", "-dump", "-T", "text/html", "-I", "utf-8", "-O", "utf-8", "-cols", "80"])),
    "elinks": ("elinks", _run(["elinks", "-dump", "1", "-force-html", "-dump-charset", "utf-8", "-dump-width", "80",
                               "-no-home", "1"])),
    "links": ("links", _run_file(["links", "-dump", "-codepage", "utf-8", "-width", "80"])),
    "pandoc": ("pandoc", _run(["pandoc", "-f", "html", "-t", "plain"])),
    "html2text": (None, _html2text),
    "markdown": (None, _markdown),
    "markdownify": (None, _markdownify),
    "bs4": (None, _bs4),
    "bs4_recipe": (None, _bs4_recipe),
    "bs4_raw": (None, _bs4_raw),
    "lxml_text_content": (None, _lxml_text_content),
    "inscriptis": (None, _inscriptis),
    "resiliparse": (None, _resiliparse),
    "html_text": (None, _html_text),
    "trafilatura_html2txt": (None, _trafilatura_txt),
    "browser": (None, _Browser()),
    "wrap80": (None, _wrap80),
    "extracted": (None, _Extracted()),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--tools", nargs="+", default=list(TOOLS), choices=list(TOOLS))
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    link = args.out / "pages.jsonl"
    if not link.exists():
        link.symlink_to((args.dataset / "pages.jsonl").resolve())
    with open(args.dataset / "pages.jsonl", encoding="utf-8") as fh:
        ids = [json.loads(line)["id"] for line in fh][: args.limit]
    for tool in args.tools:
        binary, render = TOOLS[tool]
        if binary and shutil.which(binary) is None:
            print(f"{tool}: not installed, skipped")
            continue
        (args.out / tool).mkdir(exist_ok=True)
        for page_id in ids:
            html = gzip.decompress((args.dataset / "html" / f"{page_id}.html.gz").read_bytes())
            (args.out / tool / f"{page_id}.txt").write_text(render(html, args.dataset, page_id), encoding="utf-8")
        print(f"{tool}: {len(ids)} pages -> {args.out / tool}")


if __name__ == "__main__":
    main()
