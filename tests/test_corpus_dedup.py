"""Near-duplicate articles (MinHash + LSH) and language id in corpus mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dehusk.corpus import RunConfig, WorkConfig, read_output, run
from dehusk.corpus.dedup import DedupIndex, jaccard_estimate, signature
from test_corpus_hooks import article_sentences

FAKE = "test_corpus_hooks:fake_extract"


def test_signatures_estimate_similarity() -> None:
    base = " ".join(article_sentences(1, 8))
    near = base.replace("public", "people", 1)
    other = (
        "Boil the pasta in salted water for nine minutes, then drain it and keep a cup of the water. "
        "Fry garlic in olive oil, add the tomatoes and let the sauce reduce slowly before serving."
    )
    s1, s2, s3 = signature(base), signature(near), signature(other)
    assert s1 is not None and len(s1) == 126 and s1 == signature(base)
    assert jaccard_estimate(s1, s2) > 0.8 and jaccard_estimate(s1, s3) < 0.3
    assert signature("") is None and signature("...") is None
    index = DedupIndex()
    assert index.check("a", s1) is None and index.check("b", s2) == "a" and index.check("c", s3) is None
    assert index.check("d", None) is None


def _inputs(root: Path) -> list[str]:
    root.mkdir()
    docs = []
    for i in range(12):
        body = "\n".join(article_sentences(i % 5, 6))  # 5 distinct articles, repeated
        if i >= 5:
            body = body.replace("public", "public again", 1)  # a small edit: still a near-duplicate
        docs.append({"id": f"d{i}", "url": f"https://mirror{i}.example/a", "text": f"Title {i}\n{body}"})
    docs.append(
        {
            "id": "fr",
            "text": "Titre\nLe conseil municipal a voté hier soir le budget de la ville pour "
            "l'année prochaine, après un long débat sur les écoles et les transports publics.",
        }
    )
    (root / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    return [str(root / "docs.jsonl")]


def test_dedup_mark_and_drop(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in")
    common = dict(inputs=inputs, workers=2, progress=False, templates=False, shard_size=4)
    run(RunConfig(**common, out=tmp_path / "mark", dedup="mark", work=WorkConfig(extract_fn=FAKE)))
    marked = {r["id"]: r for r in read_output(tmp_path / "mark")}
    assert len(marked) == 13
    assert {k: r["duplicate_of"] for k, r in marked.items() if r["duplicate_of"]} == {
        "d5": "d0",
        "d6": "d1",
        "d7": "d2",
        "d8": "d3",
        "d9": "d4",
        "d10": "d0",
        "d11": "d1",
    }
    assert all(len(r["minhash"]) == 126 for r in marked.values())
    summary = run(RunConfig(**common, out=tmp_path / "drop", dedup="drop", work=WorkConfig(extract_fn=FAKE)))
    kept = [r["id"] for r in read_output(tmp_path / "drop")]
    assert kept == ["d0", "d1", "d2", "d3", "d4", "fr"]
    dropped = [json.loads(line) for line in (tmp_path / "drop" / "duplicates.jsonl").read_text().splitlines()]
    assert [(d["id"], d["duplicate_of"]) for d in dropped][:2] == [("d5", "d0"), ("d6", "d1")]
    assert summary["duplicates"] == len(dropped) == 7 and summary["pages_in"] == 13


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_dedup_index_is_rebuilt_on_resume(tmp_path: Path, fmt: str) -> None:
    inputs = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    cfg = dict(
        inputs=inputs,
        out=out,
        workers=1,
        progress=False,
        templates=False,
        shard_size=5,
        dedup="drop",
        fmt=fmt,
        work=WorkConfig(extract_fn=FAKE),
    )
    run(RunConfig(**cfg))
    full = [r["id"] for r in read_output(out)]
    # roll the run back to its first commit (5 items, no error, no duplicate yet), then resume
    state = json.loads((out / "_state.json").read_text())
    state.update(
        done=False,
        seq=5,
        file=0,
        index=5,
        shards=state["shards"][:1],
        duplicates_bytes=0,
        counts={"in": 5, "out": 5},
    )
    (out / "_state.json").write_text(json.dumps(state))
    run(RunConfig(**cfg, resume=True))
    assert [r["id"] for r in read_output(out)] == full == ["d0", "d1", "d2", "d3", "d4", "fr"]


def test_language_id_of_the_extracted_text(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in")
    run(
        RunConfig(
            inputs=inputs,
            out=tmp_path / "out",
            workers=1,
            progress=False,
            templates=False,
            work=WorkConfig(extract_fn=FAKE),
        )
    )
    recs = {r["id"]: r for r in read_output(tmp_path / "out")}
    assert recs["fr"]["language"] == "fr" and recs["d0"]["language"] == "en"
    assert 0.5 < recs["fr"]["language_score"] <= 1.0
    run(
        RunConfig(
            inputs=inputs,
            out=tmp_path / "nolang",
            workers=1,
            progress=False,
            templates=False,
            work=WorkConfig(extract_fn=FAKE, language=False),
        )
    )
    assert all(r["language"] is None for r in read_output(tmp_path / "nolang"))
