"""The `dehusk` command: extract, eval, run (corpus mode), serve."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from .errors import DehuskError

# subcommands implemented in their own modules: name -> module with add_arguments(p) and main(args)
_PLUGINS = {
    "run": ("dehusk.corpus.cli", "process a corpus: directories, JSONL, WARC/WET in; JSONL/Parquet out"),
    "serve": ("dehusk.serve.cli", "serve extract over HTTP, with the inspection page at /"),
}


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise DehuskError(f"cannot read {path}: {exc.strerror or exc}") from exc


def is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def fetch_input(url: str, timeout: float | None) -> tuple[bytes, str, str | None]:
    """(body, final URL, Content-Type) of a page the user asked for by URL. The service's fetcher
    (stdlib only), without its public-addresses-only rule: on the command line the user's own
    network is theirs to read. An HTTP error status is an error, not a page to extract."""
    import ipaddress

    from .serve.fetch import FetchLimits, fetch_page

    everywhere = (ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0"))
    limits = FetchLimits(timeout=timeout or 30.0, max_bytes=64 * 1024 * 1024, allow_networks=everywhere)
    page = fetch_page(url, limits)
    if page.status >= 400:
        raise DehuskError(f"{url} answered HTTP {page.status}")
    return page.body, page.url, page.content_type


def cmd_extract(args: argparse.Namespace) -> int:
    from .metadata_title import tokens
    from .pipeline import extract

    url, content_type = args.url, None
    if is_url(args.path):
        data, fetched_url, content_type = fetch_input(args.path, args.timeout)
        url = url or fetched_url
    else:
        data = _read_input(args.path)
    article = extract(
        data, mode=args.mode, url=url, explain=args.explain,
        markdown=args.format == "markdown", timeout=args.timeout, content_type=content_type,
    )
    out = sys.stdout
    if args.format == "json":
        out.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return 0
    # the title above the text, unless the text opens with it (a documentation page's heading)
    title = article.title if article.title and tokens(article.text.split("\n\n", 1)[0]) != tokens(article.title) else None
    if args.format == "markdown":
        if title:
            out.write(f"# {title}\n\n")
        out.write((article.markdown or "") + "\n")
    else:
        if title:
            out.write(title + "\n\n")
        out.write(article.text + "\n")
    if args.explain and article.blocks is not None:
        err = sys.stderr
        for b in article.blocks:
            err.write(f"{b.index:4d} {b.label:<11} {b.score:.2f} {b.text[:70]!r} -- {b.reason}\n")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import run_eval

    return run_eval(
        dataset=args.dataset, mode=args.mode, text_dir=args.text_dir, pred=args.pred, limit=args.limit,
        scorer=args.scorer, by_type=args.by_type,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dehusk", description="The article inside a web page.")
    parser.add_argument("--version", action="version", version="dehusk 0.1.0")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract the article from one page (HTML or text dump)")
    p.add_argument("path", help="file to read, - for standard input, or an http(s) URL to fetch")
    p.add_argument("--mode", choices=["auto", "text", "html"], default="auto")
    p.add_argument("--format", choices=["json", "text", "markdown"], default="json")
    p.add_argument("--explain", action="store_true", help="attach every block with label, score, reason")
    p.add_argument("--url", default=None, help="the page's URL (helps title and site features)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per page (default 30)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="run over a dataset in the shared format and score with score.py")
    p.add_argument("--dataset", required=True, type=Path)
    p.add_argument("--mode", choices=["text", "html"], default="text")
    p.add_argument("--text-dir", default="text", help="text mode: which rendering (text, text-alt)")
    p.add_argument("--pred", required=True, type=Path, help="write predictions here (JSONL)")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--scorer", type=Path, default=None, help="score.py (default ../shared/bench/score.py)")
    p.add_argument("--by-type", action="store_true", help="also report by page type")
    p.set_defaults(func=cmd_eval)

    for name, (module, help_text) in _PLUGINS.items():
        p = sub.add_parser(name, help=help_text)
        try:
            mod = importlib.import_module(module)
        except ImportError as exc:  # the extra is not installed
            p.set_defaults(func=_missing(name, exc))
            continue
        mod.add_arguments(p)
        p.set_defaults(func=mod.main)
    return parser


def _missing(name: str, exc: ImportError):  # noqa: ANN202
    def fail(_args: argparse.Namespace) -> int:
        extra = {"run": "corpus", "serve": "serve"}[name]
        print(f"dehusk {name}: needs the '{extra}' extra (pip install 'dehusk[{extra}]'): {exc}", file=sys.stderr)
        return 2

    return fail


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except DehuskError as exc:
        print(f"dehusk: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
