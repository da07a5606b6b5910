"""Corpus-mode benchmark: pages/s for 1 and 2 workers, peak memory for 1x and 10x input.

Builds a WARC (HTML ``response`` records) and a WET (text ``conversion`` records) from the
pages of a dataset in the shared format (in a temporary directory: nothing is written to the
project), then runs ``dehusk run`` on them as a subprocess:

    python benchmarks/bench_corpus.py --dataset ../shared/data/wcxb-dev [--pages 300] [--repeats 3]

- speed: median pages/s over --repeats runs with --workers 1 and with --workers 2 (interleaved),
  and the ratio. Measure when the machine is otherwise quiet (the load average is printed); on a
  shared machine, ``chrt -r 5 python benchmarks/bench_corpus.py ...`` (root) gives the benchmark
  the cores for the few minutes it runs. CPU seconds are sampled every 0.5 s (approximate).
- same records (--same-records): the pages written as a WARC, a WET, JSONL files and directories
  (HTML and text), read in one run; the records of each container must be identical (apart
  from the input's identity: id, source_path, source_offset).
- memory: peak RSS of the whole process tree (parent, forkserver, workers; sampled from /proc
  every 20 ms) and of the largest single process, for the input and for the input repeated 10
  times (distinct record ids and URLs, same sites).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dehusk.corpus.build import record_id, warc_record, write_inputs, write_warc
from dehusk.corpus.writers import read_output


def load_pages(dataset: Path, limit: int) -> list[tuple[str, bytes, bytes]]:
    pages = []
    with open(dataset / "pages.jsonl", encoding="utf-8") as fh:
        for line in fh:
            page = json.loads(line)
            if not page.get("url"):
                continue
            html = gzip.decompress((dataset / "html" / f"{page['id']}.html.gz").read_bytes())
            text = (dataset / "text" / f"{page['id']}.txt").read_bytes()
            pages.append((page["url"], html, text))
            if len(pages) >= limit:
                break
    return pages


def build(pages: list[tuple[str, bytes, bytes]], root: Path, copies: int) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    warc, wet = root / "pages.warc.gz", root / "pages.warc.wet.gz"

    def url(u: str, k: int) -> str:
        return u if k == 0 else f"{u}{'&' if '?' in u else '?'}copy={k}"

    write_warc(
        warc,
        (
            warc_record("response", url(u, k), h, record_id(url(u, k), "response"))
            for k in range(copies)
            for u, h, _ in pages
        ),
    )
    write_warc(
        wet,
        (
            warc_record("conversion", url(u, k), t, record_id(url(u, k), "conversion"))
            for k in range(copies)
            for u, _, t in pages
        ),
    )
    return [str(warc), str(wet)]


_TICK = os.sysconf("SC_CLK_TCK")


def _tree_sample(root_pid: int, cpu: dict[int, float]) -> tuple[int, int]:
    """(sum, max) of VmRSS in KiB over root_pid and its descendants; CPU seconds per pid into `cpu`."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields.get("PPid", "0").strip() or 0)
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields["VmRSS"].split()[0]) if "VmRSS" in fields else 0
        ticks[pid] = int(stat[11]) + int(stat[12])  # utime + stime
    total = biggest = 0
    stack = [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        biggest = max(biggest, rss.get(pid, 0))
        cpu[pid] = max(cpu.get(pid, 0.0), ticks.get(pid, 0) / _TICK)
        stack.extend(children.get(pid, []))
    return total, biggest


def run_once(inputs: list[str], workers: int, extra: list[str], every: float = 0.02) -> dict:
    """One `dehusk run`; /proc is sampled every `every` s (a sample costs CPU: keep it rare when timing)."""
    with tempfile.TemporaryDirectory(prefix="dehusk-bench-out-") as out:
        cmd = [
            sys.executable,
            "-m",
            "dehusk.cli",
            "run",
            *inputs,
            "-o",
            out,
            "--workers",
            str(workers),
            "-q",
            *extra,
        ]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        peak_sum = peak_one = 0
        cpu: dict[int, float] = {}
        while proc.poll() is None:
            total, biggest = _tree_sample(proc.pid, cpu)
            peak_sum, peak_one = max(peak_sum, total), max(peak_one, biggest)
            time.sleep(every)
        wall = time.perf_counter() - start
        err = proc.stderr.read().decode() if proc.stderr else ""
        if proc.returncode != 0:
            raise SystemExit(f"dehusk run failed ({proc.returncode}): {err}")
        summary = json.loads((Path(out) / "summary.json").read_text())
    return {
        "pages": summary["pages_in"],
        "errors": summary["errors"],
        "run_s": summary["seconds"],
        "pages_per_s": summary["pages_per_second"],
        "wall_s": round(wall, 2),
        "cpu_s": round(sum(cpu.values()), 2),
        "parent_cpu_s": round(cpu.get(proc.pid, 0.0), 2),
        "peak_rss_tree_mb": round(peak_sum / 1024, 1),
        "peak_rss_process_mb": round(peak_one / 1024, 1),
    }


def same_records(pages: list[tuple[str, bytes, bytes]], workers: int, extra: list[str]) -> bool:
    """One run over the same pages in six containers; compare the records container by container."""
    specs = [(u, h.decode("utf-8", "replace"), t.decode("utf-8", "replace")) for u, h, t in pages]
    order = ["warc", "html_jsonl", "html_dir", "wet", "text_jsonl", "text_dir"]
    with tempfile.TemporaryDirectory(prefix="dehusk-bench-same-") as tmp:
        paths = write_inputs(specs, Path(tmp) / "in")
        out = Path(tmp) / "out"
        cmd = [
            sys.executable,
            "-m",
            "dehusk.cli",
            "run",
            *(str(paths[k]) for k in order),
            "-o",
            str(out),
            "--workers",
            str(workers),
            "-q",
            *extra,
        ]
        subprocess.run(cmd, check=True)
        groups: dict[str, dict[str, dict]] = {k: {} for k in order}
        for rec in read_output(out):
            kind = next(k for k in order if rec["source_path"].startswith(str(paths[k])))
            groups[kind][rec["url"]] = {
                k: v for k, v in rec.items() if k not in ("id", "source_path", "source_offset")
            }
        errors = (out / "errors.jsonl").read_text().count("\n")
    ok = True
    for a, b in (("warc", "html_jsonl"), ("warc", "html_dir"), ("wet", "text_jsonl"), ("wet", "text_dir")):
        same = sum(groups[a].get(u) == groups[b].get(u) for u in groups[a])
        print(f"same records {a} vs {b}: {same}/{len(groups[a])} identical ({len(groups[b])} in {b})")
        ok &= same == len(groups[a]) == len(groups[b]) == len(pages)
    print(f"same records: {'yes' if ok else 'NO'} ({len(pages)} pages x 6 containers, {errors} errors)")
    return ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--dataset", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/wcxb-dev"
    )
    ap.add_argument(
        "--pages", type=int, default=300, help="pages taken from the dataset (each in WARC and WET)"
    )
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument(
        "--same-records", action="store_true", help="only check that every container gives the same records"
    )
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("extra", nargs="*", help="more `dehusk run` options, after --")
    args = ap.parse_args()
    pages = load_pages(args.dataset, args.pages)
    if args.same_records:
        raise SystemExit(0 if same_records(pages, 2, args.extra) else 1)
    results: dict = {"pages": len(pages), "records_1x": 2 * len(pages), "load_average": os.getloadavg()}
    print(
        f"{len(pages)} pages from {args.dataset.name} -> {2 * len(pages)} records (WARC + WET); "
        f"load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="dehusk-bench-in-") as tmp:
        one = build(pages, Path(tmp) / "x1", 1)
        if not args.skip_speed:
            runs: dict[int, list[dict]] = {1: [], 2: []}
            for _ in range(args.repeats):  # interleaved, so that a change of load hits both alike
                for workers in (1, 2):
                    r = run_once(one, workers, args.extra, every=0.5)
                    runs[workers].append(r)
                    print(
                        f"workers={workers}: {r['pages_per_s']:.1f} pages/s, {r['cpu_s']} CPU s "
                        f"(parent {r['parent_cpu_s']}), load {os.getloadavg()[0]:.2f}",
                        flush=True,
                    )
            speed = {w: statistics.median(r["pages_per_s"] for r in rs) for w, rs in runs.items()}
            per_cpu = {w: statistics.median(r["pages"] / r["cpu_s"] for r in rs) for w, rs in runs.items()}
            results["pages_per_s"] = speed
            results["pages_per_cpu_s"] = per_cpu
            results["speedup_2_vs_1"] = round(speed[2] / speed[1], 3)
            for w in (1, 2):
                print(f"workers={w}: median {speed[w]:.1f} pages/s, {per_cpu[w]:.1f} pages per CPU second")
            print(f"speed-up 2 workers / 1 worker: {results['speedup_2_vs_1']:.2f}x (bar: >= 1.8)")
        if not args.skip_memory:
            ten = build(pages, Path(tmp) / "x10", 10)
            mem = {}
            for name, inputs in (("1x", one), ("10x", ten)):
                r = run_once(inputs, 2, args.extra)
                mem[name] = r
                print(
                    f"{name}: {r['pages']} records, {r['wall_s']} s, peak RSS tree {r['peak_rss_tree_mb']} MB, "
                    f"largest process {r['peak_rss_process_mb']} MB",
                    flush=True,
                )
            ratio = mem["10x"]["peak_rss_tree_mb"] / mem["1x"]["peak_rss_tree_mb"]
            ratio_one = mem["10x"]["peak_rss_process_mb"] / mem["1x"]["peak_rss_process_mb"]
            results["memory"] = mem
            results["rss_ratio_10x_1x"] = round(ratio, 3)
            print(f"peak RSS 10x / 1x: tree {ratio:.2f}x, largest process {ratio_one:.2f}x (bar: <= 1.2)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
