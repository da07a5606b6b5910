"""`dehusk run`: corpus mode on the command line (wired in dehusk.cli)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import fastwarc  # noqa: F401 - the 'corpus' extra: without it `dehusk run` says which extra to install
import zstandard  # noqa: F401

from ..errors import DehuskError
from ..options import Options
from .readers import ReaderConfig
from .runner import RunConfig, format_summary, run
from .work import WorkConfig


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="directories of pages, .jsonl, WARC (response records) or WET (conversion records) "
        "files, optionally .gz/.zst compressed, in any mix",
    )
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT", help="output directory")
    p.add_argument(
        "--format", choices=["jsonl", "parquet"], default="jsonl", help="shard format (default jsonl)"
    )
    p.add_argument(
        "--compression",
        choices=["zstd", "gzip", "none"],
        default="zstd",
        help="JSONL shard compression (default zstd; Parquet is always zstd inside)",
    )
    p.add_argument(
        "--mode",
        choices=["auto", "text", "html"],
        default="auto",
        help="mode for directory and JSONL pages (WARC responses are HTML, WET records text)",
    )
    p.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)"
    )
    p.add_argument("--engine", choices=["local", "ray"], default="local")
    p.add_argument(
        "--ray-address",
        default=None,
        help="Ray cluster to join (e.g. 127.0.0.1:6379); default: start a local one",
    )
    p.add_argument("--resume", action="store_true", help="continue the run in OUT after an interruption")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per page, cooperative (default 30)")
    p.add_argument(
        "--hard-timeout",
        type=float,
        default=None,
        help="seconds after which a worker is killed and replaced (default: timeout + 30)",
    )
    p.add_argument("--no-templates", action="store_true", help="skip the first pass (site template learning)")
    p.add_argument(
        "--template-capacity",
        type=int,
        default=2_000_000,
        help="at most this many (host, line) counts are kept in the first pass (12 bytes each)",
    )
    p.add_argument(
        "--dedup",
        choices=["off", "mark", "drop"],
        default="off",
        help="near-duplicate articles (MinHash): mark them (duplicate_of) or drop them",
    )
    p.add_argument("--minhash", action="store_true", help="write each article's MinHash signature")
    p.add_argument("--no-language", action="store_true", help="skip language id of the extracted text")
    p.add_argument("--markdown", action="store_true", help="also write the markdown rendering")
    p.add_argument(
        "--text-field", default=None, help="JSONL: field holding the page (default: html, text, content...)"
    )
    p.add_argument("--id-field", default="id", help="JSONL: id field (default id; else path:line)")
    p.add_argument("--url-field", default="url", help="JSONL: URL field (default url)")
    p.add_argument("--shard-size", type=int, default=10_000, help="items per shard at most (default 10000)")
    p.add_argument(
        "--commit-interval",
        type=float,
        default=60.0,
        help="seconds between commits (a shard is closed at each; default 60)",
    )
    p.add_argument(
        "--extract-fn",
        default=None,
        metavar="MODULE:FUNCTION",
        help="use this function instead of dehusk.extract (same signature; for tests and experiments)",
    )
    bar = p.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress", dest="progress", action="store_true", default=None, help="always show progress"
    )
    bar.add_argument(
        "--quiet", "-q", dest="progress", action="store_false", help="no progress bar, no summary"
    )


def config_from_args(args: argparse.Namespace) -> RunConfig:
    options = Options(timeout=args.timeout, markdown=args.markdown)
    hard = args.hard_timeout if args.hard_timeout is not None else args.timeout + 30.0
    return RunConfig(
        inputs=[os.fspath(p) for p in args.inputs],
        out=args.output,
        fmt=args.format,
        compression=args.compression,
        workers=max(1, args.workers),
        engine=args.engine,
        ray_address=args.ray_address,
        resume=args.resume,
        reader=ReaderConfig(
            mode=args.mode,
            text_field=args.text_field,
            id_field=args.id_field,
            url_field=args.url_field,
            max_bytes=options.max_bytes,
        ),
        work=WorkConfig(
            options=options, extract_fn=args.extract_fn, minhash=args.minhash, language=not args.no_language
        ),
        templates=not args.no_templates,
        template_capacity=args.template_capacity,
        dedup=args.dedup,
        shard_size=max(1, args.shard_size),
        commit_interval=args.commit_interval,
        hard_timeout=hard if hard > 0 else None,
        progress=args.progress,
    )


def _check_extras(args: argparse.Namespace) -> None:
    import importlib.util

    needs = [("pyarrow", "corpus")] if args.format == "parquet" else []
    if args.engine == "ray":
        needs.append(("ray", "ray"))
    for module, extra in needs:
        if importlib.util.find_spec(module) is None:
            raise DehuskError(f"this needs the '{extra}' extra: pip install 'dehusk[{extra}]'")


def main(args: argparse.Namespace) -> int:
    _check_extras(args)
    try:
        summary = run(config_from_args(args))
    except KeyboardInterrupt:  # the runner committed what was complete and said so
        return 130
    if args.progress is not False:
        print(format_summary(summary), file=sys.stderr)
    return 0


def _standalone() -> int:  # python -m dehusk.corpus.cli ...
    parser = argparse.ArgumentParser(prog="dehusk run")
    add_arguments(parser)
    try:
        return main(parser.parse_args())
    except DehuskError as exc:
        print(f"dehusk: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(_standalone())
