"""Corpus mode: inputs -> (template pass) -> extraction in workers -> ordered, committed shards."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DehuskError
from ..templates import TemplateCounter, TemplateTable
from . import state as st
from .dedup import DedupIndex
from .pool import WAIT, WorkerPool
from .readers import ReaderConfig, ReadError, iter_items
from .work import TemplateShard, WorkConfig, error_record
from .writers import AppendLog, ShardWriter, read_shard


@dataclass
class RunConfig:
    inputs: list[str]
    out: Path
    fmt: str = "jsonl"  # jsonl | parquet
    compression: str = "zstd"  # JSONL shards: zstd | gzip | none
    workers: int = 1
    engine: str = "local"  # local | ray
    ray_address: str | None = None
    resume: bool = False
    reader: ReaderConfig = field(default_factory=ReaderConfig)
    work: WorkConfig = field(default_factory=WorkConfig)
    templates: bool = True
    template_capacity: int = 2_000_000
    dedup: str = "off"  # off | mark | drop
    shard_size: int = 10_000  # items (records + errors) per shard at most
    commit_interval: float = 60.0  # seconds: a shard is closed and committed at least this often
    hard_timeout: float | None = 60.0  # seconds; the worker is killed past it
    window: int = 0  # items in flight or waiting for an earlier one (0: 64 per worker, at least 1024)
    progress: bool | None = None  # None: a progress bar when stderr is a terminal
    start_method: str = "forkserver"

    def settings(self) -> dict[str, Any]:
        """What a resumed run must share with the run it continues."""
        r, w = self.reader, self.work
        return {
            "format": self.fmt,
            "compression": self.compression,
            "mode": r.mode,
            "text_field": r.text_field,
            "id_field": r.id_field,
            "url_field": r.url_field,
            "templates": self.templates,
            "dedup": self.dedup,
            "minhash": w.minhash,
            "extract_fn": w.extract_fn,
            "markdown": w.options.markdown,
            "language": w.language,
        }


def read_error_record(err: ReadError) -> dict[str, Any]:
    return {
        "id": err.id,
        "url": None,
        "source_path": err.source_path,
        "source_offset": err.source_offset,
        "stage": err.stage,
        "error": err.error,
        "message": err.message,
    }


class Committer:
    """Puts finished items back in input order, writes them, and commits shard + logs + state."""

    def __init__(self, cfg: RunConfig, state: st.RunState, progress: Any = None) -> None:
        self.cfg = cfg
        self.state = state
        self.out = cfg.out
        self.buffer: dict[int, tuple[int, int, str, dict[str, Any]]] = {}
        self.next_seq = state.seq
        self.pos = (state.file, state.index)
        self.counts: Counter[str] = Counter(state.counts)
        self.errors = AppendLog(self.out / st.ERRORS, state.errors_bytes)
        self.dups = AppendLog(self.out / st.DUPLICATES, state.duplicates_bytes)
        self.writer: ShardWriter | None = None
        self.pending = 0
        self.last_commit = time.monotonic()
        self.started = time.monotonic()
        self.progress = progress
        self.closed = False
        self.keep_minhash = cfg.work.minhash
        self.dedup: DedupIndex | None = None
        if cfg.dedup != "off":
            self.dedup = DedupIndex()
            for name in state.shards:  # rebuild the index from what is already written
                for rec in read_shard(self.out / name, ["id", "minhash", "duplicate_of"]):
                    if not rec.get("duplicate_of"):
                        self.dedup.add(rec["id"], rec.get("minhash"))

    def window_full(self, seq: int) -> bool:
        window = self.cfg.window or max(1024, 64 * self.cfg.workers)
        return seq - self.next_seq >= window

    def put(self, seq: int, fi: int, ii: int, kind: str, record: dict[str, Any]) -> None:
        self.buffer[seq] = (fi, ii, kind, record)
        while self.next_seq in self.buffer:
            fi, ii, kind, record = self.buffer.pop(self.next_seq)
            self._emit(kind, record)
            self.next_seq += 1
            self.pos = (fi, ii + 1)
            self.pending += 1
            if self.progress is not None:
                self.progress.update(1)
            if (
                self.pending >= self.cfg.shard_size
                or time.monotonic() - self.last_commit >= self.cfg.commit_interval
            ):
                self.commit()

    def _emit(self, kind: str, rec: dict[str, Any]) -> None:
        self.counts["in"] += 1
        if kind == "error":
            self.counts["errors"] += 1
            self.counts[f"errors.{rec['stage']}"] += 1
            self.errors.add(rec)
            return
        if self.dedup is not None:
            dup = self.dedup.check(rec["id"], rec.get("minhash"))
            if dup is not None:
                self.counts["duplicates"] += 1
                if self.cfg.dedup == "drop":
                    self.dups.add({"id": rec["id"], "url": rec.get("url"), "duplicate_of": dup})
                    return
            if self.cfg.dedup == "mark":
                rec["duplicate_of"] = dup
        elif not self.keep_minhash:
            rec.pop("minhash", None)
        if self.writer is None:
            self.writer = ShardWriter(
                self.out,
                len(self.state.shards),
                self.cfg.fmt,
                self.cfg.compression,
                minhash=self.keep_minhash or self.dedup is not None,
                duplicate_of=self.cfg.dedup == "mark",
            )
        self.writer.write(rec)
        self.counts["out"] += 1

    def commit(self) -> None:
        s = self.state
        if self.writer is not None:
            s.shards.append(self.writer.commit())
            self.writer = None
        s.errors_bytes = self.errors.flush()
        s.duplicates_bytes = self.dups.flush()
        s.seq = self.next_seq
        s.file, s.index = self.pos
        s.counts = dict(self.counts)
        s.seconds += time.monotonic() - self.last_commit
        s.save(self.out)
        self.pending = 0
        self.last_commit = time.monotonic()

    def close(self, ok: bool) -> None:
        if ok:
            self.commit()
        elif self.writer is not None:
            self.writer.abort()
            self.writer = None
        self.errors.close()
        self.dups.close()
        self.closed = True


def _bar(cfg: RunConfig, desc: str, initial: int = 0, total: int | None = None) -> Any:
    show = cfg.progress if cfg.progress is not None else sys.stderr.isatty()
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(desc=desc, unit="page", initial=initial, total=total, dynamic_ncols=True, file=sys.stderr)


def learn_templates(cfg: RunConfig, pool: WorkerPool | None) -> tuple[TemplateTable, int | None]:
    """First pass: count each host's repeated lines over the whole input (and its items)."""
    counter = TemplateCounter(capacity=cfg.template_capacity)
    bar = _bar(cfg, "templates")
    items = 0
    if cfg.engine == "ray":
        from .engine_ray import ray_template_keys

        for keys in ray_template_keys(cfg):
            counter.add_page(keys)
            if bar is not None:
                bar.update(1)
    else:
        assert pool is not None
        inputs = [os.path.abspath(p) for p in cfg.inputs]  # workers may not share our working directory
        shards = [
            (i, TemplateShard(inputs, cfg.reader, i, pool.n, cfg.template_capacity)) for i in range(pool.n)
        ]
        for _seq, _shard, status, value in pool.run(iter(shards), "template_shard", limit=False, prefetch=1):
            if status != "done" or value is None:  # a crashed share: the templates miss its pages
                print(
                    f"dehusk run: a template-pass worker failed ({status}): templates are partial",
                    file=sys.stderr,
                )
                continue
            table, items = value
            counter.add_table(table)
            if bar is not None:
                bar.update(items // pool.n)
    if bar is not None:
        bar.close()
    return counter.result(), (items if cfg.engine == "local" else None)


def _extract_local(cfg: RunConfig, pool: WorkerPool, committer: Committer) -> None:
    state = committer.state
    where: dict[int, tuple[int, int]] = {}

    def tasks() -> Iterator[Any]:
        items = iter_items(cfg.inputs, cfg.reader, start=(state.file, state.index))
        for seq, (fi, ii, item) in enumerate(items, start=state.seq):
            while committer.window_full(seq):
                yield WAIT
            if isinstance(item, ReadError):
                committer.put(seq, fi, ii, "error", read_error_record(item))
            else:
                where[seq] = (fi, ii)
                yield seq, item

    for seq, page, status, value in pool.run(tasks(), "extract"):
        fi, ii = where.pop(seq)
        if status == "done":
            kind, rec = value
        else:
            kind = "error"
            rec = error_record(page, status, "WorkerCrash" if status == "crash" else "HardTimeout", value)
        committer.put(seq, fi, ii, kind, rec)


def run(cfg: RunConfig) -> dict[str, Any]:
    """Run corpus mode; returns the summary (also written to OUT/summary.json)."""
    if cfg.fmt not in ("jsonl", "parquet"):
        raise DehuskError(f"unknown output format {cfg.fmt!r}")
    if cfg.engine not in ("local", "ray"):
        raise DehuskError(f"unknown engine {cfg.engine!r}")
    started = time.monotonic()
    state = st.prepare(cfg.out, cfg.inputs, cfg.settings(), cfg.resume)
    if state.done:
        return _summary(cfg, state, time.monotonic() - started, 0)
    work = cfg.work
    if cfg.templates:
        work = WorkConfig(**{**_fields(work), "templates_dir": str(cfg.out / st.TEMPLATES_DIR)})
    if cfg.dedup != "off" and not work.minhash:
        work = WorkConfig(**{**_fields(work), "minhash": True})
    pool = None
    session: Any = contextlib.nullcontext()
    if cfg.engine == "local":
        pool = session = WorkerPool(
            cfg.workers, work, hard_timeout=cfg.hard_timeout, start_method=cfg.start_method
        )
    else:
        from .engine_ray import ray_session

        session = ray_session(cfg)
    with session:
        if cfg.templates and not state.templates_done:
            table, state.total = learn_templates(cfg, pool)
            table.save(cfg.out / st.TEMPLATES_DIR)
            state.templates_done = True
            state.save(cfg.out)
        return _extract(cfg, state, work, pool, started)


def _extract(
    cfg: RunConfig, state: st.RunState, work: WorkConfig, pool: WorkerPool | None, started: float
) -> dict[str, Any]:
    before = state.seq
    bar = _bar(cfg, "pages", initial=state.seq, total=state.total)
    committer = Committer(cfg, state, bar)
    ok = False
    try:
        if cfg.engine == "ray":
            from .engine_ray import ray_extract

            for seq, (fi, ii, kind, rec) in enumerate(ray_extract(cfg, work, state), start=state.seq):
                committer.put(seq, fi, ii, kind, rec)
        else:
            assert pool is not None
            _extract_local(cfg, pool, committer)
        ok = True
    except KeyboardInterrupt:
        committer.buffer.clear()
        committer.close(True)  # keep what is complete and in order
        print(
            f"\ndehusk run: interrupted; {committer.next_seq} items committed: rerun with --resume",
            file=sys.stderr,
        )
        raise
    finally:
        if bar is not None:
            bar.close()
        if not committer.closed:
            committer.close(ok)
    if committer.buffer:
        raise DehuskError(f"internal error: {len(committer.buffer)} items left unordered")
    state.done = True
    state.save(cfg.out)
    return _summary(cfg, state, time.monotonic() - started, state.seq - before)


def _fields(work: WorkConfig) -> dict[str, Any]:
    return {name: getattr(work, name) for name in work.__dataclass_fields__}


def _summary(cfg: RunConfig, state: st.RunState, seconds: float, processed: int) -> dict[str, Any]:
    c = state.counts
    summary = {
        "pages_in": c.get("in", 0),
        "pages_out": c.get("out", 0),
        "errors": c.get("errors", 0),
        "errors_by_stage": {k.split(".", 1)[1]: v for k, v in sorted(c.items()) if k.startswith("errors.")},
        "duplicates": c.get("duplicates", 0),
        "shards": len(state.shards),
        "seconds": round(seconds, 3),
        "pages_this_session": processed,
        "pages_per_second": round(processed / seconds, 2) if seconds > 0 else None,
        "output": str(cfg.out),
    }
    tmp = cfg.out / f".{st.SUMMARY}.tmp"
    tmp.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    tmp.replace(cfg.out / st.SUMMARY)
    return summary


def format_summary(s: dict[str, Any]) -> str:
    stages = ", ".join(f"{k} {v}" for k, v in s["errors_by_stage"].items())
    rate = f"{s['pages_per_second']:.1f} pages/s" if s["pages_per_second"] else "- pages/s"
    return (
        f"dehusk run: {s['pages_in']} pages in, {s['pages_out']} out, {s['errors']} errors"
        + (f" ({stages})" if stages else "")
        + (f", {s['duplicates']} near-duplicates" if s["duplicates"] else "")
        + f"; {s['seconds']:.1f} s, {rate} -> {s['output']}"
    )
