"""`dehusk serve`: run the HTTP service with uvicorn.

Imported by `dehusk --help`, so it imports FastAPI and uvicorn only when the server starts.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys

from .settings import SETTINGS_ENV, ServeSettings

_DEFAULTS = ServeSettings()


def _size(value: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    raw = value.strip().lower().removesuffix("b").removesuffix("i")
    mult = units.get(raw[-1:], 1)
    number = raw[:-1] if raw[-1:] in units else raw
    try:
        size = int(float(number) * mult)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 10M, 512k, 1048576)") from None
    if size < 1:
        raise argparse.ArgumentTypeError("size must be positive")
    return size


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    p.add_argument(
        "--threads",
        type=int,
        default=_DEFAULTS.threads,
        help=f"pages extracted at once per process (default {_DEFAULTS.threads})",
    )
    p.add_argument(
        "--queue",
        type=int,
        default=_DEFAULTS.queue,
        help=f"requests that may wait for a thread per process; beyond, 503 (default {_DEFAULTS.queue})",
    )
    p.add_argument(
        "--max-body",
        type=_size,
        default=_DEFAULTS.max_body_bytes,
        help="largest request body, e.g. 10M (default 10M); larger gets 413",
    )
    p.add_argument(
        "--body-timeout",
        type=float,
        default=_DEFAULTS.body_timeout,
        help=f"seconds to receive a request body (default {_DEFAULTS.body_timeout:g}); after it, 408",
    )
    p.add_argument(
        "--max-connections",
        type=int,
        default=None,
        help="open connections per process before uvicorn answers 503 (default: no limit)",
    )
    p.add_argument(
        "--max-batch",
        type=int,
        default=_DEFAULTS.max_batch,
        help=f"pages per batch request (default {_DEFAULTS.max_batch})",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=_DEFAULTS.timeout,
        help=f"seconds per page (default {_DEFAULTS.timeout:g}); past it, 504",
    )
    p.add_argument(
        "--allow-fetch",
        action="store_true",
        help='fetch {"url": ...} requests (public addresses only; off by default)',
    )
    p.add_argument(
        "--fetch-timeout",
        type=float,
        default=_DEFAULTS.fetch_timeout,
        help=f"seconds per fetch, redirects included (default {_DEFAULTS.fetch_timeout:g})",
    )
    p.add_argument(
        "--fetch-max-bytes",
        type=_size,
        default=_DEFAULTS.fetch_max_bytes,
        help="largest fetched page (default 5M)",
    )
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    p.add_argument("--no-access-log", action="store_true", help="do not log every request")


def settings_from_args(args: argparse.Namespace) -> ServeSettings:
    return ServeSettings(
        max_body_bytes=args.max_body,
        body_timeout=args.body_timeout,
        max_batch=args.max_batch,
        threads=args.threads,
        queue=args.queue,
        timeout=args.timeout,
        allow_fetch=args.allow_fetch,
        fetch_timeout=args.fetch_timeout,
        fetch_max_bytes=args.fetch_max_bytes,
    )


def main(args: argparse.Namespace) -> int:
    try:
        settings = settings_from_args(args)
    except ValueError as exc:
        print(f"dehusk serve: {exc}", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("dehusk serve: --workers must be at least 1", file=sys.stderr)
        return 2
    try:
        import uvicorn

        from .app import create_app
    except ImportError as exc:
        print(f"dehusk serve: needs the 'serve' extra (pip install 'dehusk[serve]'): {exc}", file=sys.stderr)
        return 2
    try:
        public = not ipaddress.ip_address(args.host).is_loopback
    except ValueError:
        public = args.host != "localhost"
    if public:
        print(f"dehusk serve: listening on {args.host}: reachable from other machines", file=sys.stderr)
    common = {
        "host": args.host,
        "port": args.port,
        "log_level": args.log_level,
        "access_log": not args.no_access_log,
        "server_header": False,
        "limit_concurrency": args.max_connections,
    }
    if args.workers > 1:
        os.environ[SETTINGS_ENV] = settings.to_json()
        uvicorn.run("dehusk.serve.app:app_from_env", factory=True, workers=args.workers, **common)
    else:
        uvicorn.run(create_app(settings), **common)
    return 0
