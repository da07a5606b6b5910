"""Site template learning: word F1 before/after on the multi-page hosts of a dataset.

    python benchmarks/bench_templates.py [--dataset ../shared/data/wcxb-dev] [--mode text|html]
                                         [--min-pages 2] [--text-dir text]

Takes the hosts with at least --min-pages pages, learns their templates exactly as corpus mode
does (the `Worker.template_keys` first pass over those pages, into a `TemplateCounter`), then
extracts every page without and with ``Options(template_lines=<its host>)`` (the `Worker.extract`
path of corpus mode) and scores both prediction files with the reference score.py. Prints the
table for all selected hosts and for hosts with 4+ pages (the pipeline's own minimum), and the
word-F1 difference. Re-run it whenever the pipeline's use of the feature changes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from dehusk.corpus.readers import Page
from dehusk.corpus.work import WorkConfig, Worker
from dehusk.templates import TemplateCounter, host_of

HERE = Path(__file__).resolve()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", type=Path, default=HERE.parents[2] / "shared/data/wcxb-dev")
    ap.add_argument("--scorer", type=Path, default=HERE.parents[2] / "shared/bench/score.py")
    ap.add_argument("--mode", choices=["text", "html"], default="text")
    ap.add_argument("--text-dir", default="text", help="text mode: which rendering (text, text-alt)")
    ap.add_argument("--min-pages", type=int, default=2)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()

    with open(args.dataset / "pages.jsonl", encoding="utf-8") as fh:
        pages = [json.loads(line) for line in fh]
    by_host: dict[str, list[dict]] = defaultdict(list)
    for p in pages:
        if (host := host_of(p.get("url"))) is not None:
            by_host[host].append(p)
    hosts = {h: ps for h, ps in by_host.items() if len(ps) >= args.min_pages}
    selected = [p for ps in hosts.values() for p in ps]
    print(
        f"{args.dataset.name}: {len(hosts)} hosts with >= {args.min_pages} pages, {len(selected)} pages "
        f"({sum(len(ps) >= 4 for ps in hosts.values())} hosts with >= 4 pages); mode {args.mode}",
        flush=True,
    )

    def load(p: dict) -> Page:
        if args.mode == "html":
            data = gzip.decompress((args.dataset / "html" / f"{p['id']}.html.gz").read_bytes())
        else:
            data = (args.dataset / args.text_dir / f"{p['id']}.txt").read_bytes()
        return Page(p["id"], p["url"], "", None, data, args.mode)

    plain = Worker(WorkConfig(language=False))
    counter = TemplateCounter()
    for p in selected:  # the first pass of corpus mode, over these pages only
        keys = plain.template_keys(load(p))
        if keys is not None:
            counter.add_page(keys)
    learnt = Worker(WorkConfig(language=False), counter.result())

    with tempfile.TemporaryDirectory(prefix="dehusk-bench-templates-") as tmp:
        root = Path(tmp)
        results = {}
        for group, members in (
            ("all", selected),
            ("4+", [p for ps in hosts.values() if len(ps) >= 4 for p in ps]),
        ):
            ds = root / f"ds-{group}"
            ds.mkdir()
            with open(ds / "pages.jsonl", "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(p) + "\n" for p in members)
            preds = []
            for name, worker in (("before", plain), ("after", learnt)):
                path = root / f"{group}-{name}.jsonl"
                with open(path, "w", encoding="utf-8") as fh:
                    for p in members:
                        kind, rec = worker.extract(load(p))
                        body = rec.get("text", "") if kind == "ok" else ""
                        fh.write(json.dumps({"id": p["id"], "body": body, "title": rec.get("title")}) + "\n")
                preds.append(path)
            out = root / f"{group}.json"
            print(f"\nhosts with >= {args.min_pages if group == 'all' else 4} pages:", flush=True)
            subprocess.run(
                [
                    sys.executable,
                    str(args.scorer),
                    "--dataset",
                    str(ds),
                    "--pred",
                    *map(str, preds),
                    "--json",
                    str(out),
                ],
                check=True,
            )
            res = json.loads(out.read_text())["results"]
            before, after = res[f"{group}-before"], res[f"{group}-after"]
            results[group] = {
                "pages": len(members),
                "word_f1_before": before["word_f1"],
                "word_f1_after": after["word_f1"],
                "shingle_f1_before": before["shingle_f1"],
                "shingle_f1_after": after["shingle_f1"],
            }
            print(
                f"word F1 {before['word_f1']:.4f} -> {after['word_f1']:.4f} "
                f"({after['word_f1'] - before['word_f1']:+.4f}); shingle F1 {before['shingle_f1']:.4f} -> "
                f"{after['shingle_f1']:.4f}"
            )
    if args.json:
        args.json.write_text(json.dumps({"mode": args.mode, "results": results}, indent=1))


if __name__ == "__main__":
    main()
