"""Load test of `dehusk serve`: a bounded number of requests, over loopback only, then it stops.

    .venv/bin/python benchmarks/bench_serve.py                    # starts its own server
    .venv/bin/python benchmarks/bench_serve.py --requests 2000 --concurrency 16
    .venv/bin/python benchmarks/bench_serve.py --url http://127.0.0.1:8000   # a running server

Prints p50/p90/p99 latency, requests/s and error counts (status != 200, 5xx, exceptions);
exits 1 if any request failed. Pages are synthetic (made here), plus the France 24 text dump
from ../shared/examples when it is there.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED_EXAMPLE = ROOT.parent / "shared" / "examples" / "france24-mali-2013.txt"

_PROSE = (
    "the council said on tuesday that plans for the new bridge over the river would go ahead after "
    "a long public debate about costs traffic and the old town centre which many residents want to "
    "protect from heavy lorries while shop owners hope for more visitors in the summer months"
)
WORDS = _PROSE.split(" ")


def _sentences(seed: int, n: int) -> str:
    out = []
    for i in range(n):
        k = 8 + (seed * 7 + i * 3) % 12
        words = [WORDS[(seed * 13 + i * 5 + j * 11) % len(WORDS)] for j in range(k)]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def synthetic_pages() -> list[dict[str, object]]:
    """A handful of request bodies: HTML pages and text dumps of a few sizes."""
    pages: list[dict[str, object]] = []
    for seed in range(4):
        paras = "\n".join(f"<p>{_sentences(seed + i, 4)}</p>" for i in range(6 + seed * 4))
        nav = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(12))
        html = (
            f"<!doctype html><html><head><title>Bridge plan {seed} | Town News</title></head><body>"
            f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>Bridge plan {seed} goes ahead</h1>"
            f"<p class='byline'>By Ann Writer</p>{paras}</article></main>"
            "<footer><p>Copyright Town News. All rights reserved.</p></footer></body></html>"
        )
        pages.append({"html": html, "url": f"https://news.example/bridge-{seed}"})
        lines = ["Home", "News", "Sport", "", f"Bridge plan {seed} goes ahead", ""]
        lines += [_sentences(seed + i, 3) + "\n" for i in range(5 + seed * 3)]
        lines += ["Read more", "Share this article", "Copyright Town News"]
        pages.append({"text": "\n".join(lines)})
    if SHARED_EXAMPLE.exists():
        pages.append({"text": SHARED_EXAMPLE.read_text(encoding="utf-8")})
    return pages


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _require_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        sys.exit(f"cannot resolve {host!r}")
    for info in infos:
        if not ipaddress.ip_address(str(info[4][0]).split("%")[0]).is_loopback:
            sys.exit(f"refusing to load {host!r}: this benchmark only targets loopback addresses")


def start_server(args: argparse.Namespace) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    cmd = [
        sys.executable,
        "-m",
        "dehusk.cli",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited with {proc.returncode}")
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    sys.exit("server did not start within 30 s")


async def run_load(url: str, pages: list[dict[str, object]], args: argparse.Namespace) -> dict[str, object]:
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    exceptions: Counter[str] = Counter()
    next_index = 0
    stop_at = time.monotonic() + args.max_seconds
    limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=args.concurrency)

    async with httpx.AsyncClient(base_url=url, timeout=args.request_timeout, limits=limits) as client:

        async def worker() -> None:
            nonlocal next_index
            while next_index < args.requests and time.monotonic() < stop_at:
                i = next_index
                next_index += 1
                body = dict(pages[i % len(pages)])
                if args.explain:
                    body["explain"] = True
                t0 = time.perf_counter()
                try:
                    resp = await client.post("/v1/extract", json=body)
                    await resp.aread()
                    statuses[resp.status_code] += 1
                except httpx.HTTPError as exc:
                    exceptions[type(exc).__name__] += 1
                latencies.append(time.perf_counter() - t0)

        t_start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(args.concurrency)))
        elapsed = time.perf_counter() - t_start
    return {"latencies": latencies, "statuses": statuses, "exceptions": exceptions, "elapsed": elapsed}


def _pct(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[k]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--url", default=None, help="a running server on loopback (default: start one)")
    p.add_argument("--workers", type=int, default=1, help="server processes, when starting one")
    p.add_argument("--threads", type=int, default=2, help="extraction threads per process, when starting one")
    p.add_argument("--explain", action="store_true", help="ask for blocks too (bigger answers)")
    p.add_argument("--max-seconds", type=float, default=300.0, help="stop after this long in any case")
    p.add_argument("--request-timeout", type=float, default=30.0)
    args = p.parse_args()
    if not 1 <= args.requests <= 100_000 or not 1 <= args.concurrency <= 256:
        sys.exit("--requests must be 1..100000 and --concurrency 1..256")

    proc = None
    if args.url:
        _require_loopback(args.url)
        url = args.url.rstrip("/")
    else:
        proc, url = start_server(args)
    try:
        pages = synthetic_pages()
        asyncio.run(run_load(url, pages[:2], argparse.Namespace(**{**vars(args), "requests": 20})))  # warm-up
        result = asyncio.run(run_load(url, pages, args))
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()

    lat = sorted(result["latencies"])  # type: ignore[arg-type]
    statuses: Counter[int] = result["statuses"]  # type: ignore[assignment]
    exceptions: Counter[str] = result["exceptions"]  # type: ignore[assignment]
    done = len(lat)
    elapsed = float(result["elapsed"])  # type: ignore[arg-type]
    non_ok = sum(n for s, n in statuses.items() if s != 200)
    five_xx = sum(n for s, n in statuses.items() if s >= 500)
    errors = non_ok + sum(exceptions.values())
    print(
        f"server      {url} ({'started here' if proc else 'given'}; workers={args.workers} threads={args.threads})"
    )
    print(
        f"requests    {done} of {args.requests} at concurrency {args.concurrency}, {len(pages)} distinct pages"
        f"{', explain' if args.explain else ''}"
    )
    print(f"duration    {elapsed:.2f} s   throughput {done / elapsed:.1f} req/s")
    print(
        f"latency ms  p50 {_pct(lat, 0.5) * 1e3:.1f}   p90 {_pct(lat, 0.9) * 1e3:.1f}   "
        f"p99 {_pct(lat, 0.99) * 1e3:.1f}   max {lat[-1] * 1e3 if lat else float('nan'):.1f}   "
        f"mean {statistics.fmean(lat) * 1e3 if lat else float('nan'):.1f}"
    )
    print(f"statuses    {dict(sorted(statuses.items()))}")
    print(f"errors      {errors} (non-200: {non_ok}, 5xx: {five_xx}, exceptions: {dict(exceptions) or 0})")
    return 1 if errors or done < args.requests else 0


if __name__ == "__main__":
    sys.exit(main())
