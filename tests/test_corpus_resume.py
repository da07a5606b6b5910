"""Corpus mode survives kill -9 and bad pages: every input item ends up exactly once in the
output or in the error log, also across resumes, crashed workers and hung pages."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from dehusk.corpus import RunConfig, WorkConfig, read_output, run
from dehusk.corpus.build import warc_record, write_warc
from dehusk.corpus.readers import ReaderConfig, iter_items
from test_corpus_hooks import article_sentences

TESTS = Path(__file__).resolve().parent
FAKE = "test_corpus_hooks:fake_extract"


def make_inputs(root: Path, n: int, specials: dict[int, str] | None = None) -> list[str]:
    """A JSONL file of n pages (with some bad lines) and a WARC of n // 4 pages."""
    specials = specials or {}
    root.mkdir(parents=True, exist_ok=True)
    with open(root / "pages.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            if i % 97 == 13:
                fh.write("{this line is not JSON\n")
                continue
            body = "\n".join(article_sentences(i, 2))
            text = f"Title {i}\n{body}\n@@SLOW@@ {specials.get(i, '')}"
            fh.write(
                json.dumps({"id": f"doc-{i}", "url": f"https://s{i % 5}.example/{i}", "text": text}) + "\n"
            )
    write_warc(
        root / "pages.warc.gz",
        (
            warc_record(
                "response",
                f"https://w.example/{i}",
                f"<html><body><h1>W {i}</h1><p>{article_sentences(i, 1)[0]} @@SLOW@@</p></body></html>".encode(),
            )
            for i in range(n // 4)
        ),
    )
    return [str(root / "pages.jsonl"), str(root / "pages.warc.gz")]


def input_ids(inputs: list[str]) -> Counter:
    return Counter(item.id for _, _, item in iter_items(inputs, ReaderConfig()))


def accounted_ids(out: Path) -> Counter:
    ids = Counter(r["id"] for r in read_output(out, ["id"]))
    with open(out / "errors.jsonl", encoding="utf-8") as fh:
        ids.update(json.loads(line)["id"] for line in fh)
    return ids


def cli(inputs: list[str], out: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    cmd = [
        sys.executable,
        "-m",
        "dehusk.cli",
        "run",
        *inputs,
        "-o",
        str(out),
        "--workers",
        "2",
        "--shard-size",
        "15",
        "--extract-fn",
        FAKE,
        "--hard-timeout",
        "3",
        *extra,
    ]
    return subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )


def committed(out: Path) -> int:
    try:
        return json.loads((out / "_state.json").read_text())["seq"]
    except (OSError, ValueError, KeyError):
        return 0


def kill_when(proc: subprocess.Popen, out: Path, at_least: int, limit: float = 90.0) -> None:
    deadline = time.monotonic() + limit
    while committed(out) < at_least and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed: make the input bigger"
    time.sleep(0.13)  # land between commits, not right on one
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)


def test_sigkill_midway_then_resume_accounts_every_record_once(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in", 240, {50: "@@CRASH@@", 120: "@@HANG@@", 170: "@@RAISE@@"})
    expected = input_ids(inputs)
    out = tmp_path / "out"
    proc = cli(inputs, out)
    kill_when(proc, out, 40)
    first = committed(out)
    assert 0 < first < sum(expected.values())
    assert not json.loads((out / "_state.json").read_text())["done"]
    proc = cli(inputs, out, "--resume")
    kill_when(proc, out, first + 60)  # a second kill, after the crash and the hang were met
    proc = cli(inputs, out, "--resume")
    _, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err.decode()
    got = accounted_ids(out)
    assert got == expected  # same ids, each exactly once
    assert max(got.values()) == 1 or max(expected.values()) > 1
    errors = {e["id"]: e for e in map(json.loads, (out / "errors.jsonl").read_text().splitlines())}
    assert errors["doc-50"]["stage"] == "crash" and errors["doc-120"]["stage"] == "timeout"
    assert errors["doc-170"]["stage"] == "extract" and errors["doc-170"]["error"] == "RuntimeError"
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))
    summary = json.loads((out / "summary.json").read_text())
    assert summary["pages_in"] == sum(expected.values()) == summary["pages_out"] + summary["errors"]


def test_crashing_and_hanging_pages_lose_only_themselves(tmp_path: Path) -> None:
    inputs = make_inputs(
        tmp_path / "in", 30, {3: "@@CRASH@@", 4: "@@CRASH@@", 9: "@@HANG@@", 11: "@@RAISE@@"}
    )
    out = tmp_path / "out"
    # a small reorder window: while the hung page waits for its kill, the other worker must pause
    summary = run(
        RunConfig(
            inputs=inputs,
            out=out,
            workers=2,
            hard_timeout=2.0,
            progress=False,
            templates=False,
            window=6,
            work=WorkConfig(extract_fn=FAKE),
        )
    )
    assert accounted_ids(out) == input_ids(inputs)
    errors = {e["id"]: e for e in map(json.loads, (out / "errors.jsonl").read_text().splitlines())}
    assert {k: errors[k]["stage"] for k in ("doc-3", "doc-4", "doc-9", "doc-11")} == {
        "doc-3": "crash",
        "doc-4": "crash",
        "doc-9": "timeout",
        "doc-11": "extract",
    }
    assert "exit code 3" in errors["doc-3"]["message"] and "hard limit" in errors["doc-9"]["message"]
    assert summary["errors_by_stage"] == {"crash": 2, "extract": 1, "parse": 1, "timeout": 1}
    ids = [r["id"] for r in read_output(out, ["id"])]
    assert ids[:4] == ["doc-0", "doc-1", "doc-2", "doc-5"]  # input order is kept around the failures


def test_resume_discards_what_was_not_committed(tmp_path: Path) -> None:
    inputs = make_inputs(tmp_path / "in", 20)
    out = tmp_path / "out"
    cfg = dict(
        inputs=inputs,
        out=out,
        workers=1,
        progress=False,
        templates=False,
        shard_size=7,
        work=WorkConfig(extract_fn=FAKE),
    )
    run(RunConfig(**cfg))
    before = list(read_output(out))
    errors_before = (out / "errors.jsonl").read_bytes()
    state = json.loads((out / "_state.json").read_text())
    # what a kill between writing and committing leaves behind
    state["done"] = False
    (out / "_state.json").write_text(json.dumps(state))
    (out / "part-000099.jsonl.zst").write_bytes(b"orphan shard")
    (out / ".part-000100.jsonl.zst.tmp").write_bytes(b"half-written shard")
    with open(out / "errors.jsonl", "ab") as fh:
        fh.write(b'{"id": "uncommitted"}\n')
    run(RunConfig(**cfg, resume=True))
    assert list(read_output(out)) == before
    assert (out / "errors.jsonl").read_bytes() == errors_before
    assert not (out / "part-000099.jsonl.zst").exists() and not (out / ".part-000100.jsonl.zst.tmp").exists()
